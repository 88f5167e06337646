// A counting hash map from 64-bit keys to counts, for the analyses that count
// pairs (citation flows, co-applicants, group holders): open addressing with
// linear probing in one flat array, several times faster than
// std::unordered_map for millions of increments.
// REQUIRES: keys != kEmpty (UINT64_MAX; pairs of 32-bit ids below 2^32-1 never are).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace patnav::analytics {

class FlatCounter {
 public:
  static constexpr uint64_t kEmpty = UINT64_MAX;

  explicit FlatCounter(size_t expected = 1024) { Resize(Capacity(expected)); }

  // Adds `n` to the count of `key`; returns the new count.
  uint32_t Add(uint64_t key, uint32_t n = 1) {
    if ((size_ + 1) * 2 > slots_.size()) Resize(slots_.size() * 2);
    size_t i = Hash(key) & mask_;
    while (slots_[i].first != kEmpty && slots_[i].first != key) i = (i + 1) & mask_;
    if (slots_[i].first == kEmpty) {
      slots_[i].first = key;
      ++size_;
    }
    return slots_[i].second += n;
  }
  size_t size() const { return size_; }
  // The (key, count) pairs, in no particular order.
  std::vector<std::pair<uint64_t, uint32_t>> Items() const {
    std::vector<std::pair<uint64_t, uint32_t>> out;
    out.reserve(size_);
    for (const auto& s : slots_)
      if (s.first != kEmpty) out.push_back(s);
    return out;
  }

 private:
  static size_t Capacity(size_t expected) {
    size_t c = 16;
    while (c < expected * 2) c *= 2;
    return c;
  }
  static uint64_t Hash(uint64_t k) {  // splitmix64 finalizer
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ull;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebull;
    return k ^ (k >> 31);
  }
  void Resize(size_t capacity) {
    std::vector<std::pair<uint64_t, uint32_t>> old;
    old.swap(slots_);
    slots_.assign(capacity, {kEmpty, 0});
    mask_ = capacity - 1;
    size_ = 0;
    for (const auto& s : old)
      if (s.first != kEmpty) Add(s.first, s.second);
  }

  std::vector<std::pair<uint64_t, uint32_t>> slots_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace patnav::analytics
