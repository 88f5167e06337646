// Writes a synthetic patent's text from the area vocabulary: title, abstract
// and claims in parallel English and Chinese (rendered from the same picks),
// and the English description as USPTO XML body markup (headings, numbered
// paragraphs, figure references, bold reference numerals).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/random.h"
#include "generator/classification_tree.h"
#include "generator/vocabulary.h"

namespace patnav::gen {

struct ClaimText {
  int num = 0;
  int ref = 0;  // the claim depended on; 0 for an independent claim
  // Independent: "A separator, comprising:". Dependent: the text before the
  // claim reference, "The separator according to ".
  std::string preamble;
  std::vector<std::string> elements;  // independent only, punctuated
  std::string tail;                   // dependent only: ", wherein ... ."
};

struct DocText {
  std::string title_en, title_zh;
  std::string abstract_en, abstract_zh;
  std::vector<ClaimText> claims;
  std::string claim1_en;  // claim 1 as plain text ("1. A ..., comprising: a ...; and ...")
  std::string claim1_zh;
};

struct DescriptionSpec {
  bool full_text = true;
  int figures = 5;
  // "Chinese Patent Application No. 201110045432.7, filed on February 18,
  // 2011"; empty when the application claims no priority.
  std::string priority_text;
  int first_paragraph = 2;  // the abstract holds p-0001
};

// The document's working set of terms: indices into its area vocabulary,
// so that the whole text keeps talking about the same few things.
struct TermPicks {
  const AreaVocabulary* vocab = nullptr;
  const Head* head = nullptr;
  int area = 0;
  uint8_t comps[8] = {};
  uint8_t adjs[4] = {};
  uint8_t acts[5] = {};
  uint8_t rels[4] = {};
  uint8_t params[4] = {};
  uint8_t effects[4] = {};
  uint8_t problems[3] = {};
  uint8_t product = 0;
};

class TextComposer {
 public:
  // Draws the document's working set of terms from `rng`.
  TextComposer(Random& rng, int area, const Head& head);

  // Title, abstract and claims, both languages (claim 1 only unless
  // `all_claims`; what is drawn for claim 1 does not depend on it). Draws
  // only from `rng`.
  void Compose(Random& rng, DocText& out, bool all_claims = true) const;
  // Appends the description body (the children of <description>).
  void AppendDescription(Random& rng, const DescriptionSpec& spec, std::string& out) const;
  // An English title-like phrase, for non-patent literature.
  std::string ArticleTitle(Random& rng) const;

  const TermPicks& picks() const { return picks_; }

 private:
  TermPicks picks_;
};

}  // namespace patnav::gen
