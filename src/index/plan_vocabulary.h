// PlanVocabulary: which of a record matcher plan's terms (record_query_matcher.h)
// each word of a record's text gives, worked out once per distinct word
// and remembered, so that laying out a record's planned postings costs one
// hash lookup per word instead of building, hashing and looking up its
// term and its stemmed term in every field.
//
// The terms are still the analyser's own (text_analysis.h): a word seen for
// the first time is handed to ForEachTokenTerm under every text field's
// prefix, and each term it gives is looked up in the plan; what is cached
// is only the answer (in which fields, which planned terms), keyed by the
// lower-cased word. A CJK run (whole runs rarely repeat) is looked up term
// by term, uncached. So for every text and field the planned terms found
// are exactly the planned terms among ForEachIndexTerm's.
//
// Thread-safety: the planned terms are immutable and may be asked from any
// thread (IndexOf, FieldOf); the word cache is used through a Session,
// which holds the vocabulary's mutex while it lives (one per Add).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "index/flat_string_map.h"
#include "index/text_analysis.h"

namespace patnav::index {

class PlanVocabulary {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // Beyond this many words (by default) the cache starts again: a long
  // ingest meets numbers and rare words without end, and what repeats comes
  // back at once. Some 5 to 20 MB of cache at most (slots, words, targets).
  static constexpr size_t kMaxWords = size_t{1} << 17;

  // The vocabulary of the plan asking `terms` (not null), which it keeps,
  // remembering at most `max_words` words at a time (> 0).
  explicit PlanVocabulary(std::shared_ptr<const std::unordered_set<std::string>> terms,
                          size_t max_words = kMaxWords);

  // The planned terms, numbered 0 .. size()-1 (term(i) is an element of
  // terms()).
  size_t size() const { return by_index_.size(); }
  const std::string& term(uint32_t i) const { return *by_index_[i]; }
  const std::unordered_set<std::string>* terms() const { return terms_.get(); }
  // The number of `term`, or kNone when the plan does not ask it.
  uint32_t IndexOf(std::string_view term) const {
    const uint32_t* i = index_.Find(term);
    return i ? *i : kNone;
  }

  // The number of the free-text field (index_schema.h) of `prefix`, or -1
  // when no planned term is in that field (or `prefix` is not a text
  // field's): then none of the field's words needs looking at.
  int FieldOf(std::string_view prefix) const;

  class Session {
   public:
    // Calls fn(i) for the number i of each planned term that `token` gives
    // in field `field` (FieldOf), in the analyser's order (a CJK run may
    // give a term more than once).
    template <typename Fn>
    void ForEachPlanned(const TextToken& token, int field, Fn&& fn) {
      if (token.kind == TokenKind::kCjk) {
        v_->ForEachPlannedTerm(token, field, std::ref(fn));
        return;
      }
      const uint64_t hash = FastHash(token.text);
      const Entry* found = v_->words_.FindHashed(token.text, hash);
      const Entry e = found ? *found : v_->Learn(token, hash);
      if (!(e.fields & (1u << field))) return;  // most words: in no query
      for (uint32_t k = e.first; k < e.first + e.count; ++k)
        if (v_->targets_[k].field == field) fn(v_->targets_[k].index);
    }

   private:
    friend class PlanVocabulary;
    explicit Session(const PlanVocabulary* v) : v_(v), lock_(v->mu_) {}
    const PlanVocabulary* v_;
    std::unique_lock<std::mutex> lock_;
  };
  // Exclusive use of the word cache until the session ends.
  Session Open() const { return Session(this); }

 private:
  // What one word gives: fields (bit f: some planned term in field f) and
  // its planned terms, targets_[first .. first+count).
  struct Entry {
    uint32_t first = 0;
    uint16_t count = 0;
    uint16_t fields = 0;
  };
  struct Target {
    uint32_t index;
    int field;
  };

  // Works out, caches and returns the entry of a word not cached. REQUIRES: mu_ held.
  Entry Learn(const TextToken& word, uint64_t hash) const;
  // The planned terms of a token looked up term by term (CJK runs).
  void ForEachPlannedTerm(const TextToken& token, int field, const std::function<void(uint32_t)>& fn) const;

  std::shared_ptr<const std::unordered_set<std::string>> terms_;
  std::vector<const std::string*> by_index_;
  FlatStringMap<uint32_t> index_;  // term -> its number
  uint16_t active_ = 0;            // bit f: some planned term is in text field f
  size_t max_words_;

  mutable std::mutex mu_;
  mutable FlatStringMap<Entry> words_;      // GUARDED_BY(mu_)
  mutable std::vector<Target> targets_;     // GUARDED_BY(mu_)
};

}  // namespace patnav::index
