// Test-only: every landscape analysis recomputed the slow, obvious way from
// the store's records (no snapshot, no columns, string-keyed maps), and
// compared with the analysis' JSON. Used by analyses_test.cc on several
// corpora. Header-only so it is never part of the patnav::analytics library.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics/lifecycle.h"
#include "analytics/snapshot.h"
#include "analytics/snapshot_builder.h"
#include "model/party.h"
#include "store/patent_store.h"

namespace patnav::brute {

using Json = nlohmann::ordered_json;

struct Corpus {
  std::vector<int64_t> ids;
  std::vector<PatentRecord> records;  // in id order
  std::map<std::string, size_t> index_of;  // publication number -> position
};

inline Corpus ReadCorpus(PatentStore& store) {
  Corpus c;
  EXPECT_TRUE(store
                  .ForEachChangedSince(
                      0,
                      [&](const ChangedPublication& p) {
                        c.index_of[p.record->publication_number] = c.records.size();
                        c.ids.push_back(p.id);
                        c.records.push_back(*p.record);
                        return true;
                      },
                      false)
                  .ok());
  return c;
}

inline int Year(const std::string& date) {
  if (date.size() < 4) return 0;
  for (int i = 0; i < 4; ++i)
    if (!isdigit(static_cast<unsigned char>(date[i]))) return 0;
  return std::stoi(date.substr(0, 4));
}

inline std::string Key(const Party& p) {
  if (!p.normalized.empty()) return p.normalized;
  std::string k = p.name;
  for (char& ch : k)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
  return k;
}

inline const std::vector<Party>& ApplicantParties(const PatentRecord& r) {
  return r.applicants.empty() ? r.assignees : r.applicants;
}

inline std::vector<std::string> Keys(const PatentRecord& r) {
  std::set<std::string> keys;
  for (const Party& p : ApplicantParties(r))
    if (!p.name.empty()) keys.insert(Key(p));
  return {keys.begin(), keys.end()};
}

inline std::vector<std::string> Inventors(const PatentRecord& r) {
  std::set<std::string> names;
  for (const Party& p : r.inventors)
    if (!p.name.empty()) names.insert(p.name);
  return {names.begin(), names.end()};
}

inline bool ValidSymbol(const std::string& s) {
  return s.size() >= 4 && isupper(s[0]) && isdigit(s[1]) && isdigit(s[2]) && isupper(s[3]) &&
         !analytics::MainGroupOf(s).empty();
}

// Distinct main groups, in record order.
inline std::vector<std::string> Groups(const PatentRecord& r) {
  std::vector<std::string> out;
  for (const std::string& s : r.ipc.empty() ? r.cpc : r.ipc)
    if (ValidSymbol(s)) {
      const std::string g = analytics::MainGroupOf(s);
      if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
    }
  return out;
}

inline std::set<std::string> Nodes(const PatentRecord& r, int level) {
  std::set<std::string> out;
  for (const std::string& g : Groups(r)) out.insert(level == 3 ? g : g.substr(0, level == 0 ? 1 : level == 1 ? 3 : 4));
  return out;
}

inline std::string CitedNumber(const Citation& c) {
  return c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number;
}

// Distinct cited positions in the corpus, self excluded.
inline std::vector<size_t> CitedPositions(const Corpus& c, size_t i) {
  std::set<size_t> out;
  for (const Citation& cit : c.records[i].citations) {
    auto it = c.index_of.find(brute::CitedNumber(cit));
    if (it != c.index_of.end() && it->second != i) out.insert(it->second);
  }
  return {out.begin(), out.end()};
}

inline std::vector<int> Forward(const Corpus& c) {
  std::vector<int> f(c.records.size(), 0);
  for (size_t i = 0; i < c.records.size(); ++i)
    for (size_t j : CitedPositions(c, i)) ++f[j];
  return f;
}

// First-seen (id order) name and type of each applicant key.
struct FirstSeen {
  std::map<std::string, std::string> name;
  std::map<std::string, PartyType> type;
};
inline FirstSeen FirstSeenApplicants(const Corpus& c) {
  FirstSeen f;
  for (const PatentRecord& r : c.records)
    for (const Party& p : ApplicantParties(r))
      if (!p.name.empty() && f.name.emplace(Key(p), p.name).second) f.type[Key(p)] = p.type;
  return f;
}

template <typename Map>
std::vector<std::string> TopKeys(const Map& counts, size_t n) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : counts)
    if (v > 0) keys.push_back(k);
  std::sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    if (counts.at(a) != counts.at(b)) return counts.at(a) > counts.at(b);
    return a < b;
  });
  if (keys.size() > n) keys.resize(n);
  return keys;
}

inline bool Near(double a, double b) { return std::fabs(a - b) <= 1e-5 * std::max(1.0, std::fabs(b)); }

// Everything an analysis needs about the set, and the checks.
struct Check {
  const Corpus& c;
  std::vector<size_t> set;  // positions in the set
  int last_year = 0;
  std::vector<int> forward;
  FirstSeen first;

  Check(const Corpus& corpus, const std::function<bool(const PatentRecord&)>& in_set, int as_of)
      : c(corpus), forward(Forward(corpus)), first(FirstSeenApplicants(corpus)) {
    int latest = 0;
    for (size_t i = 0; i < c.records.size(); ++i)
      if (in_set(c.records[i])) {
        set.push_back(i);
        latest = std::max(latest, Year(c.records[i].filing_date));
      }
    last_year = latest ? std::min(as_of, latest) : 0;
  }
  const PatentRecord& R(size_t i) const { return c.records[i]; }

  void Trend(const Json& j) const {
    std::map<int, std::array<int, 3>> by;
    std::map<int, std::map<std::string, int>> countries;
    for (size_t i : set) {
      if (int y = Year(R(i).filing_date)) ++by[y][0], ++countries[y][R(i).country];
      if (int y = Year(R(i).priority_date.empty() ? R(i).filing_date : R(i).priority_date)) ++by[y][1];
      if (int y = Year(R(i).publication_date)) ++by[y][2];
    }
    size_t nonzero = 0;
    for (const Json& row : j) {
      const int y = row["year"];
      const auto want = by.count(y) ? by.at(y) : std::array<int, 3>{0, 0, 0};
      EXPECT_EQ(row["count"], want[0]) << y;
      EXPECT_EQ(row["priority"], want[1]) << y;
      EXPECT_EQ(row["publications"], want[2]) << y;
      for (const auto& [cc, n] : countries[y]) EXPECT_EQ(row["by_country"][cc], n) << y << cc;
      nonzero += by.count(y);
    }
    EXPECT_EQ(nonzero, by.size());
  }

  void TopApplicants(const Json& j, size_t top) const {
    std::map<std::string, std::vector<size_t>> rows;
    for (size_t i : set)
      for (const std::string& k : Keys(R(i))) rows[k].push_back(i);
    std::map<std::string, size_t> counts;
    for (const auto& [k, v] : rows) counts[k] = v.size();
    const std::vector<std::string> want = TopKeys(counts, top);
    ASSERT_EQ(j.size(), want.size());
    for (size_t n = 0; n < want.size(); ++n) {
      const Json& row = j[n];
      const std::string& k = want[n];
      EXPECT_EQ(row["normalized"], k);
      EXPECT_EQ(row["name"], first.name.at(k));
      EXPECT_EQ(row["count"], counts[k]);
      EXPECT_TRUE(Near(row["share"], double(counts[k]) / set.size()));
      int lo = 0, hi = 0;
      double cites = 0;
      std::map<std::string, int> subclasses;
      std::map<int, int> per_year;
      for (size_t i : rows.at(k)) {
        const int y = Year(R(i).filing_date);
        if (y) lo = lo ? std::min(lo, y) : y, hi = std::max(hi, y), ++per_year[y];
        cites += forward[i];
        for (const std::string& s : Nodes(R(i), 2)) ++subclasses[s];
      }
      EXPECT_EQ(row["first_year"], lo ? Json(lo) : Json(nullptr));
      EXPECT_EQ(row["last_year"], hi ? Json(hi) : Json(nullptr));
      EXPECT_TRUE(Near(row["mean_forward_citations"], cites / rows.at(k).size()));
      const std::vector<std::string> main = TopKeys(subclasses, 3);
      EXPECT_EQ(row["main_ipc"], Json(main));
      const int a = per_year[last_year - 5], b = per_year[last_year];
      if (a == 0) EXPECT_TRUE(row["growth"].is_null());
      else EXPECT_TRUE(Near(row["growth"], std::pow(double(b) / a, 0.2) - 1)) << k;
    }
  }

  void ApplicantTypes(const Json& j) const {
    std::map<int, std::array<int, 5>> by;
    for (size_t i : set) {
      const int y = Year(R(i).filing_date);
      if (!y) continue;
      std::set<int> cols;
      for (const std::string& k : Keys(R(i))) {
        const PartyType t = first.type.at(k);
        cols.insert(t == PartyType::kCompany ? 0 : t == PartyType::kUniversity ? 1
                    : t == PartyType::kResearchInstitute ? 2 : t == PartyType::kIndividual ? 3 : 4);
      }
      auto& row = by.try_emplace(y, std::array<int, 5>{}).first->second;
      for (int col : cols) ++row[col];
    }
    ASSERT_EQ(j.size(), by.size());
    size_t n = 0;
    for (const auto& [y, v] : by) {
      const Json& row = j[n++];
      EXPECT_EQ(row["year"], y);
      EXPECT_EQ(row["company"], v[0]);
      EXPECT_EQ(row["university"], v[1]);
      EXPECT_EQ(row["research_institute"], v[2]);
      EXPECT_EQ(row["individual"], v[3]);
      EXPECT_EQ(row["other"], v[4]);
    }
  }

  std::map<std::string, size_t> NodeCounts(int level) const {
    std::map<std::string, size_t> counts;
    for (size_t i : set)
      for (const std::string& s : Nodes(R(i), level)) ++counts[s];
    return counts;
  }

  void Technology(const Json& j) const {
    EXPECT_EQ(j["scheme"], "ipc");
    std::vector<Json> got[4];
    const char* names[] = {"section", "class", "subclass", "main_group"};
    for (const Json& row : j["rows"])
      for (int l = 0; l < 4; ++l)
        if (row["level"] == names[l]) got[l].push_back(row);
    for (int l = 0; l < 4; ++l) {
      const auto counts = NodeCounts(l);
      const auto want = TopKeys(counts, 100);
      ASSERT_EQ(got[l].size(), want.size()) << names[l];
      for (size_t n = 0; n < want.size(); ++n) {
        EXPECT_EQ(got[l][n]["code"], want[n]);
        EXPECT_EQ(got[l][n]["count"], counts.at(want[n]));
        EXPECT_TRUE(Near(got[l][n]["share"], double(counts.at(want[n])) / set.size()));
        const std::string parent = l == 0 ? "" : l == 3 ? want[n].substr(0, 4) : want[n].substr(0, l == 1 ? 1 : 3);
        EXPECT_EQ(got[l][n]["parent"], parent);
      }
    }
  }

  std::map<std::string, size_t> ApplicantCounts() const {
    std::map<std::string, size_t> counts;
    for (size_t i : set)
      for (const std::string& k : Keys(R(i))) ++counts[k];
    return counts;
  }

  void CompetitorMatrix(const Json& j) const {
    const auto applicants = TopKeys(ApplicantCounts(), 10);
    const auto groups = TopKeys(NodeCounts(3), 10);
    EXPECT_EQ(j["normalized"], Json(applicants));
    EXPECT_EQ(j["groups"], Json(groups));
    for (size_t a = 0; a < applicants.size(); ++a)
      for (size_t g = 0; g < groups.size(); ++g) {
        int n = 0;
        for (size_t i : set) {
          const auto keys = Keys(R(i));
          const auto gs = Groups(R(i));
          n += std::count(keys.begin(), keys.end(), applicants[a]) && std::count(gs.begin(), gs.end(), groups[g]);
        }
        EXPECT_EQ(j["cells"][a][g], n) << applicants[a] << " " << groups[g];
      }
  }

  static std::string PriorityCountry(const PatentRecord& r) {
    std::string country = r.country, earliest;
    for (const PriorityClaim& pc : r.priority_claims) {
      if (pc.country.empty()) continue;
      if (earliest.empty() || (!pc.date.empty() && pc.date < earliest)) {
        earliest = pc.date.empty() ? "9999" : pc.date;
        country = pc.country;
      }
    }
    return country;
  }

  void Geography(const Json& j) const {
    std::map<std::pair<std::string, std::string>, int> flows;
    for (size_t i : set) ++flows[{PriorityCountry(R(i)), R(i).country}];
    ASSERT_EQ(j.size(), flows.size());
    int previous = INT32_MAX;
    for (const Json& row : j) {
      EXPECT_EQ(row["count"], (flows[{row["from"], row["to"]}]));
      EXPECT_LE(row["count"].get<int>(), previous);
      previous = row["count"];
    }
  }

  void Lifecycle(const Json& j) const {
    std::map<int, std::pair<int, std::set<std::string>>> by;
    for (size_t i : set)
      if (int y = Year(R(i).filing_date)) {
        ++by[y].first;
        for (const std::string& k : Keys(R(i))) by[y].second.insert(k);
      }
    ASSERT_EQ(j["rows"].size(), by.size());
    std::vector<analytics::LifecyclePoint> points;
    size_t n = 0;
    for (const auto& [y, v] : by) {
      EXPECT_EQ(j["rows"][n]["year"], y);
      EXPECT_EQ(j["rows"][n]["patents"], v.first);
      EXPECT_EQ(j["rows"][n]["applicants"], v.second.size());
      points.push_back({y, v.first, static_cast<int>(v.second.size())});
      ++n;
    }
    EXPECT_EQ(j["stage"], analytics::ClassifyLifecycle(points, last_year).stage);
  }

  void Concentration(const Json& j) const {
    std::map<int, std::map<std::string, double>> shares;
    std::map<int, int> patents;
    for (size_t i : set) {
      const int y = Year(R(i).filing_date);
      const auto keys = Keys(R(i));
      if (!y || keys.empty()) continue;
      ++patents[y];
      for (const auto& k : keys) shares[y][k] += 1.0 / keys.size();
    }
    ASSERT_EQ(j.size(), shares.size());
    size_t n = 0;
    for (const auto& [y, m] : shares) {
      std::vector<double> s;
      for (const auto& [k, v] : m) s.push_back(v / patents[y]);
      std::sort(s.rbegin(), s.rend());
      double cr4 = 0, cr8 = 0, hhi = 0, total = 0;
      for (size_t k = 0; k < s.size(); ++k) {
        cr4 += k < 4 ? s[k] : 0;
        cr8 += k < 8 ? s[k] : 0;
        hhi += 10000 * s[k] * s[k];
        total += s[k];
      }
      EXPECT_TRUE(Near(total, 1.0));
      const Json& row = j[n++];
      EXPECT_EQ(row["year"], y);
      EXPECT_EQ(row["patents"], patents[y]);
      EXPECT_EQ(row["applicants"], m.size());
      EXPECT_TRUE(Near(row["cr4"], cr4));
      EXPECT_TRUE(Near(row["cr8"], cr8));
      EXPECT_TRUE(Near(row["hhi"], hhi)) << row["hhi"] << " " << hhi;
    }
  }

  void CorePatents(const Json& j) const {
    // Cohorts and normalized citations.
    auto cohort = [&](size_t i) {
      const auto gs = Groups(R(i));
      return std::to_string(Year(R(i).filing_date)) + "/" + (gs.empty() ? std::string("-") : gs[0].substr(0, 4));
    };
    std::map<std::string, std::pair<double, int>> cohorts;
    for (size_t i : set) cohorts[cohort(i)].first += forward[i], ++cohorts[cohort(i)].second;
    // PageRank on the set's citation graph, dense and obvious.
    std::map<size_t, size_t> node;
    for (size_t i : set) node.emplace(i, node.size());
    const size_t n = set.size();
    std::vector<std::vector<size_t>> out(n);
    for (size_t i : set)
      for (size_t t : CitedPositions(c, i))
        if (node.count(t)) out[node[i]].push_back(node[t]);
    std::vector<double> pr(n, 1.0 / n);
    for (int it = 0; it < 200; ++it) {
      std::vector<double> next(n, 0);
      double dangling = 0;
      for (size_t v = 0; v < n; ++v) {
        if (out[v].empty()) dangling += pr[v];
        for (size_t t : out[v]) next[t] += 0.85 * pr[v] / out[v].size();
      }
      for (size_t v = 0; v < n; ++v) next[v] += 0.15 / n + 0.85 * dangling / n;
      pr = next;
    }
    double max_nc = 0, max_pr = 0;
    std::map<std::string, std::pair<double, double>> by_number;  // number -> (normalized, pr)
    for (size_t i : set) {
      const auto& co = cohorts[cohort(i)];
      const double mean = co.first / co.second;
      const double nc = mean > 0 ? forward[i] / mean : 0;
      by_number[R(i).publication_number] = {nc, pr[node[i]]};
      max_nc = std::max(max_nc, nc);
      max_pr = std::max(max_pr, pr[node[i]]);
    }
    std::vector<std::pair<double, std::string>> scores;
    for (size_t i : set) {
      const auto& [nc, p] = by_number[R(i).publication_number];
      scores.emplace_back(0.5 * (max_nc > 0 ? nc / max_nc : 0) + 0.5 * (max_pr > 0 ? p / max_pr : 0),
                          R(i).publication_number);
    }
    std::sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    ASSERT_EQ(j.size(), std::min<size_t>(50, n));
    for (size_t k = 0; k < j.size(); ++k) {
      const std::string number = j[k]["publication_number"];
      const size_t i = c.index_of.at(number);
      EXPECT_EQ(j[k]["rank"], k + 1);
      EXPECT_EQ(j[k]["forward_citations"], forward[i]);
      EXPECT_TRUE(Near(j[k]["normalized_citations"], by_number[number].first));
      EXPECT_NEAR(j[k]["pagerank"].get<double>(), by_number[number].second * n, 1e-4) << number;
      // The k-th best score (ties may order differently).
      EXPECT_NEAR(j[k]["score"].get<double>(), scores[k].first, 1e-5) << number;
    }
  }

  void CitationFlows(const Json& j) const {
    std::set<size_t> in(set.begin(), set.end());
    std::map<std::pair<std::string, std::string>, int> flows;
    for (size_t i : set)
      for (size_t t : CitedPositions(c, i))
        if (in.count(t))
          for (const auto& a : Keys(R(i)))
            for (const auto& b : Keys(R(t))) ++flows[{a, b}];
    ASSERT_EQ(j.size(), std::min<size_t>(100, flows.size()));
    // Every pair ranked: count descending, then the citing, then the cited key.
    std::vector<std::tuple<int, std::string, std::string>> ranked;
    for (const auto& [k, v] : flows) ranked.emplace_back(-v, k.first, k.second);
    std::sort(ranked.begin(), ranked.end());
    for (size_t k = 0; k < j.size(); ++k) {
      EXPECT_EQ(j[k]["count"], -std::get<0>(ranked[k])) << k;
      EXPECT_EQ(j[k]["citing_normalized"], std::get<1>(ranked[k])) << k;
      EXPECT_EQ(j[k]["cited_normalized"], std::get<2>(ranked[k])) << k;
      EXPECT_EQ(j[k]["self"], std::get<1>(ranked[k]) == std::get<2>(ranked[k])) << k;
    }
  }

  void Collaboration(const Json& j) const {
    std::map<std::pair<std::string, std::string>, int> pairs;
    std::set<std::string> partnered;
    for (size_t i : set) {
      const auto keys = Keys(R(i));
      for (size_t a = 0; a < keys.size(); ++a)
        for (size_t b = a + 1; b < keys.size(); ++b) {
          ++pairs[{keys[a], keys[b]}];
          partnered.insert(keys[a]);
          partnered.insert(keys[b]);
        }
    }
    auto counts = ApplicantCounts();
    for (auto& [k, v] : counts)
      if (!partnered.count(k)) v = 0;
    const auto nodes = TopKeys(counts, 100);
    ASSERT_EQ(j["nodes"].size(), nodes.size());
    for (size_t k = 0; k < nodes.size(); ++k) {
      EXPECT_EQ(j["nodes"][k]["normalized"], nodes[k]);
      EXPECT_EQ(j["nodes"][k]["count"], counts[nodes[k]]);
    }
    size_t expected_edges = 0;
    for (const auto& [p, w] : pairs)
      expected_edges += std::count(nodes.begin(), nodes.end(), p.first) && std::count(nodes.begin(), nodes.end(), p.second);
    EXPECT_EQ(j["edges"].size(), expected_edges);
    for (const Json& e : j["edges"]) {
      std::string a = nodes[e["source"].get<size_t>()], b = nodes[e["target"].get<size_t>()];
      if (b < a) std::swap(a, b);
      EXPECT_EQ(e["weight"], (pairs[{a, b}])) << a << " " << b;
    }
    size_t members = 0;
    for (const Json& com : j["communities"]) members += com["size"].get<size_t>();
    EXPECT_EQ(members, nodes.size());
  }

  void InventorsCheck(const Json& j, size_t top) const {
    std::map<std::string, std::vector<size_t>> rows;
    for (size_t i : set)
      for (const auto& v : Inventors(R(i))) rows[v].push_back(i);
    std::map<std::string, size_t> counts;
    for (const auto& [k, v] : rows) counts[k] = v.size();
    const auto want = TopKeys(counts, top);
    ASSERT_EQ(j.size(), want.size());
    for (size_t n = 0; n < want.size(); ++n) {
      EXPECT_EQ(j[n]["name"], want[n]);
      EXPECT_EQ(j[n]["count"], counts[want[n]]);
      std::map<std::string, size_t> applicants;
      double cites = 0;
      for (size_t i : rows[want[n]]) {
        for (const auto& k : Keys(R(i))) ++applicants[k];
        cites += forward[i];
      }
      std::vector<std::string> names;
      for (const auto& k : TopKeys(applicants, 3)) names.push_back(first.name.at(k));
      EXPECT_EQ(j[n]["applicants"], Json(names));
      EXPECT_TRUE(Near(j[n]["mean_forward_citations"], cites / rows[want[n]].size()));
    }
  }

  void EmergingTerms(const Json& j) const {
    const int l = last_year;
    std::map<std::string, std::pair<int, int>> counts;
    double na = 0, nb = 0;
    for (size_t i : set) {
      const int y = Year(R(i).filing_date);
      const bool a = y >= l - 5 && y <= l - 3, b = y >= l - 2 && y <= l;
      if (!a && !b) continue;
      (a ? na : nb) += 1;
      const auto& title = R(i).title.count("en") ? R(i).title.at("en") : R(i).title.begin()->second;
      for (const auto& t : analytics::TitleTerms(title)) (a ? counts[t].first : counts[t].second) += 1;
    }
    for (const Json& row : j["rows"]) {
      const auto [ca, cb] = counts[row["term"]];
      EXPECT_EQ(row["count_a"], ca);
      EXPECT_EQ(row["count_b"], cb);
      EXPECT_GE(cb, 3);
      EXPECT_TRUE(Near(row["growth"], ((cb + 1) / (nb + 1)) / ((ca + 1) / (na + 1)) - 1));
    }
    // Nothing better was left out.
    const double worst = j["rows"].empty() ? 1e300 : j["rows"].back()["growth"].get<double>();
    size_t better = 0;
    for (const auto& [t, v] : counts)
      if (v.second >= 3 && ((v.second + 1) / (nb + 1)) / ((v.first + 1) / (na + 1)) - 1 > worst + 1e-9) ++better;
    EXPECT_LE(better, j["rows"].size());
  }

  void WhiteSpace(const Json& j) const {
    const int l = last_year;
    std::map<std::string, std::array<int, 3>> g;  // count, recent, previous
    std::map<std::string, std::set<std::string>> holders;
    for (size_t i : set) {
      const int y = Year(R(i).filing_date);
      for (const auto& grp : Groups(R(i))) {
        ++g[grp][0];
        if (y >= l - 2 && y <= l) ++g[grp][1];
        else if (y >= l - 5 && y <= l - 3) ++g[grp][2];
        for (const auto& k : Keys(R(i))) holders[grp].insert(k);
      }
    }
    for (const Json& row : j) {
      const auto& v = g.at(row["group"]);
      EXPECT_EQ(row["count"], v[0]);
      EXPECT_EQ(row["recent"], v[1]);
      EXPECT_EQ(row["previous"], v[2]);
      EXPECT_EQ(row["holders"], holders[row["group"]].size());
      EXPECT_GT(v[1], v[2]);
    }
  }

  void MembersVsOthers(const Json& j, const std::vector<std::string>& member_keys) const {
    const auto groups = TopKeys(NodeCounts(3), 30);
    ASSERT_EQ(j["rows"].size(), groups.size());
    for (size_t n = 0; n < groups.size(); ++n) {
      int members = 0, others = 0;
      for (size_t i : set) {
        const auto gs = Groups(R(i));
        if (!std::count(gs.begin(), gs.end(), groups[n])) continue;
        bool member = false;
        for (const auto& k : Keys(R(i))) member = member || std::count(member_keys.begin(), member_keys.end(), k);
        (member ? members : others) += 1;
      }
      EXPECT_EQ(j["rows"][n]["group"], groups[n]);
      EXPECT_EQ(j["rows"][n]["members"], members);
      EXPECT_EQ(j["rows"][n]["others"], others);
      EXPECT_EQ(j["rows"][n]["gap"], others - members);
    }
  }
};

}  // namespace patnav::brute
