// EPO B561 citation text to a structured citation.
#include "readers/epo_citation.h"

#include "base/strings.h"
#include "model/publication_number.h"

namespace patnav {

namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

Status Malformed(std::string_view text) {
  return Status::InvalidArgument("not an EPO citation (CC-K-NUMBER): '" + std::string(text) + "'");
}

}  // namespace

Result<Citation> ParseEpoCitation(std::string_view text) {
  std::string_view s = Trim(text);
  // country "-"
  if (s.size() < 3 || !IsAsciiLetter(s[0]) || !IsAsciiLetter(s[1])) return Malformed(text);
  std::string country = AsciiUpper(s.substr(0, 2));
  s.remove_prefix(2);
  s = Trim(s);
  if (s.empty() || s[0] != '-') return Malformed(text);
  s.remove_prefix(1);
  // kind "-"
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return Malformed(text);
  std::string kind = AsciiUpper(Trim(s.substr(0, dash)));
  if (kind.size() > 2 || (!kind.empty() && !IsAsciiLetter(kind[0])) ||
      (kind.size() == 2 && !IsAsciiDigit(kind[1])))
    return Malformed(text);
  s.remove_prefix(dash + 1);
  // number: digit groups, letters (US "R E36 154"), WO's "/"; anything after
  // (a name in parentheses, a date) is not part of it.
  std::string number;
  for (char c : s) {
    if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == '/') number.push_back(c);
    else if (c == ' ' || c == '.') continue;
    else break;
  }
  bool has_digit = false;
  for (char c : number) has_digit |= IsAsciiDigit(c);
  if (!has_digit) return Malformed(text);

  Citation c;
  c.country = country;
  c.kind = kind;
  c.doc_number = NormalizeDocNumber(country, number);
  if (c.doc_number.empty()) return Malformed(text);
  c.publication_number = c.country + c.doc_number + c.kind;
  return c;
}

}  // namespace patnav
