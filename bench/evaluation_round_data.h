// The synthetic round of the evaluation benchmarks (issue 15): an indicator
// system of G groups of L leaves (every normaliser, per-capita formulas, a
// gate, a bonus, a consistent AHP matrix at the top) and the observations of
// N subjects for 2024 as CSV. Shared by evaluation_bench (the engine alone)
// and stored_round_bench (a round stored in operations.db).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "base/random.h"

namespace patnav::bench {

// The synthetic system: groups G1..Gg, leaves Gi.j over measures mi_j (and
// population for every third leaf), normalisers in rotation.
inline std::string SystemJson(int groups, int leaves) {
  nlohmann::json j;
  j["code"] = "bench";
  j["version"] = "1";
  j["name_zh"] = "基准";
  j["normalise_weights"] = true;
  j["measures"] = nlohmann::json::array({{{"code", "population"}}, {{"code", "violations"}}, {{"code", "awards"}}});
  j["nodes"] = nlohmann::json::array();
  for (int g = 1; g <= groups; ++g) {
    std::string gc = "G" + std::to_string(g);
    j["nodes"].push_back({{"code", gc}, {"name_zh", "组" + std::to_string(g)}, {"weight", 1}});
    for (int l = 1; l <= leaves; ++l) {
      std::string m = "m" + std::to_string(g) + "_" + std::to_string(l);
      j["measures"].push_back({{"code", m}});
      nlohmann::json n = {{"code", gc + "." + std::to_string(l)}, {"parent", gc}, {"name_zh", "指标" + m}, {"weight", 1}};
      n["formula"] = l % 3 == 0 ? m + " / population * 10000" : m;
      switch (l % 6) {
        case 0: n["normaliser"] = {{"method", "ratio_to_target"}, {"target", 12}, {"cap", 1}}; break;
        case 1: n["normaliser"] = {{"method", "min_max"}}; break;
        case 2: n["normaliser"] = {{"method", "z_score"}}; break;
        case 3: n["normaliser"] = {{"method", "rank_percentile"}}; break;
        case 4: n["normaliser"] = {{"method", "min_max"}}; n["direction"] = "lower_better"; break;
        default:
          n["normaliser"] = {{"method", "step_table"},
                             {"steps", {{{"from", 0}, {"score", 0.2}}, {{"from", 300}, {"score", 0.6}}, {{"from", 700}, {"score", 1}}}}};
      }
      j["nodes"].push_back(n);
    }
  }
  j["nodes"].push_back({{"code", "V"}, {"name_en", "veto"}, {"kind", "gate"}, {"formula", "violations"},
                        {"direction", "lower_better"}});
  j["nodes"].push_back({{"code", "B"}, {"name_en", "bonus"}, {"kind", "bonus"}, {"formula", "awards"}, {"cap", 5}});
  // A consistent top-level AHP matrix: group g weighs g.
  nlohmann::json children = nlohmann::json::array(), matrix = nlohmann::json::array();
  for (int a = 1; a <= groups; ++a) {
    children.push_back("G" + std::to_string(a));
    nlohmann::json row = nlohmann::json::array();
    for (int b = 1; b <= groups; ++b) row.push_back(static_cast<double>(a) / b);
    matrix.push_back(row);
  }
  j["ahp"] = {{"children", children}, {"matrix", matrix}};
  j["outcomes"] = {{{"code", "withdraw"}, {"below", 60}}, {{"code", "keep"}, {"at_least", 60}}, {{"code", "veto"}, {"vetoed", true}}};
  return j.dump();
}

inline std::string ObservationsCsv(int subjects, int groups, int leaves, uint64_t seed) {
  Random rng(seed);
  std::string csv = "subject,measure,period,value\n";
  char line[128];
  for (int s = 0; s < subjects; ++s) {
    auto add = [&](const std::string& m, double v) {
      std::snprintf(line, sizeof line, "S%04d,%s,2024,%.4f\n", s, m.c_str(), v);
      csv += line;
    };
    add("population", 100000 + static_cast<double>(rng.Uniform(2000000)));
    add("violations", rng.Bernoulli(0.01) ? 1 : 0);
    add("awards", static_cast<double>(rng.Uniform(4)));
    for (int g = 1; g <= groups; ++g)
      for (int l = 1; l <= leaves; ++l) add("m" + std::to_string(g) + "_" + std::to_string(l), 1 + rng.UnitDouble() * 999);
  }
  return csv;
}

}  // namespace patnav::bench
