// Deterministic sampling primitives for the synthetic corpus: stream seeding,
// integer-weighted choice, Zipf(-Mandelbrot) tables, and log/exp/pow built
// only from IEEE-754 basic operations, so every machine draws the same values
// (libm's transcendental functions may differ in the last bit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "base/random.h"

namespace patnav::gen {

// A seed for an independent stream, derived from the corpus seed, an entity
// number (document, organisation, ...) and a tag naming the purpose.
uint64_t StreamSeed(uint64_t seed, uint64_t entity, uint64_t tag);
inline Random Stream(uint64_t seed, uint64_t entity, uint64_t tag) {
  return Random(StreamSeed(seed, entity, tag));
}

// Natural logarithm and exponential; REQUIRES: x > 0 for DetLog.
double DetLog(double x);
double DetExp(double x);
// x^y for x > 0.
double DetPow(double x, double y);

// Index drawn with probability proportional to the integer weights;
// REQUIRES: at least one positive weight.
size_t PickWeighted(Random& rng, std::span<const uint32_t> weights);
size_t PickWeighted(Random& rng, std::initializer_list<uint32_t> weights);

// Picks from a span uniformly; REQUIRES: non-empty.
template <typename T>
const T& PickOne(Random& rng, std::span<const T> items) {
  return items[rng.Uniform(items.size())];
}

// Rank k (0-based) drawn with probability proportional to 1 / (k + 1 + q)^s.
class ZipfTable {
 public:
  // REQUIRES: n > 0, s > 0, q >= 0.
  ZipfTable(size_t n, double s, double q = 0.0);
  size_t Sample(Random& rng) const;
  double Probability(size_t k) const;
  size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;  // cumulative, unnormalized
};

// A rank in [0, n) biased towards 0: floor(n * u^power) with u uniform.
// REQUIRES: n > 0, power >= 1 (an integer power keeps it exact).
uint64_t SkewedRank(Random& rng, uint64_t n, int power);

}  // namespace patnav::gen
