// Test-only (included by the search tests, not part of the library): a data
// directory with a store and its search index, built once per test process
// from a generated USPTO corpus plus hand-made records chosen for the ranking,
// similarity and CJK tests; and brute-force facet counts over the store to
// check the index against.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "generator/corpus_generator.h"
#include "index/document_builder.h"
#include "index/patent_index.h"
#include "index/searcher.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/reader.h"
#include "store/patent_store.h"
#include "testing.h"

namespace patnav::index::testcorpus {

inline constexpr uint64_t kGeneratedDocs = 120;

// Publication numbers of the hand-made records.
inline constexpr const char* kGrapheneTitle = "US9900001B2";        // "graphene" in its title
inline constexpr const char* kGrapheneDescription = "US9900002B2";  // "graphene" once, in its description
inline constexpr const char* kTurbine = "US9900003B2";              // wind turbine blade de-icing
inline constexpr const char* kTurbineCopy = "EP3900003B1";          // a near-copy of kTurbine
inline constexpr const char* kTurbineCousin = "US9900004B2";        // turbines, but not de-icing
inline constexpr const char* kChineseBattery = "CN109900001A";      // 锂离子电池正极材料
inline constexpr const char* kChineseSeparator = "CN109900002A";    // 锂离子电池隔膜

inline PatentRecord HandMade(const std::string& pn, const std::string& pd, const std::string& title,
                             const std::string& abstract, const std::string& claim,
                             const std::vector<std::string>& applicants, const std::vector<std::string>& ipc,
                             const std::string& description = "", const std::string& lang = "en") {
  PatentRecord r;
  Result<PublicationKey> key = ParsePublicationNumber(pn);
  r.country = key->country;
  r.doc_number = key->doc_number;
  r.kind = key->kind;
  r.publication_date = pd;
  r.filing_date = std::to_string(std::stoi(pd.substr(0, 4)) - 2) + pd.substr(4);
  r.language = lang;
  r.title[lang] = title;
  r.abstract_text[lang] = abstract;
  r.claims.push_back({1, claim, true, {}});
  for (const auto& a : applicants) r.applicants.push_back(MakeOrganisation(a));
  r.ipc = ipc;
  r.description = description;
  r.source.format = "test";
  FinishRecord(r);
  return r;
}

inline std::vector<PatentRecord> HandMadeRecords() {
  const std::string filler =
      "The assembly is mounted on a frame. A controller reads the sensors and adjusts the fan speed. "
      "Fasteners hold the housing closed, and a gasket seals the joint against moisture. ";
  std::string long_description;
  for (int i = 0; i < 30; ++i) long_description += filler;
  long_description += "In one variant the pad may contain graphene flakes. " + filler;
  const std::string turbine_abstract =
      "A de-icing system for a wind turbine blade heats the leading edge with microwave emitters embedded in the "
      "carbon fibre spar; a waveguide distributes the microwave energy along the blade and an ice sensor on the "
      "nacelle switches the emitters on when ice accretion is detected.";
  return {
      HandMade(kGrapheneTitle, "2019-03-05", "Graphene heat spreader for handheld devices",
               "A heat spreader sheet conducts heat away from the processor of a handheld device to its casing.",
               "A heat spreader comprising a sheet bonded to a casing.", {"Lumen Thermal Inc."}, {"H05K 7/20"}),
      HandMade(kGrapheneDescription, "2019-04-09", "Thermal interface pad",
               "A thermal interface pad conducts heat away from the processor of a handheld device to its casing.",
               "A thermal pad comprising a compliant layer.", {"Lumen Thermal Inc."}, {"H05K 7/20"},
               long_description),
      HandMade(kTurbine, "2020-06-02", "Microwave de-icing of wind turbine blades", turbine_abstract,
               "A wind turbine blade comprising microwave emitters embedded in a carbon fibre spar and a waveguide.",
               {"Boreal Windpower AS"}, {"F03D 80/40", "H05B 6/64"}),
      HandMade(kTurbineCopy, "2021-01-13", "De-icing wind turbine blades with microwaves",
               turbine_abstract + " The emitters are magnetrons.",
               "A wind turbine blade comprising microwave emitters embedded in a carbon fibre spar.",
               {"Boreal Windpower AS"}, {"F03D 80/40"}),
      HandMade(kTurbineCousin, "2020-09-15", "Wind turbine blade pitch bearing",
               "A pitch bearing for a wind turbine blade has two rows of rollers and a lubrication channel.",
               "A wind turbine blade bearing comprising two rows of rollers.", {"Nordwind GmbH"}, {"F03D 80/70"}),
      HandMade(kChineseBattery, "2018-07-20", "一种锂离子电池正极材料及其制备方法",
               "本发明公开了一种锂离子电池正极材料，包括镍钴锰酸锂颗粒和包覆层，提高了电池的循环寿命。",
               "一种锂离子电池正极材料，其特征在于，包括镍钴锰酸锂颗粒。", {"宁德时代新能源科技股份有限公司"},
               {"H01M 4/525", "H01M 10/0525"}, "", "zh"),
      HandMade(kChineseSeparator, "2019-11-01", "锂离子电池隔膜及其制备方法",
               "本发明涉及一种锂离子电池隔膜，隔膜表面涂覆陶瓷层，提高了电池的安全性。",
               "一种锂离子电池隔膜，其特征在于，表面涂覆陶瓷层。", {"比亚迪股份有限公司"}, {"H01M 50/409"}, "",
               "zh"),
  };
}

class CollectingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override { rejections.push_back(r.ToString()); }
  std::vector<PatentRecord> records;
  std::vector<std::string> rejections;
};

struct Corpus {
  testing::ScratchDir dir;
  std::unique_ptr<PatentStore> store;
  std::vector<PatentRecord> records;  // every stored record, as stored
  std::unique_ptr<Searcher> searcher;
};

// Builds the corpus (once per process); fails the calling test on error.
// It is destroyed at exit, its store closed and its directory removed: a test
// process leaves nothing behind in $TMPDIR.
inline Corpus& Shared() {
  static const std::unique_ptr<Corpus> corpus = [] {
    auto c = std::make_unique<Corpus>();
    GeneratorOptions go;
    go.docs = kGeneratedDocs;
    go.seed = 11;
    go.full_text = false;
    std::ostringstream xml;
    EXPECT_TRUE(CorpusGenerator(go).Write(CorpusFormat::kUsptoXml, xml).ok());
    const std::string data = xml.str();
    Result<std::unique_ptr<Reader>> reader = DetectReader(std::string_view(data).substr(0, 65536), {});
    EXPECT_TRUE(reader.ok()) << reader.status().ToString();
    CollectingSink sink;
    std::unique_ptr<ByteSource> src = NewStringSource(data, "generated.xml");
    EXPECT_TRUE((*reader)->Read(*src, sink).ok());
    EXPECT_TRUE(sink.rejections.empty()) << sink.rejections.front();
    for (PatentRecord& r : sink.records) r.description.clear();  // keeps the test fast
    for (PatentRecord& r : HandMadeRecords()) sink.records.push_back(std::move(r));

    StoreOptions so;
    so.dir = c->dir.path();
    Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    c->store = std::move(store).value();
    EXPECT_TRUE(c->store->BeginBatch().ok());
    for (const PatentRecord& r : sink.records) EXPECT_TRUE(c->store->Put(r).ok());
    EXPECT_TRUE(c->store->CommitBatch().ok());
    EXPECT_TRUE(c->store->ForEach([&](const PatentRecord& r) {
                   c->records.push_back(r);
                   return true;
                 }).ok());

    Result<PatentIndex> index = PatentIndex::OpenForWriting(c->dir.path());
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    Result<IndexUpdateStats> built = index->Rebuild(*c->store);
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    Result<Searcher> searcher = Searcher::Open(c->dir.path());
    EXPECT_TRUE(searcher.ok()) << searcher.status().ToString();
    c->searcher = std::make_unique<Searcher>(std::move(searcher).value());
    return c;
  }();
  return *corpus;
}

// ---- Brute force over the stored records ----

using Counts = std::vector<std::pair<std::string, int64_t>>;
using Predicate = std::function<bool(const PatentRecord&)>;

// The facet values of one record, as the indexer defines them
// (index_schema.h): applicant keys (document_builder.h), country, IPC
// subclasses (the first four characters of "H01M 10/0525"), publication year.
inline std::set<std::string> FacetValuesOf(const PatentRecord& r, const std::string& facet) {
  std::set<std::string> out;
  if (facet == "applicants") {
    for (const std::string& key : FacetApplicantKeys(r)) out.insert(key);
  } else if (facet == "countries") {
    if (!r.country.empty()) out.insert(r.country);
  } else if (facet == "ipc_subclasses") {
    for (const std::string& s : r.ipc)
      if (s.size() >= 4) out.insert(s.substr(0, 4));
  } else if (facet == "years") {
    if (r.publication_date.size() == 10) out.insert(r.publication_date.substr(0, 4));
  }
  return out;
}

// Every value of `facet` over the records matching `match`, count
// descending, ties by value.
inline Counts BruteFacet(const std::vector<PatentRecord>& records, const Predicate& match, const std::string& facet) {
  std::map<std::string, int64_t> counts;
  for (const PatentRecord& r : records)
    if (match(r))
      for (const std::string& v : FacetValuesOf(r, facet)) ++counts[v];
  Counts out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

inline int64_t BruteCount(const std::vector<PatentRecord>& records, const Predicate& match) {
  return std::count_if(records.begin(), records.end(), match);
}

// The documents Xapian's own matcher finds for `q`, ascending: the
// reference the index's other evaluation paths are compared with.
inline std::vector<Xapian::docid> XapianMatches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  std::vector<Xapian::docid> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace patnav::index::testcorpus
