// Money parsing and formatting in integer minor units.
#include "domain/money.h"

#include <limits>

namespace patnav::domain {

namespace {

// Parses a non-negative decimal with at most `max_decimals` decimals into an
// integer scaled by 10^scale (scale >= max_decimals).
Result<int64_t> ParseScaled(std::string_view text, int max_decimals, int scale, std::string_view what) {
  std::string shown(text);
  if (text.empty()) return Status::InvalidArgument(std::string(what) + " is empty");
  if (text.front() == '-') return Status::InvalidArgument(std::string(what) + " '" + shown + "' is negative");
  if (text.front() == '+') text.remove_prefix(1);
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() && frac.empty())
    return Status::InvalidArgument(std::string(what) + " '" + shown + "' is not a number");
  for (std::string_view part : {whole, frac})
    for (char c : part)
      if (c < '0' || c > '9') return Status::InvalidArgument(std::string(what) + " '" + shown + "' is not a number");
  if (dot != std::string_view::npos && frac.empty())
    return Status::InvalidArgument(std::string(what) + " '" + shown + "' is not a number");
  if (static_cast<int>(frac.size()) > max_decimals)
    return Status::InvalidArgument(std::string(what) + " '" + shown + "' has more than " +
                                   std::to_string(max_decimals) + " decimals");
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t v = 0;
  auto push = [&](char c) -> bool {
    if (v > (kMax - (c - '0')) / 10) return false;
    v = v * 10 + (c - '0');
    return true;
  };
  bool ok = true;
  for (char c : whole) ok = ok && push(c);
  for (char c : frac) ok = ok && push(c);
  for (int i = static_cast<int>(frac.size()); i < scale; ++i) ok = ok && push('0');
  if (!ok) return Status::InvalidArgument(std::string(what) + " '" + shown + "' is too large");
  return v;
}

std::string FormatScaled(int64_t v, int scale) {
  bool negative = v < 0;
  uint64_t u = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string digits = std::to_string(u);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Status CheckCurrency(std::string_view code) {
  bool ok = code.size() == 3;
  for (char c : code) ok = ok && c >= 'A' && c <= 'Z';
  if (!ok) return Status::InvalidArgument("currency '" + std::string(code) + "' is not an ISO 4217 code (e.g. USD, EUR, CNY)");
  return Status::OK();
}

int MinorDigits(std::string_view c) {
  for (const char* zero : {"JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF", "RWF", "KMF", "GNF", "DJF", "VUV", "XPF", "BIF"})
    if (c == zero) return 0;
  for (const char* three : {"BHD", "KWD", "OMR", "JOD", "IQD", "LYD", "TND"})
    if (c == three) return 3;
  return 2;
}

Result<int64_t> ParseAmount(std::string_view text, std::string_view currency) {
  int d = MinorDigits(currency);
  return ParseScaled(text, d, d, "amount");
}

std::string FormatAmount(int64_t minor, std::string_view currency) { return FormatScaled(minor, MinorDigits(currency)); }

Result<int64_t> ParsePercentPpm(std::string_view text) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  ASSIGN_OR_RETURN(int64_t ppm, ParseScaled(text, 4, 4, "percentage"));
  if (ppm > 1'000'000) return Status::InvalidArgument("percentage '" + std::string(text) + "' is above 100");
  return ppm;
}

std::string FormatPercentPpm(int64_t ppm) {
  std::string s = FormatScaled(ppm, 4);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + "%";
}

}  // namespace patnav::domain
