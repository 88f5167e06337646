// Evidence of a claim element in a product description (issue 14, part 5):
// which sentences of the product say what the element says, and with which
// words.
//
// Words are those of the search index's analyser (index/text_analysis.h):
// an English word counts by its stem ("trains" and "training" are one), a
// number as written, a CJK run by its character bigrams (one character alone
// by itself). Stopwords, claim language ("comprising", "according",
// "claim", "plurality", "first", 特征, 权利要求, ...) and CJK bigrams with a
// function character (所述, 其, 的) are no evidence. An element's *keys* are
// its distinct remaining words. A sentence evidences an element when it holds
// at least kEvidenceCoverage of the element's keys (and at least one); an
// element is evidenced when one sentence does.
//
// Sentences end at . ! ? ; followed by a space or the end, at 。！？；, and at
// line breaks; their byte offsets into the product text are kept so that a
// caller can highlight them.
//
// Thread-safety: ProductEvidence is immutable after construction; its const
// methods may be called from any thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace patnav::domain {

// The share of an element's keys one sentence must hold to evidence it.
inline constexpr int kEvidenceCoveragePercent = 60;

struct ProductSentence {
  size_t start = 0, end = 0;  // byte offsets into the product text: [start, end)
  std::string text;
};

struct SentenceEvidence {
  int sentence = 0;                  // index into ProductEvidence::sentences()
  int percent = 0;                   // share of the element's keys it holds, 0-100
  std::vector<std::string> matched;  // the words as the sentence has them (CJK: the longest matched runs)
};

struct ElementEvidence {
  int keys = 0;            // the element's distinctive words; 0: nothing to check
  bool evidenced = false;  // some sentence holds >= kEvidenceCoveragePercent of the keys
  int percent = 0;         // the best sentence's share
  // Evidencing sentences, best first; when none evidences the element, the
  // nearest sentence (when it holds any key), for the analyst to judge.
  std::vector<SentenceEvidence> sentences;
  std::vector<std::string> missing;  // the element's words the best sentence lacks
};

class ProductEvidence {
 public:
  // Cuts `product_text` into sentences and analyses each once.
  explicit ProductEvidence(std::string_view product_text);

  const std::vector<ProductSentence>& sentences() const { return sentences_; }

  // The evidence of one element's text.
  ElementEvidence Evidence(std::string_view element_text) const;

 private:
  struct Analysed {
    std::unordered_map<std::string, std::string> keys;  // key -> the word as written
    std::vector<std::string> cjk_runs;                  // for readable CJK matches
  };
  std::vector<ProductSentence> sentences_;
  std::vector<Analysed> analysed_;
};

// The sentences of `text` (the same cut ProductEvidence makes).
std::vector<ProductSentence> SplitSentences(std::string_view text);

}  // namespace patnav::domain
