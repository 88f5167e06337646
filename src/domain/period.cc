// Periods and ISO dates.
#include "domain/period.h"

#include <cstdio>
#include <ctime>

#include "base/strings.h"

namespace patnav::domain {

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Formats by hand: the status engine formats millions of dates per run and
// snprintf was a third of its time. 
std::string Date(int y, int m, int d) {
  if (y < 0 || y > 9999) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

// Days from civil (H. Hinnant's algorithm), 1970-01-01 = 0.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int Digits(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<Period> ParsePeriod(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("period '" + std::string(text) +
                                   "' is not a quarter (2025Q1), a month (2025-03) or a year (2025)");
  };
  if (text.size() < 4 || !IsAsciiDigits(text.substr(0, 4))) return bad();
  int y = Digits(text.substr(0, 4));
  if (y < 1900 || y > 2999) return bad();
  Period p;
  if (text.size() == 4) {
    p.key = std::string(text);
    p.first_day = Date(y, 1, 1);
    p.last_day = Date(y, 12, 31);
    return p;
  }
  if (text.size() == 6 && (text[4] == 'Q' || text[4] == 'q') && text[5] >= '1' && text[5] <= '4') {
    int q = text[5] - '0';
    p.key = std::to_string(y) + "Q" + std::to_string(q);
    p.first_day = Date(y, 3 * q - 2, 1);
    p.last_day = Date(y, 3 * q, DaysIn(y, 3 * q));
    return p;
  }
  if (text.size() == 7 && text[4] == '-' && IsAsciiDigits(text.substr(5))) {
    int m = Digits(text.substr(5));
    if (m < 1 || m > 12) return bad();
    p.key = std::string(text);
    p.first_day = Date(y, m, 1);
    p.last_day = Date(y, m, DaysIn(y, m));
    return p;
  }
  return bad();
}

Status CheckIsoDate(std::string_view d, std::string_view what) {
  auto bad = [&] {
    return Status::InvalidArgument(std::string(what) + " '" + std::string(d) + "' is not a date YYYY-MM-DD");
  };
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !IsAsciiDigits(d.substr(0, 4)) ||
      !IsAsciiDigits(d.substr(5, 2)) || !IsAsciiDigits(d.substr(8, 2)))
    return bad();
  int y = Digits(d.substr(0, 4)), m = Digits(d.substr(5, 2)), day = Digits(d.substr(8, 2));
  if (m < 1 || m > 12 || day < 1 || day > DaysIn(y, m)) return bad();
  return Status::OK();
}

std::string AddYears(std::string_view iso, int years) {
  if (iso.size() < 10) return std::string(iso);
  int y = Digits(iso.substr(0, 4)) + years, m = Digits(iso.substr(5, 2)), d = Digits(iso.substr(8, 2));
  if (m < 1 || m > 12) return std::string(iso);
  return Date(y, m, std::min(d, DaysIn(y, m)));
}

std::string AddMonths(std::string_view iso, int months) {
  if (iso.size() < 10) return std::string(iso);
  int y = Digits(iso.substr(0, 4)), m = Digits(iso.substr(5, 2)), d = Digits(iso.substr(8, 2));
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  return Date(y, m, std::min(d, DaysIn(y, m)));
}

std::string AddDays(std::string_view iso, int64_t days) {
  if (!CheckIsoDate(iso, "date").ok()) return "";
  return IsoDateOfDay(IsoDayNumber(iso) + days);
}

int64_t IsoDayNumber(std::string_view iso) {
  return DaysFromCivil(Digits(iso.substr(0, 4)), static_cast<unsigned>(Digits(iso.substr(5, 2))),
                       static_cast<unsigned>(Digits(iso.substr(8, 2))));
}

std::string IsoDateOfDay(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  return Date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

std::string TodayUtc() { return NowUtc().substr(0, 10); }

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace patnav::domain
