// Cell text and sheet names (xlsx_cells.h).
#include "report/xlsx_cells.h"

#include <algorithm>
#include <cstring>

#include "base/strings.h"
#include "base/utf8.h"
#include "report/escape.h"

namespace patnav::report {

namespace {

// Excel holds at most 32,767 characters in a cell; longer text is cut at a
// UTF-8 boundary.
constexpr size_t kMaxCellBytes = 32000;
constexpr size_t kMaxSheetName = 31;

// The first `chars` code points of valid UTF-8 `s`.
std::string FirstCodePoints(const std::string& s, size_t chars) {
  size_t n = 0, i = 0;
  while (i < s.size() && n < chars) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++n;
  }
  return s.substr(0, std::min(i, s.size()));
}

}  // namespace

std::string CellText(std::string_view text) {
  std::string s = ValidUtf8(text);
  if (s.size() <= kMaxCellBytes) return s;
  size_t cut = kMaxCellBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "…";
}

std::string SheetName(const std::string& wanted_raw, std::set<std::string>& taken) {
  std::string wanted = ValidUtf8(wanted_raw);
  for (char& c : wanted)
    if (std::strchr("[]:*?/\\", c)) c = '_';
  while (!wanted.empty() && wanted.front() == '\'') wanted.erase(0, 1);
  while (!wanted.empty() && wanted.back() == '\'') wanted.pop_back();
  if (wanted.empty()) wanted = "sheet";
  std::string name = FirstCodePoints(wanted, kMaxSheetName);
  for (int k = 2; taken.count(AsciiLower(name)) || AsciiLower(name) == "history"; ++k) {
    std::string suffix = "_" + std::to_string(k);
    name = FirstCodePoints(wanted, kMaxSheetName - suffix.size()) + suffix;
  }
  taken.insert(AsciiLower(name));
  return name;
}

}  // namespace patnav::report
