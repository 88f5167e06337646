// patnav search: the expert query language over the search index
// (app::SearchPatents); one page of hits (table, JSON or CSV), the exact
// total and, with --facets, the top applicants, countries, IPC subclasses and
// years of all hits.
#include <cstdio>
#include <iostream>

#include "app/caller.h"
#include "app/patent_json.h"
#include "app/search.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/open_store.h"
#include "cli/progress.h"

namespace patnav::cli {

namespace {

// The facet keys of SearchResult::facets with their table headings, in
// display order (app::kSearchFacetKeys).
constexpr std::pair<const char*, const char*> kFacetTitles[] = {
    {"applicants", "Top applicants"},
    {"countries", "Countries"},
    {"ipc_subclasses", "IPC subclasses"},
    {"years", "Publication years"},
};

void PrintCsv(const index::SearchResult& r, int offset) {
  std::cout << "rank,publication_number,publication_date,filing_date,priority_date,score,title,applicants\r\n";
  int rank = offset;
  for (const auto& h : r.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    std::cout << ++rank << ',' << CsvField(h.publication_number) << ',' << h.publication_date << ','
              << h.filing_date << ',' << h.priority_date << ',' << score << ',' << CsvField(h.title) << ','
              << CsvField(JoinedList(h.applicants)) << "\r\n";
  }
}

void PrintTable(const index::SearchResult& r, int offset) {
  const int columns = TerminalColumns();
  constexpr int kApplicantColumns = 28;
  // rank(5) pubnum(16) date(10) score(8) + gaps; the title takes the rest.
  const int title_columns = std::max(20, columns - (5 + 1 + 16 + 1 + 10 + 1 + 8 + 2 + 2 + kApplicantColumns));
  if (!r.hits.empty())
    std::printf("%5s %-16s %-10s %8s  %s  %s\n", "#", "Publication", "Date", "Score",
                FitColumns("Title", title_columns).c_str(), "Applicant");
  int rank = offset;
  for (const auto& h : r.hits) {
    std::string applicant = h.applicants.empty() ? "" : h.applicants.front();
    std::printf("%5d %-16s %-10s %8.3f  %s  %s\n", ++rank, h.publication_number.c_str(), h.publication_date.c_str(),
                h.score, FitColumns(h.title, title_columns).c_str(),
                FitColumns(applicant, kApplicantColumns, false).c_str());
  }
  for (const auto& [key, title] : kFacetTitles) {
    auto it = r.facets.find(key);
    if (it == r.facets.end() || it->second.empty()) continue;
    std::printf("\n%s\n", title);
    for (const auto& [value, count] : it->second)
      std::printf("  %s %10s\n", FitColumns(value, 40).c_str(), WithCommas(static_cast<uint64_t>(count)).c_str());
  }
  const std::string total = WithCommas(static_cast<uint64_t>(r.total));
  if (r.hits.empty() && r.total > offset)  // --limit 0
    std::printf("\n%s %s\n", total.c_str(), r.total == 1 ? "hit" : "hits");
  else if (r.hits.empty())
    std::printf("\n%s %s (none from %d on)\n", total.c_str(), r.total == 1 ? "hit" : "hits", offset + 1);
  else
    std::printf("\n%s %s (showing %d\u2013%d)\n", total.c_str(), r.total == 1 ? "hit" : "hits", offset + 1, rank);
}

}  // namespace

int RunSearch(const SearchOptions& o) {
  app::Workspace workspace(WorkspaceOptions(o.db));
  app::SearchPatentsRequest request;
  request.query = o.query;
  request.offset = o.offset;
  request.limit = o.limit;
  request.sort = o.sort;
  request.facets = o.facets;
  Result<app::SearchPatentsResult> result = app::SearchPatents(app::Caller::Local(), workspace, request);
  if (!result.ok()) return ExitWith("search", result.status());
  if (o.format == "json") std::cout << app::SearchResultJson(result->result, result->facets).dump(2) << "\n";
  else if (o.format == "csv") PrintCsv(result->result, o.offset);
  else PrintTable(result->result, o.offset);
  return kExitOk;
}

}  // namespace patnav::cli
