// Script detection over code points.
#include "readers/script_language.h"

namespace patnav {

namespace {

// Decodes the code point at s[i] and advances i. REQUIRES: valid UTF-8.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

}  // namespace

std::string LanguageFromScript(std::string_view text) {
  bool han = false, kana = false, hangul = false, cyrillic = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = NextCodePoint(text, i);
    if (cp < 0x400) continue;
    if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
      hangul = true;
    else if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9D))
      kana = true;
    else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
             (cp >= 0x20000 && cp <= 0x2FFFF))
      han = true;
    else if (cp >= 0x400 && cp <= 0x4FF)
      cyrillic = true;
  }
  if (hangul) return "ko";
  if (kana) return "ja";
  if (han) return "zh";
  if (cyrillic) return "ru";
  return "en";
}

}  // namespace patnav
