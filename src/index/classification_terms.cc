// Classification levels: parsing the compact form "H01M10/0525".
#include "index/classification_terms.h"

namespace patnav::index {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Upper-cased, without whitespace, main group without leading zeros.
std::string Compact(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    s.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
  }
  if (s.size() > 4 && IsUpper(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsUpper(s[3])) {
    size_t i = 4;
    while (i + 1 < s.size() && s[i] == '0' && IsDigit(s[i + 1])) s.erase(i, 1);
  }
  return s;
}

}  // namespace

std::vector<std::string> ClassificationLevels(std::string_view symbol) {
  const std::string s = Compact(symbol);
  std::vector<std::string> levels;
  if (s.empty() || !IsUpper(s[0])) return levels;
  levels.push_back(s.substr(0, 1));
  if (s.size() < 3 || !IsDigit(s[1]) || !IsDigit(s[2])) return levels;
  levels.push_back(s.substr(0, 3));
  if (s.size() < 4 || !IsUpper(s[3])) return levels;
  levels.push_back(s.substr(0, 4));
  if (s.size() == 4) return levels;
  const size_t slash = s.find('/');
  const std::string main = s.substr(0, slash);
  if (main.size() > 4) levels.push_back(main);
  if (slash != std::string::npos && slash + 1 < s.size()) levels.push_back(s);
  return levels;
}

std::string ClassificationKey(std::string_view text) { return Compact(text); }

std::string ClassificationSubclass(std::string_view symbol) {
  std::vector<std::string> levels = ClassificationLevels(symbol);
  return levels.size() >= 3 ? levels[2] : std::string();
}

}  // namespace patnav::index
