// Date normalization.
#include "model/dates.h"

#include <cstdio>
#include <vector>

#include "base/strings.h"

namespace patnav {

namespace {

bool LeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidYmd(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1700 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && LeapYear(y) ? 1 : 0);
  return d <= max;
}

std::string Format(int y, int m, int d) {
  char buf[16];
  if (m == 0) std::snprintf(buf, sizeof buf, "%04d", y);
  else if (d == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int ToInt(std::string_view s) {
  if (!IsAsciiDigits(s) || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Parses into y/m/d where m or d may be 0 for partial dates. Returns false
// when the text has no recognisable shape.
bool Parse(std::string_view t, int& y, int& m, int& d) {
  t = Trim(t);
  y = m = d = 0;
  if (t.empty()) return false;
  // Chinese: 2015年1月6日
  if (t.find("\xE5\xB9\xB4") != std::string_view::npos) {  // 年
    std::string ascii;
    for (size_t i = 0; i < t.size();) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c < 0x80) { ascii.push_back(static_cast<char>(c)); ++i; }
      else { ascii.push_back('-'); i += (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2); }
    }
    while (!ascii.empty() && ascii.back() == '-') ascii.pop_back();
    return Parse(ascii, y, m, d);
  }
  if (IsAsciiDigits(t)) {
    if (t.size() == 8) { y = ToInt(t.substr(0, 4)); m = ToInt(t.substr(4, 2)); d = ToInt(t.substr(6, 2)); return true; }
    if (t.size() == 6) { y = ToInt(t.substr(0, 4)); m = ToInt(t.substr(4, 2)); return true; }
    if (t.size() == 4) { y = ToInt(t); return true; }
    return false;
  }
  // Keep only the date part of "2015-01-06T00:00:00".
  size_t tpos = t.find_first_of("T ");
  if (tpos != std::string_view::npos && tpos >= 8) t = t.substr(0, tpos);
  char sep = 0;
  for (char c : t) if (c == '-' || c == '/' || c == '.') { sep = c; break; }
  if (!sep) return false;
  std::vector<std::string_view> parts = Split(t, sep);
  if (parts.size() < 2 || parts.size() > 3) return false;
  std::vector<int> v;
  for (auto p : parts) { int x = ToInt(Trim(p)); if (x < 0) return false; v.push_back(x); }
  if (parts[0].size() == 4) {  // Y-M-D
    y = v[0]; m = v[1]; d = parts.size() == 3 ? v[2] : 0;
    return true;
  }
  if (parts.size() == 3 && parts[2].size() == 4) {
    y = v[2];
    if (sep == '/') { m = v[0]; d = v[1]; }  // US month-first (Google Patents)
    else { d = v[0]; m = v[1]; }            // European day-first
    return true;
  }
  return false;
}

}  // namespace

std::string NormalizeDate(std::string_view text) {
  int y, m, d;
  if (!Parse(text, y, m, d) || !ValidYmd(y, m, d)) return "";
  return Format(y, m, d);
}

std::string NormalizePartialDate(std::string_view text) {
  int y, m, d;
  if (!Parse(text, y, m, d)) return "";
  if (y < 1700 || y > 2200) return "";
  if (m == 0) return Format(y, 0, 0);
  if (m > 12) return "";
  if (d == 0) return Format(y, m, 0);
  if (!ValidYmd(y, m, d)) return Format(y, m, 0);
  return Format(y, m, d);
}

bool IsIsoDate(std::string_view s) {
  int y, m, d;
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && Parse(s, y, m, d) && ValidYmd(y, m, d);
}

}  // namespace patnav
