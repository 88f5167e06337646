// patnav similar: the patents closest to a publication (--pn) or to a product
// description (--text), with scores and the terms each one matched, for
// screening a product against competitors' patents (app::SimilarPatents).
#include <cstdio>
#include <iostream>

#include "app/caller.h"
#include "app/patent_json.h"
#include "app/search.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/open_store.h"

namespace patnav::cli {

namespace {

void PrintCsv(const index::SimilarResult& r) {
  std::cout << "rank,publication_number,publication_date,filing_date,priority_date,score,percent,title,applicants,"
               "matched_terms\r\n";
  int rank = 0;
  for (const auto& s : r.hits) {
    const index::SearchHit& h = s.hit;
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    std::cout << ++rank << ',' << CsvField(h.publication_number) << ',' << h.publication_date << ','
              << h.filing_date << ',' << h.priority_date << ',' << score << ',' << s.percent << ','
              << CsvField(h.title) << ',' << CsvField(JoinedList(h.applicants)) << ','
              << CsvField(JoinedList(s.matched_terms)) << "\r\n";
  }
}

void PrintTable(const index::SimilarResult& r) {
  const int columns = TerminalColumns();
  constexpr int kApplicantColumns = 28;
  const int title_columns = std::max(20, columns - (5 + 1 + 16 + 1 + 10 + 1 + 8 + 1 + 4 + 2 + 2 + kApplicantColumns));
  if (!r.publication_number.empty()) std::printf("Similar to %s\n", r.publication_number.c_str());
  std::printf("Query terms: %s\n\n", FitColumns(JoinedList(r.query_terms, ", "), columns - 13, false).c_str());
  if (!r.hits.empty())
    std::printf("%5s %-16s %-10s %8s %4s  %s  %s\n", "#", "Publication", "Date", "Score", "%",
                FitColumns("Title", title_columns).c_str(), "Applicant");
  int rank = 0;
  for (const auto& s : r.hits) {
    const index::SearchHit& h = s.hit;
    std::string applicant = h.applicants.empty() ? "" : h.applicants.front();
    std::printf("%5d %-16s %-10s %8.3f %3d%%  %s  %s\n", ++rank, h.publication_number.c_str(),
                h.publication_date.c_str(), h.score, s.percent, FitColumns(h.title, title_columns).c_str(),
                FitColumns(applicant, kApplicantColumns, false).c_str());
    std::printf("%6s matched: %s\n", "", FitColumns(JoinedList(s.matched_terms, ", "), columns - 16, false).c_str());
  }
  std::printf("\n%d similar %s\n", rank, rank == 1 ? "patent" : "patents");
}

}  // namespace

int RunSimilar(const SimilarOptions& o) {
  app::Workspace workspace(WorkspaceOptions(o.db));
  app::SimilarPatentsRequest request;
  request.publication_number = o.publication_number;
  request.text = o.text;
  request.filter = o.query;
  request.limit = o.limit;
  Result<app::SimilarPatentsResult> result = app::SimilarPatents(app::Caller::Local(), workspace, request);
  if (!result.ok()) return ExitWith("similar", result.status());
  if (o.format == "json") std::cout << app::SimilarResultJson(result->result).dump(2) << "\n";
  else if (o.format == "csv") PrintCsv(result->result);
  else PrintTable(result->result);
  return kExitOk;
}

}  // namespace patnav::cli
