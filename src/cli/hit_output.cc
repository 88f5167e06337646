// Hit printing helpers: terminal width, display columns and CSV.
#include "cli/hit_output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace patnav::cli {

namespace {

// Decodes the code point at s[i] (valid UTF-8 assumed; a stray byte counts
// as one character) and advances i.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

int CodePointWidth(char32_t c) {
  const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
                    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                    (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

}  // namespace

int TerminalColumns() {
  int columns = 0;
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) columns = ws.ws_col;
  if (columns == 0) {
    const char* env = std::getenv("COLUMNS");
    if (env && *env) columns = std::atoi(env);
  }
  if (columns <= 0) columns = 120;
  return std::max(columns, 60);
}

int DisplayWidth(std::string_view s) {
  int width = 0;
  for (size_t i = 0; i < s.size();) width += CodePointWidth(NextCodePoint(s, i));
  return width;
}

std::string FitColumns(std::string_view s, int columns, bool pad) {
  std::string out;
  int width = 0;
  if (columns <= 0) return out;
  if (DisplayWidth(s) <= columns) {
    out.assign(s);
    width = DisplayWidth(s);
  } else {
    for (size_t i = 0; i < s.size();) {
      const size_t start = i;
      const int w = CodePointWidth(NextCodePoint(s, i));
      if (width + w > columns - 1) break;  // keep a column for the ellipsis
      out.append(s.substr(start, i - start));
      width += w;
    }
    out += "\u2026";
    ++width;
  }
  if (pad) out.append(static_cast<size_t>(std::max(0, columns - width)), ' ');
  return out;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string JoinedList(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

}  // namespace patnav::cli
