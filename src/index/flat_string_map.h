// FlatStringMap: a hash map from strings to small values, looked up by
// string_view without allocating, for the planned record matcher's
// per-token lookups (plan_vocabulary.h).
//
// Why not std::unordered_map<std::string, V>: on the matcher's hot path
// (one lookup per word of a record, nearly all of them for words seen
// before) its costs are a std::string to build for the key, std::hash's
// byte hash, a modulo by a prime bucket count and a node to chase. Here a
// key is hashed 8 bytes at a time (FastHash), the table is a power of two
// probed linearly from the hash's low bits, and each slot holds the hash's
// high half, so a probe compares key bytes only when 32 more bits match.
// Keys are copied once into one arena.
//
// Not thread-safe: callers guard a shared map themselves.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace patnav::index {

// A 64-bit hash of `s`: 8-byte words folded by multiply-xorshift rounds
// (splitmix64's constants), then a final avalanche. Not for untrusted
// adversarial keys; good enough to spread words and terms over a
// power-of-two table.
inline uint64_t FastHash(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xFF51AFD7ED558CCDull);
  const char* p = s.data();
  size_t n = s.size();
  auto round = [&h](uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  };
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    round(w);
  }
  if (n > 0) {  // byte by byte: a memcpy of variable length is a call
    uint64_t w = 0;
    for (size_t k = 0; k < n; ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    round(w);
  }
  h ^= h >> 30;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  return h;
}

template <typename V>
class FlatStringMap {
 public:
  // The value stored under `key`, or null. The pointer stays valid until
  // the next Insert or Clear.
  const V* Find(std::string_view key) const { return FindHashed(key, FastHash(key)); }

  const V* FindHashed(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return nullptr;
      if (s.tag == Tag(hash) && s.length == key.size() && Equal(arena_.data() + s.offset, key)) return &s.value;
    }
  }

  // Stores `value` under `key`. REQUIRES: `key` is absent, and the keys
  // stored since the last Clear hold less than 4 GiB.
  const V& Insert(std::string_view key, V value) { return InsertHashed(key, FastHash(key), std::move(value)); }

  const V& InsertHashed(std::string_view key, uint64_t hash, V value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();  // load factor at most 1/2
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].length != kEmpty) i = (i + 1) & mask;
    Slot& s = slots_[i];
    s.tag = Tag(hash);
    s.offset = static_cast<uint32_t>(arena_.size());
    s.length = static_cast<uint32_t>(key.size());
    s.value = std::move(value);
    arena_.append(key);
    ++size_;
    return s.value;
  }

  size_t size() const { return size_; }
  // Bytes held (slots and keys), for a caller's memory cap.
  size_t bytes() const { return slots_.capacity() * sizeof(Slot) + arena_.capacity(); }

  void Clear() {
    slots_.clear();
    arena_.clear();
    size_ = 0;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // a slot's length when unused
  // 12 bytes and the value's (20 for a word's entry), so that the table of
  // a plan's vocabulary, tens of thousands of words, stays in the L2 cache.
  struct Slot {
    uint32_t tag = 0;     // the hash's high half (the low bits place the slot)
    uint32_t offset = 0;  // of the key in arena_
    uint32_t length = kEmpty;
    V value{};
  };
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

  // The key at `stored` is `key` (same length): 8 bytes at a time, inline
  // (keys are mostly short words; memcmp would be a call).
  static bool Equal(const char* stored, std::string_view key) {
    const char* p = key.data();
    size_t n = key.size();
    for (; n >= 8; stored += 8, p += 8, n -= 8) {
      uint64_t a, b;
      std::memcpy(&a, stored, 8);
      std::memcpy(&b, p, 8);
      if (a != b) return false;
    }
    for (; n > 0; ++stored, ++p, --n)
      if (*stored != *p) return false;
    return true;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.length == kEmpty) continue;
      size_t i = FastHash(std::string_view(arena_.data() + s.offset, s.length)) & mask;
      while (slots_[i].length != kEmpty) i = (i + 1) & mask;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two in size, or empty
  std::string arena_;        // every key, back to back
  size_t size_ = 0;
};

}  // namespace patnav::index
