// Evaluation benchmark (issue 15): a round of 3,000 subjects (every
// county-level unit) on an indicator tree of 60 leaves (6 groups of 10, every
// normaliser, per-capita formulas, a gate, a bonus, AHP at the top), scored
// with entropy weights, then ranked under every weighting method (the
// sensitivity table). Phases timed on one thread:
//   csv        parsing the observations CSV (the file a user hands in)
//   prepare    checking observations against the round, every formula and normaliser
//   entropy    weighting and aggregating with entropy weights, ranks, outcomes
//   sensitivity ranks under fixed, AHP, entropy and CRITIC
// The target of the issue: entropy weights with the ranking sensitivity
// (prepare + entropy + sensitivity) in under 1 s.
//
// Usage: evaluation_bench [--subjects N] [--groups G] [--leaves L] [--seed S]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "evaluation_round_data.h"
#include "domain/evaluation/indicator_system.h"
#include "domain/evaluation/observations.h"
#include "domain/evaluation/ranking_sensitivity.h"
#include "domain/evaluation/round_score.h"

namespace {

using namespace patnav;
using namespace patnav::domain::evaluation;
using Clock = std::chrono::steady_clock;
using patnav::bench::ObservationsCsv;
using patnav::bench::SystemJson;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

}  // namespace

int main(int argc, char** argv) {
  int subjects = 3000, groups = 6, leaves = 10;
  uint64_t seed = 42;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--subjects")) subjects = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--groups")) groups = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--leaves")) leaves = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: evaluation_bench [--subjects N] [--groups G] [--leaves L] [--seed S]\n");
      return 2;
    }
  }
  Result<IndicatorSystem> sys = ParseIndicatorSystem(SystemJson(groups, leaves), "bench");
  if (!sys.ok()) {
    std::fprintf(stderr, "%s\n", sys.status().message().c_str());
    return 1;
  }
  std::string csv = ObservationsCsv(subjects, groups, leaves, seed);
  std::printf("evaluation_bench: %d subjects, %d leaves (%d groups), %zu observation bytes\n", subjects,
              groups * leaves, groups, csv.size());

  auto t0 = Clock::now();
  Result<RoundInput> in = ParseObservationsCsv(csv, "bench.csv");
  auto t1 = Clock::now();
  if (!in.ok()) return std::fprintf(stderr, "%s\n", in.status().message().c_str()), 1;
  Result<PreparedRound> prepared = PrepareRound(*sys, *in);
  auto t2 = Clock::now();
  if (!prepared.ok()) return std::fprintf(stderr, "%s\n", prepared.status().message().c_str()), 1;
  Result<RoundScore> entropy = WeighRound(*sys, *prepared, Weighting::kEntropy);
  auto t3 = Clock::now();
  Result<RankingSensitivity> sens = RankSensitivity(*sys, *prepared);
  auto t4 = Clock::now();
  if (!entropy.ok() || !sens.ok()) return 1;

  std::printf("  csv          %8.1f ms  (%zu observations)\n", Ms(t0, t1), in->observations.size());
  std::printf("  prepare      %8.1f ms\n", Ms(t1, t2));
  std::printf("  entropy      %8.1f ms\n", Ms(t2, t3));
  std::printf("  sensitivity  %8.1f ms  (%zu methods)\n", Ms(t3, t4), sens->methods.size());
  double target = Ms(t1, t4);
  std::printf("  prepare + entropy + sensitivity: %.1f ms (target < 1000 ms: %s); with the CSV: %.1f ms\n", target,
              target < 1000 ? "MET" : "NOT MET", Ms(t0, t4));
  for (size_t m = 1; m < sens->methods.size(); ++m)
    std::printf("  %s vs fixed: %d of %d subjects change rank, Spearman %.4f\n", WeightingName(sens->methods[m]),
                sens->moved[m], subjects, sens->spearman[m]);
  int vetoed = 0;
  std::string top = "-";
  for (const SubjectScore& s : entropy->subjects) {
    vetoed += s.vetoed;
    if (s.rank == 1) top = s.subject.code;
  }
  std::printf("  vetoed subjects: %d; ranked first under entropy weights: %s\n", vetoed, top.c_str());
  return 0;
}
