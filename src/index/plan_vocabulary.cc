// PlanVocabulary: the planned terms numbered, and the per-word cache of
// which of them a word gives in which text field (plan_vocabulary.h).
#include "index/plan_vocabulary.h"

#include "index/index_schema.h"

namespace patnav::index {
namespace {

// The free-text fields, by number (bit f of a word's fields).
constexpr std::string_view kTextPrefixes[] = {kTitle,       kAbstract,      kClaims,
                                              kDescription, kApplicantText, kInventorText};
constexpr int kTextFields = sizeof(kTextPrefixes) / sizeof(kTextPrefixes[0]);
static_assert(kTextFields <= 16, "a word's fields are a 16-bit mask");

}  // namespace

PlanVocabulary::PlanVocabulary(std::shared_ptr<const std::unordered_set<std::string>> terms, size_t max_words)
    : terms_(std::move(terms)), max_words_(max_words) {
  by_index_.reserve(terms_->size());
  for (const std::string& t : *terms_) {
    index_.Insert(t, static_cast<uint32_t>(by_index_.size()));
    by_index_.push_back(&t);
  }
  // A field's terms start with its prefix, the stemmed ones with "Z" and
  // the prefix (text_analysis.h); a prefix that starts another's only
  // keeps a field that could have been left out.
  for (int f = 0; f < kTextFields; ++f) {
    const std::string stemmed = "Z" + std::string(kTextPrefixes[f]);
    for (const std::string& t : *terms_)
      if (t.starts_with(kTextPrefixes[f]) || t.starts_with(stemmed)) {
        active_ |= static_cast<uint16_t>(1u << f);
        break;
      }
  }
}

int PlanVocabulary::FieldOf(std::string_view prefix) const {
  for (int f = 0; f < kTextFields; ++f)
    if (kTextPrefixes[f] == prefix) return (active_ & (1u << f)) ? f : -1;
  return -1;
}

void PlanVocabulary::ForEachPlannedTerm(const TextToken& token, int field,
                                        const std::function<void(uint32_t)>& fn) const {
  ForEachTokenTerm(token, kTextPrefixes[field], [&](const std::string& term) {
    if (const uint32_t i = IndexOf(term); i != kNone) fn(i);
  });
}

PlanVocabulary::Entry PlanVocabulary::Learn(const TextToken& word, uint64_t hash) const {
  if (words_.size() >= max_words_) {
    words_.Clear();
    targets_.clear();
  }
  Entry e;
  e.first = static_cast<uint32_t>(targets_.size());
  for (int f = 0; f < kTextFields; ++f) {
    if (!(active_ & (1u << f))) continue;
    ForEachPlannedTerm(word, f, [&](uint32_t i) {
      targets_.push_back({i, f});
      e.fields |= static_cast<uint16_t>(1u << f);
    });
  }
  // A word gives at most two terms per field.
  e.count = static_cast<uint16_t>(targets_.size() - e.first);
  return words_.InsertHashed(word.text, hash, e);
}

}  // namespace patnav::index
