// FacetCounter: linear probing over a power-of-two table, grown at 70% load.
#include "index/facet_counter.h"

#include <algorithm>
#include <functional>

namespace patnav::index {

namespace {

constexpr size_t kInitialSlots = 64;

uint64_t Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

FacetCounter::FacetCounter() : slots_(kInitialSlots) {}

void FacetCounter::Add(std::string_view value) {
  const uint64_t h = Hash(value);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.count == 0) {
      s.hash = h;
      s.offset = static_cast<uint32_t>(arena_.size());
      s.length = static_cast<uint32_t>(value.size());
      s.count = 1;
      arena_.append(value);
      if (++used_ * 10 > slots_.size() * 7) Grow();
      return;
    }
    if (s.hash == h && KeyOf(s) == value) {
      ++s.count;
      return;
    }
  }
}

void FacetCounter::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.count == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].count != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::vector<std::pair<std::string, int64_t>> FacetCounter::Top(size_t n) const {
  std::vector<const Slot*> filled;
  filled.reserve(used_);
  for (const Slot& s : slots_)
    if (s.count != 0) filled.push_back(&s);
  auto before = [this](const Slot* a, const Slot* b) {
    if (a->count != b->count) return a->count > b->count;
    return KeyOf(*a) < KeyOf(*b);
  };
  n = std::min(n, filled.size());
  std::partial_sort(filled.begin(), filled.begin() + static_cast<std::ptrdiff_t>(n), filled.end(), before);
  std::vector<std::pair<std::string, int64_t>> top;
  top.reserve(n);
  for (size_t i = 0; i < n; ++i) top.emplace_back(std::string(KeyOf(*filled[i])), filled[i]->count);
  return top;
}

}  // namespace patnav::index
