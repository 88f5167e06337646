// The snapshot: columns against the records, file round trip, staleness and
// corruption, patent sets, and the small algorithms (PageRank on a graph
// computed by hand, label propagation, the lifecycle rule on constructed
// series, main groups).
#include <fstream>

#include <gtest/gtest.h>

#include "analytics/analytics_testing.h"
#include "analytics/communities.h"
#include "analytics/lifecycle.h"
#include "analytics/pagerank.h"
#include "analytics/patent_set.h"
#include "analytics/snapshot_file.h"
#include "testing.h"

namespace patnav::analytics {
namespace {

std::unique_ptr<PatentStore> OpenStore(const std::filesystem::path& dir) {
  StoreOptions o;
  o.dir = dir;
  auto store = PatentStore::Open(o);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

std::string ToUpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

void ExpectSame(const Snapshot& a, const Snapshot& b) {
  EXPECT_EQ(a.store_id, b.store_id);
  EXPECT_EQ(a.store_sequence, b.store_sequence);
  EXPECT_EQ(a.docid, b.docid);
  EXPECT_EQ(a.publication_number.arena, b.publication_number.arena);
  EXPECT_EQ(a.filing_year, b.filing_year);
  EXPECT_EQ(a.priority_year, b.priority_year);
  EXPECT_EQ(a.publication_year, b.publication_year);
  EXPECT_EQ(a.country, b.country);
  EXPECT_EQ(a.priority_country, b.priority_country);
  EXPECT_EQ(a.countries.arena(), b.countries.arena());
  EXPECT_EQ(a.applicants.values, b.applicants.values);
  EXPECT_EQ(a.applicant_table.names.arena, b.applicant_table.names.arena);
  EXPECT_EQ(a.applicant_table.types, b.applicant_table.types);
  EXPECT_EQ(a.inventors.offsets, b.inventors.offsets);
  EXPECT_EQ(a.groups.values, b.groups.values);
  EXPECT_EQ(a.classes.parent, b.classes.parent);
  EXPECT_EQ(a.cites.values, b.cites.values);
  EXPECT_EQ(a.cited_by.offsets, b.cited_by.offsets);
  EXPECT_EQ(a.cited_by.values, b.cited_by.values);
  EXPECT_EQ(a.has_text, b.has_text);
  EXPECT_EQ(a.text.titles.arena, b.text.titles.arena);
  EXPECT_EQ(a.text.title_terms.values, b.text.title_terms.values);
}

TEST(SnapshotTest, ColumnsMatchTheRecords) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 300, 3);
  auto s = BuildSnapshot(*store);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->size(), 300u);
  uint32_t row = 0;
  ASSERT_TRUE(store
                  ->ForEachChangedSince(
                      0,
                      [&](const ChangedPublication& p) {
                        const PatentRecord& r = *p.record;
                        EXPECT_EQ(s->docid[row], p.id);
                        EXPECT_EQ(s->RowOf(static_cast<uint32_t>(p.id)), row);
                        EXPECT_EQ(s->publication_number[row], r.publication_number);
                        EXPECT_EQ(s->countries[s->country[row]], r.country);
                        EXPECT_EQ(s->kinds[s->kind[row]], r.kind);
                        EXPECT_EQ(s->filing_year[row], r.filing_date.empty() ? 0 : std::stoi(r.filing_date.substr(0, 4)));
                        EXPECT_EQ(s->claims[row], r.claims_count.value_or(0));
                        EXPECT_EQ(s->forward(row), p.forward_citations);
                        std::set<std::string> keys;
                        for (const Party& a : r.applicants.empty() ? r.assignees : r.applicants)
                          keys.insert(a.normalized.empty() ? ToUpperAscii(a.name) : a.normalized);
                        std::set<std::string> got;
                        for (uint32_t a : s->applicants[row]) got.insert(std::string(s->applicant_table.keys[a]));
                        EXPECT_EQ(got, keys) << r.publication_number;
                        for (uint32_t g : s->groups[row]) {
                          const ClassLevel l = s->classes.level[g];
                          EXPECT_EQ(l, ClassLevel::kMainGroup);
                          const uint32_t section = s->classes.AncestorAt(g, ClassLevel::kSection);
                          EXPECT_EQ(s->classes.codes[section].size(), 1u);
                        }
                        ++row;
                        return true;
                      },
                      false)
                  .ok());
  EXPECT_GT(s->cites.values.size(), 300u);
  EXPECT_EQ(s->cites.values.size(), s->cited_by.values.size());
  EXPECT_LT(s->CoreMemoryBytes(), 300u * 300 + 64 * 1024);
}

TEST(SnapshotTest, FileRoundTripAndStaleness) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 200, 4);
  SnapshotSource source;
  auto first = LoadOrBuildSnapshot(dir.path(), *store, {}, &source);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(source.loaded);
  EXPECT_TRUE(source.saved);
  ASSERT_TRUE(std::filesystem::exists(SnapshotPath(dir.path())));
  auto loaded = LoadSnapshot(SnapshotPath(dir.path()));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ExpectSame(*first, *loaded);
  // Unchanged store: the file is used.
  auto again = LoadOrBuildSnapshot(dir.path(), *store, {}, &source);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(source.loaded);
  ExpectSame(*first, *again);
  // A write makes it stale: rebuilt with the new publication.
  Random rnd(99);
  PatentRecord extra = analytics_testing::RandomRecord(rnd, 5000, {std::string(first->publication_number[0])});
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->Put(extra).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  auto rebuilt = LoadOrBuildSnapshot(dir.path(), *store, {}, &source);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_FALSE(source.loaded);
  EXPECT_EQ(rebuilt->size(), 201u);
  EXPECT_GT(rebuilt->store_sequence, first->store_sequence);
}

TEST(SnapshotTest, CorruptOrTruncatedFileIsRefusedAndRebuilt) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 100, 5);
  ASSERT_TRUE(LoadOrBuildSnapshot(dir.path(), *store).ok());
  const auto path = SnapshotPath(dir.path());
  std::string bytes = testing::ReadFile(path);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x5A;
  testing::WriteFile(path, flipped);
  EXPECT_EQ(LoadSnapshot(path).status().code(), StatusCode::kCorruption);
  testing::WriteFile(path, bytes.substr(0, bytes.size() / 3));
  EXPECT_EQ(LoadSnapshot(path).status().code(), StatusCode::kCorruption);
  testing::WriteFile(path, "not a snapshot at all");
  EXPECT_EQ(LoadSnapshot(path).status().code(), StatusCode::kCorruption);
  SnapshotSource source;
  auto rebuilt = LoadOrBuildSnapshot(dir.path(), *store, {}, &source);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_FALSE(source.loaded);
  EXPECT_EQ(rebuilt->size(), 100u);
  EXPECT_TRUE(LoadSnapshot(path).ok());
}

// Interning through several table growths: dense ids in first-seen order,
// repeats get their first id, and Find agrees before and after Seal.
TEST(DictionaryTest, InternsDenselyThroughGrowthAndFindsBeforeAndAfterSeal) {
  Dictionary d;
  std::vector<std::string> strings;
  for (int i = 0; i < 5000; ++i) strings.push_back(i % 3 == 0 ? "宁德时代" + std::to_string(i) : "US" + std::to_string(i * 7919));
  strings.push_back("");
  for (size_t i = 0; i < strings.size(); ++i) ASSERT_EQ(d.Intern(strings[i]), i);
  for (size_t i = 0; i < strings.size(); i += 7) EXPECT_EQ(d.Intern(strings[i]), i);  // repeats
  ASSERT_EQ(d.size(), strings.size());
  for (size_t i = 0; i < strings.size(); ++i) ASSERT_EQ(d[static_cast<uint32_t>(i)], strings[i]);
  EXPECT_EQ(d.Find("US7919"), 1u);
  EXPECT_EQ(d.Find("absent"), UINT32_MAX);
  d.Seal();
  EXPECT_EQ(d.Find("US7919"), 1u);
  EXPECT_EQ(d.Find(strings[4998]), 4998u);
  EXPECT_EQ(d.Find("absent"), UINT32_MAX);
}

TEST(PatentSetTest, FromDocidsIgnoresUnknownAndMatchesRows) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 50, 6);
  auto s = BuildSnapshot(*store);
  ASSERT_TRUE(s.ok());
  std::vector<uint32_t> ids = {s->docid[3], s->docid[10], s->docid[49], 999999};
  PatentSet set = PatentSet::FromDocids(*s, ids);
  EXPECT_EQ(set.size(), 3u);
  EXPECT_EQ(set.missing(), 1u);
  EXPECT_EQ(set.Rows(), (std::vector<uint32_t>{3, 10, 49}));
  EXPECT_EQ(PatentSet::All(*s).size(), 50u);
}

TEST(MainGroupTest, CutsSymbolsToTheirMainGroup) {
  EXPECT_EQ(MainGroupOf("H01M 10/0525"), "H01M 10/00");
  EXPECT_EQ(MainGroupOf("H01M10/0525"), "H01M 10/00");
  EXPECT_EQ(MainGroupOf("G06N 3/08"), "G06N 3/00");
  EXPECT_EQ(MainGroupOf("H01M"), "");
  EXPECT_EQ(MainGroupOf("H01M abc/1"), "");
  ClassTree t;
  const uint32_t g = t.AddSymbol("H01M 10/0525");
  EXPECT_EQ(t.codes[g], "H01M 10/00");
  EXPECT_EQ(t.codes[t.AncestorAt(g, ClassLevel::kClass)], "H01");
  EXPECT_EQ(t.AddSymbol("not a symbol"), UINT32_MAX);
}

// Four pages: 0 -> 1, 0 -> 2, 1 -> 2, 2 -> 0, 3 -> 2 (no dangling nodes).
// Solving PR = 0.15/4 + 0.85 M PR by hand:
//   PR0 = .0375 + .85 PR2;  PR1 = .0375 + .425 PR0;  PR3 = .0375
//   PR2 = .0375 + .85 (PR0/2 + PR1 + PR3)
// gives PR0 = 0.372526, PR1 = 0.195824, PR2 = 0.394149, PR3 = 0.0375.
TEST(PageRankTest, SmallGraphByHand) {
  const InGraph g = InGraphFromEdges(4, {{0, 1}, {0, 2}, {1, 2}, {2, 0}, {3, 2}});
  const std::vector<double> pr = PageRank(g);
  ASSERT_EQ(pr.size(), 4u);
  EXPECT_NEAR(pr[0], 0.372526, 1e-5);
  EXPECT_NEAR(pr[1], 0.195824, 1e-5);
  EXPECT_NEAR(pr[2], 0.394149, 1e-5);
  EXPECT_NEAR(pr[3], 0.0375, 1e-6);
  double sum = 0;
  for (double v : pr) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

// A chain 0 -> 1 -> 2 where 2 is dangling: its rank is spread evenly.
// PR0 = a, PR1 = a + .85 PR0, PR2 = a + .85 PR1, a = .05 + .85 PR2 / 3.
TEST(PageRankTest, DanglingRankIsSpread) {
  const std::vector<double> pr = PageRank(InGraphFromEdges(3, {{0, 1}, {1, 2}}));
  const double a = pr[0];
  EXPECT_NEAR(pr[1], a + 0.85 * pr[0], 1e-9);
  EXPECT_NEAR(pr[2], a + 0.85 * pr[1], 1e-9);
  EXPECT_NEAR(a, 0.05 + 0.85 * pr[2] / 3, 1e-9);
}

TEST(CommunitiesTest, TwoCliquesJoinedByOneWeakEdge) {
  std::vector<WeightedEdge> edges;
  for (uint32_t a = 0; a < 4; ++a)
    for (uint32_t b = a + 1; b < 4; ++b) edges.push_back({a, b, 3});
  for (uint32_t a = 4; a < 7; ++a)
    for (uint32_t b = a + 1; b < 7; ++b) edges.push_back({a, b, 3});
  edges.push_back({3, 4, 1});
  const std::vector<uint32_t> c = LabelPropagation(8, edges);  // node 7 alone
  for (uint32_t v = 1; v < 4; ++v) EXPECT_EQ(c[v], c[0]);
  for (uint32_t v = 5; v < 7; ++v) EXPECT_EQ(c[v], c[4]);
  EXPECT_NE(c[0], c[4]);
  EXPECT_EQ(c[0], 0u);  // the larger community first
  EXPECT_EQ(c[4], 1u);
  EXPECT_EQ(c[7], 2u);
}

std::vector<LifecyclePoint> Series(int from, const std::vector<std::pair<int, int>>& values) {
  std::vector<LifecyclePoint> out;
  for (size_t i = 0; i < values.size(); ++i) out.push_back({from + static_cast<int>(i), values[i].first, values[i].second});
  return out;
}

TEST(LifecycleTest, RuleOnConstructedSeries) {
  // 2015..2020: previous window 2015-2017, recent 2018-2020.
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{1, 1}, {2, 2}, {2, 1}, {3, 3}, {4, 3}, {6, 5}}), 2020).stage,
            "germination");  // small
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{0, 0}, {0, 0}, {0, 0}, {30, 10}, {40, 12}, {50, 15}}), 2020).stage,
            "germination");  // nothing before
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{100, 40}, {110, 42}, {120, 45}, {150, 55}, {170, 60}, {200, 70}}), 2020).stage,
            "growth");
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{100, 40}, {110, 42}, {120, 45}, {150, 40}, {170, 41}, {200, 42}}), 2020).stage,
            "maturity");  // patents grow, applicants stall
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{100, 40}, {100, 40}, {100, 40}, {102, 40}, {98, 41}, {100, 40}}), 2020).stage,
            "maturity");  // level
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{200, 60}, {190, 55}, {180, 50}, {120, 35}, {100, 30}, {80, 25}}), 2020).stage,
            "decline");
  // Years after the last complete year are ignored.
  EXPECT_EQ(ClassifyLifecycle(Series(2015, {{200, 60}, {190, 55}, {180, 50}, {120, 35}, {100, 30}, {80, 25}, {900, 300}}), 2020).stage,
            "decline");
  const LifecycleVerdict v = ClassifyLifecycle(Series(2015, {{100, 40}, {110, 42}, {120, 45}, {150, 55}, {170, 60}, {200, 70}}), 2020);
  EXPECT_NE(v.rule.find("2018-2020 averaged 173.3 patents"), std::string::npos) << v.rule;
  EXPECT_EQ(ClassifyLifecycle({}, 0).stage, "germination");
}

}  // namespace
}  // namespace patnav::analytics

namespace patnav::analytics {
namespace {

// The one-pass acyclic solution equals power iteration run to convergence
// on a random DAG (edges from later to earlier nodes, like citations).
TEST(PageRankTest, AcyclicPassEqualsPowerIteration) {
  Random rnd(7);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  const uint32_t n = 400;
  for (uint32_t v = 1; v < n; ++v)
    for (uint64_t k = rnd.Uniform(5); k > 0; --k) edges.emplace_back(v, static_cast<uint32_t>(rnd.Uniform(v)));
  const InGraph g = InGraphFromEdges(n, edges);
  const std::vector<double> exact = PageRank(g);
  // Power iteration by hand (dense and obvious).
  std::vector<double> pr(n, 1.0 / n);
  for (int it = 0; it < 300; ++it) {
    std::vector<double> next(n, 0);
    double dangling = 0;
    for (uint32_t v = 0; v < n; ++v)
      if (g.out_degree[v] == 0) dangling += pr[v];
    for (const auto& [from, to] : edges) next[to] += 0.85 * pr[from] / g.out_degree[from];
    for (uint32_t v = 0; v < n; ++v) next[v] += 0.15 / n + 0.85 * dangling / n;
    pr = next;
  }
  for (uint32_t v = 0; v < n; ++v) EXPECT_NEAR(exact[v], pr[v], 1e-12) << v;
}

}  // namespace
}  // namespace patnav::analytics
