// Every landscape analysis against a brute-force computation over the store's
// records (brute_force_testing.h): on a random corpus (whole and a subset, with
// members), on a generated USPTO corpus read through the XML reader, and on
// ../shared/data when present.
#include <sstream>

#include <gtest/gtest.h>

#include "analytics/analytics_testing.h"
#include "analytics/brute_force_testing.h"
#include "analytics/landscape.h"
#include "analytics/snapshot_builder.h"
#include "generator/corpus_generator.h"
#include "readers/byte_source.h"
#include "readers/input_files.h"
#include "readers/reader.h"
#include "testing.h"

namespace patnav::analytics {
namespace {

constexpr int kAsOf = 2023;

std::unique_ptr<PatentStore> OpenStore(const std::filesystem::path& dir) {
  StoreOptions o;
  o.dir = dir;
  auto store = PatentStore::Open(o);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

class StoreSink : public RecordSink {
 public:
  explicit StoreSink(PatentStore& s) : store_(s) {}
  void OnRecord(PatentRecord&& r) override { EXPECT_TRUE(store_.Put(r).ok()) << r.publication_number; ++records; }
  void OnReject(Rejection&&) override { ++rejected; }
  int records = 0, rejected = 0;

 private:
  PatentStore& store_;
};

// Reads one input into the store through the reader its content selects.
void Ingest(PatentStore& store, std::unique_ptr<ByteSource> source) {
  PeekableSource in(std::move(source));
  auto head = in.Peek(65536);
  ASSERT_TRUE(head.ok());
  auto reader = DetectReader(*head, {});
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  StoreSink sink(store);
  ASSERT_TRUE(store.BeginBatch().ok());
  ASSERT_TRUE((*reader)->Read(in, sink).ok());
  ASSERT_TRUE(store.CommitBatch().ok());
  EXPECT_GT(sink.records, 0) << in.label();
}

// Runs every analysis over the set of `filter` and checks each against the
// brute force over the same records.
void CheckAll(PatentStore& store, const std::function<bool(const PatentRecord&)>& in_set,
              const std::function<PatentSet(const Snapshot&)>& make_set, const std::vector<std::string>& members = {},
              bool rich = false) {
  auto snapshot = BuildSnapshot(store);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  const PatentSet set = make_set(*snapshot);
  LandscapeRequest request;
  request.options.as_of_year = kAsOf;
  request.options.top = 15;
  request.options.members = members;
  auto j = RunLandscape(*snapshot, set, request);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  const brute::Corpus corpus = brute::ReadCorpus(store);
  const brute::Check check(corpus, in_set, kAsOf);
  ASSERT_EQ(set.size(), check.set.size());
  ASSERT_GT(check.set.size(), 0u);
  EXPECT_EQ((*j)["meta"]["patents"], check.set.size());
  EXPECT_EQ((*j)["meta"]["last_complete_year"], check.last_year);
  // The snapshot's forward citations are the store's.
  for (size_t i = 0; i < corpus.records.size(); i += 7) {
    auto f = store.ForwardCitationCount(corpus.records[i].publication_number);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(snapshot->forward(static_cast<uint32_t>(i)), *f) << corpus.records[i].publication_number;
    EXPECT_EQ(check.forward[i], *f);
  }
  SCOPED_TRACE("set of " + std::to_string(set.size()));
  // The checks below compare rows: make sure there are rows to compare.
  for (const char* key : {"trend", "top_applicants", "geography", "core_patents", "concentration", "inventors"})
    EXPECT_FALSE((*j)[key].empty()) << key;
  EXPECT_FALSE((*j)["technology"]["rows"].empty());
  EXPECT_FALSE((*j)["lifecycle"]["rows"].empty());
  if (rich) {
    EXPECT_FALSE((*j)["citation_flows"].empty());
    EXPECT_FALSE((*j)["collaboration"]["edges"].empty());
    EXPECT_FALSE((*j)["emerging_terms"]["rows"].empty());
    EXPECT_FALSE((*j)["white_space"].empty());
  }
  { SCOPED_TRACE("trend"); check.Trend((*j)["trend"]); }
  { SCOPED_TRACE("top_applicants"); check.TopApplicants((*j)["top_applicants"], 15); }
  { SCOPED_TRACE("applicant_types"); check.ApplicantTypes((*j)["applicant_types"]); }
  { SCOPED_TRACE("technology"); check.Technology((*j)["technology"]); }
  { SCOPED_TRACE("competitor_matrix"); check.CompetitorMatrix((*j)["competitor_matrix"]); }
  { SCOPED_TRACE("geography"); check.Geography((*j)["geography"]); }
  { SCOPED_TRACE("lifecycle"); check.Lifecycle((*j)["lifecycle"]); }
  { SCOPED_TRACE("concentration"); check.Concentration((*j)["concentration"]); }
  { SCOPED_TRACE("core_patents"); check.CorePatents((*j)["core_patents"]); }
  { SCOPED_TRACE("citation_flows"); check.CitationFlows((*j)["citation_flows"]); }
  { SCOPED_TRACE("collaboration"); check.Collaboration((*j)["collaboration"]); }
  { SCOPED_TRACE("inventors"); check.InventorsCheck((*j)["inventors"], 15); }
  { SCOPED_TRACE("emerging_terms"); check.EmergingTerms((*j)["emerging_terms"]); }
  { SCOPED_TRACE("white_space"); check.WhiteSpace((*j)["white_space"]); }
  if (!members.empty()) {
    SCOPED_TRACE("members_vs_others");
    std::vector<std::string> keys;
    for (const auto& m : members) keys.push_back(NormalizeOrganisation(m));
    check.MembersVsOthers((*j)["members_vs_others"], keys);
  } else {
    EXPECT_FALSE(j->contains("members_vs_others"));
  }
}

PatentSet AllOf(const Snapshot& s) { return PatentSet::All(s); }
bool Everything(const PatentRecord&) { return true; }

TEST(AnalysesTest, RandomCorpusWholeStore) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 1500, 11);
  CheckAll(*store, Everything, AllOf, {"ACME Corporation", "清华大学"}, /*rich=*/true);
}

TEST(AnalysesTest, RandomCorpusSubsetByFilter) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path());
  analytics_testing::FillStore(*store, 1500, 12);
  CheckAll(
      *store, [](const PatentRecord& r) { return r.country == "CN" || r.country == "JP"; },
      [](const Snapshot& s) { return Select(s, PatentFilter{.countries = {"CN", "JP"}}); });
  CheckAll(
      *store,
      [](const PatentRecord& r) {
        for (const auto& s : r.ipc.empty() ? r.cpc : r.ipc)
          if (s.starts_with("H01M")) return brute::Year(r.filing_date) >= 2012;
        return false;
      },
      [](const Snapshot& s) { return Select(s, PatentFilter{.from_year = 2012, .class_prefixes = {"H01M"}}); },
      {"Umbrella Co., Ltd."});
}

TEST(AnalysesTest, GeneratedUsptoCorpus) {
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path() / "db");
  GeneratorOptions g;
  g.docs = 1200;
  g.seed = 5;
  g.full_text = false;
  CorpusGenerator generator(g);
  std::ostringstream xml;
  ASSERT_TRUE(generator.Write(CorpusFormat::kUsptoXml, xml).ok());
  const std::filesystem::path file = dir.path() / "corpus.xml";
  testing::WriteFile(file, xml.str());
  auto in = OpenFileSource(file);
  ASSERT_TRUE(in.ok());
  Ingest(*store, std::move(in).value());
  CheckAll(*store, Everything, AllOf, {"Ningde Tongzhi Battery Co., Ltd."}, /*rich=*/true);
}

TEST(AnalysesTest, SharedRealData) {
  PATNAV_REQUIRE_SHARED_DATA();
  testing::ScratchDir dir;
  auto store = OpenStore(dir.path() / "db");
  auto inputs = ExpandInputs({(testing::SharedData() / "google-patents").string(),
                              (testing::SharedData() / "patentsview").string(),
                              (testing::SharedData() / "uspto" / "xml2014").string(),
                              (testing::SharedData() / "epo").string()});
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  for (const InputFile& f : *inputs) {
    auto in = OpenInput(f);
    ASSERT_TRUE(in.ok());
    Ingest(*store, std::move(in).value());
  }
  CheckAll(*store, Everything, AllOf);
  CheckAll(
      *store, [](const PatentRecord& r) { return r.country == "US"; },
      [](const Snapshot& s) { return Select(s, PatentFilter{.countries = {"US"}}); });
}

}  // namespace
}  // namespace patnav::analytics
