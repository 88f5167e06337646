// patnav search: the expert query language over the search index; one page
// of hits (table, JSON or CSV), the exact total and, with --facets, the top
// applicants, countries, IPC subclasses and years of all hits.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/progress.h"
#include "index/searcher.h"

namespace patnav::cli {

namespace {

// The facet keys of SearchResult::facets with their table headings, in
// display order.
constexpr std::pair<const char*, const char*> kFacetTitles[] = {
    {"applicants", "Top applicants"},
    {"countries", "Countries"},
    {"ipc_subclasses", "IPC subclasses"},
    {"years", "Publication years"},
};

index::SearchRequest::Sort SortFromName(const std::string& name) {
  if (name == "date") return index::SearchRequest::Sort::kDate;
  if (name == "citations") return index::SearchRequest::Sort::kCitations;
  return index::SearchRequest::Sort::kRelevance;
}

void PrintJson(const index::SearchResult& r, bool facets) {
  nlohmann::ordered_json j;
  j["total"] = r.total;
  j["hits"] = nlohmann::ordered_json::array();
  for (const auto& h : r.hits) j["hits"].push_back(HitJson(h));
  j["facets"] = nlohmann::ordered_json::object();
  if (facets) {
    for (const auto& [key, title] : kFacetTitles) {
      nlohmann::ordered_json values = nlohmann::ordered_json::array();
      if (auto it = r.facets.find(key); it != r.facets.end())
        for (const auto& [value, count] : it->second) values.push_back({{"value", value}, {"count", count}});
      j["facets"][key] = std::move(values);
    }
  }
  std::cout << j.dump(2) << "\n";
}

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
  Result<index::Searcher> searcher = index::Searcher::Open(ResolveDataDir(o.db));
  if (!searcher.ok()) {
    std::fprintf(stderr, "patnav search: %s\n", searcher.status().message().c_str());
    return kExitFailure;
  }
  index::SearchRequest request;
  request.query = o.query;
  request.offset = o.offset;
  request.limit = o.limit;
  request.sort = SortFromName(o.sort);
  request.facets = o.facets;
  Result<index::SearchResult> result = searcher->Search(request);
  if (!result.ok()) {
    const bool usage = result.status().code() == StatusCode::kInvalidArgument;
    std::fprintf(stderr, "patnav search: %s\n",
                 usage ? result.status().message().c_str() : result.status().ToString().c_str());
    return usage ? kExitUsage : kExitFailure;
  }
  if (o.format == "json") PrintJson(*result, o.facets);
  else if (o.format == "csv") PrintCsv(*result, o.offset);
  else PrintTable(*result, o.offset);
  return kExitOk;
}

}  // namespace patnav::cli
