// Civil-calendar arithmetic on day numbers (days since 1970-01-01, proleptic
// Gregorian), integer-only so generated dates are exact and portable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace patnav::gen {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

int32_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int32_t days);
// 0 = Sunday ... 6 = Saturday.
int Weekday(int32_t days);
// The first day >= `days` falling on `weekday` (0 = Sunday).
int32_t NextWeekday(int32_t days, int weekday);
int DaysInYear(int year);

// Appends "YYYYMMDD".
void AppendCompactDate(std::string& out, int32_t days);
// Appends "YYYY-MM-DD".
void AppendIsoDate(std::string& out, int32_t days);
// Appends "YYYYMM00", the month-precision form of cited-document dates.
void AppendCompactMonth(std::string& out, int32_t days);
// Appends "June 5, 2008".
void AppendLongDate(std::string& out, int32_t days);

}  // namespace patnav::gen
