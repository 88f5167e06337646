// Exporting records in chunks (export.h).
#include "app/export.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "app/authorize.h"
#include "app/search.h"
#include "app/status_context.h"
#include "index/patent_set_query.h"
#include "model/record_json.h"
#include "store/patent_store.h"

namespace patnav::app {

namespace {

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

std::string Names(const std::vector<Party>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string FirstText(const std::map<std::string, std::string>& m, const std::string& lang) {
  if (auto it = m.find(lang); it != m.end()) return it->second;
  if (auto it = m.find("en"); it != m.end()) return it->second;
  return m.empty() ? "" : m.begin()->second;
}

constexpr std::string_view kCsvHeader =
    "publication_number,country,doc_number,kind,publication_date,grant_date,application_number,filing_date,"
    "priority_date,language,title,abstract,applicants,applicants_normalized,assignees,inventors,ipc,cpc,"
    "claims_count,citations_count,source_format\n";

void AppendCsvRow(const PatentRecord& r, std::string& out) {
  std::string norm;
  for (const auto& p : r.applicants) norm += (norm.empty() ? "" : "; ") + (p.normalized.empty() ? p.name : p.normalized);
  const std::vector<std::string> f = {r.publication_number, r.country, r.doc_number, r.kind, r.publication_date,
                                      r.grant_date, r.application_number, r.filing_date, r.priority_date, r.language,
                                      FirstText(r.title, r.language), FirstText(r.abstract_text, r.language),
                                      Names(r.applicants), norm, Names(r.assignees), Names(r.inventors),
                                      Joined(r.ipc), Joined(r.cpc),
                                      r.claims_count ? std::to_string(*r.claims_count) : "",
                                      std::to_string(r.citations.size()), r.source.format};
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out.push_back(',');
    out += CsvField(f[i]);
  }
  out.push_back('\n');
}

// The publication numbers of the documents matching `query`, sorted: the
// index's docids are the store's publication ids.
Result<std::vector<std::string>> MatchingPublications(const std::filesystem::path& dir, PatentStore& store,
                                                      const std::string& query) {
  ASSIGN_OR_RETURN(std::vector<uint32_t> docids, index::MatchingDocids(dir, query));
  std::vector<std::string> pubs;
  pubs.reserve(docids.size());
  if (docids.empty()) return pubs;
  RETURN_IF_ERROR(store.ForEachChangedSince(
      0,
      [&](const ChangedPublication& p) {
        if (p.id >= 0 && p.id <= UINT32_MAX &&
            std::binary_search(docids.begin(), docids.end(), static_cast<uint32_t>(p.id)))
          pubs.push_back(p.record->publication_number);
        return true;
      },
      /*with_description=*/false));
  std::sort(pubs.begin(), pubs.end());
  return pubs;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  return Status::InvalidArgument("format: must be jsonl or csv, not '" + std::string(name) + "'");
}

const char* ExportContentType(ExportFormat format) {
  return format == ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/x-ndjson";
}

Result<ExportResult> ExportPatents(const Caller& caller, Workspace& workspace, const ExportRequest& request,
                                   const ExportSink& sink, const std::atomic<bool>* cancel) {
  RETURN_IF_ERROR(Authorize(caller, Action::kExportPatents));
  RETURN_IF_ERROR(CheckQueryLength(request.query));
  if (request.chunk_bytes == 0) return Status::InvalidArgument("chunk_bytes: must be positive");
  std::error_code ec;
  if (!std::filesystem::exists(workspace.dir() / "patnav.db", ec))
    return Status::NotFound("no store at " + workspace.dir().string() + " (run 'patnav ingest --db " +
                            workspace.dir().string() + " FILES' first)");
  StoreOptions so;
  so.dir = workspace.dir();
  so.create_if_missing = false;
  ASSIGN_OR_RETURN(std::unique_ptr<PatentStore> store, PatentStore::Open(so));

  const bool restricted = !request.query.empty() && request.query != "*";
  std::vector<std::string> wanted;
  if (restricted) {
    ASSIGN_OR_RETURN(wanted, MatchingPublications(workspace.dir(), *store, request.query));
  }

  ExportResult result;
  std::string buffer;
  buffer.reserve(request.chunk_bytes + 4096);
  Status sink_status;
  auto flush = [&]() {
    if (buffer.empty() || !sink_status.ok()) return;
    sink_status = sink(buffer);
    if (sink_status.ok()) result.bytes += buffer.size();
    buffer.clear();
  };
  const bool csv = request.format == ExportFormat::kCsv;
  if (csv) buffer.append(kCsvHeader);
  if (!restricted || !wanted.empty()) {
    RETURN_IF_ERROR(store->ForEach([&](const PatentRecord& r) {
      if (cancel && cancel->load(std::memory_order_relaxed)) {
        result.cancelled = true;
        return false;
      }
      if (restricted && !std::binary_search(wanted.begin(), wanted.end(), r.publication_number)) return true;
      if (csv) AppendCsvRow(r, buffer);
      else buffer.append(RecordToJsonLine(r)).push_back('\n');
      ++result.records;
      if (buffer.size() >= request.chunk_bytes) flush();
      return sink_status.ok();
    }));
  }
  flush();
  if (!sink_status.ok())
    return WithContext(sink_status, "", " after " + std::to_string(result.records) + " records");
  return result;
}

}  // namespace patnav::app
