// Working-day arithmetic on the shipped 2026 calendar of China: holidays
// skipped, adjusted weekends (调休上班) counted, deadlines across Spring
// Festival and National Day, every day of the year against an independent
// count, weekends only outside the covered years; malformed calendar files
// refused with the entry and the reason.
#include <set>

#include <gtest/gtest.h>

#include "domain/working_days.h"
#include "domain/period.h"
#include "testing.h"

namespace patnav::domain {
namespace {

std::string ShippedCalendarText() {
  return patnav::testing::ReadFile(patnav::testing::TestData().parent_path().parent_path() / "data" / "calendars" /
                                   "cn-2026.json");
}

WorkingCalendar Cn2026() {
  Result<WorkingCalendar> cal = WorkingCalendar::Parse(ShippedCalendarText(), "cn-2026.json");
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return cal.ok() ? *cal : WorkingCalendar();
}

TEST(IsoDays, DayNumbersAndWeekdays) {
  EXPECT_EQ(IsoDayNumber("1970-01-01"), 0);
  EXPECT_EQ(IsoDayNumber("2000-03-01"), 11017);
  EXPECT_EQ(IsoDateOfDay(11017), "2000-03-01");
  EXPECT_EQ(IsoWeekday("2026-01-01"), 4);   // Thursday
  EXPECT_EQ(IsoWeekday("2026-12-06"), 7);   // Sunday
  EXPECT_EQ(IsoWeekday("2024-02-29"), 4);
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2025-12-31", 1), "2026-01-01");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
  for (int64_t d = -800; d < 30000; d += 37) EXPECT_EQ(IsoDayNumber(IsoDateOfDay(d)), d);
}

TEST(WorkingCalendar, ShippedCalendarOf2026) {
  WorkingCalendar cal = Cn2026();
  EXPECT_TRUE(cal.CoversYear(2026));
  EXPECT_FALSE(cal.CoversYear(2027));
  EXPECT_FALSE(cal.IsWorkingDay("2026-01-01"));  // New Year's Day, a Thursday
  EXPECT_TRUE(cal.IsWorkingDay("2026-01-04"));   // a Sunday worked
  EXPECT_TRUE(cal.IsWorkingWeekend("2026-02-14"));
  EXPECT_FALSE(cal.IsWorkingDay("2026-02-16"));  // Spring Festival, a Monday
  EXPECT_FALSE(cal.IsWorkingDay("2026-02-23"));
  EXPECT_TRUE(cal.IsWorkingDay("2026-02-24"));
  EXPECT_FALSE(cal.IsWorkingDay("2026-03-07"));  // an ordinary Saturday
  EXPECT_TRUE(cal.IsWorkingDay("2026-10-10"));   // a Saturday worked after National Day
  EXPECT_FALSE(cal.IsWorkingDay("2026-10-11"));
  int working = 0;
  for (std::string d = "2026-01-01"; d <= "2026-12-31"; d = AddDays(d, 1)) working += cal.IsWorkingDay(d);
  // 261 weekdays in 2026, less 19 weekday holidays, plus 6 worked weekends.
  EXPECT_EQ(working, 261 - 19 + 6);
}

TEST(WorkingCalendar, DeadlinesAcrossHolidaysAndWorkedWeekends) {
  WorkingCalendar cal = Cn2026();
  // Received on 30 September: National Day, then the worked Saturday 10 October.
  EXPECT_EQ(*cal.AddWorkingDays("2026-09-30", 5), "2026-10-13");
  EXPECT_EQ(*WorkingCalendar().AddWorkingDays("2026-09-30", 5), "2026-10-07");
  // Friday before Spring Festival: the worked Saturday 14 February counts first.
  EXPECT_EQ(*cal.AddWorkingDays("2026-02-13", 1), "2026-02-14");
  EXPECT_EQ(*cal.AddWorkingDays("2026-02-13", 5), "2026-02-27");
  EXPECT_EQ(*cal.AddWorkingDays("2026-02-13", 6), "2026-02-28");
  EXPECT_EQ(*cal.AddWorkingDays("2026-02-13", 7), "2026-03-02");
  // Labour Day: 30 April (Thu) + 3 = 6, 7, 8 May.
  EXPECT_EQ(*cal.AddWorkingDays("2026-04-30", 3), "2026-05-08");
  EXPECT_EQ(*cal.AddWorkingDays("2026-04-30", 4), "2026-05-09");
  // Starting on a holiday; zero days.
  EXPECT_EQ(*cal.AddWorkingDays("2026-10-03", 1), "2026-10-08");
  EXPECT_EQ(*cal.AddWorkingDays("2026-10-03", 0), "2026-10-03");
  // Past the covered year: weekends only.
  EXPECT_EQ(*cal.AddWorkingDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(*cal.WorkingDaysBetween("2026-09-30", "2026-10-13"), 5);
  EXPECT_EQ(*cal.WorkingDaysBetween("2026-10-13", "2026-09-30"), -5);
  EXPECT_FALSE(cal.AddWorkingDays("2026-02-30", 1).ok());
  EXPECT_FALSE(cal.AddWorkingDays("2026-02-01", -1).ok());
}

TEST(WorkingCalendar, EveryStartOfTheYearAgainstAnIndependentCount) {
  WorkingCalendar cal = Cn2026();
  // The calendar written out here from the State Council's notice.
  std::set<std::string> off = {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                               "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05",
                               "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
                               "2026-10-07"};
  std::set<std::string> on = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"};
  std::vector<std::string> working;
  for (std::string d = "2026-01-01"; d <= "2027-03-31"; d = AddDays(d, 1)) {
    const int wd = IsoWeekday(d);
    if (on.count(d) || (wd < 6 && !off.count(d))) working.push_back(d);
  }
  EXPECT_EQ(off.size(), 19u);
  for (std::string start = "2026-01-01"; start <= "2026-12-31"; start = AddDays(start, 1))
    for (int n : {1, 5, 15, 30}) {
      size_t i = 0;
      while (i < working.size() && working[i] <= start) ++i;
      ASSERT_LT(i + n - 1, working.size());
      EXPECT_EQ(*cal.AddWorkingDays(start, n), working[i + n - 1]) << start << " + " << n;
      EXPECT_EQ(*cal.WorkingDaysBetween(start, working[i + n - 1]), n) << start;
    }
}

TEST(WorkingCalendar, MergedYearsAndDuplicates) {
  WorkingCalendar cal = Cn2026();
  Result<WorkingCalendar> y2027 = WorkingCalendar::Parse(
      R"({"year": 2027, "holidays": [{"date": "2027-01-01"}], "working_weekends": []})", "cn-2027.json");
  ASSERT_TRUE(y2027.ok()) << y2027.status().ToString();
  ASSERT_TRUE(cal.Merge(*y2027).ok());
  EXPECT_TRUE(cal.CoversYear(2027));
  EXPECT_EQ(*cal.AddWorkingDays("2026-12-31", 1), "2027-01-04");
  Status again = cal.Merge(Cn2026());
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(again.message().find("2026"), std::string::npos);
}

TEST(WorkingCalendar, MalformedFilesRefusedWithTheEntryAndReason) {
  struct Case {
    const char* text;
    const char* expect;
  } cases[] = {
      {"not json", "not valid JSON"},
      {"[]", "JSON object"},
      {R"({"holidays": []})", "year"},
      {R"({"year": 2026, "holiday": []})", "holiday: unknown field"},
      {R"({"year": 2026, "holidays": [{"date": "2026-02-30"}]})", "holidays[0]"},
      {R"({"year": 2026, "holidays": [{"date": "2027-01-01"}]})", "is not in 2026"},
      {R"({"year": 2026, "holidays": [{"from": "2026-02-10", "to": "2026-02-01"}]})", "before"},
      {R"({"year": 2026, "holidays": [{"from": "2026-01-01", "to": "2026-03-01"}]})", "over 31 days"},
      {R"({"year": 2026, "holidays": [{"date": "2026-01-01", "from": "2026-01-01"}]})", "not both"},
      {R"({"year": 2026, "holidays": [{"name": "x"}]})", "needs date"},
      {R"({"year": 2026, "working_weekends": [{"date": "2026-01-05"}]})", "is a weekday"},
      {R"({"year": 2026, "working_weekends": [{"from": "2026-01-03", "to": "2026-01-04"}]})", "unknown field 'from'"},
      {R"({"year": 2026, "holidays": [{"date": "2026-01-03"}], "working_weekends": [{"date": "2026-01-03"}]})",
       "both a holiday and a working weekend"},
      {R"({"year": 2026, "holidays": [{"date": 20260101}]})", "must be a string"},
  };
  for (const Case& c : cases) {
    Result<WorkingCalendar> cal = WorkingCalendar::Parse(c.text, "bad.json");
    ASSERT_FALSE(cal.ok()) << c.text;
    EXPECT_EQ(cal.status().code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(cal.status().message().find(c.expect), std::string::npos) << cal.status().message();
    EXPECT_EQ(cal.status().message().rfind("bad.json", 0), 0u) << cal.status().message();
  }
}

}  // namespace
}  // namespace patnav::domain
