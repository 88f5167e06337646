// Largest-remainder apportionment.
#include "domain/allocation.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace patnav::domain {

std::vector<int64_t> AllocateLargestRemainder128(int64_t total, std::span<const __int128> weights) {
  assert(total >= 0);
  const size_t n = weights.size();
  std::vector<int64_t> parts(n, 0);
  if (n == 0) return parts;
  __int128 sum = 0;
  for (__int128 w : weights) {
    assert(w >= 0);
    sum += w;
  }
  std::vector<__int128> equal;
  if (sum == 0) {
    equal.assign(n, 1);
    weights = equal;
    sum = static_cast<__int128>(n);
  }
  std::vector<__int128> remainder(n);
  int64_t given = 0;
  for (size_t i = 0; i < n; ++i) {
    __int128 product = static_cast<__int128>(total) * weights[i];
    parts[i] = static_cast<int64_t>(product / sum);
    remainder[i] = product % sum;
    given += parts[i];
  }
  int64_t left = total - given;  // < n
  if (left > 0) {
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + left, order.end(), [&](size_t a, size_t b) {
      return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
    });
    for (int64_t k = 0; k < left; ++k) ++parts[order[static_cast<size_t>(k)]];
  }
  return parts;
}

std::vector<int64_t> AllocateLargestRemainder(int64_t total, std::span<const int64_t> weights) {
  std::vector<__int128> wide(weights.begin(), weights.end());
  return AllocateLargestRemainder128(total, wide);
}

int64_t ApplyPpm(int64_t amount, int64_t ppm) {
  __int128 p = static_cast<__int128>(amount) * ppm;
  return static_cast<int64_t>((p + 500'000) / 1'000'000);
}

}  // namespace patnav::domain
