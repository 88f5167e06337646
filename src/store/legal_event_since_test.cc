// Legal events in storage order (PatentStore::LastLegalEventId and
// ForEachLegalEventSince), what watches catch up with: ids only grow, a merge
// into a stored event keeps its id, the range is (after, through], each event
// comes with all its sources, and the callback can stop early.
#include <gtest/gtest.h>

#include "store/patent_store.h"
#include "testing.h"

namespace patnav {
namespace {

using testing::ScratchDir;

LegalEvent Event(const std::string& subject, const std::string& date, const std::string& code) {
  LegalEvent e;
  e.subject = subject;
  e.territory = "US";
  e.event_date = date;
  e.inpadoc_office = "US";  // the identity (EventKey) is the INPADOC code, not the source's
  e.inpadoc_code = code == "EXP." ? "LAPS" : "PMFP";
  e.sources.push_back({"uspto-maintfee", code, "text of " + code});
  return e;
}

TEST(LegalEventSince, RangesInStorageOrderWithEverySource) {
  ScratchDir dir;
  StoreOptions o;
  o.dir = dir.path() / "data";
  Result<std::unique_ptr<PatentStore>> opened = PatentStore::Open(o);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  PatentStore& store = **opened;
  EXPECT_EQ(*store.LastLegalEventId(), 0);

  ASSERT_TRUE(store.BeginBatch().ok());
  ASSERT_TRUE(*store.PutLegalEvent(Event("US7000001", "2020-01-01", "M1551")));
  ASSERT_TRUE(*store.PutLegalEvent(Event("US7000002", "2019-01-01", "M1552")));
  ASSERT_TRUE(store.CommitBatch().ok());
  const int64_t after_first = *store.LastLegalEventId();
  EXPECT_EQ(after_first, 2);

  ASSERT_TRUE(store.BeginBatch().ok());
  LegalEvent again = Event("US7000001", "2020-01-01", "M1551");
  again.sources[0].format = "epo-ops";  // the same event from another source: no new id
  EXPECT_FALSE(*store.PutLegalEvent(again));
  ASSERT_TRUE(*store.PutLegalEvent(Event("US7000003", "2018-01-01", "EXP.")));
  ASSERT_TRUE(store.CommitBatch().ok());
  EXPECT_EQ(*store.LastLegalEventId(), 3);

  std::vector<std::pair<int64_t, LegalEvent>> seen;
  auto collect = [&](int64_t id, const LegalEvent& e) {
    seen.push_back({id, e});
    return true;
  };
  ASSERT_TRUE(store.ForEachLegalEventSince(after_first, 3, collect).ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].first, 3);
  EXPECT_EQ(seen[0].second.subject, "US7000003");

  seen.clear();
  ASSERT_TRUE(store.ForEachLegalEventSince(0, 2, collect).ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].second.subject, "US7000001");  // id order, not date order
  EXPECT_EQ(seen[0].second.sources.size(), 2u);     // both sources of the merged event
  EXPECT_EQ(seen[1].second.subject, "US7000002");

  seen.clear();
  ASSERT_TRUE(store.ForEachLegalEventSince(0, 3, [&](int64_t id, const LegalEvent& e) {
                     seen.push_back({id, e});
                     return false;
                   }).ok());
  EXPECT_EQ(seen.size(), 1u);
  seen.clear();
  ASSERT_TRUE(store.ForEachLegalEventSince(3, 3, collect).ok());
  EXPECT_TRUE(seen.empty());
}

TEST(LegalEventSince, OwnershipTransfersComeWithTheirPartiesAsLegalEventsOfGivesThem) {
  ScratchDir dir;
  StoreOptions o;
  o.dir = dir.path() / "data";
  std::unique_ptr<PatentStore> store = std::move(PatentStore::Open(o).value());
  LegalEvent transfer = Event("US7000001", "2020-03-01", "AS");
  transfer.inpadoc_code = "AS";
  transfer.event_class = 'R';
  transfer.sources[0] = {"uspto-assignment", "assignment", "ASSIGNMENT OF ASSIGNORS INTEREST"};
  transfer.reference = "050001/0001";
  transfer.conveyance = "assignment";
  transfer.parties = {{"assignor", "ALPHA INC.", "2020-02-15", ""}, {"assignee", "BETA CORP.", "", "Austin, TX"}};
  LegalEvent same_day = transfer;  // another reel/frame the same day: another event
  same_day.reference = "050002/0002";
  same_day.parties = {{"assignor", "BETA CORP.", "2020-02-20", ""}, {"assignee", "GAMMA LLC", "", ""}};
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(*store->PutLegalEvent(transfer));
  ASSERT_TRUE(*store->PutLegalEvent(same_day));
  ASSERT_TRUE(*store->PutLegalEvent(Event("US7000001", "2021-01-01", "M1551")));
  ASSERT_TRUE(store->CommitBatch().ok());

  std::vector<LegalEvent> seen;
  ASSERT_TRUE(store->ForEachLegalEventSince(0, 3, [&](int64_t, const LegalEvent& e) {
                       seen.push_back(e);
                       return true;
                     }).ok());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].reference, "050001/0001");
  EXPECT_EQ(seen[0].conveyance, "assignment");
  EXPECT_EQ(seen[0].parties, transfer.parties);
  EXPECT_EQ(seen[1].parties, same_day.parties);
  EXPECT_NE(EventKey(seen[0]), EventKey(seen[1]));
  EXPECT_TRUE(seen[2].parties.empty());
  std::vector<LegalEvent> of = store->LegalEventsOf("US7000001").value();
  ASSERT_EQ(of.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(of[i], seen[i]) << "the same event, read either way";
}

}  // namespace
}  // namespace patnav
