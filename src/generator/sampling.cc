// Deterministic sampling primitives (see sampling.h).
#include "generator/sampling.h"

// Floating-point results must not depend on the compiler fusing a * b + c
// (GCC in ISO mode does not; clang would by default).
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include <algorithm>
#include <cassert>
#include <cmath>

namespace patnav::gen {

namespace {
uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}
constexpr double kLn2 = 0.693147180559945309417232121458176568;
}  // namespace

uint64_t StreamSeed(uint64_t seed, uint64_t entity, uint64_t tag) {
  uint64_t h = Mix64(seed + 0x9E3779B97F4A7C15ULL);
  h = Mix64(h ^ (tag * 0xD6E8FEB86659FD93ULL));
  h = Mix64(h ^ (entity + 0xA0761D6478BD642FULL));
  return h;
}

double DetLog(double x) {
  assert(x > 0);
  int e = 0;
  double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1): exact
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  double term = t, sum = 0.0;
  for (int k = 1; k < 40; k += 2) {
    sum += term / k;
    term *= t2;
  }
  return 2.0 * sum + e * kLn2;
}

double DetExp(double x) {
  if (x > 700) x = 700;
  if (x < -700) return 0.0;
  const double kd = std::floor(x / kLn2 + 0.5);
  const double r = x - kd * kLn2;
  double term = 1.0, sum = 1.0;
  for (int k = 1; k < 24; ++k) {
    term *= r / k;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(kd));
}

double DetPow(double x, double y) { return DetExp(y * DetLog(x)); }

size_t PickWeighted(Random& rng, std::span<const uint32_t> weights) {
  uint64_t total = 0;
  for (uint32_t w : weights) total += w;
  assert(total > 0);
  uint64_t u = rng.Uniform(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  return weights.size() - 1;
}

size_t PickWeighted(Random& rng, std::initializer_list<uint32_t> weights) {
  return PickWeighted(rng, std::span<const uint32_t>(weights.begin(), weights.size()));
}

ZipfTable::ZipfTable(size_t n, double s, double q) {
  assert(n > 0);
  cdf_.reserve(n);
  double total = 0.0;
  for (size_t k = 0; k < n; ++k) {
    total += 1.0 / DetPow(static_cast<double>(k + 1) + q, s);
    cdf_.push_back(total);
  }
}

size_t ZipfTable::Sample(Random& rng) const {
  const double u = rng.UnitDouble() * cdf_.back();
  auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
  return std::min(static_cast<size_t>(it - cdf_.begin()), cdf_.size() - 1);
}

double ZipfTable::Probability(size_t k) const {
  const double prev = k == 0 ? 0.0 : cdf_[k - 1];
  return (cdf_[k] - prev) / cdf_.back();
}

uint64_t SkewedRank(Random& rng, uint64_t n, int power) {
  double u = rng.UnitDouble();
  double p = u;
  for (int i = 1; i < power; ++i) p *= u;
  return std::min<uint64_t>(n - 1, static_cast<uint64_t>(p * static_cast<double>(n)));
}

}  // namespace patnav::gen
