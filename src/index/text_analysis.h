// The one text analyser of the search index: how free text becomes Xapian
// terms when a patent is indexed, and how a word the user typed becomes the
// query that finds it. The indexer and the query language both use only
// these functions, so the two sides cannot drift apart.
//
// Analysis (docs/formats/index.md, "Text analysis"):
//   - Text is cut into tokens. A token is either a *word* — a run of letters,
//     digits, marks and connector punctuation, with "'" between letters and
//     "." or "," between digits kept inside ("patent's", "2.5", "10,000") —
//     or a *CJK run*: consecutive Han, Hiragana, Katakana or Hangul
//     characters. Full-width ASCII (U+FF01..U+FF5E) is read as ASCII.
//     Everything else separates tokens.
//   - A word is lower-cased (Unicode simple case mapping) into its *term*,
//     which gets one position. A word that starts with a letter also adds its
//     English stem as "Z" + prefix + stem, without position, as Xapian's
//     TermGenerator STEM_SOME does ("batteries" -> "batteries" and
//     "Zbatteri").
//   - In a CJK run every character gets its own position and is indexed as a
//     unigram there; every pair of adjacent characters is indexed as a bigram
//     at the position of its second character. So 锂电池 at positions p..p+2
//     gives 锂@p 电@p+1 池@p+2 锂电@p+1 电池@p+2, and the run is exactly the
//     consecutive sequence 锂@p 锂电@p+1 电池@p+2 ("positional terms").
//   - Terms longer than kMaxTermBytes (prefix included) are dropped.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace patnav::index {

// Longest term (prefix included) that is indexed; longer words are dropped.
inline constexpr size_t kMaxTermBytes = 120;

// Adds the terms of `text` under `prefix` to `doc`: positional terms at
// positions *pos+1, *pos+2, ... (*pos is left at the last position used) and
// the stemmed terms without position, each with wdf `wdf_inc`. Invalid UTF-8
// bytes separate tokens.
// Without `positions` the same terms are added with no position (*pos still
// advances), so phrase and NEAR queries cannot match: for matchers that know
// they ask none (record_query_matcher.h).
void IndexText(Xapian::Document& doc, std::string_view text, std::string_view prefix, Xapian::termpos* pos,
               unsigned wdf_inc = 1, bool positions = true);

// The terms IndexText adds, in order, as fn(term, position): position 0 for
// the stemmed terms, which carry none. *pos advances as in IndexText.
void ForEachIndexTerm(std::string_view text, std::string_view prefix, Xapian::termpos* pos,
                      const std::function<void(const std::string& term, Xapian::termpos at)>& fn);

// One token of a text as the analyser cuts it (see above): a word,
// lower-cased, or a CJK run, whole; `chars` is its length in code points.
enum class TokenKind { kWord, kCjk };
struct TextToken {
  TokenKind kind;
  std::string_view text;  // valid only during the call that hands it out
  size_t chars = 0;
};

// The tokens of `text` in order, as IndexText cuts them (overlong words
// included: ForEachTokenTerm drops them). With ForEachTokenTerm, for a
// caller that works out once per distinct token what it gives (the
// planned record matcher, plan_vocabulary.h): for every text and prefix,
// ForEachIndexTerm's terms are exactly those of ForEachTokenTerm over the
// tokens of ForEachToken, in the same order.
void ForEachToken(std::string_view text, const std::function<void(const TextToken& token)>& fn);

// The terms IndexText adds for one token under `prefix`, in order, as
// fn(term): a word's term then (starting with a letter) its stemmed term,
// none when the word is too long under this prefix; a CJK run's unigrams
// and bigrams.
void ForEachTokenTerm(const TextToken& token, std::string_view prefix,
                      const std::function<void(const std::string& term)>& fn);

// The tokens of `text` as IndexText sees them: words lower-cased, CJK runs
// kept whole (lower-casing leaves them unchanged). Feeding a token back to
// WordQuery finds what IndexText indexed for it.
std::vector<std::string> Words(std::string_view text);

// The query for one word as the user typed it (any case; it may be a CJK run
// or contain several tokens, e.g. "lithium-ion", "锂battery"):
//   - one word starting with a letter: its stemmed term Z+prefix+stem (which
//     every inflection indexed shares, as QueryParser STEM_SOME queries);
//   - one word starting with a digit: its term;
//   - one CJK character: its unigram; two: their bigram; more: the phrase of
//     its bigrams (so 锂电池 matches 锂电池 but not 电锂 or 锂 … 电池);
//   - several tokens: the phrase of their positional terms (PhraseQuery).
// An empty Query (MatchNothing) when `word` has no token.
Xapian::Query WordQuery(std::string_view word, std::string_view prefix);

// The exact phrase of the tokens of `text` (no stemming): an OP_PHRASE over
// the positional terms of every token, each token exactly following the
// previous. A single positional term is returned as that term; an empty
// Query when `text` has no token.
Xapian::Query PhraseQuery(std::string_view text, std::string_view prefix);

// The terms, one per consecutive position, by which a token occurs in the
// index: a word is its one term; a CJK run c1..cn is c1, c1c2, c2c3, ... .
// For building OP_NEAR / OP_PHRASE queries (which take terms only).
std::vector<std::string> PositionalTerms(std::string_view text, std::string_view prefix);

// The term for one token (lower-cased, no stemming) under prefix, e.g.
// Term("Batteries", "S") == "Sbatteries", Term("电池", "S") == "S电池" (an
// indexed term for words and for CJK runs of one or two characters; the
// stem of a wildcard). "" when `word` is not exactly one token.
std::string Term(std::string_view word, std::string_view prefix);

// The stemmed term Z+prefix+stem for one word, e.g. StemmedTerm("Batteries",
// "S") == "ZSbatteri"; "" when `word` is not one word token starting with a
// letter (such words are not stemmed).
std::string StemmedTerm(std::string_view word, std::string_view prefix);

}  // namespace patnav::index
