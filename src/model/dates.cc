// Date normalization.
#include "model/dates.h"


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

// Formats by hand: dates are formatted once per event and per field on
// ingest, where snprintf was the largest single cost of the fee reader.
// Precondition: 0 <= y <= 9999, 0 <= m, d <= 99.
std::string Format(int y, int m, int d) {
  char buf[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                  '-', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10),
                  '-', static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  return std::string(buf, m == 0 ? 4 : d == 0 ? 7 : 10);
}

// Two or four ASCII digits at `s`, or -1.
int Digits(const char* s, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
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
  std::string_view parts[3];
  int v[3] = {0, 0, 0};
  size_t n = 0;
  for (std::string_view rest = t;;) {
    if (n == 3) return false;
    size_t cut = rest.find(sep);
    parts[n] = rest.substr(0, cut);
    v[n] = ToInt(Trim(parts[n]));
    if (v[n] < 0) return false;
    ++n;
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  if (n < 2) return false;
  if (parts[0].size() == 4) {  // Y-M-D
    y = v[0]; m = v[1]; d = n == 3 ? v[2] : 0;
    return true;
  }
  if (n == 3 && parts[2].size() == 4) {
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
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = Digits(s.data(), 4), m = Digits(s.data() + 5, 2), d = Digits(s.data() + 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && ValidYmd(y, m, d);
}

}  // namespace patnav
