// A patent landscape: the landscape analyses (analytics/landscape.h) over
// the patents matching a query, as the landscape JSON
// (docs/landscape-json.md), an HTML report or an XLSX workbook (report/), in
// memory. Authorised as Action::kRunLandscape.
//
// Thread-safety: callable from any thread, concurrently: it reads the
// workspace's shared, immutable analytics snapshot (built or refreshed first
// when missing or stale) and a query's matches through its own index reader.
// XLSX goes through a temporary file DIR/tmp/landscape-*.xlsx, removed
// before the call returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"

namespace patnav::app {

enum class LandscapeFormat { kJson, kHtml, kXlsx };

// "json", "html" or "xlsx"; InvalidArgument "format: ..." otherwise.
Result<LandscapeFormat> ParseLandscapeFormat(std::string_view name);
// "application/json", "text/html; charset=utf-8", or the XLSX media type.
const char* LandscapeContentType(LandscapeFormat format);

struct LandscapeReportRequest {
  std::string query;                 // the expert query language; "" or "*": the whole store
  std::vector<std::string> members;  // alliance members' applicant names (members_vs_others)
  std::vector<std::string> only;     // analysis names; empty: all
  int top = 20;                      // rows of ranked lists, 1..1000
  int as_of_year = 0;                // last complete year; 0: last calendar year, capped at the data
  std::string language = "both";     // report labels: en, zh or both (html, xlsx)
  LandscapeFormat format = LandscapeFormat::kJson;
};

struct LandscapeReportResult {
  // JSON: the landscape dumped with an indent of 2 and a final newline; HTML:
  // the page; XLSX: the workbook's bytes.
  std::string bytes;
  nlohmann::ordered_json landscape;  // the landscape JSON itself, whatever the format
  uint64_t patents = 0;              // in the analysed set
  size_t analyses = 0;               // analyses run
  // "N matching documents are not in the store any more (ignored)", "member
  // 'X' is not an applicant in the store".
  std::vector<std::string> warnings;
  // JSON format only (null otherwise): what the HTML report writes beside its
  // charts, for a client drawing its own: {"sections": [{"name", "title_en",
  // "title_zh", "definition_en", "definition_zh", "reading_en",
  // "reading_zh"}] in report order, "labels": {"en": {...}, "zh": {...}}}
  // (the chart labels of report::UiLabels).
  nlohmann::ordered_json presentation;
};

// InvalidArgument for a bad query, an unknown analysis, members_vs_others
// without members, top out of range or an unknown language; NotFound when
// there is no store (or, with a query, no index).
Result<LandscapeReportResult> RunLandscapeReport(const Caller& caller, Workspace& workspace,
                                                 const LandscapeReportRequest& request);

// Applicant names from a members file's text: one a line; blank lines and
// lines starting with '#' skipped; a UTF-8 byte order mark, CR line ends and
// surrounding blanks tolerated.
std::vector<std::string> ParseMemberNames(std::string_view text);

}  // namespace patnav::app
