// Query dates: shapes, calendar validation, day arithmetic.
#include "index/query_date.h"

#include <string>
#include <vector>

namespace patnav::index {

namespace {

bool LeapYear(uint32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

uint32_t DaysInMonth(uint32_t y, uint32_t m) {
  static constexpr uint32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[m - 1] + (m == 2 && LeapYear(y) ? 1 : 0);
}

// Splits "2015-06-01" into its digit groups; nullopt on any other character
// or on mixed separators.
std::optional<std::vector<std::string_view>> Groups(std::string_view t) {
  std::vector<std::string_view> out;
  char sep = 0;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] >= '0' && t[i] <= '9') continue;
    if (i < t.size()) {
      if (t[i] != '-' && t[i] != '/' && t[i] != '.') return std::nullopt;
      if (sep != 0 && t[i] != sep) return std::nullopt;
      sep = t[i];
    }
    if (i == start) return std::nullopt;  // empty group
    out.push_back(t.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

// Rewrites 2015年6月1日 as 2015-6-1; other text unchanged.
std::string FromChinese(std::string_view t) {
  static constexpr std::string_view kYear = "\xE5\xB9\xB4", kMonth = "\xE6\x9C\x88", kDay = "\xE6\x97\xA5";
  if (t.find(kYear) == std::string_view::npos) return std::string(t);
  std::string out;
  for (size_t i = 0; i < t.size();) {
    std::string_view rest = t.substr(i);
    if (rest.starts_with(kYear) || rest.starts_with(kMonth)) {
      out.push_back('-');
      i += 3;
    } else if (rest.starts_with(kDay)) {
      i += 3;
      if (i != t.size()) return "?";
    } else {
      out.push_back(t[i++]);
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

uint32_t Number(std::string_view digits) {
  uint32_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint32_t>(c - '0');
  return v;
}

}  // namespace

std::optional<DateSpan> ParseQueryDate(std::string_view text) {
  std::string t = FromChinese(text);
  auto groups = Groups(t);
  if (!groups) return std::nullopt;
  std::vector<std::string_view> g = *groups;
  if (g.size() == 1 && g[0].size() == 8) g = {g[0].substr(0, 4), g[0].substr(4, 2), g[0].substr(6, 2)};
  if (g.empty() || g.size() > 3 || g[0].size() != 4) return std::nullopt;
  for (size_t i = 1; i < g.size(); ++i)
    if (g[i].size() > 2) return std::nullopt;
  uint32_t y = Number(g[0]);
  if (y < 1000) return std::nullopt;
  if (g.size() == 1) return DateSpan{y * 10000 + 101, y * 10000 + 1231};
  uint32_t m = Number(g[1]);
  if (m < 1 || m > 12) return std::nullopt;
  uint32_t ym = y * 10000 + m * 100;
  if (g.size() == 2) return DateSpan{ym + 1, ym + DaysInMonth(y, m)};
  uint32_t d = Number(g[2]);
  if (d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return DateSpan{ym + d, ym + d};
}

uint32_t NextDay(uint32_t v) {
  uint32_t y = v / 10000, m = v / 100 % 100, d = v % 100;
  if (d < DaysInMonth(y, m)) return v + 1;
  if (m < 12) return y * 10000 + (m + 1) * 100 + 1;
  return (y + 1) * 10000 + 101;
}

uint32_t PreviousDay(uint32_t v) {
  uint32_t y = v / 10000, m = v / 100 % 100, d = v % 100;
  if (d > 1) return v - 1;
  if (m > 1) return y * 10000 + (m - 1) * 100 + DaysInMonth(y, m - 1);
  return (y - 1) * 10000 + 1231;
}

}  // namespace patnav::index
