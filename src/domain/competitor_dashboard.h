// The competitor dashboard of an alliance (issue 14, part 4), first cut: for
// each competitor the alliance watches (an applicant watch shared with it),
// its activity in a window of publication dates against everything it
// published before -- publications per month, countries it published in for
// the first time, IPC subclasses it gained, and its publications citing the
// alliance's pool patents. Only the competitors' own publications are read
// (PatentStore::PublicationsOfParty by grouping key), never the whole store;
// of the legal events only the competitors' patents' own (lapses) and the
// ownership transactions dated in the window (acquired, sold), never the
// whole table: the cost follows the competitors' patents and the window. Competitors are matched by the applicant (or assignee) grouping key,
// as applicant watches are.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/patent_store.h"

namespace patnav::domain {

struct Competitor {
  std::string name;                     // the watch's name
  std::vector<std::string> applicants;  // names as written in the watch
};

struct CompetitorActivity {
  std::string name;
  std::vector<std::string> applicants;
  int64_t publications = 0;                  // published in the window
  int64_t publications_before = 0;           // published before it
  std::map<std::string, int64_t> per_month;  // "2025-03" -> publications in the window (months with any)
  std::vector<std::string> new_countries;    // first published in the window, sorted
  std::vector<std::string> ipc_gained;       // IPC subclasses ("H01M") first seen in the window, sorted
  int64_t citing_pool = 0;                   // publications in the window citing a pool patent
  // Ownership moves and lapses dated in the window, by date then patent
  // (at most kMaxListed each; the counts are complete).
  struct Move {
    std::string patent;        // country + doc number ("US9000001")
    std::string date;          // ISO
    std::string counterparty;  // acquired: from whom; sold: to whom; lapsed: the event's code
  };
  int64_t acquired_count = 0, sold_count = 0, lapsed_count = 0;
  std::vector<Move> acquired, sold, lapsed;
};
inline constexpr size_t kMaxListed = 500;

// `from`..`to`: ISO dates, inclusive. `pool_subjects`: "country + doc number"
// of the alliance's pool patents (PortfolioSubjects). InvalidArgument when
// from > to.
Result<std::vector<CompetitorActivity>> CompetitorDashboard(PatentStore& store,
                                                            const std::vector<Competitor>& competitors,
                                                            const std::set<std::string>& pool_subjects,
                                                            const std::string& from, const std::string& to);

}  // namespace patnav::domain
