// Test data for the report tests: a landscape JSON (docs/landscape-json.md)
// holding every analysis, built in code from a seeded PRNG (deterministic), with
// names that try to break out of HTML and scripts, Chinese text, and a U+2028.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/random.h"

namespace patnav::report::testing {

inline constexpr const char* kEvilName = "Evil </script><b>&\" Corp";
inline constexpr const char* kChineseName = "宁德时代新能源科技股份有限公司";
inline constexpr const char* kLineSeparatorName = "Line\u2028Separator Ltd";

inline std::vector<std::string> SampleApplicants() {
  std::vector<std::string> names = {kEvilName, kChineseName, "Toyota Jidosha K.K.",
                                    "Université de <Paris>", "O'Brien & Sons", kLineSeparatorName,
                                    "比亚迪股份有限公司", "清华大学"};
  for (int i = 1; names.size() < 16; ++i) names.push_back("Applicant " + std::to_string(i));
  return names;
}

inline nlohmann::ordered_json SampleLandscape(uint64_t seed = 42) {
  using Json = nlohmann::ordered_json;
  Random rng(seed);
  auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng.Uniform(hi - lo + 1)); };
  auto round4 = [](double v) { return std::round(v * 10000) / 10000; };
  const std::vector<std::string> applicants = SampleApplicants();
  const std::vector<std::string> countries = {"US", "CN", "EP", "JP", "KR", "DE", "WO"};
  const std::vector<std::string> groups = {"H01M 10/052", "H01M 4/13", "H01M 4/58", "H01M 10/0562",
                                           "B60L 58/12", "G01R 31/36", "H02J 7/00", "C01B 25/45"};
  Json l = Json::object();
  int total = 0;

  Json trend = Json::array();
  for (int year = 2010; year <= 2023; ++year) {
    Json by_country = Json::object();
    int count = 0;
    for (const auto& cc : countries) {
      int n = uniform(0, 20 + (year - 2010) * 6);
      by_country[cc] = n;
      count += n;
    }
    total += count;
    trend.push_back({{"year", year}, {"count", count}, {"priority", count - uniform(0, 5)},
                     {"publications", uniform(0, count + 10)}, {"by_country", by_country}});
  }
  l["trend"] = trend;

  Json top = Json::array();
  int remaining = total;
  for (size_t i = 0; i < applicants.size(); ++i) {
    int count = std::max(1, remaining / 6 - uniform(0, 5));
    remaining -= count / 3;
    top.push_back({{"name", applicants[i]}, {"normalized", "key-" + std::to_string(i)},
                   {"count", count}, {"share", round4(static_cast<double>(count) / total)},
                   {"first_year", uniform(2010, 2014)}, {"last_year", uniform(2020, 2023)},
                   {"growth", i % 5 == 4 ? Json(nullptr) : Json(round4(rng.UnitDouble() - 0.2))},
                   {"mean_forward_citations", round4(rng.UnitDouble() * 9)},
                   {"main_ipc", Json::array({"H01M", i % 2 ? "B60L" : "G01R"})}});
  }
  std::stable_sort(top.begin(), top.end(),
                   [](const Json& a, const Json& b) { return a["count"] > b["count"]; });
  l["top_applicants"] = top;

  Json types = Json::array();
  for (int year = 2010; year <= 2023; ++year)
    types.push_back({{"year", year}, {"company", uniform(10, 90)}, {"university", uniform(0, 30)},
                     {"research_institute", uniform(0, 15)}, {"individual", uniform(0, 10)},
                     {"other", uniform(0, 3)}});
  l["applicant_types"] = types;

  Json tech_rows = Json::array();
  auto tech = [&](const char* level, const std::string& code, const std::string& parent, int count) {
    tech_rows.push_back({{"level", level}, {"code", code},
                         {"parent", parent.empty() ? Json(nullptr) : Json(parent)}, {"count", count},
                         {"share", round4(static_cast<double>(count) / total)}});
  };
  tech("section", "H", "", total * 8 / 10);
  tech("section", "B", "", total / 5);
  tech("class", "H01", "H", total * 7 / 10);
  tech("class", "B60", "B", total / 5);
  tech("subclass", "H01M", "H01", total * 6 / 10);
  tech("subclass", "B60L", "B60", total / 6);
  tech("main_group", "H01M 10/00", "H01M", total / 3);
  tech("main_group", "H01M 4/00", "H01M", total / 4);
  tech("main_group", "B60L 58/00", "B60L", total / 7);
  l["technology"] = {{"scheme", "ipc"}, {"rows", tech_rows}};

  Json cells = Json::array();
  Json matrix_names = Json::array(), matrix_keys = Json::array();
  for (size_t i = 0; i < 10; ++i) {
    matrix_names.push_back(applicants[i]);
    matrix_keys.push_back("key-" + std::to_string(i));
    Json row = Json::array();
    for (size_t j = 0; j < groups.size(); ++j) row.push_back(uniform(0, 40));
    cells.push_back(row);
  }
  l["competitor_matrix"] = {{"applicants", matrix_names}, {"normalized", matrix_keys},
                            {"groups", groups}, {"cells", cells}};

  Json geo = Json::array();
  for (const auto& from : countries)
    for (const auto& to : countries)
      if (from == to || rng.Bernoulli(0.3)) geo.push_back({{"from", from}, {"to", to}, {"count", uniform(1, 300)}});
  l["geography"] = geo;

  Json life = Json::array();
  for (int year = 2010; year <= 2023; ++year)
    life.push_back({{"year", year}, {"patents", uniform(20, 60) * (year - 2008)},
                    {"applicants", uniform(5, 20) * (year - 2008)}});
  l["lifecycle"] = {{"rows", life}, {"stage", "growth"},
                    {"rule", "patents and applicants both grew over the last 3 years"}};

  Json legal_years = Json::array(), expiring = Json::array();
  for (int y = 2010; y <= 2024; ++y)
    legal_years.push_back({{"year", y}, {"live", y - 2005}, {"dead", 2025 - y}, {"pending", y > 2020 ? 4 : 0},
                           {"unknown", 1}, {"live_share", round4(static_cast<double>(y - 2005) / 20)}});
  for (int y = 2026; y < 2036; ++y) expiring.push_back({{"year", y}, {"count", y - 2020}});
  l["legal_status"] = {{"as_of", "2026-11-21"}, {"patents", 320}, {"live", 180}, {"dead", 105}, {"pending", 20},
                       {"unknown", 15}, {"live_share", round4(180.0 / 305)}, {"known", 305},
                       {"expired_since_indexing", 3},
                       {"rows", Json::array({{{"state", "in_force"}, {"status_group", "live"}, {"count", 180}},
                                             {{"state", "lapsed"}, {"status_group", "dead"}, {"count", 90}},
                                             {{"state", "expired"}, {"status_group", "dead"}, {"count", 15}},
                                             {{"state", "pending"}, {"status_group", "pending"}, {"count", 20}},
                                             {{"state", "unknown"}, {"status_group", "unknown"}, {"count", 15}}})},
                       {"by_year", legal_years},
                       {"expiring", expiring},
                       {"by_applicant", Json::array({{{"name", kEvilName}, {"count", 40}, {"live", 30}, {"dead", 10},
                                                      {"pending", 0}, {"unknown", 0}, {"live_share", 0.75}},
                                                     {{"name", kChineseName}, {"count", 20}, {"live", 5},
                                                      {"dead", 15}, {"pending", 0}, {"unknown", 0},
                                                      {"live_share", 0.25}}})}};

  Json conc = Json::array();
  for (int year = 2010; year <= 2023; ++year) {
    double cr4 = round4(0.2 + rng.UnitDouble() * 0.4);
    conc.push_back({{"year", year}, {"patents", uniform(100, 500)}, {"applicants", uniform(20, 90)},
                    {"cr4", cr4}, {"cr8", round4(std::min(1.0, cr4 + 0.15))},
                    {"hhi", round4(400 + rng.UnitDouble() * 2600)}});
  }
  l["concentration"] = conc;

  Json core = Json::array();
  for (int i = 0; i < 25; ++i)
    core.push_back({{"publication_number", "US" + std::to_string(9000000 + i * 137) + "B2"},
                    {"title", i == 0 ? std::string("Solid <electrolyte> & \"anode\"") : "Battery cell " + std::to_string(i)},
                    {"applicants", Json::array({applicants[i % applicants.size()]})},
                    {"year", uniform(2010, 2020)}, {"forward_citations", 200 - i * 7 - uniform(0, 5)},
                    {"normalized_citations", round4(5 - i * 0.15)}, {"pagerank", round4(0.05 / (i + 1))},
                    {"rank", i + 1}, {"reasons", Json::array({"top 1% forward citations in H01M"})}});
  l["core_patents"] = core;

  Json flows = Json::array();
  for (size_t i = 0; i < 8; ++i)
    for (size_t j = 0; j < 8; ++j)
      if (i == j || rng.Bernoulli(0.35))
        flows.push_back({{"citing", applicants[i]}, {"cited", applicants[j]}, {"count", uniform(1, 120)}});
  std::stable_sort(flows.begin(), flows.end(),
                   [](const Json& a, const Json& b) { return a["count"] > b["count"]; });
  l["citation_flows"] = flows;

  Json nodes = Json::array(), edges = Json::array();
  for (size_t i = 0; i < 12; ++i)
    nodes.push_back({{"name", applicants[i]}, {"normalized", "key-" + std::to_string(i)},
                     {"count", uniform(3, 80)}, {"community", static_cast<int>(i % 3)}});
  for (int a = 0; a < 12; ++a)
    for (int b = a + 1; b < 12; ++b)
      if (a % 3 == b % 3 || rng.Bernoulli(0.08))
        edges.push_back({{"source", a}, {"target", b}, {"weight", uniform(1, 15)}});
  Json communities = Json::array();
  for (int c = 0; c < 3; ++c) {
    Json members = Json::array();
    for (size_t i = c; i < 12; i += 3) members.push_back(applicants[i]);
    communities.push_back({{"id", c}, {"size", members.size()}, {"members", members}});
  }
  l["collaboration"] = {{"nodes", nodes}, {"edges", edges}, {"communities", communities}};

  Json inventors = Json::array();
  const std::vector<std::string> inventor_names = {"张伟", "Li Wei", "John <Smith>", "Maria García",
                                                   "王芳", "Akira Tanaka"};
  for (size_t i = 0; i < inventor_names.size(); ++i)
    inventors.push_back({{"name", inventor_names[i]}, {"count", 60 - static_cast<int>(i) * 7},
                         {"applicants", Json::array({applicants[i], applicants[(i + 3) % applicants.size()]})},
                         {"first_year", uniform(2010, 2015)}, {"last_year", uniform(2019, 2023)},
                         {"mean_forward_citations", round4(rng.UnitDouble() * 12)}});
  l["inventors"] = inventors;

  Json terms = Json::array();
  const std::vector<std::string> words = {"solid electrolyte", "固态电解质", "sodium ion", "silicon anode",
                                          "<script>", "dry electrode"};
  for (size_t i = 0; i < words.size(); ++i) {
    double a = round4(0.01 + rng.UnitDouble() * 0.05);
    double b = round4(a + 0.02 + rng.UnitDouble() * 0.1);
    terms.push_back({{"term", words[i]}, {"share_a", a}, {"share_b", b}, {"growth", round4(b / a - 1)}});
  }
  l["emerging_terms"] = {{"period_a", {2014, 2018}}, {"period_b", {2019, 2023}}, {"rows", terms}};

  Json white = Json::array();
  for (size_t i = 0; i < 5; ++i)
    white.push_back({{"group", groups[i]}, {"count", uniform(3, 30)}, {"holders", uniform(1, 6)},
                     {"growth", round4(0.1 + rng.UnitDouble())}, {"reason", "growing, few holders"}});
  l["white_space"] = white;

  Json mvo = Json::array();
  for (const auto& g : groups) {
    int m = uniform(0, 80), o = uniform(10, 200);
    mvo.push_back({{"group", g}, {"members", m}, {"others", o},
                   {"member_share", round4(static_cast<double>(m) / (m + o))}, {"gap", o - m}});
  }
  l["members_vs_others"] = {{"members", Json::array({kChineseName, kEvilName})}, {"rows", mvo}};

  Json meta = {{"format_version", 1},
               {"query", "TAC=(锂电池 OR \"solid <electrolyte>\") AND PD>=2010"},
               {"patents", total},
               {"generated_at", "2026-11-21T08:00:00Z"},
               {"data_dir", "/tmp/patnav-data"},
               {"members", Json::array({kChineseName, kEvilName})},
               {"analyses", {{"trend", {{"title_en", "Filing trend"}, {"title_zh", "申请趋势"},
                                        {"definition", "Filings counted by filing year <per country>."}}}}}};
  Json out = {{"meta", meta}};
  for (const auto& [k, v] : l.items()) out[k] = v;
  return out;
}

}  // namespace patnav::report::testing
