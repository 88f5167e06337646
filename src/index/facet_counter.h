// Counting string values fast: an open-addressing hash table keyed by the
// value's bytes, with the keys kept in one arena. Counting a value already
// seen allocates nothing, which is what a facet match spy needs when it is
// called for every one of a million matching documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patnav::index {

class FacetCounter {
 public:
  FacetCounter();

  // Adds one to the count of `value`.
  void Add(std::string_view value);

  // Distinct values counted.
  size_t size() const { return used_; }

  // The n values with the highest counts, count descending, ties by value
  // ascending (byte order). All of them when n >= size().
  std::vector<std::pair<std::string, int64_t>> Top(size_t n) const;

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // of the key in arena_
    uint32_t length = 0;
    int64_t count = 0;    // 0: the slot is empty
  };
  std::string_view KeyOf(const Slot& s) const { return std::string_view(arena_).substr(s.offset, s.length); }
  void Grow();

  std::vector<Slot> slots_;  // size is a power of two
  size_t used_ = 0;
  std::string arena_;
};

}  // namespace patnav::index
