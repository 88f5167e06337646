// A small deterministic pseudo-random generator (SplitMix64 seeding a
// xoshiro256**). The standard library's distributions are implementation-
// defined, so anything that must reproduce across machines (the synthetic
// corpus, benchmarks) draws from this instead.
#pragma once

#include <cstdint>

namespace patnav {

class Random {
 public:
  explicit Random(uint64_t seed);
  uint64_t Next();
  // Uniform in [0, n); REQUIRES: n > 0.
  uint64_t Uniform(uint64_t n);
  // Uniform in [0, 1).
  double UnitDouble();
  bool Bernoulli(double p) { return UnitDouble() < p; }

 private:
  uint64_t s_[4];
};

}  // namespace patnav
