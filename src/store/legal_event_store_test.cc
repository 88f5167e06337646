// Legal events in the store: the same event put twice, or from two sources,
// is one event with every source; events wait for their patent; a bad event
// is refused whole; the migration keeps older stores working.
#include <gtest/gtest.h>

#include "store/patent_store.h"
#include "testing.h"

namespace patnav {
namespace {

using testing::ScratchDir;

LegalEvent Lapse(const std::string& format, const std::string& code) {
  LegalEvent e;
  e.subject = "US8926509";
  e.application_number = "12134151";
  e.territory = "US";
  e.event_date = "2023-02-20";
  e.inpadoc_office = "US";
  e.inpadoc_code = "LAPS";
  ClassifyLegalEvent(e);
  e.sources.push_back({format, code, "expired"});
  return e;
}

std::unique_ptr<PatentStore> OpenStore(const ScratchDir& dir) {
  StoreOptions o;
  o.dir = dir.path() / "data";
  Result<std::unique_ptr<PatentStore>> s = PatentStore::Open(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

TEST(LegalEventStore, SameEventIsOneEventWithEverySource) {
  ScratchDir dir;
  auto store = OpenStore(dir);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->BeginBatch().ok());
  Result<bool> first = store->PutLegalEvent(Lapse("uspto-maintfee", "EXP."));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(*first);
  EXPECT_FALSE(*store->PutLegalEvent(Lapse("uspto-maintfee", "EXP.")));  // the same line again
  LegalEvent from_inpadoc = Lapse("epo-ops", "LAPS");
  from_inpadoc.effective_date = "2023-01-06";
  EXPECT_FALSE(*store->PutLegalEvent(from_inpadoc));  // another source of the same event
  LegalEvent other_day = Lapse("uspto-maintfee", "EXP.");
  other_day.event_date = "2023-03-01";
  EXPECT_TRUE(*store->PutLegalEvent(other_day));
  ASSERT_TRUE(store->CommitBatch().ok());

  EXPECT_EQ(*store->LegalEventCount(), 2);
  Result<std::vector<LegalEvent>> events = store->LegalEventsOf("US8926509");
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 2u);
  const LegalEvent& merged = (*events)[0];
  EXPECT_EQ(merged.event_date, "2023-02-20");
  EXPECT_EQ(merged.effective_date, "2023-01-06");  // filled by the second source
  EXPECT_EQ(merged.event_class, 'H');
  EXPECT_EQ(merged.influence, '-');
  ASSERT_EQ(merged.sources.size(), 2u);
  EXPECT_EQ(merged.sources[0].format, "epo-ops");
  EXPECT_EQ(merged.sources[1].format, "uspto-maintfee");
  EXPECT_EQ((*events)[1].event_date, "2023-03-01");

  // By application number too; another patent's events are not returned.
  EXPECT_EQ(store->LegalEventsOf("US0", "12134151")->size(), 2u);
  EXPECT_TRUE(store->LegalEventsOf("US8926510")->empty());
  // No publication was needed, and the store's invariants hold.
  EXPECT_EQ(*store->Count(), 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(LegalEventStore, RefusesBadEventsWholeAndNeedsABatch) {
  ScratchDir dir;
  auto store = OpenStore(dir);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->PutLegalEvent(Lapse("uspto-maintfee", "EXP.")).status().code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(store->BeginBatch().ok());
  LegalEvent bad_date = Lapse("uspto-maintfee", "EXP.");
  bad_date.event_date = "2023-02-30";
  Result<bool> r = store->PutLegalEvent(bad_date);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("not a date"), std::string::npos) << r.status().ToString();
  LegalEvent no_source = Lapse("x", "y");
  no_source.sources.clear();
  EXPECT_FALSE(store->PutLegalEvent(no_source).ok());
  EXPECT_TRUE(*store->PutLegalEvent(Lapse("uspto-maintfee", "EXP.")));  // the batch goes on
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->LegalEventCount(), 1);
}

TEST(LegalEventStore, SurvivesReopen) {
  ScratchDir dir;
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->BeginBatch().ok());
    ASSERT_TRUE(store->PutLegalEvent(Lapse("uspto-maintfee", "EXP.")).ok());
    ASSERT_TRUE(store->CommitBatch().ok());
  }
  auto store = OpenStore(dir);
  ASSERT_TRUE(store);
  Result<std::vector<LegalEvent>> events = store->LegalEventsOf("US8926509");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0], Lapse("uspto-maintfee", "EXP."));
}

TEST(LegalEventStore, AssignmentsKeepReelFrameAndPartiesAndMergeIdempotently) {
  ScratchDir dir;
  auto store = OpenStore(dir);
  ASSERT_TRUE(store);
  LegalEvent a;
  a.subject = "US9219817";
  a.application_number = "14678893";
  a.territory = "US";
  a.event_date = "2015-12-30";
  a.effective_date = "2006-03-30";
  a.inpadoc_office = "US";
  a.inpadoc_code = "AS";
  ClassifyLegalEvent(a);
  a.reference = "037388/0092";
  a.conveyance = "assignment";
  a.parties = {{"assignor", "WEINSTEIN, DAMON", "2006-03-30", ""},
               {"assignee", "SOUNDBITE COMMUNICATIONS, INC.", "", "BURLINGTON, MASSACHUSETTS"}};
  a.sources.push_back({"uspto-assignment", "assignment", "ASSIGNMENT OF ASSIGNORS INTEREST"});
  LegalEvent same_day = a;  // another assignment recorded the same day: another event
  same_day.reference = "037388/0106";
  same_day.parties = {{"assignor", "X", "", ""}, {"assignee", "Y", "", ""}};
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_TRUE(*store->PutLegalEvent(a));
  EXPECT_FALSE(*store->PutLegalEvent(a));
  EXPECT_TRUE(*store->PutLegalEvent(same_day));
  ASSERT_TRUE(store->CommitBatch().ok());
  EXPECT_EQ(*store->LegalEventCount(), 2);
  // Found by the application number alone (the patent arrives later).
  Result<std::vector<LegalEvent>> got = store->LegalEventsOf("US0000000", "14678893");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0], a);  // parties once, in order, with dates and addresses
  EXPECT_EQ((*got)[1].parties.size(), 2u);
}

}  // namespace
}  // namespace patnav
