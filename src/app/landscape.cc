// Landscape analyses and reports in memory (landscape.h).
#include "app/landscape.h"

#include <filesystem>

#include "analytics/landscape.h"
#include "analytics/patent_set.h"
#include "app/authorize.h"
#include "app/search.h"
#include "app/status_context.h"
#include "app/workbook_bytes.h"
#include "domain/period.h"
#include "index/legal_state_lookup.h"
#include "index/patent_set_query.h"
#include "report/labels.h"
#include "report/reading.h"
#include "report/report.h"
#include "report/section_order.h"

namespace patnav::app {

namespace {

Result<std::string> XlsxBytes(const nlohmann::ordered_json& landscape, const std::filesystem::path& data_dir,
                              const report::ReportOptions& options) {
  return WorkbookBytes(data_dir, "landscape",
                       [&](const std::filesystem::path& path) { return report::WriteXlsx(landscape, path, options); });
}

// The report's words for each analysis present (LandscapeReportResult::presentation).
nlohmann::ordered_json Presentation(const nlohmann::ordered_json& landscape) {
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const std::string& name : report::SectionOrder(landscape)) {
    const report::Bilingual title = report::AnalysisTitle(name, landscape);
    const report::Bilingual definition = report::AnalysisDefinition(name, landscape);
    const report::Bilingual reading = report::ReadingOf(name, landscape[name]);
    sections.push_back({{"name", name},
                        {"title_en", title.en},
                        {"title_zh", title.zh},
                        {"definition_en", definition.en},
                        {"definition_zh", definition.zh},
                        {"reading_en", reading.en},
                        {"reading_zh", reading.zh}});
  }
  return {{"sections", std::move(sections)},
          {"labels", {{"en", report::UiLabels(report::Language::kEn)}, {"zh", report::UiLabels(report::Language::kZh)}}}};
}

Status CheckRequest(const LandscapeReportRequest& r) {
  RETURN_IF_ERROR(CheckQueryLength(r.query));
  if (r.top < 1 || r.top > 1000) return Status::InvalidArgument("top: must be between 1 and 1000");
  if (r.as_of_year < 0 || r.as_of_year > 9999) return Status::InvalidArgument("as_of: not a year");
  if (r.language != "en" && r.language != "zh" && r.language != "both")
    return Status::InvalidArgument("lang: must be en, zh or both, not '" + r.language + "'");
  if (r.members.size() > 10000) return Status::InvalidArgument("members: more than 10,000 names");
  return Status::OK();
}

// The legal state the search index holds for the set's patents, as of
// today; not given (legal_status left out) when there is no index.
Result<analytics::LegalFacts> LegalFactsOf(const std::filesystem::path& dir, const analytics::Snapshot& snap,
                                           const analytics::PatentSet& set) {
  analytics::LegalFacts facts;
  const std::vector<uint32_t> rows = set.Rows();
  std::vector<uint32_t> docids;
  docids.reserve(rows.size());
  for (uint32_t r : rows) docids.push_back(snap.docid[r]);
  Result<index::IndexedLegalFacts> indexed = index::IndexedLegalFactsOf(dir, docids);
  if (!indexed.ok()) {
    if (indexed.status().code() == StatusCode::kNotFound) return facts;
    return WithContext(indexed.status(), "legal status in the search index: ");
  }
  facts.as_of = domain::TodayUtc();
  facts.state.assign(snap.size(), analytics::PatentState::kUnknown);
  facts.expiry.assign(snap.size(), 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    facts.state[rows[i]] = analytics::PatentStateFromName(indexed->state[i]);
    facts.expiry[rows[i]] = indexed->expiry[i];
  }
  return facts;
}

}  // namespace

Result<LandscapeFormat> ParseLandscapeFormat(std::string_view name) {
  if (name == "json") return LandscapeFormat::kJson;
  if (name == "html") return LandscapeFormat::kHtml;
  if (name == "xlsx") return LandscapeFormat::kXlsx;
  return Status::InvalidArgument("format: must be json, html or xlsx, not '" + std::string(name) + "'");
}

const char* LandscapeContentType(LandscapeFormat format) {
  switch (format) {
    case LandscapeFormat::kJson: return "application/json";
    case LandscapeFormat::kHtml: return "text/html; charset=utf-8";
    case LandscapeFormat::kXlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

Result<LandscapeReportResult> RunLandscapeReport(const Caller& caller, Workspace& workspace,
                                                 const LandscapeReportRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kRunLandscape));
  RETURN_IF_ERROR(CheckRequest(request));
  analytics::LandscapeRequest run;
  run.query = request.query;
  run.data_dir = workspace.dir().string();
  run.only = request.only;
  run.options.top = request.top;
  run.options.as_of_year = request.as_of_year;
  run.options.members = request.members;

  Result<std::shared_ptr<const analytics::Snapshot>> snapshot = workspace.Snapshot();
  if (!snapshot.ok()) {
    if (snapshot.status().code() == StatusCode::kNotFound) return snapshot.status();
    return WithContext(snapshot.status(), "analytics snapshot: ");
  }
  const analytics::Snapshot& snap = **snapshot;
  LandscapeReportResult result;
  analytics::PatentSet set;
  if (request.query.empty() || request.query == "*") {
    set = analytics::PatentSet::All(snap);
  } else {
    ASSIGN_OR_RETURN(std::vector<uint32_t> docids, index::MatchingDocids(workspace.dir(), request.query));
    set = analytics::PatentSet::FromDocids(snap, docids);
    if (set.missing() > 0)
      result.warnings.push_back(std::to_string(set.missing()) +
                                " matching documents are not in the store any more (ignored)");
  }
  ASSIGN_OR_RETURN(run.options.legal, LegalFactsOf(workspace.dir(), snap, set));
  ASSIGN_OR_RETURN(result.landscape, analytics::RunLandscape(snap, set, run));
  nlohmann::ordered_json& landscape = result.landscape;
  if (landscape["members_vs_others"].is_object()) {
    for (const std::string& m : landscape["members_vs_others"]["not_found"].get<std::vector<std::string>>())
      result.warnings.push_back("member '" + m + "' is not an applicant in the store");
  } else {
    landscape.erase("members_vs_others");
  }
  result.patents = set.size();
  result.analyses = landscape["meta"]["analyses"].size();

  report::ReportOptions ro;
  ro.language = request.language;
  switch (request.format) {
    case LandscapeFormat::kJson:
      result.bytes = landscape.dump(2) + "\n";
      result.presentation = Presentation(landscape);
      break;
    case LandscapeFormat::kHtml: {
      ASSIGN_OR_RETURN(result.bytes, report::RenderHtml(landscape, ro));
      break;
    }
    case LandscapeFormat::kXlsx: {
      ASSIGN_OR_RETURN(result.bytes, XlsxBytes(landscape, workspace.dir(), ro));
      break;
    }
  }
  return result;
}

std::vector<std::string> ParseMemberNames(std::string_view text) {
  std::vector<std::string> names;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    names.emplace_back(line);
  }
  return names;
}

}  // namespace patnav::app
