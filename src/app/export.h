// Exporting patent records: every record of the store, or those matching a
// query, as canonical JSON lines (model/record_json.h, the schema's contract)
// or as a flat CSV for spreadsheets, streamed in chunks to a sink so that a
// server can send them as they come. Authorised as Action::kExportPatents.
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

enum class ExportFormat { kJsonl, kCsv };

// "jsonl" or "csv"; InvalidArgument "format: ..." otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);
// "application/x-ndjson" or "text/csv; charset=utf-8".
const char* ExportContentType(ExportFormat format);

struct ExportRequest {
  ExportFormat format = ExportFormat::kJsonl;
  std::string query;                 // empty: the whole store; else the expert query language
  size_t chunk_bytes = size_t{32} << 10;  // the sink gets chunks of about this size (the last one smaller)
};

// Receives the output in order. A non-OK Status stops the export, which then
// returns it (message followed by " after N records").
using ExportSink = std::function<Status(std::string_view chunk)>;

struct ExportResult {
  uint64_t records = 0;  // records written
  uint64_t bytes = 0;    // bytes given to the sink
  bool cancelled = false;  // `cancel` was set: the output stops after a whole record
  std::vector<std::string> warnings;
};

// NotFound when there is no store (or, with a query, no index);
// InvalidArgument for a bad query. `cancel` (optional) is checked between
// records.
Result<ExportResult> ExportPatents(const Caller& caller, Workspace& workspace, const ExportRequest& request,
                                   const ExportSink& sink, const std::atomic<bool>* cancel = nullptr);

}  // namespace patnav::app
