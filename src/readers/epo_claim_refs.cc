// Claim references from claim wording (English, German, French).
#include "readers/epo_claim_refs.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "base/strings.h"

namespace patnav {

namespace {

// Longest first, so "claims" is not read as "claim" + "s".
constexpr std::string_view kKeywords[] = {"revendications", "revendication", "ansprüchen", "ansprüche",
                                          "anspruchs",      "anspruch",      "claims",     "claim"};
constexpr std::string_view kSingular[] = {"revendication", "anspruchs", "anspruch", "claim"};

struct Separator {
  std::string_view text;
  bool word;   // must end at a word boundary
  bool range;  // "1 to 3" means 1, 2, 3
};
constexpr Separator kSeparators[] = {
    {",", false, false},  {"-", false, true},     {"\xE2\x80\x93", false, true},  // en dash
    {"to", true, true},   {"through", true, true}, {"bis", true, true},
    {"\xC3\xA0", true, true},  // à
    {"and", true, false}, {"or", true, false},    {"oder", true, false},
    {"und", true, false}, {"ou", true, false},    {"et", true, false},
};

constexpr std::string_view kPreceding[] = {"preceding",     "previous",      "foregoing",    "vorstehend",
                                           "voranstehend",  "vorangehend",   "vorangegangen", "vorhergehend",
                                           "pr\xC3\xA9" "c\xC3\xA9",  // "précé": précédent(e)(s), and the typo "précécentes"
                                           "ant\xC3\xA9rieur"};
constexpr std::string_view kQuantifiers[] = {"any", "one of", "each", "einem", "jedem", "quelconque", "l'une"};

constexpr size_t kMaxRange = 500;

// Letters (and any non-ASCII byte, i.e. part of a non-ASCII letter) make words.
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipSpaces(std::string_view s, size_t p) {
  while (p < s.size()) {
    char c = s[p];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') ++p;
    else if (s.compare(p, 2, "\xC2\xA0") == 0) p += 2;  // no-break space
    else break;
  }
  return p;
}

bool WordAt(std::string_view low, size_t p, std::string_view word) {
  if (low.compare(p, word.size(), word) != 0) return false;
  size_t end = p + word.size();
  return end == low.size() || !IsWordByte(low[end]);
}

// A claim number at p: up to 4 digits not followed by a letter. With
// `allow_ocr_one`, a lone capital I or small l (original case) counts as 1.
std::optional<int> ReadNumber(std::string_view text, size_t& p, bool allow_ocr_one) {
  size_t q = p;
  int v = 0;
  while (q < text.size() && IsDigit(text[q]) && q - p < 4) v = v * 10 + (text[q++] - '0');
  if (q > p) {
    if (q < text.size() && (IsDigit(text[q]) || IsWordByte(text[q]))) return std::nullopt;  // "1a", a year
    p = q;
    return v;
  }
  if (allow_ocr_one && p < text.size() && (text[p] == 'I' || text[p] == 'l')) {
    size_t end = p + 1;
    if (end == text.size() || text[end] == ' ' || text[end] == ',' || text[end] == ';' || text[end] == ')') {
      p = end;
      return 1;
    }
  }
  return std::nullopt;
}

// Consumes separators from p; false when there is none. Sets `range` when
// one of them makes a range.
bool ReadSeparators(std::string_view low, size_t& p, bool& range) {
  bool any = false;
  for (;;) {
    size_t q = SkipSpaces(low, p);
    bool matched = false;
    for (const Separator& sep : kSeparators) {
      if (sep.word ? WordAt(low, q, sep.text) : low.compare(q, sep.text.size(), sep.text) == 0) {
        q += sep.text.size();
        range |= sep.range;
        matched = true;
        break;
      }
    }
    if (!matched) return any;
    any = true;
    p = q;
  }
}

template <size_t N>
bool ContainsAny(std::string_view hay, const std::string_view (&needles)[N]) {
  for (std::string_view n : needles)
    if (hay.find(n) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::vector<int> FindClaimReferences(std::string_view text, int claim_num) {
  const std::string lowered = AsciiLower(text);
  const std::string_view low(lowered);
  std::vector<int> refs;
  size_t i = 0;
  while (i < low.size()) {
    if (i > 0 && IsWordByte(low[i - 1])) { ++i; continue; }
    std::string_view keyword;
    for (std::string_view kw : kKeywords) {
      if (WordAt(low, i, kw)) { keyword = kw; break; }
    }
    if (keyword.empty()) { ++i; continue; }
    const size_t kw_end = i + keyword.size();
    size_t p = SkipSpaces(text, kw_end);
    std::optional<int> first = ReadNumber(text, p, /*allow_ocr_one=*/true);
    if (first) {
      refs.push_back(*first);
      int prev = *first;
      for (;;) {
        size_t q = p;
        bool range = false;
        if (!ReadSeparators(low, q, range)) break;
        q = SkipSpaces(text, q);
        std::optional<int> next = ReadNumber(text, q, /*allow_ocr_one=*/false);
        if (!next) break;
        if (range && *next > prev && static_cast<size_t>(*next - prev) <= kMaxRange) {
          for (int k = prev + 1; k <= *next; ++k) refs.push_back(k);
        } else {
          refs.push_back(*next);
        }
        prev = *next;
        p = q;
      }
    } else {
      // "any preceding claim", "einem der vorstehenden Ansprüche",
      // "revendications précédentes": the qualifier stands just before (en,
      // de) or just after (fr) the keyword.
      const size_t before_start = i >= 40 ? i - 40 : 0;
      std::string_view before = low.substr(before_start, i - before_start);
      std::string_view after = low.substr(kw_end, 30);
      if (ContainsAny(before, kPreceding) || ContainsAny(after, kPreceding)) {
        bool singular = std::find(std::begin(kSingular), std::end(kSingular), keyword) != std::end(kSingular);
        if (singular && !ContainsAny(before, kQuantifiers)) {
          refs.push_back(claim_num - 1);
        } else {
          for (int k = 1; k < claim_num; ++k) refs.push_back(k);
        }
      }
    }
    i = std::max(p, kw_end);
  }
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  refs.erase(std::remove_if(refs.begin(), refs.end(), [&](int r) { return r < 1 || r == claim_num; }), refs.end());
  return refs;
}

}  // namespace patnav
