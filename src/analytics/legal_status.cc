// legal_status: the share of live patents and the legal-status breakdown of
// the set, by state, by filing year, by applicant, and the live patents'
// expiries in the coming years.
#include <algorithm>
#include <array>

#include "analytics/analyses.h"
#include "analytics/analysis_util.h"

namespace patnav::analytics {

namespace {

constexpr int kExpiryYears = 10;
constexpr size_t kStates = 8;

enum Group { kLive, kDead, kPending, kNone };

Group GroupOf(PatentState s) {
  switch (s) {
    case PatentState::kInForce: return kLive;
    case PatentState::kPending: return kPending;
    case PatentState::kUnknown: return kNone;
    default: return kDead;
  }
}

const char* GroupName(Group g) {
  static const char* const kNames[] = {"live", "dead", "pending", "unknown"};
  return kNames[g];
}

uint32_t YmdOf(std::string_view iso) {
  if (iso.size() < 10) return 0;
  uint32_t v = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[i] < '0' || iso[i] > '9') return 0;
    v = v * 10 + static_cast<uint32_t>(iso[i] - '0');
  }
  return v;
}

struct Tally {
  std::array<uint32_t, 4> by_group{};
  uint32_t total() const { return by_group[0] + by_group[1] + by_group[2] + by_group[3]; }
  Json ToJson(Json head) const {
    const uint32_t known = by_group[kLive] + by_group[kDead] + by_group[kPending];
    head["live"] = by_group[kLive];
    head["dead"] = by_group[kDead];
    head["pending"] = by_group[kPending];
    head["unknown"] = by_group[kNone];
    head["live_share"] = Round6(known ? static_cast<double>(by_group[kLive]) / known : 0);
    return head;
  }
};

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  const LegalFacts& legal = ctx.options.legal;
  const uint32_t as_of = YmdOf(legal.as_of);
  const int as_of_year = static_cast<int>(as_of / 10000);

  std::array<uint32_t, kStates> by_state{};
  Tally total;
  uint32_t expired_since = 0;
  std::vector<uint32_t> expiring(kExpiryYears, 0);
  std::vector<Tally> by_applicant(s.applicant_table.keys.size());
  std::vector<Tally> by_year;
  int first_year = 0;
  if (ctx.first_year > 0) {
    first_year = ctx.first_year;
    int last = first_year;
    for (uint32_t r : ctx.rows) last = std::max(last, static_cast<int>(s.filing_year[r]));
    by_year.resize(static_cast<size_t>(last - first_year + 1));
  }
  for (uint32_t r : ctx.rows) {
    PatentState st = legal.state[r];
    const uint32_t expiry = legal.expiry[r];
    if (st == PatentState::kInForce && expiry != 0 && as_of != 0 && expiry < as_of) {
      st = PatentState::kExpired;
      ++expired_since;
    }
    ++by_state[static_cast<size_t>(st)];
    const Group g = GroupOf(st);
    ++total.by_group[g];
    if (g == kLive && expiry != 0) {
      const int offset = static_cast<int>(expiry / 10000) - as_of_year;
      if (offset >= 0 && offset < kExpiryYears) ++expiring[static_cast<size_t>(offset)];
    }
    for (uint32_t a : s.applicants[r]) ++by_applicant[a].by_group[g];
    if (s.filing_year[r] != 0 && !by_year.empty()) ++by_year[s.filing_year[r] - first_year].by_group[g];
  }

  const size_t n = ctx.size();
  Json rows = Json::array();
  for (size_t i = 1; i <= kStates; ++i) {
    const PatentState st = static_cast<PatentState>(i % kStates);  // unknown last
    const uint32_t count = by_state[static_cast<size_t>(st)];
    if (count == 0) continue;
    rows.push_back({{"state", PatentStateName(st)},
                    {"status_group", GroupName(GroupOf(st))},
                    {"count", count},
                    {"share", Round6(static_cast<double>(count) / n)}});
  }
  Json years = Json::array();
  for (size_t y = 0; y < by_year.size(); ++y)
    if (by_year[y].total() > 0) years.push_back(by_year[y].ToJson({{"year", first_year + static_cast<int>(y)}}));
  Json expiries = Json::array();
  if (as_of_year > 0)
    for (int y = 0; y < kExpiryYears; ++y) expiries.push_back({{"year", as_of_year + y}, {"count", expiring[y]}});

  std::vector<uint32_t> counts(by_applicant.size());
  for (size_t a = 0; a < counts.size(); ++a) counts[a] = by_applicant[a].total();
  Json applicants = Json::array();
  for (uint32_t a : TopIds(counts, s.applicant_table.keys, static_cast<size_t>(ctx.options.top)))
    applicants.push_back(by_applicant[a].ToJson({{"name", s.applicant_table.names[a]},
                                                 {"normalized", s.applicant_table.keys[a]},
                                                 {"count", counts[a]}}));

  Json out = total.ToJson({{"as_of", legal.as_of}, {"patents", n}});
  out["known"] = n - total.by_group[kNone];
  out["expired_since_indexing"] = expired_since;
  out["rows"] = std::move(rows);
  out["by_year"] = std::move(years);
  out["expiring"] = std::move(expiries);
  out["by_applicant"] = std::move(applicants);
  return out;
}

}  // namespace

const AnalysisSpec kLegalStatusAnalysis = {
    "legal_status", "Legal status", "法律状态",
    "Each patent's state is the one the search index holds (LS=, EX=): the status engine's state in its own country "
    "on the day it was indexed, except that a patent in force whose expected expiry falls before as_of counts as "
    "expired (expired_since_indexing counts them). Groups: live = in_force; dead = lapsed, expired, revoked, "
    "withdrawn, refused; pending; unknown = no status known. live_share = live / (live + dead + pending). rows: "
    "patents per state; by_year: the groups per filing year; expiring: live patents whose expected expiry falls in "
    "each of the ten calendar years from as_of's; by_applicant: the groups for the applicants with the most patents "
    "of the set. Present when the search index is there.",
    Run};

}  // namespace patnav::analytics
