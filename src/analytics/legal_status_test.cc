// legal_status against an independent loop over the store's records, with
// random states and expiries given per row as the index would give them;
// and its absence when no legal facts are given.
#include <map>

#include <gtest/gtest.h>

#include "analytics/analytics_testing.h"
#include "analytics/brute_force_testing.h"
#include "analytics/landscape.h"
#include "analytics/snapshot_builder.h"
#include "base/random.h"
#include "testing.h"

namespace patnav::analytics {
namespace {

struct Groups {
  int live = 0, dead = 0, pending = 0, unknown = 0;
};

std::string GroupOfState(PatentState s) {
  if (s == PatentState::kInForce) return "live";
  if (s == PatentState::kPending) return "pending";
  if (s == PatentState::kUnknown) return "unknown";
  return "dead";
}

void Add(Groups& g, const std::string& group) {
  if (group == "live") ++g.live;
  else if (group == "dead") ++g.dead;
  else if (group == "pending") ++g.pending;
  else ++g.unknown;
}

void ExpectGroups(const Json& j, const Groups& g) {
  EXPECT_EQ(j["live"], g.live);
  EXPECT_EQ(j["dead"], g.dead);
  EXPECT_EQ(j["pending"], g.pending);
  EXPECT_EQ(j["unknown"], g.unknown);
  const int known = g.live + g.dead + g.pending;
  EXPECT_NEAR(j["live_share"].get<double>(), known ? static_cast<double>(g.live) / known : 0.0, 1e-6);
}

class LegalStatusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions o;
    o.dir = dir_.path();
    auto store = PatentStore::Open(o);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    analytics_testing::FillStore(*store_, 1200, 31);
    auto snap = BuildSnapshot(*store_);
    ASSERT_TRUE(snap.ok()) << snap.status().ToString();
    snap_ = std::move(snap).value();
    corpus_ = brute::ReadCorpus(*store_);
    ASSERT_EQ(corpus_.records.size(), snap_.size());
  }

  testing::ScratchDir dir_;
  std::unique_ptr<PatentStore> store_;
  Snapshot snap_;
  brute::Corpus corpus_;
};

TEST_F(LegalStatusTest, CountsEachGroupAsAnIndependentLoopDoes) {
  Random rnd(5);
  LandscapeRequest request;
  request.options.top = 10;
  LegalFacts& legal = request.options.legal;
  legal.as_of = "2026-06-30";
  legal.state.resize(snap_.size());
  legal.expiry.resize(snap_.size());
  for (uint32_t r = 0; r < snap_.size(); ++r) {
    legal.state[r] = static_cast<PatentState>(rnd.Uniform(8));
    // Some in force with an expiry already past as_of: they count as expired.
    legal.expiry[r] = rnd.Bernoulli(0.1) ? 0 : static_cast<uint32_t>(2020 + rnd.Uniform(20)) * 10000 + 101 +
                                                   static_cast<uint32_t>(rnd.Uniform(11)) * 100;
  }
  const PatentSet set = Select(snap_, PatentFilter{.countries = {"CN", "US", "EP"}});
  auto j = RunLandscape(snap_, set, request);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  ASSERT_TRUE(j->contains("legal_status"));
  const Json& out = (*j)["legal_status"];

  Groups total;
  std::map<std::string, int> by_state;
  std::map<int, Groups> by_year;
  std::map<int, int> expiring;
  std::map<std::string, Groups> by_applicant;
  int patents = 0, corrected = 0;
  for (size_t i = 0; i < corpus_.records.size(); ++i) {
    const PatentRecord& rec = corpus_.records[i];
    if (rec.country != "CN" && rec.country != "US" && rec.country != "EP") continue;
    ++patents;
    PatentState st = legal.state[i];
    if (st == PatentState::kInForce && legal.expiry[i] != 0 && legal.expiry[i] < 20260630) {
      st = PatentState::kExpired;
      ++corrected;
    }
    const std::string group = GroupOfState(st);
    ++by_state[PatentStateName(st)];
    Add(total, group);
    if (brute::Year(rec.filing_date) > 0) Add(by_year[brute::Year(rec.filing_date)], group);
    if (group == "live" && legal.expiry[i] != 0) {
      const int y = static_cast<int>(legal.expiry[i] / 10000);
      if (y >= 2026 && y < 2036) ++expiring[y];
    }
    for (const std::string& k : brute::Keys(rec)) Add(by_applicant[k], group);
  }
  ASSERT_GT(corrected, 0);
  EXPECT_EQ(out["patents"], patents);
  EXPECT_EQ(out["as_of"], "2026-06-30");
  EXPECT_EQ(out["expired_since_indexing"], corrected);
  EXPECT_EQ(out["known"], patents - total.unknown);
  ExpectGroups(out, total);

  int listed = 0;
  for (const Json& row : out["rows"]) {
    const std::string state = row["state"];
    EXPECT_EQ(row["count"], by_state[state]) << state;
    EXPECT_EQ(row["status_group"], GroupOfState(PatentStateFromName(state))) << state;
    listed += row["count"].get<int>();
  }
  EXPECT_EQ(listed, patents);
  EXPECT_EQ(out["rows"].back()["state"], "unknown");

  ASSERT_EQ(out["by_year"].size(), by_year.size());
  for (const Json& row : out["by_year"]) {
    SCOPED_TRACE(row.dump());
    ExpectGroups(row, by_year[row["year"].get<int>()]);
  }
  ASSERT_EQ(out["expiring"].size(), 10u);
  for (const Json& row : out["expiring"]) EXPECT_EQ(row["count"], expiring[row["year"].get<int>()]) << row.dump();

  ASSERT_EQ(out["by_applicant"].size(), 10u);
  int previous = INT32_MAX;
  for (const Json& row : out["by_applicant"]) {
    const Groups& g = by_applicant[row["normalized"].get<std::string>()];
    SCOPED_TRACE(row.dump());
    ExpectGroups(row, g);
    EXPECT_EQ(row["count"], g.live + g.dead + g.pending + g.unknown);
    EXPECT_LE(row["count"].get<int>(), previous);
    previous = row["count"].get<int>();
  }
}

TEST_F(LegalStatusTest, AbsentWithoutLegalFactsAndRefusedWhenAskedFor) {
  LandscapeRequest request;
  auto j = RunLandscape(snap_, PatentSet::All(snap_), request);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  EXPECT_FALSE(j->contains("legal_status"));
  EXPECT_TRUE(j->contains("lifecycle"));
  request.only = {"legal_status"};
  auto refused = RunLandscape(snap_, PatentSet::All(snap_), request);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("patnav index"), std::string::npos) << refused.status().ToString();
}

}  // namespace
}  // namespace patnav::analytics
