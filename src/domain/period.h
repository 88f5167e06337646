// Accounting periods: a quarter "2025Q1", a month "2025-03" or a year
// "2025", with their first and last days (ISO dates).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

struct Period {
  std::string key;       // canonical spelling: 2025Q1, 2025-03, 2025
  std::string first_day; // 2025-01-01
  std::string last_day;  // 2025-03-31
};

// "2025Q1" / "2025q1", "2025-03", "2025". InvalidArgument otherwise.
Result<Period> ParsePeriod(std::string_view text);

// OK when `date` is a real calendar date YYYY-MM-DD.
Status CheckIsoDate(std::string_view date, std::string_view what);

// Adds whole years to an ISO date (Feb 29 becomes Feb 28).
std::string AddYears(std::string_view iso_date, int years);
// Adds months to an ISO date (the day is clamped to the month's length).
std::string AddMonths(std::string_view iso_date, int months);
// The ISO date `days` calendar days after `iso_date` (negative: before);
// "" when `iso_date` is not a real date.
std::string AddDays(std::string_view iso_date, int64_t days);

// Days since 1970-01-01 of a real ISO date (REQUIRES: CheckIsoDate passed).
int64_t IsoDayNumber(std::string_view iso_date);
// The ISO date of a day number (years outside 0..9999 are printed as
// numbers, still ordered by the calendar only within that range).
std::string IsoDateOfDay(int64_t day);

// Today in UTC, YYYY-MM-DD.
std::string TodayUtc();
// Now in UTC, YYYY-MM-DDTHH:MM:SSZ.
std::string NowUtc();

}  // namespace patnav::domain
