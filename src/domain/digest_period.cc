// Day, ISO week and month periods in UTC (digest_period.h).
#include "domain/digest_period.h"

#include <cstdio>
#include <ctime>

namespace patnav::domain {

namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::tm Utc(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

int64_t MidnightOf(int year, int month0, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month0;
  tm.tm_mday = day;
  return static_cast<int64_t>(timegm(&tm));
}

}  // namespace

DigestPeriod PeriodContaining(WatchRate rate, int64_t t) {
  DigestPeriod p;
  char key[16];
  const int64_t day_start = FloorDiv(t, kDay) * kDay;
  switch (rate) {
    case WatchRate::kDaily:
    case WatchRate::kImmediate: {
      const std::tm tm = Utc(day_start);
      std::snprintf(key, sizeof key, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      p.start = day_start;
      p.end = day_start + kDay;
      break;
    }
    case WatchRate::kWeekly: {
      // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
      const int64_t days = FloorDiv(t, kDay);
      const int64_t weekday = ((days + 3) % 7 + 7) % 7;
      p.start = (days - weekday) * kDay;
      p.end = p.start + 7 * kDay;
      // The ISO week-year is the year of the week's Thursday.
      const std::tm thursday = Utc(p.start + 3 * kDay);
      std::snprintf(key, sizeof key, "%04d-W%02d", thursday.tm_year + 1900, thursday.tm_yday / 7 + 1);
      break;
    }
    case WatchRate::kMonthly: {
      const std::tm tm = Utc(t);
      std::snprintf(key, sizeof key, "%04d-%02d", tm.tm_year + 1900, tm.tm_mon + 1);
      p.start = MidnightOf(tm.tm_year + 1900, tm.tm_mon, 1);
      p.end = tm.tm_mon == 11 ? MidnightOf(tm.tm_year + 1901, 0, 1) : MidnightOf(tm.tm_year + 1900, tm.tm_mon + 1, 1);
      break;
    }
  }
  p.key = key;
  return p;
}

DigestPeriod LastEndedPeriod(WatchRate rate, int64_t t) {
  return PeriodContaining(rate, PeriodContaining(rate, t).start - 1);
}

}  // namespace patnav::domain
