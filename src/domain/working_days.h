// Working days on a holiday calendar: which dates are working days in China
// (Monday to Friday, less the public holidays, plus the adjusted weekends
// that are worked, 调休上班), and deadlines counted in working days.
//
// A calendar is a JSON file per year (data/calendars/cn-2026.json,
// docs/credibility.md "Holiday calendars"):
//   {"name": "...", "year": 2026, "source": "...",
//    "holidays": [{"date": "2026-01-01", "name": "元旦"},
//                 {"from": "2026-02-15", "to": "2026-02-23", "name": "春节"}],
//    "working_weekends": [{"date": "2026-01-04", "name": "元旦调休"}]}
// Every date lies in `year`; a working weekend is a Saturday or Sunday; no
// date is both a holiday and a working weekend. Calendars of several years
// merge; a year no calendar covers counts weekends only, and CoversYear says
// so (callers warn).
//
// Thread-safety: a WorkingCalendar is immutable after it is built; const
// calls may run on any thread.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain {

// 1 = Monday ... 7 = Sunday.
int IsoWeekday(std::string_view iso);

class WorkingCalendar {
 public:
  // Weekends only: no holidays, no working weekends, no year covered.
  WorkingCalendar() = default;

  // Parses one year's file. InvalidArgument naming `source`, the entry and
  // the reason for anything malformed (not JSON, a bad or out-of-year date, a
  // range backwards or over 31 days, a working weekend on a weekday, a date
  // both holiday and working weekend, a year already merged).
  static Result<WorkingCalendar> Parse(std::string_view json, std::string_view source);

  // Adds another year's calendar; InvalidArgument when a year is in both.
  Status Merge(const WorkingCalendar& other);

  bool CoversYear(int year) const { return years_.count(year) > 0; }
  const std::set<int>& years() const { return years_; }
  const std::vector<std::string>& names() const { return names_; }

  // REQUIRES: `iso` is a valid date (CheckIsoDate).
  bool IsHoliday(std::string_view iso) const;
  bool IsWorkingWeekend(std::string_view iso) const;
  bool IsWorkingDay(std::string_view iso) const;

  // The date on which a period of `n` working days that starts the day
  // after `start` ends: the n-th working day after `start` (n >= 1), or
  // `start` itself for n = 0. InvalidArgument for a bad date or n < 0.
  Result<std::string> AddWorkingDays(std::string_view start, int n) const;
  // Working days in (from, to]; negative when `to` is before `from`.
  // InvalidArgument for a bad date.
  Result<int> WorkingDaysBetween(std::string_view from, std::string_view to) const;

 private:
  std::set<int> years_;
  std::set<int64_t> holidays_, working_weekends_;
  std::vector<std::string> names_;
};

}  // namespace patnav::domain
