// The pool view (ShowPool and its JSON) gives each contributed patent's
// recorded lapses and its saved value score, what the operator console's pool
// tab shows beside the contribution; a patent never scored or lapsed says so.
#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/members.h"
#include "app/operations_json.h"
#include "app/pools.h"
#include "domain/value_context.h"
#include "testing.h"

namespace patnav::app {
namespace {

class PoolViewFacts : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    ASSERT_TRUE(CreateAlliance(local_, *ws_, {"A", "Hefei", "social", ""}).ok());
    ASSERT_TRUE(AddMember(local_, *ws_, {"A", "Acme", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(CreatePool(local_, *ws_, {"A", "PA", "", "", "", "USD", "10"}).ok());
    ASSERT_TRUE(ws_->WithOperations([](domain::OperationsDb& ops) {
      return domain::Contribute(ops, {{"PA", "Acme", "US9000001B2", "2024-01-01", {"CN", "US"}, "2040-01-01"},
                                      {"PA", "Acme", "US9000002B2", "2024-01-01", {"US"}, "2041-05-06"}});
    }).ok());
  }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  const Caller local_ = Caller::Local();
};

TEST_F(PoolViewFacts, GivesEachPatentsLapsesAndSavedValueScore) {
  ASSERT_TRUE(RecordLapse(local_, *ws_, {"A", "US9000001B2", "US", "2025-02-03"}).ok());
  ASSERT_TRUE(RecordLapse(local_, *ws_, {"A", "US9000001B2", "", "2025-06-30"}).ok());
  domain::PatentValue scored;
  scored.publication_number = "US9000001B2";
  scored.overall = 71.25;
  ASSERT_TRUE(ws_->WithOperations([&](domain::OperationsDb& ops) { return domain::SaveValueScores(ops, {scored}); }).ok());

  Result<PoolView> view = ShowPool(local_, *ws_, {"A", "PA"});
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  ASSERT_EQ(view->contributions.size(), 2u);
  const domain::Contribution& lapsed = view->contributions[0];
  EXPECT_EQ(lapsed.publication_number, "US9000001B2");
  ASSERT_EQ(lapsed.lapses.size(), 2u);
  EXPECT_EQ(lapsed.lapses[0].country, "");
  EXPECT_EQ(lapsed.lapses[0].lapsed_on, "2025-06-30");
  EXPECT_EQ(lapsed.lapses[1].country, "US");
  EXPECT_EQ(lapsed.lapses[1].lapsed_on, "2025-02-03");
  EXPECT_EQ(lapsed.value_centi, 7125);
  EXPECT_FALSE(lapsed.value_scored_at.empty());

  Json j = ToJson(*view);
  const Json& first = j["patents"][0];
  EXPECT_EQ(first["lapses"].size(), 2u);
  EXPECT_TRUE(first["lapses"][0]["country"].is_null());
  EXPECT_EQ(first["lapses"][1]["country"], "US");
  EXPECT_EQ(first["lapses"][1]["lapsed_on"], "2025-02-03");
  EXPECT_EQ(first["value_centi"], 7125);
  EXPECT_TRUE(first["value_scored_at"].is_string());
  EXPECT_EQ(first["expires_on"], "2040-01-01");

  const Json& untouched = j["patents"][1];
  EXPECT_EQ(untouched["publication_number"], "US9000002B2");
  EXPECT_TRUE(untouched["lapses"].empty());
  EXPECT_TRUE(untouched["value_centi"].is_null());
  EXPECT_TRUE(untouched["value_scored_at"].is_null());
}

TEST_F(PoolViewFacts, ALaterLapseReplacesTheOneOfTheSameCountry) {
  ASSERT_TRUE(RecordLapse(local_, *ws_, {"A", "US9000002B2", "US", "2025-01-01"}).ok());
  ASSERT_TRUE(RecordLapse(local_, *ws_, {"A", "US9000002B2", "US", "2025-03-01"}).ok());
  Result<PoolView> view = ShowPool(local_, *ws_, {"A", "PA"});
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  ASSERT_EQ(view->contributions[1].lapses.size(), 1u);
  EXPECT_EQ(view->contributions[1].lapses[0].lapsed_on, "2025-03-01");
  EXPECT_TRUE(view->contributions[0].lapses.empty());
}

}  // namespace
}  // namespace patnav::app
