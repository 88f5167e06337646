// Publication number normalization to the DOCDB key.
#include "model/publication_number.h"

#include <cctype>

#include "base/strings.h"

namespace patnav {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// WO "96/25012" or "2016/123456" -> year + 6 digits. Without a slash, 7 or 8
// digits are a two-digit year + serial (Google Patents "WO-0116860",
// "WO-03034303"); 10 digits are already year + 6 digits.
std::string NormalizeWo(std::string_view d) {
  auto slash = d.find('/');
  if (slash == std::string_view::npos) {
    if (!IsAsciiDigits(d) || (d.size() != 7 && d.size() != 8)) return std::string(d);
    return NormalizeWo(std::string(d.substr(0, 2)) + "/" + std::string(d.substr(2)));
  }
  std::string year(d.substr(0, slash));
  std::string serial(d.substr(slash + 1));
  if (!IsAsciiDigits(year) || !IsAsciiDigits(serial)) return std::string(d);
  if (year.size() == 2) year = (year[0] >= '7' ? "19" : "20") + year;
  serial = StripLeadingZeros(serial);
  while (serial.size() < 6) serial.insert(serial.begin(), '0');
  return year + serial;
}

}  // namespace

std::string NormalizeDocNumber(std::string_view country, std::string_view raw) {
  std::string d;
  for (char c : raw)
    if (c != ' ' && c != '-' && c != ',' && c != '.') d.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (country == "WO") return NormalizeWo(d);
  std::string out;
  for (char c : d) if (c != '/') out.push_back(c);
  if (country == "US") {
    size_t p = 0;
    while (p < out.size() && IsUpper(out[p])) ++p;
    std::string prefix = out.substr(0, p);
    std::string digits = out.substr(p);
    if (prefix.empty() && digits.size() == 11 && (StartsWith(digits, "19") || StartsWith(digits, "20")) &&
        digits[4] == '0') {
      return digits.substr(0, 4) + digits.substr(5);  // pre-grant: year + 6 digits
    }
    if (prefix.empty() && digits.size() == 10 && (StartsWith(digits, "19") || StartsWith(digits, "20")))
      return digits;
    if (IsAsciiDigits(digits)) return prefix + StripLeadingZeros(digits);
    return out;
  }
  if (country == "EP" && IsAsciiDigits(out)) {
    std::string s = StripLeadingZeros(out);
    while (s.size() < 7) s.insert(s.begin(), '0');
    return s;
  }
  return out;
}

Result<PublicationKey> ParsePublicationNumber(std::string_view text, std::string_view default_country,
                                              std::string_view default_kind) {
  std::string s;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '-' || c == ',' || c == '.' || c == '\t') continue;
    s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (s.empty()) return Status::InvalidArgument("empty publication number");
  PublicationKey key;
  size_t p = 0;
  // A country code is two letters followed by a digit or a US series letter.
  // US series prefixes (PP plant, RE reissue) are not country codes.
  const bool us_series = AsciiUpper(default_country) == "US" &&
                         (StartsWith(s, "PP") || StartsWith(s, "RE") || StartsWith(s, "RX") || StartsWith(s, "AI"));
  // Japan's pre-2000 numbers carry an era letter: JPH10207504A (Heisei), JPS63123456A (Showa).
  if (!us_series && s.size() >= 3 && IsUpper(s[0]) && IsUpper(s[1]) &&
      (IsDigit(s[2]) || (s[0] == 'U' && s[1] == 'S' && IsUpper(s[2])) ||
       (s[0] == 'J' && s[1] == 'P' && (s[2] == 'H' || s[2] == 'S') && s.size() > 3 && IsDigit(s[3])))) {
    key.country = s.substr(0, 2);
    p = 2;
  } else {
    key.country = AsciiUpper(default_country);
  }
  if (key.country.size() != 2) return Status::InvalidArgument("no country code in publication number '" + std::string(text) + "'");
  std::string rest = s.substr(p);
  // Kind: a trailing letter + optional digit after the last digit.
  size_t last_digit = rest.find_last_of("0123456789");
  if (last_digit == std::string::npos) return Status::InvalidArgument("no digits in publication number '" + std::string(text) + "'");
  std::string kind = rest.substr(last_digit + 1);
  std::string number = rest.substr(0, last_digit + 1);
  // "A1" style kinds end in a digit that the search above took as part of the
  // number: a letter then one digit at the end, preceded by a digit, is a kind.
  if (kind.empty() && number.size() >= 3 && IsUpper(number[number.size() - 2]) &&
      IsDigit(number[number.size() - 3])) {
    kind = number.substr(number.size() - 2);
    number = number.substr(0, number.size() - 2);
  }
  if (kind.size() > 2 || (!kind.empty() && !IsUpper(kind[0]))) return Status::InvalidArgument("bad kind code in publication number '" + std::string(text) + "'");
  if (kind.empty()) kind = AsciiUpper(default_kind);
  key.doc_number = NormalizeDocNumber(key.country, number);
  if (key.doc_number.empty()) return Status::InvalidArgument("no number in publication number '" + std::string(text) + "'");
  key.kind = kind;
  return key;
}

}  // namespace patnav
