// One row of a mapped table (a CSV/TSV line, a JSONL object, a worksheet
// row) turned into a canonical record and its legal events: the cell rules
// of mapped_table_reader.h, shared by every table reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/legal_event.h"
#include "model/patent_record.h"
#include "readers/reader.h"
#include "readers/table_legal_status.h"
#include "readers/table_mapping.h"

namespace patnav {

// Gathers one row's cells and turns them into a record. Not thread-safe; one
// builder per row. `mapping` must outlive the builder.
class TableRecordBuilder {
 public:
  // `excel_serials`: a plain number in a date column is an Excel date serial
  // (1900 system, or 1904 when `date1904`), as workbooks store dates.
  explicit TableRecordBuilder(const TableMapping& mapping, bool excel_serials = false, bool date1904 = false)
      : mapping_(mapping), excel_serials_(excel_serials), date1904_(date1904) {}

  // A cell as text: list targets are split, others whitespace-collapsed. A
  // cell holding only "-" (how the tools write an empty cell) is empty.
  void Add(const ColumnRule& rule, std::string_view cell);
  // Values already separate (a JSON array).
  void AddItems(const std::string& field, const std::vector<std::string>& items);
  // The record (source.format "csv-mapped"), or InvalidArgument saying why the row cannot be one (no or
  // an unparsable publication number). Call once.
  Result<PatentRecord> Finish();
  // The row's legal events; call after Finish succeeded.
  std::vector<LegalEvent> LegalEvents(const PatentRecord& r, std::vector<std::string>& warnings) const;

 private:
  void AddSingle(const std::string& field, std::string v);
  void AddText(std::map<std::string, std::string>& texts, const std::string& field, std::string v, bool is_title);
  std::string Date(std::string_view v) const;
  void AddPriority(std::string_view v);
  void AddCitation(std::string_view v);
  // A value of a licence/pledge/transfer column as a status value naming
  // its kind (许可/质押/转让); "否", "无" and the like are nothing.
  void AddTransaction(const std::string& field, std::string v);

  const TableMapping& mapping_;
  bool excel_serials_;
  bool date1904_;
  PatentRecord r_;
  std::vector<std::string> numbers_;
  std::string country_, doc_number_, kind_, address_, ipc_main_, province_, city_;
  std::vector<std::string> standardized_;
  TableLegalStatus legal_;
};

// Sends a row's record and its legal events (with their warnings, at `file`
// and `line`) to `sink`.
void DeliverTableRecord(const TableRecordBuilder& builder, PatentRecord&& rec, const std::string& file, int64_t line,
                        RecordSink& sink);

// The ISO date of an Excel date serial ("43831" -> "2020-01-01"; 1900 system
// with its phantom 1900-02-29, or the 1904 system); "" when `text` is not a
// number or outside 1900-01-01..9999-12-31. A time of day is dropped.
std::string ExcelSerialToIsoDate(std::string_view text, bool date1904);

}  // namespace patnav
