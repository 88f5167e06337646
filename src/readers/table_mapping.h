// Column mappings for tables of any layout: which column of a CSV/TSV (or
// which key of a JSONL object) feeds which canonical field. A mapping comes
// from a JSON mapping file (format in docs/formats/mapping.md) or from the
// built-in preset that knows the headers of common patent-tool exports
// (CNIPA, incoPat, PatSnap, Soopat in Chinese; PatSnap, Lens in English).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav {

enum class TableFormat { kAuto, kCsv, kTsv, kJsonl };

// How to read a date whose year comes last ("05/03/2021"): month first,
// day first, or NormalizeDate's rule (auto: '/' month first, '.' and '-'
// day first). Dates with the year first are unambiguous.
enum class DateOrder { kAuto, kMonthFirst, kDayFirst };

// Canonical targets a column may feed (the values of a mapping's "columns"):
//   publication_number, country, doc_number, kind, application_number,
//   publication_date, grant_date, filing_date, priority_date,
//   priority_claims, family_id, language, title, title.<lang>, abstract,
//   abstract.<lang>, first_claim, claims_count, applicants, assignees,
//   inventors, applicant_address, ipc_main, ipc, cpc, national_classes,
//   citations, legal_status (status words, table_legal_status.h), lapse_date
//   (失效日), applicants_standardized (a tool's standardised names, paired
//   by position with the applicants), applicant_province, applicant_city (of
//   the first applicant), licence, pledge, transfer (transaction columns:
//   their values are status words of that kind, 许可/质押/转让), ignore.
bool IsMappingTarget(std::string_view field);
// Targets that hold lists (split into values, see SplitMultiValue).
bool IsListTarget(std::string_view field);

struct ColumnRule {
  std::string field;      // a mapping target; empty or "ignore": not used
  std::string separator;  // list targets: split on exactly this; empty: default rule
  // Inventor lists under the default rule: whether a ',' may separate names.
  // Decided per column from its values (table_rows.h): not when any holds
  // ';', '；' or '|', where a comma belongs to a name ("SMITH, JOHN | DOE, JANE").
  bool comma_separates = true;
};

struct TableMapping {
  TableFormat format = TableFormat::kAuto;
  DateOrder date_order = DateOrder::kAuto;
  std::string default_country;  // for publication numbers written without one
  // Header name -> rule. Names are compared after NormalizeHeaderName.
  std::map<std::string, ColumnRule> columns;
};

// Parses a mapping file's text. InvalidArgument names what is wrong (not
// JSON, unknown target, unknown format, no column for publication_number or
// doc_number).
Result<TableMapping> ParseTableMapping(std::string_view json_text);
// Reads and parses the mapping file at `path` (IOError when unreadable).
Result<TableMapping> LoadTableMapping(const std::string& path);

// The built-in preset (all known header spellings).
const TableMapping& BuiltinTableMapping();

// Header names compared loosely: full-width brackets and colons made ASCII,
// spaces (also U+3000), '_', '.', ':' and a BOM removed, ASCII lower-cased.
// "公开（公告）号" == "公开(公告)号", "Publication Number" == "publication_number".
std::string NormalizeHeaderName(std::string_view name);

// One rule per header column (an empty field for columns the mapping does
// not name).
std::vector<ColumnRule> BindColumns(const TableMapping& mapping, const std::vector<std::string>& header);

// True when `rules` can make records: a column feeds publication_number (or
// doc_number), and, unless `from_file`, at least three columns are known (so
// a random table is not mistaken for a patent export).
bool BindingFits(const std::vector<ColumnRule>& rules, bool from_file);

// Splits a multi-valued cell: on `separator` when given; otherwise on ';',
// '；' and '|', and, when `allow_comma` (inventor lists) and none of those
// occurs, on ',' and '，'. Values are trimmed; empty ones dropped.
std::vector<std::string> SplitMultiValue(std::string_view cell, std::string_view separator, bool allow_comma);

// NormalizeDate with the given order for year-last dates.
std::string NormalizeDateWithOrder(std::string_view text, DateOrder order);

}  // namespace patnav
