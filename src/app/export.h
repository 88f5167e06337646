// Exporting patent records: every record of the store, or those matching a
// query, as canonical JSON lines (model/record_json.h, the schema's contract),
// as a flat CSV for spreadsheets, or as an Excel workbook (XLSX) with the
// CSV's columns, given to a sink in chunks so that a server can send them as
// they come (the workbook is built whole first, then chunked). Authorised as
// Action::kExportPatents.
//
// The workbook: one sheet of hits, its header in English, Chinese or both;
// claims and citations as numbers, dates as ISO text. A sheet holds at most
// 1,048,576 rows: past `xlsx_max_rows` records are counted, not written, the
// sheet's last row says how many were left out and the result's warnings say
// so too (CSV and JSON lines have no limit).
//
// Order: publication-number order (byte order), with or without a query: a
// query's export is the whole export's lines (after the CSV header) that
// belong to its hits. Descriptions are not exported.
//
// Thread-safety: callable from any thread. The export reads through its own
// connection to the store (not the workspace's shared handle), so a slow
// sink holds up no other call; it sees the store as of its start.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"

namespace patnav::app {

enum class ExportFormat { kJsonl, kCsv, kXlsx };

// The most records one sheet holds below its header, leaving the sheet's last
// row for the note saying how many were left out.
inline constexpr uint64_t kXlsxMaxRecords = 1048574;

// "jsonl", "csv" or "xlsx"; InvalidArgument "format: ..." otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);
// "application/x-ndjson", "text/csv; charset=utf-8" or the SpreadsheetML type.
const char* ExportContentType(ExportFormat format);
// The file name a download suggests: "patents.jsonl", "patents.csv", "patents.xlsx".
std::string ExportFileName(ExportFormat format);

struct ExportRequest {
  ExportFormat format = ExportFormat::kJsonl;
  std::string query;                 // empty: the whole store; else the expert query language
  size_t chunk_bytes = size_t{32} << 10;  // the sink gets chunks of about this size (the last one smaller)
  std::string language = "both";     // xlsx header: en, zh or both ("publication number 公开号")
  uint64_t xlsx_max_rows = kXlsxMaxRecords;  // xlsx: records written at most (1..kXlsxMaxRecords)
};

// Receives the output in order. A non-OK Status stops the export, which then
// returns it (message followed by " after N records").
using ExportSink = std::function<Status(std::string_view chunk)>;

struct ExportResult {
  uint64_t records = 0;  // records written
  uint64_t left_out = 0;  // xlsx: hits past the sheet's row limit, not written
  uint64_t bytes = 0;    // bytes given to the sink
  bool cancelled = false;  // `cancel` was set: the output stops after a whole record
  std::vector<std::string> warnings;
};

// NotFound when there is no store (or, with a query, no index);
// InvalidArgument for a bad query, an unknown language or xlsx_max_rows out
// of range. `cancel` (optional) is checked between
// records.
Result<ExportResult> ExportPatents(const Caller& caller, Workspace& workspace, const ExportRequest& request,
                                   const ExportSink& sink, const std::atomic<bool>* cancel = nullptr);

}  // namespace patnav::app
