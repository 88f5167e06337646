// Sentences of a product and the evidence of claim elements in them
// (risk_evidence.h).
#include "domain/risk_evidence.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "base/strings.h"
#include "index/stopwords.h"
#include "index/text_analysis.h"

namespace patnav::domain {

namespace {

// Claim language that says nothing about the thing claimed.
constexpr std::string_view kClaimWords[] = {
    "comprising", "comprise", "including", "include", "consisting", "consist", "configured", "characterized",
    "characterised", "according", "claim", "plurality", "respectively", "first", "second", "third", "step",
    "whereby", "wherein", "provided", "adapted", "further", "least", "operable",
};
constexpr std::string_view kCjkClaimBigrams[] = {
    "特征", "征在", "权利", "利要", "要求", "一种", "根据", "步骤", "多个", "第一", "第二", "第三", "设置", "用于",
};

const std::unordered_set<std::string>& ClaimWordStems() {
  static const std::unordered_set<std::string> stems = [] {
    std::unordered_set<std::string> s;
    for (std::string_view w : kClaimWords) s.insert(index::StemmedTerm(w, ""));
    return s;
  }();
  return stems;
}

bool IsCjkClaimBigram(std::string_view bigram) {
  for (std::string_view b : kCjkClaimBigrams)
    if (bigram == b) return true;
  return false;
}

size_t Utf8Length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> cps;
  for (size_t i = 0; i < s.size();) {
    size_t n = std::min(Utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
    cps.emplace_back(s.substr(i, n));
    i += n;
  }
  return cps;
}

bool IsCjkToken(const std::string& word) {
  return static_cast<unsigned char>(word[0]) >= 0xE3 && index::StemmedTerm(word, "").empty();
}

// Calls `emit(key, surface)` for each word of `text` that can be evidence;
// `cjk_run(run)` for each CJK run.
void ForEachKey(std::string_view text, const std::function<void(const std::string&, const std::string&)>& emit,
                const std::function<void(const std::string&)>& cjk_run) {
  for (const std::string& word : index::Words(text)) {
    if (word.empty() || index::IsStopword(word)) continue;
    if (!IsCjkToken(word)) {
      std::string stem = index::StemmedTerm(word, "");
      if (stem.empty()) {
        emit("#" + word, word);  // a number
        continue;
      }
      if (index::IsStopwordStem(stem) || ClaimWordStems().count(stem)) continue;
      emit(stem, word);
      continue;
    }
    if (cjk_run) cjk_run(word);
    std::vector<std::string> cps = CodePoints(word);
    if (cps.size() == 1) {
      if (!index::HasCjkFunctionCharacter(word)) emit(word, word);
      continue;
    }
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
      std::string bigram = cps[i] + cps[i + 1];
      if (index::HasCjkFunctionCharacter(bigram) || IsCjkClaimBigram(bigram)) continue;
      emit(bigram, bigram);
    }
  }
}

bool EndsSentence(std::string_view text, size_t i, size_t* len) {
  static constexpr std::string_view kWide[] = {"。", "！", "？", "；"};
  for (std::string_view w : kWide)
    if (text.substr(i, w.size()) == w) return (*len = w.size()), true;
  char c = text[i];
  if (c == '\n' || c == '\r') return (*len = 1), true;
  if (c == '.' || c == '!' || c == '?' || c == ';') {
    *len = 1;
    return i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' ||
           text[i + 1] == '\r';
  }
  return false;
}

// The longest runs of consecutive characters of `run` whose bigrams are all
// in `keys` (single characters when the key is one character).
void MatchedCjk(const std::string& run, const std::unordered_set<std::string>& keys, std::vector<std::string>& out) {
  std::vector<std::string> cps = CodePoints(run);
  if (cps.size() == 1) {
    if (keys.count(run)) out.push_back(run);
    return;
  }
  size_t i = 0;
  while (i + 1 < cps.size()) {
    if (!keys.count(cps[i] + cps[i + 1])) {
      ++i;
      continue;
    }
    std::string match = cps[i];
    size_t j = i;
    while (j + 1 < cps.size() && keys.count(cps[j] + cps[j + 1])) match += cps[++j];
    out.push_back(std::move(match));
    i = j;
  }
}

}  // namespace

std::vector<ProductSentence> SplitSentences(std::string_view text) {
  std::vector<ProductSentence> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string_view piece = text.substr(start, end - start);
    std::string_view trimmed = Trim(piece);
    if (!trimmed.empty()) {
      size_t s = start + static_cast<size_t>(trimmed.data() - piece.data());
      out.push_back({s, s + trimmed.size(), std::string(trimmed)});
    }
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    if (EndsSentence(text, i, &len)) {
      flush(i + len);
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  flush(text.size());
  return out;
}

ProductEvidence::ProductEvidence(std::string_view product_text) : sentences_(SplitSentences(product_text)) {
  analysed_.resize(sentences_.size());
  for (size_t i = 0; i < sentences_.size(); ++i) {
    Analysed& a = analysed_[i];
    ForEachKey(
        sentences_[i].text, [&](const std::string& key, const std::string& surface) { a.keys.emplace(key, surface); },
        [&](const std::string& run) { a.cjk_runs.push_back(run); });
  }
}

ElementEvidence ProductEvidence::Evidence(std::string_view element_text) const {
  std::vector<std::pair<std::string, std::string>> keys;  // distinct, in order
  std::unordered_set<std::string> key_set;
  ForEachKey(
      element_text,
      [&](const std::string& key, const std::string& surface) {
        if (key_set.insert(key).second) keys.emplace_back(key, surface);
      },
      nullptr);
  ElementEvidence ev;
  ev.keys = static_cast<int>(keys.size());
  if (keys.empty()) return ev;
  std::vector<std::pair<int, int>> hits;  // matched count, sentence
  for (size_t i = 0; i < analysed_.size(); ++i) {
    int matched = 0;
    for (const auto& [key, surface] : keys) matched += analysed_[i].keys.count(key) ? 1 : 0;
    if (matched > 0) hits.emplace_back(matched, static_cast<int>(i));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  auto evidences = [&](int matched) { return matched * 100 >= kEvidenceCoveragePercent * ev.keys; };
  for (const auto& [matched, sentence] : hits) {
    if (!ev.sentences.empty() && !evidences(matched)) break;
    const Analysed& a = analysed_[sentence];
    SentenceEvidence se{sentence, matched * 100 / ev.keys, {}};
    std::unordered_set<std::string> cjk_keys;
    for (const auto& [key, surface] : keys) {
      auto it = a.keys.find(key);
      if (it == a.keys.end()) continue;
      if (IsCjkToken(it->second))
        cjk_keys.insert(key);
      else
        se.matched.push_back(it->second);
    }
    for (const std::string& run : a.cjk_runs) MatchedCjk(run, cjk_keys, se.matched);
    std::vector<std::string> unique;
    for (std::string& m : se.matched) {
      bool known = false;
      for (const std::string& u : unique)
        known = known || u == m || (IsCjkToken(m) && u.find(m) != std::string::npos);
      if (!known) unique.push_back(std::move(m));
    }
    se.matched = std::move(unique);
    if (ev.sentences.empty()) {
      ev.percent = se.percent;
      ev.evidenced = evidences(matched);
      for (const auto& [key, surface] : keys)
        if (!a.keys.count(key)) ev.missing.push_back(surface);
    }
    ev.sentences.push_back(std::move(se));
    if (!ev.evidenced) break;
  }
  if (hits.empty())
    for (const auto& [key, surface] : keys) ev.missing.push_back(surface);
  return ev;
}

}  // namespace patnav::domain
