// Exact division of money: largest-remainder (Hamilton) apportionment of an
// integer total in proportion to integer weights, so the parts always sum to
// the total and each part is within one minor unit of its exact share.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace patnav::domain {

// Splits `total` (>= 0) in proportion to `weights` (each >= 0). Each part is
// floor(total * w / W) or one more; the units left over after the floors go
// to the largest remainders, ties to the lower index. When every weight is 0
// the total is split equally (same rule). Empty weights: empty result.
// Exact for any int64 total and weights whose sum fits in 62 bits
// (arithmetic in 128 bits).
std::vector<int64_t> AllocateLargestRemainder(int64_t total, std::span<const int64_t> weights);

// Same, with 128-bit weights (blended shares are products of two factors).
std::vector<int64_t> AllocateLargestRemainder128(int64_t total, std::span<const __int128> weights);

// round(amount * ppm / 1e6), half away from zero; amount >= 0.
int64_t ApplyPpm(int64_t amount, int64_t ppm);

}  // namespace patnav::domain
