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

}  // namespace
}  // namespace patnav
