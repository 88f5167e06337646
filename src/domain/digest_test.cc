// Digests of the slower rates: period boundaries (UTC days, ISO weeks,
// months), one digest per watch and period however often collection runs,
// its notifications marked in the same transaction, "notify even when
// nothing is new", immediate watches never digested.
#include <gtest/gtest.h>

#include "domain/digest.h"
#include "domain/digest_period.h"
#include "domain/platform_clock.h"
#include "domain/watch.h"
#include "testing.h"

namespace patnav::domain {
namespace {

int64_t T(const char* iso) { return ParseIsoUtc(iso).value(); }

TEST(DigestPeriod, DaysWeeksAndMonthsInUtc) {
  DigestPeriod d = PeriodContaining(WatchRate::kDaily, T("2026-12-06T23:59:59Z"));
  EXPECT_EQ(d.key, "2026-12-06");
  EXPECT_EQ(FormatIsoUtc(d.start), "2026-12-06T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(d.end), "2026-12-07T00:00:00Z");
  EXPECT_EQ(LastEndedPeriod(WatchRate::kDaily, T("2026-12-07T00:00:00Z")).key, "2026-12-06");
  EXPECT_EQ(LastEndedPeriod(WatchRate::kDaily, T("2026-12-06T23:59:59Z")).key, "2026-12-05");

  // 2026-12-06 is a Sunday: its ISO week is Monday 2026-11-30 to Sunday.
  DigestPeriod w = PeriodContaining(WatchRate::kWeekly, T("2026-12-06T12:00:00Z"));
  EXPECT_EQ(w.key, "2026-W49");
  EXPECT_EQ(FormatIsoUtc(w.start), "2026-11-30T00:00:00Z");
  EXPECT_EQ(FormatIsoUtc(w.end), "2026-12-07T00:00:00Z");
  // ISO week-years: 2021-01-03 (a Sunday) is in 2020-W53; 2024-12-30 in 2025-W01.
  EXPECT_EQ(PeriodContaining(WatchRate::kWeekly, T("2021-01-03T10:00:00Z")).key, "2020-W53");
  EXPECT_EQ(PeriodContaining(WatchRate::kWeekly, T("2024-12-30T10:00:00Z")).key, "2025-W01");

  DigestPeriod m = PeriodContaining(WatchRate::kMonthly, T("2026-12-31T23:00:00Z"));
  EXPECT_EQ(m.key, "2026-12");
  EXPECT_EQ(FormatIsoUtc(m.end), "2027-01-01T00:00:00Z");
  DigestPeriod feb = LastEndedPeriod(WatchRate::kMonthly, T("2028-03-01T00:00:00Z"));
  EXPECT_EQ(feb.key, "2028-02");
  EXPECT_EQ(feb.end - feb.start, 29 * 86400);
}

class DigestTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = MonitoringDb::Open(dir_.path()).value(); }

  Watch Add(const std::string& name, WatchRate rate, bool notify_empty, const std::string& created_at) {
    WatchInput in;
    in.owner_user_id = 1;
    in.name = name;
    in.kind = WatchKind::kQuery;
    in.params.query = "battery";
    in.rate = rate;
    in.notify_empty = notify_empty;
    EXPECT_TRUE(ValidateWatch(in).ok());
    return InsertWatch(*db_, in, 0, 0, created_at).value();
  }

  // A notification of `watch` with `hits` hits, made at `at`.
  int64_t Notify(int64_t watch, const std::string& at, int hits) {
    int64_t id = 0;
    EXPECT_TRUE(db_->Write([&]() -> Status {
                     ASSIGN_OR_RETURN(Statement e, db_->db().Prepare(
                         "INSERT INTO evaluation(at, from_sequence, to_sequence, from_event, to_event, hits) "
                         "VALUES (?1, 0, 0, 0, 0, 0)"));
                     e.BindText(1, at);
                     RETURN_IF_ERROR(e.Run());
                     const int64_t eval = db_->db().LastInsertRowid();
                     ASSIGN_OR_RETURN(Statement n, db_->db().Prepare(
                         "INSERT INTO notification(watch_id, evaluation_id, created_at, hit_count) "
                         "VALUES (?1, ?2, ?3, ?4)"));
                     n.BindInt64(1, watch);
                     n.BindInt64(2, eval);
                     n.BindText(3, at);
                     n.BindInt64(4, hits);
                     RETURN_IF_ERROR(n.Run());
                     id = db_->db().LastInsertRowid();
                     return Status::OK();
                   }).ok());
    return id;
  }

  int64_t Undigested(int64_t watch) {
    Statement s = db_->db().Prepare("SELECT count(*) FROM notification WHERE digest_id IS NULL AND watch_id = ?1").value();
    s.BindInt64(1, watch);
    EXPECT_TRUE(s.Step().value());
    return s.ColumnInt64(0);
  }

  testing::ScratchDir dir_;
  std::unique_ptr<MonitoringDb> db_;
};

TEST_F(DigestTest, ADailyWatchGetsOneDigestPerDayHoldingThatDaysNotifications) {
  Watch daily = Add("daily", WatchRate::kDaily, false, "2026-12-01T08:00:00Z");
  Watch now = Add("now", WatchRate::kImmediate, true, "2026-12-01T08:00:00Z");
  Notify(daily.id, "2026-12-05T09:00:00Z", 3);
  Notify(daily.id, "2026-12-05T17:30:00Z", 2);
  Notify(daily.id, "2026-12-06T01:00:00Z", 4);  // the next day: not yet due
  Notify(now.id, "2026-12-05T09:00:00Z", 1);

  // Before the day ends nothing is due.
  EXPECT_TRUE(CollectDigests(*db_, T("2026-12-05T23:59:59Z"))->empty());
  std::vector<Digest> made = CollectDigests(*db_, T("2026-12-06T00:00:30Z")).value();
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0].watch_id, daily.id);
  EXPECT_EQ(made[0].period, "2026-12-05");
  EXPECT_EQ(made[0].notification_count, 2);
  EXPECT_EQ(made[0].hit_count, 5);
  EXPECT_EQ(made[0].created_at, "2026-12-06T00:00:30Z");
  EXPECT_EQ(Undigested(daily.id), 1);
  EXPECT_EQ(Undigested(now.id), 1);  // immediate: delivered one by one, never digested

  // Running again within the day, or from another process, makes nothing more.
  EXPECT_TRUE(CollectDigests(*db_, T("2026-12-06T00:01:30Z"))->empty());
  EXPECT_TRUE(CollectDigests(*db_, T("2026-12-06T18:00:00Z"))->empty());
  std::vector<Digest> next = CollectDigests(*db_, T("2026-12-07T00:00:00Z")).value();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].period, "2026-12-06");
  EXPECT_EQ(next[0].hit_count, 4);
  EXPECT_EQ(Undigested(daily.id), 0);
  EXPECT_EQ(ListDigests(*db_, daily.id)->size(), 2u);
  EXPECT_EQ(GetDigest(*db_, next[0].id)->period, "2026-12-06");
  EXPECT_EQ(GetDigest(*db_, 999).status().code(), StatusCode::kNotFound);
}

TEST_F(DigestTest, NotifyEvenWhenNothingIsNewMakesAnEmptyDigestOncePerPeriod) {
  Watch quiet = Add("quiet", WatchRate::kWeekly, false, "2026-11-20T08:00:00Z");
  Watch loud = Add("loud", WatchRate::kWeekly, true, "2026-11-20T08:00:00Z");
  Watch young = Add("young", WatchRate::kWeekly, true, "2026-12-02T08:00:00Z");
  // Monday 2026-12-07: the week 2026-W49 has ended.
  // `loud` has existed through W47, W48 and W49: one empty digest for each;
  // `young` only through W49; `quiet` has nothing new and says nothing.
  std::vector<Digest> made = CollectDigests(*db_, T("2026-12-07T06:00:00Z")).value();
  ASSERT_EQ(made.size(), 4u);
  std::vector<std::string> loud_periods;
  for (const Digest& d : made) {
    EXPECT_EQ(d.notification_count, 0);
    if (d.watch_id == loud.id) loud_periods.push_back(d.period);
  }
  EXPECT_EQ(loud_periods, (std::vector<std::string>{"2026-W47", "2026-W48", "2026-W49"}));
  EXPECT_EQ(made[3].watch_id, young.id);
  EXPECT_EQ(made[3].period, "2026-W49");
  EXPECT_TRUE(ListDigests(*db_, quiet.id)->empty());
  EXPECT_TRUE(CollectDigests(*db_, T("2026-12-13T23:00:00Z"))->empty());
  // A watch created after the period ended says nothing about it.
  Watch later = Add("later", WatchRate::kMonthly, true, "2026-12-03T00:00:00Z");
  std::vector<Digest> december = CollectDigests(*db_, T("2026-12-20T00:00:00Z")).value();
  for (const Digest& d : december)
    EXPECT_NE(d.watch_id, later.id) << "November ended before the watch was made";
  std::vector<Digest> january = CollectDigests(*db_, T("2027-01-01T00:00:05Z")).value();
  bool later_made = false;
  for (const Digest& d : january) later_made = later_made || (d.watch_id == later.id && d.period == "2026-12");
  EXPECT_TRUE(later_made);
}

TEST_F(DigestTest, AfterDowntimeEachMissedPeriodGetsItsOwnDigest) {
  Watch daily = Add("daily", WatchRate::kDaily, false, "2026-12-01T08:00:00Z");
  Notify(daily.id, "2026-12-02T09:00:00Z", 1);
  Notify(daily.id, "2026-12-02T10:00:00Z", 2);
  Notify(daily.id, "2026-12-04T09:00:00Z", 4);
  Notify(daily.id, "2026-12-06T09:00:00Z", 8);  // today: not yet due
  // The server was down from 12-02 to 12-06: the days with news get a digest
  // each, the quiet 12-03 and 12-05 none (the watch does not notify when empty).
  std::vector<Digest> made = CollectDigests(*db_, T("2026-12-06T12:00:00Z")).value();
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(made[0].period, "2026-12-02");
  EXPECT_EQ(made[0].notification_count, 2);
  EXPECT_EQ(made[0].hit_count, 3);
  EXPECT_EQ(made[1].period, "2026-12-04");
  EXPECT_EQ(made[1].hit_count, 4);
  EXPECT_EQ(Undigested(daily.id), 1);
  EXPECT_TRUE(CollectDigests(*db_, T("2026-12-06T13:00:00Z"))->empty());

  // A monthly watch notifying when empty, not collected for years: the month
  // with news gets its digest, and the empty ones go back 62 months only.
  Watch monthly = Add("monthly", WatchRate::kMonthly, true, "2019-01-15T00:00:00Z");
  Notify(monthly.id, "2019-02-01T00:00:00Z", 5);
  std::vector<Digest> months = CollectDigests(*db_, T("2026-12-06T14:00:00Z")).value();
  ASSERT_EQ(months.size(), 63u);
  EXPECT_EQ(months[0].period, "2019-02");
  EXPECT_EQ(months[0].hit_count, 5);
  EXPECT_EQ(months[1].period, "2021-10");
  EXPECT_EQ(months.back().period, "2026-11");
  for (size_t i = 2; i < months.size(); ++i) {
    EXPECT_EQ(months[i].hit_count, 0);
    EXPECT_EQ(months[i].period_start, months[i - 1].period_end) << "periods follow each other without a gap";
  }
}

TEST_F(DigestTest, AFailureInsideTheDigestTransactionLeavesNothingMarked) {
  Watch daily = Add("daily", WatchRate::kDaily, false, "2026-12-01T08:00:00Z");
  Notify(daily.id, "2026-12-05T09:00:00Z", 3);
  Result<std::vector<Digest>> failed = CollectDigests(
      *db_, T("2026-12-06T00:00:00Z"), [](const Digest&) { return Status::IOError("injected: queueing failed"); });
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(ListDigests(*db_, daily.id)->empty());
  EXPECT_EQ(Undigested(daily.id), 1);
  // The next run (after the boundary, any time) makes it, once.
  ASSERT_EQ(CollectDigests(*db_, T("2026-12-06T00:01:00Z"))->size(), 1u);
  EXPECT_EQ(Undigested(daily.id), 0);
}

}  // namespace
}  // namespace patnav::domain
