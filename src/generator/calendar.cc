// Civil-calendar arithmetic (H. Hinnant's days_from_civil algorithms).
#include "generator/calendar.h"

namespace patnav::gen {

namespace {
void AppendDigits(std::string& out, int value, int width) {
  char buf[12];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
}
constexpr std::string_view kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
}  // namespace

int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = yoe + era * 400 + (c.month <= 2);
  return c;
}

int Weekday(int32_t days) {
  const int w = (days + 4) % 7;
  return w < 0 ? w + 7 : w;
}

int32_t NextWeekday(int32_t days, int weekday) { return days + (weekday - Weekday(days) + 7) % 7; }

int DaysInYear(int year) { return DaysFromCivil(year + 1, 1, 1) - DaysFromCivil(year, 1, 1); }

void AppendCompactDate(std::string& out, int32_t days) {
  const CivilDate c = CivilFromDays(days);
  AppendDigits(out, c.year, 4);
  AppendDigits(out, c.month, 2);
  AppendDigits(out, c.day, 2);
}

void AppendIsoDate(std::string& out, int32_t days) {
  const CivilDate c = CivilFromDays(days);
  AppendDigits(out, c.year, 4);
  out += '-';
  AppendDigits(out, c.month, 2);
  out += '-';
  AppendDigits(out, c.day, 2);
}

void AppendCompactMonth(std::string& out, int32_t days) {
  const CivilDate c = CivilFromDays(days);
  AppendDigits(out, c.year, 4);
  AppendDigits(out, c.month, 2);
  out += "00";
}

void AppendLongDate(std::string& out, int32_t days) {
  const CivilDate c = CivilFromDays(days);
  out += kMonthNames[c.month - 1];
  out += ' ';
  out += std::to_string(c.day);
  out += ", ";
  out += std::to_string(c.year);
}

}  // namespace patnav::gen
