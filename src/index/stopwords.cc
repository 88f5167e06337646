// The stopword list and its stemmed forms (built once, with the analyser's
// own stemming, so that the two cannot disagree).
#include "index/stopwords.h"

#include <string>
#include <unordered_set>

#include "index/text_analysis.h"

namespace patnav::index {

namespace {

constexpr std::string_view kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "either", "etc", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herein", "hereby", "him", "his", "how", "however", "i", "if",
    "in", "into", "is", "it", "its", "itself", "just", "least", "may", "me", "more", "most", "must", "my", "no",
    "nor", "not", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
    "said", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
    "them", "then", "there", "thereby", "therefor", "therefore", "therein", "thereof", "thereon", "thereto",
    "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very",
    "via", "was", "we", "were", "what", "when", "where", "whereby", "wherein", "whether", "which", "while", "who",
    "whom", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
};

constexpr std::string_view kCjkFunctionCharacters[] = {
    "的", "了", "与", "及", "或", "其", "所", "述", "该", "于", "是", "将", "并", "且", "而", "之", "此", "括",
};

struct Sets {
  std::unordered_set<std::string_view> words;
  std::unordered_set<std::string> stems;
  Sets() {
    for (std::string_view w : kStopwords) {
      words.insert(w);
      std::string stem = StemmedTerm(w, "");
      if (!stem.empty()) stems.insert(std::move(stem));
    }
  }
};

const Sets& StopwordSets() {
  static const Sets sets;
  return sets;
}

}  // namespace

bool IsStopword(std::string_view word) { return StopwordSets().words.count(word) != 0; }

bool IsStopwordStem(std::string_view stemmed_term) {
  return StopwordSets().stems.count(std::string(stemmed_term)) != 0;
}

bool HasCjkFunctionCharacter(std::string_view ngram) {
  for (std::string_view c : kCjkFunctionCharacters)
    if (ngram.find(c) != std::string_view::npos) return true;
  return false;
}

}  // namespace patnav::index
