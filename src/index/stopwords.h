// Stopwords for similarity search: the English function words (and those of
// claim language: "wherein", "said", "thereof") that carry no subject
// matter, and the Chinese function characters (的, 所述, 其, ...) whose
// bigrams with a neighbouring word (述球, 其采) are noise, so that a product
// description or a patent's expansion terms are made of the words that say
// what the thing is.
#pragma once

#include <string_view>

namespace patnav::index {

// True when `word` (lower-case, as Words() returns it) is a stopword.
bool IsStopword(std::string_view word);

// True when `stemmed_term` is the stemmed term ("Z" + stem, no prefix) of a
// stopword, e.g. "Zthe", "Zwherein".
bool IsStopwordStem(std::string_view stemmed_term);

// True when the CJK n-gram `ngram` (e.g. "述球") contains a Chinese function
// character: 的 了 与 及 或 其 所 述 该 于 是 将 并 且 而 之 此 括. Characters
// that also start common content words (用 in 用户, 由 in 路由) are not in
// the list.
bool HasCjkFunctionCharacter(std::string_view ngram);

}  // namespace patnav::index
