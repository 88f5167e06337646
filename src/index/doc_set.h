// DocSet: a set of document ids as a dense bitmap over 0..last docid. At a
// million documents a set is 125 KB, and AND/OR/NOT are word-wide loops of
// ~16,000 words: cheaper than merging posting lists through Xapian's matcher
// when every match has to be visited anyway (exact totals, facets).
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include <xapian.h>

namespace patnav::index {

class DocSet {
 public:
  DocSet() = default;
  // An empty set able to hold docids 0..last.
  explicit DocSet(Xapian::docid last) : words_((static_cast<size_t>(last) >> 6) + 1, 0) {}

  // REQUIRES: did <= the `last` given at construction; larger ids are ignored.
  void Add(Xapian::docid did) {
    const size_t w = did >> 6;
    if (w < words_.size()) words_[w] |= uint64_t{1} << (did & 63);
  }
  bool Contains(Xapian::docid did) const {
    const size_t w = did >> 6;
    return w < words_.size() && (words_[w] >> (did & 63)) & 1;
  }
  // Set operations; REQUIRES: both sets made with the same `last`.
  void And(const DocSet& o) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
  }
  void Or(const DocSet& o) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
  }
  void AndNot(const DocSet& o) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] &= ~o.words_[i];
  }
  int64_t Count() const {
    int64_t n = 0;
    for (uint64_t w : words_) n += std::popcount(w);
    return n;
  }
  // The bitmap's 64-bit words: bit b of word i is docid 64 * i + b.
  size_t word_count() const { return words_.size(); }
  uint64_t word(size_t i) const { return words_[i]; }
  size_t MemoryBytes() const { return words_.capacity() * sizeof(uint64_t); }

  // Calls fn(docid) for every member, ascending.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (size_t i = 0; i < words_.size(); ++i)
      for (uint64_t w = words_[i]; w != 0; w &= w - 1)
        fn(static_cast<Xapian::docid>((i << 6) + static_cast<size_t>(std::countr_zero(w))));
  }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace patnav::index
