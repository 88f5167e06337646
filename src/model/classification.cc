// Classification symbol normalization.
#include "model/classification.h"

#include <cctype>

#include "base/strings.h"

namespace patnav {

namespace {

bool IsSubclassAt(std::string_view s) {
  return s.size() >= 4 && ((s[0] >= 'A' && s[0] <= 'H') || s[0] == 'Y') && std::isdigit(static_cast<unsigned char>(s[1])) &&
         std::isdigit(static_cast<unsigned char>(s[2])) && std::isalpha(static_cast<unsigned char>(s[3]));
}

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ') { if (out.empty()) continue; else break; }
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    out.push_back(c);
  }
  return out;
}

std::string Join(std::string_view subclass, std::string main, std::string sub) {
  main = StripLeadingZeros(main);
  if (main.empty() || sub.empty()) return std::string(subclass) + (main.empty() ? "" : " " + main);
  if (sub.size() == 1) sub.push_back('0');
  return std::string(subclass) + " " + main + "/" + sub;
}

}  // namespace

std::string NormalizeClassification(std::string_view text) {
  std::string up = AsciiUpper(Trim(text));
  if (!IsSubclassAt(up)) return "";
  std::string subclass = up.substr(0, 4);
  std::string_view rest(up);
  rest.remove_prefix(4);
  size_t slash = rest.find('/');
  if (slash != std::string_view::npos) {
    std::string main = Digits(Trim(rest.substr(0, slash)));
    std::string sub = Digits(rest.substr(slash + 1));
    if (main.empty()) return subclass;
    return Join(subclass, main, sub);
  }
  std::string_view trimmed = Trim(rest);
  if (trimmed.empty()) return subclass;
  // Fixed-width form: the main group takes the three columns after the subclass.
  if (rest.size() > 3) {
    std::string main = Digits(Trim(rest.substr(0, 3)));
    std::string sub = Digits(Trim(rest.substr(3)));
    if (!main.empty()) return Join(subclass, main, sub);
  }
  std::string main = Digits(trimmed);
  return main.empty() ? subclass : Join(subclass, main, "");
}

std::string ClassificationFromParts(std::string_view section, std::string_view cls, std::string_view subclass,
                                    std::string_view main_group, std::string_view subgroup) {
  std::string sc = AsciiUpper(std::string(Trim(section)) + std::string(Trim(cls)) + std::string(Trim(subclass)));
  if (!IsSubclassAt(sc)) return "";
  return Join(sc, Digits(Trim(main_group)), Digits(Trim(subgroup)));
}

}  // namespace patnav
