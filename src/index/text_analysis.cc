// The text analyser: tokenizer, English stemming with a small per-thread
// cache, CJK unigrams and bigrams, and the query-side mirror of each.
#include "index/text_analysis.h"

#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include <xapian/unicode.h>

namespace patnav::index {
namespace {

using Xapian::Unicode::get_category;

struct Token {
  TokenKind kind;
  std::string text;    // lower-cased UTF-8
  size_t chars = 0;    // code points (CJK runs)
};

constexpr char32_t kInvalid = 0xFFFD;  // not a word character: separates tokens

// Decodes one code point at s[i], advancing i; invalid sequences give kInvalid
// and advance one byte.
char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int len;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; }
  else { ++i; return kInvalid; }
  if (i + len > s.size()) { ++i; return kInvalid; }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return kInvalid; }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return kInvalid; }
  i += len;
  // Full-width ASCII forms read as ASCII.
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  return cp;
}

bool IsCjk(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x3005 && c <= 0x3007) ||    // 々 〆 〇
         (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana
         (c >= 0x3105 && c <= 0x312F) ||    // Bopomofo
         (c >= 0x3130 && c <= 0x318F) ||    // Hangul compatibility Jamo
         (c >= 0x31F0 && c <= 0x31FF) ||    // Katakana phonetic extensions
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0xA960 && c <= 0xA97F) ||    // Hangul Jamo extended A
         (c >= 0xAC00 && c <= 0xD7FF) ||    // Hangul syllables, Jamo extended B
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility ideographs
         (c >= 0xFF66 && c <= 0xFF9F) ||    // half-width Katakana
         (c >= 0x20000 && c <= 0x3134F);    // CJK extensions B..G
}

bool IsLetter(char32_t c) {
  switch (get_category(c)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

bool IsDigit(char32_t c) { return get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER; }

enum class CharClass { kSeparator, kWord, kCjk };

// ASCII's classes by code: letters, digits and '_' are word characters.
constexpr auto kAsciiClasses = [] {
  std::array<CharClass, 0x80> classes{};
  for (char32_t c = 0; c < 0x80; ++c)
    classes[c] = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
                     ? CharClass::kWord
                     : CharClass::kSeparator;
  return classes;
}();

CharClass ClassifyOther(char32_t c) {
  if (!Xapian::Unicode::is_wordchar(c)) return CharClass::kSeparator;
  return IsCjk(c) ? CharClass::kCjk : CharClass::kWord;
}

inline CharClass Classify(char32_t c) { return c < 0x80 ? kAsciiClasses[c] : ClassifyOther(c); }

char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return Xapian::Unicode::tolower(c);
}

// Calls fn(const Token&) for each token of `text` in order.
template <typename Fn>
void Tokenize(std::string_view text, Fn&& fn) {
  // Decoded code points and their classes (each classified once), so that
  // infix characters can look one ahead.
  // (Sized once to the bytes, an upper bound of the code points, and
  // written by index: no capacity check per character.)
  thread_local std::vector<char32_t> cps;
  thread_local std::vector<CharClass> classes;
  if (cps.size() < text.size()) {
    cps.resize(text.size());
    classes.resize(text.size());
  }
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n) {
    const auto b = static_cast<unsigned char>(text[i]);
    const char32_t c = b < 0x80 ? (++i, b) : DecodeUtf8(text, i);
    cps[n] = c;
    classes[n] = Classify(c);
  }

  Token tok;
  size_t i = 0;
  while (i < n) {
    const CharClass cls = classes[i];
    if (cls == CharClass::kSeparator) { ++i; continue; }
    tok.text.clear();
    tok.chars = 0;
    if (cls == CharClass::kCjk) {
      tok.kind = TokenKind::kCjk;
      while (i < n && classes[i] == CharClass::kCjk) {
        Xapian::Unicode::append_utf8(tok.text, cps[i]);
        ++tok.chars;
        ++i;
      }
    } else {
      tok.kind = TokenKind::kWord;
      while (i < n) {
        const char32_t c = cps[i];
        const CharClass cc = classes[i];
        if (cc == CharClass::kWord && c < 0x80) {
          // A run of ASCII word characters, lower-cased in one append.
          size_t end = i + 1;
          while (end < n && cps[end] < 0x80 && classes[end] == CharClass::kWord) ++end;
          const size_t at = tok.text.size();
          tok.text.resize(at + (end - i));
          for (size_t k = i; k < end; ++k) tok.text[at + (k - i)] = static_cast<char>(Lower(cps[k]));
          tok.chars += end - i;
          i = end;
          continue;
        }
        if (cc == CharClass::kWord) {
          const char32_t lower = Lower(c);
          if (lower < 0x80) tok.text.push_back(static_cast<char>(lower));
          else Xapian::Unicode::append_utf8(tok.text, lower);
          ++tok.chars;
          ++i;
          continue;
        }
        // Infix characters kept inside a word: ' between letters, . or ,
        // between digits.
        if (i + 1 < n && i > 0) {
          const char32_t prev = cps[i - 1], next = cps[i + 1];
          if ((c == '\'' || c == 0x2019) && IsLetter(prev) && IsLetter(next) &&
              classes[i + 1] == CharClass::kWord) {
            tok.text.push_back('\'');
            ++tok.chars;
            ++i;
            continue;
          }
          if ((c == '.' || c == ',') && IsDigit(prev) && IsDigit(next)) {
            tok.text.push_back(static_cast<char>(c));
            ++tok.chars;
            ++i;
            continue;
          }
        }
        break;
      }
    }
    fn(static_cast<const Token&>(tok));
  }
}

bool StartsWithLetter(std::string_view word) {
  size_t i = 0;
  return !word.empty() && IsLetter(DecodeUtf8(word, i));
}

// The English stem of a lower-cased word; cached per thread (patent text
// repeats a small vocabulary, and stemming is the analyser's main cost).
const std::string& Stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("english");
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(word);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 200000) cache.clear();
  return cache.emplace(word, stemmer(word)).first->second;
}

// Byte offset of the k-th code point boundary of `s` (valid UTF-8).
size_t CharOffset(std::string_view s, size_t k) {
  size_t i = 0;
  while (k-- > 0 && i < s.size()) DecodeUtf8(s, i);
  return i;
}

// Calls fn(term) for each positional term of `tok`, in position order.
template <typename Fn>
void ForEachPositionalTerm(const Token& tok, std::string_view prefix, Fn&& fn) {
  std::string term;
  if (tok.kind == TokenKind::kWord) {
    if (prefix.size() + tok.text.size() > kMaxTermBytes) return;
    term.assign(prefix);
    term += tok.text;
    fn(term);
    return;
  }
  // CJK run: the first character, then each bigram.
  const std::string_view run = tok.text;
  size_t start = 0;
  size_t next = CharOffset(run, 1);
  term.assign(prefix);
  term.append(run.substr(0, next));
  fn(term);
  for (size_t k = 1; k < tok.chars; ++k) {
    size_t end = next;
    DecodeUtf8(run, end);
    term.assign(prefix);
    term.append(run.substr(start, end - start));
    fn(term);
    start = next;
    next = end;
  }
}

// Where a term of a token goes: at the next position, at the position of
// the term before it (a CJK bigram, at its second character's), or at none
// (a stemmed term).
enum class Place { kNext, kSame, kNone };

// The terms of one token under `prefix`, in index order, as fn(term,
// place): the one place that decides what a token gives, for IndexText,
// ForEachIndexTerm and ForEachTokenTerm alike. `word` is the token's text.
template <typename Fn>
void ForEachTermOfToken(TokenKind kind, const std::string& word, size_t chars, std::string_view prefix,
                        std::string& term, Fn&& fn) {
  if (kind == TokenKind::kWord) {
    if (prefix.size() + word.size() + 1 > kMaxTermBytes) return;  // +1: room for "Z"
    term.assign(prefix);
    term += word;
    fn(term, Place::kNext);
    if (StartsWithLetter(word)) {
      term.assign("Z");
      term += prefix;
      term += Stem(word);
      fn(term, Place::kNone);
    }
    return;
  }
  // CJK run: unigram at each character's position, bigram at the position
  // of its second character.
  const std::string_view run = word;
  size_t prev_start = 0;
  size_t start = 0;
  for (size_t k = 0; k < chars; ++k) {
    size_t end = start;
    DecodeUtf8(run, end);
    term.assign(prefix);
    term.append(run.substr(start, end - start));
    fn(term, Place::kNext);
    if (k > 0) {
      term.assign(prefix);
      term.append(run.substr(prev_start, end - prev_start));
      fn(term, Place::kSame);
    }
    prev_start = start;
    start = end;
  }
}

// ForEachIndexTerm with fn called directly (IndexText calls it once per
// term: no std::function in between).
template <typename Fn>
void ForEachIndexTermOf(std::string_view text, std::string_view prefix, Xapian::termpos* pos, Fn&& fn) {
  std::string term;
  Tokenize(text, [&](const Token& tok) {
    ForEachTermOfToken(tok.kind, tok.text, tok.chars, prefix, term, [&](const std::string& t, Place place) {
      if (place == Place::kNext) ++*pos;
      fn(t, place == Place::kNone ? Xapian::termpos(0) : *pos);
    });
  });
}

}  // namespace

void ForEachIndexTerm(std::string_view text, std::string_view prefix, Xapian::termpos* pos,
                      const std::function<void(const std::string& term, Xapian::termpos at)>& fn) {
  ForEachIndexTermOf(text, prefix, pos, fn);
}

void ForEachToken(std::string_view text, const std::function<void(const TextToken& token)>& fn) {
  Tokenize(text, [&](const Token& tok) { fn(TextToken{tok.kind, tok.text, tok.chars}); });
}

void ForEachTokenTerm(const TextToken& token, std::string_view prefix,
                      const std::function<void(const std::string& term)>& fn) {
  const std::string word(token.text);
  std::string term;
  ForEachTermOfToken(token.kind, word, token.chars, prefix, term, [&](const std::string& t, Place) { fn(t); });
}

void IndexText(Xapian::Document& doc, std::string_view text, std::string_view prefix, Xapian::termpos* pos,
               unsigned wdf_inc, bool positions) {
  ForEachIndexTermOf(text, prefix, pos, [&](const std::string& term, Xapian::termpos at) {
    if (positions && at != 0) doc.add_posting(term, at, wdf_inc);
    else doc.add_term(term, wdf_inc);
  });
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  Tokenize(text, [&](const Token& tok) {
    if (tok.kind == TokenKind::kWord && tok.text.size() + 1 > kMaxTermBytes) return;
    words.push_back(tok.text);
  });
  return words;
}

std::vector<std::string> PositionalTerms(std::string_view text, std::string_view prefix) {
  std::vector<std::string> terms;
  Tokenize(text, [&](const Token& tok) {
    if (tok.kind == TokenKind::kWord && prefix.size() + tok.text.size() + 1 > kMaxTermBytes) return;
    ForEachPositionalTerm(tok, prefix, [&](const std::string& t) { terms.push_back(t); });
  });
  return terms;
}

Xapian::Query PhraseQuery(std::string_view text, std::string_view prefix) {
  std::vector<std::string> terms = PositionalTerms(text, prefix);
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

Xapian::Query WordQuery(std::string_view word, std::string_view prefix) {
  std::vector<Token> tokens;
  Tokenize(word, [&](const Token& tok) { tokens.push_back(tok); });
  if (tokens.size() != 1) return PhraseQuery(word, prefix);  // none, or several tokens
  const Token& tok = tokens[0];
  if (tok.kind == TokenKind::kWord) {
    if (prefix.size() + tok.text.size() + 1 > kMaxTermBytes) return Xapian::Query();
    if (StartsWithLetter(tok.text)) return Xapian::Query("Z" + std::string(prefix) + Stem(tok.text));
    return Xapian::Query(std::string(prefix) + tok.text);
  }
  if (tok.chars <= 2) return Xapian::Query(std::string(prefix) + tok.text);
  // Three or more characters: the phrase of the bigrams.
  std::vector<std::string> terms;
  ForEachPositionalTerm(tok, prefix, [&](const std::string& t) { terms.push_back(t); });
  terms.erase(terms.begin());  // the leading unigram is implied by the first bigram
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

std::string Term(std::string_view word, std::string_view prefix) {
  std::vector<Token> tokens;
  Tokenize(word, [&](const Token& tok) { tokens.push_back(tok); });
  if (tokens.size() != 1) return "";
  return std::string(prefix) + tokens[0].text;
}

std::string StemmedTerm(std::string_view word, std::string_view prefix) {
  std::vector<Token> tokens;
  Tokenize(word, [&](const Token& tok) { tokens.push_back(tok); });
  if (tokens.size() != 1 || tokens[0].kind != TokenKind::kWord || !StartsWithLetter(tokens[0].text)) return "";
  return "Z" + std::string(prefix) + Stem(tokens[0].text);
}

}  // namespace patnav::index
