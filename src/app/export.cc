// Exporting records in chunks (export.h).
#include "app/export.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "app/authorize.h"
#include "app/search.h"
#include "app/status_context.h"
#include "app/workbook_bytes.h"
#include "index/patent_set_query.h"
#include "model/record_json.h"
#include "report/xlsx_tables.h"
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

// The workbook's header, column for column the CSV's: English, Chinese.
constexpr std::pair<std::string_view, std::string_view> kXlsxHeader[] = {
    {"publication number", "公开号"}, {"country", "国家/地区"},   {"doc number", "文献号"},
    {"kind", "文献类型"},             {"publication date", "公开日"}, {"grant date", "授权日"},
    {"application number", "申请号"}, {"filing date", "申请日"},  {"priority date", "优先权日"},
    {"language", "语言"},             {"title", "标题"},          {"abstract", "摘要"},
    {"applicants", "申请人"},         {"applicants (normalised)", "申请人（标准化）"},
    {"assignees", "专利权人"},        {"inventors", "发明人"},    {"IPC", "IPC分类号"},
    {"CPC", "CPC分类号"},             {"claims", "权利要求数"},   {"citations", "引用数"},
    {"source format", "数据来源格式"}};
constexpr size_t kClaimsColumn = 18;
constexpr size_t kCitationsColumn = 19;

// One record's columns, in the CSV header's order.
std::vector<std::string> RowFields(const PatentRecord& r) {
  std::string norm;
  for (const auto& p : r.applicants) norm += (norm.empty() ? "" : "; ") + (p.normalized.empty() ? p.name : p.normalized);
  return {r.publication_number, r.country, r.doc_number, r.kind, r.publication_date,
          r.grant_date, r.application_number, r.filing_date, r.priority_date, r.language,
          FirstText(r.title, r.language), FirstText(r.abstract_text, r.language),
          Names(r.applicants), norm, Names(r.assignees), Names(r.inventors),
          Joined(r.ipc), Joined(r.cpc),
          r.claims_count ? std::to_string(*r.claims_count) : "",
          std::to_string(r.citations.size()), r.source.format};
}

void AppendCsvRow(const PatentRecord& r, std::string& out) {
  const std::vector<std::string> f = RowFields(r);
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out.push_back(',');
    out += CsvField(f[i]);
  }
  out.push_back('\n');
}

std::vector<nlohmann::ordered_json> XlsxRow(const PatentRecord& r) {
  std::vector<std::string> f = RowFields(r);
  std::vector<nlohmann::ordered_json> row;
  row.reserve(f.size());
  for (size_t i = 0; i < f.size(); ++i) {
    if (i == kClaimsColumn && r.claims_count) row.emplace_back(*r.claims_count);
    else if (i == kCitationsColumn) row.emplace_back(static_cast<uint64_t>(r.citations.size()));
    else if (f[i].empty()) row.emplace_back(nullptr);
    else row.emplace_back(std::move(f[i]));
  }
  return row;
}

std::vector<std::string> XlsxHeader(const std::string& language) {
  std::vector<std::string> out;
  for (const auto& [en, zh] : kXlsxHeader) {
    if (language == "en") out.emplace_back(en);
    else if (language == "zh") out.emplace_back(zh);
    else out.push_back(std::string(en) + " " + std::string(zh));
  }
  return out;
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
  if (name == "xlsx") return ExportFormat::kXlsx;
  return Status::InvalidArgument("format: must be jsonl, csv or xlsx, not '" + std::string(name) + "'");
}

const char* ExportContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv: return "text/csv; charset=utf-8";
    case ExportFormat::kXlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case ExportFormat::kJsonl: break;
  }
  return "application/x-ndjson";
}

std::string ExportFileName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv: return "patents.csv";
    case ExportFormat::kXlsx: return "patents.xlsx";
    case ExportFormat::kJsonl: break;
  }
  return "patents.jsonl";
}

Result<ExportResult> ExportPatents(const Caller& caller, Workspace& workspace, const ExportRequest& request,
                                   const ExportSink& sink, const std::atomic<bool>* cancel) {
  RETURN_IF_ERROR(Authorize(caller, Action::kExportPatents));
  RETURN_IF_ERROR(CheckQueryLength(request.query));
  if (request.chunk_bytes == 0) return Status::InvalidArgument("chunk_bytes: must be positive");
  if (request.language != "en" && request.language != "zh" && request.language != "both")
    return Status::InvalidArgument("lang: must be en, zh or both, not '" + request.language + "'");
  if (request.xlsx_max_rows == 0 || request.xlsx_max_rows > kXlsxMaxRecords)
    return Status::InvalidArgument("xlsx_max_rows: must be 1 to " + std::to_string(kXlsxMaxRecords));
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
  const bool xlsx = request.format == ExportFormat::kXlsx;
  report::XlsxTable sheet;
  if (xlsx) {
    sheet.sheet = request.language == "zh" ? "检索结果" : request.language == "en" ? "hits" : "hits 检索结果";
    sheet.header = XlsxHeader(request.language);
  }
  if (csv) buffer.append(kCsvHeader);
  if (!restricted || !wanted.empty()) {
    RETURN_IF_ERROR(store->ForEach([&](const PatentRecord& r) {
      if (cancel && cancel->load(std::memory_order_relaxed)) {
        result.cancelled = true;
        return false;
      }
      if (restricted && !std::binary_search(wanted.begin(), wanted.end(), r.publication_number)) return true;
      if (xlsx) {
        if (result.records >= request.xlsx_max_rows) {
          ++result.left_out;
          return true;
        }
        sheet.rows.push_back(XlsxRow(r));
        ++result.records;
        return true;
      }
      if (csv) AppendCsvRow(r, buffer);
      else buffer.append(RecordToJsonLine(r)).push_back('\n');
      ++result.records;
      if (buffer.size() >= request.chunk_bytes) flush();
      return sink_status.ok();
    }));
  }
  if (xlsx && !result.cancelled) {
    sheet.omitted_rows = result.left_out;
    if (result.left_out > 0)
      result.warnings.push_back("xlsx: " + std::to_string(result.left_out) + " of " +
                                std::to_string(result.records + result.left_out) +
                                " records left out, past the sheet's row limit; export CSV or JSON lines for all");
    ASSIGN_OR_RETURN(std::string bytes, WorkbookBytes(workspace.dir(), "export", [&](const std::filesystem::path& path) {
                       return report::WriteXlsxTables({sheet}, path);
                     }));
    for (size_t at = 0; at < bytes.size() && sink_status.ok(); at += request.chunk_bytes) {
      buffer.assign(bytes, at, request.chunk_bytes);
      flush();
    }
  }
  flush();
  if (!sink_status.ok())
    return WithContext(sink_status, "", " after " + std::to_string(result.records) + " records");
  return result;
}

}  // namespace patnav::app
