// Test fixtures of the evaluation engine: a small indicator system as JSON
// that tests alter to make each bad input, and a helper to parse it.
#pragma once

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/evaluation/indicator_system.h"

namespace patnav::domain::evaluation::testing {

// Two groups (A: creation, B: use), five weighted leaves, a gate and a bonus.
//   A  0.4: A1 hv/pop*10000 ratio_to_target 12 (0.6), A2 pct min-max (0.4)
//   B  0.6: B1 ip_share fixed [5, 15] (0.5), B2 pledge rank percentile (0.3),
//           B3 lag lower-better min-max (0.2)
//   G  gate: violations <= 0;  X bonus: awards * 2, cap 5
//   outcomes: withdraw < 60 (or vetoed, ban 2 years), repeat 60..70, demonstration > 70
inline nlohmann::json SmallSystem() {
  return nlohmann::json::parse(R"json({
    "code": "test-cities", "version": "1", "name_zh": "测试城市", "name_en": "Test cities",
    "source": "constructed for tests",
    "measures": [
      {"code": "hv", "name_zh": "高价值发明专利", "unit": "件"},
      {"code": "pop", "name_zh": "常住人口", "unit": "人"},
      {"code": "pct", "name_en": "PCT filings"},
      {"code": "ip_share", "name_en": "patent-intensive industry share of GDP", "unit": "%"},
      {"code": "pledge", "name_en": "pledge financing", "unit": "亿元"},
      {"code": "lag", "name_en": "days to decide a complaint"},
      {"code": "violations", "name_en": "serious IP violations"},
      {"code": "awards", "name_en": "China patent awards"}
    ],
    "nodes": [
      {"code": "A", "name_zh": "知识产权创造", "name_en": "Creation", "weight": 0.4},
      {"code": "A1", "parent": "A", "name_zh": "每万人口高价值发明专利拥有量", "weight": 0.6,
       "formula": "hv / pop * 10000", "unit": "件/万人",
       "normaliser": {"method": "ratio_to_target", "target": 12, "cap": 1}},
      {"code": "A2", "parent": "A", "name_en": "PCT filings", "weight": 0.4, "formula": "pct",
       "normaliser": {"method": "min_max"}},
      {"code": "B", "name_zh": "知识产权运用", "name_en": "Use", "weight": 0.6},
      {"code": "B1", "parent": "B", "name_en": "IP-intensive share", "weight": 0.5, "formula": "ip_share",
       "normaliser": {"method": "min_max", "min": 5, "max": 15}},
      {"code": "B2", "parent": "B", "name_en": "Pledge financing", "weight": 0.3, "formula": "pledge",
       "normaliser": {"method": "rank_percentile"}},
      {"code": "B3", "parent": "B", "name_en": "Complaint lag", "weight": 0.2, "formula": "lag",
       "direction": "lower_better", "normaliser": {"method": "min_max"}},
      {"code": "G", "name_zh": "一票否决", "kind": "gate", "formula": "violations", "direction": "lower_better", "threshold": 0},
      {"code": "X", "name_en": "Awards bonus", "kind": "bonus", "formula": "awards * 2", "cap": 5}
    ],
    "outcomes": [
      {"code": "withdraw", "name_en": "withdrawn, two-year ban", "below": 60, "ban_years": 2},
      {"code": "withdraw_vetoed", "name_en": "withdrawn (veto)", "vetoed": true, "ban_years": 2},
      {"code": "repeat_pilot", "name_en": "another pilot round", "at_least": 60, "at_most": 70},
      {"code": "demonstration", "name_en": "demonstration cultivation", "above": 70}
    ]
  })json");
}

inline Result<IndicatorSystem> Parse(const nlohmann::json& j) { return ParseIndicatorSystem(j.dump(), "test.json"); }

// The node object with `code` in j["nodes"].
inline nlohmann::json& NodeOf(nlohmann::json& j, const std::string& code) {
  for (auto& n : j["nodes"])
    if (n["code"] == code) return n;
  throw std::runtime_error("no node " + code);
}

}  // namespace patnav::domain::evaluation::testing
