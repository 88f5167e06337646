// Test support for the patent-data calls (header only, for *_test.cc): a
// generated USPTO XML corpus written into a scratch directory, and one data
// directory per test suite with that corpus ingested and indexed through
// app::Ingest.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/caller.h"
#include "app/ingest.h"
#include "app/workspace.h"
#include "generator/corpus_generator.h"
#include "model/record_json.h"
#include "testing.h"

namespace patnav::app::testing {

// A US B2 grant "US<number>B2" (seven digits) titled "Widget", held by
// `owner` as its assignee, filed 2014-01-06 and granted 2018-05-01: one
// JSON line for ingest, newline included.
inline std::string WidgetGrantLine(const std::string& number, const std::string& owner) {
  PatentRecord r;
  r.publication_number = "US" + number + "B2";
  r.country = "US";
  r.doc_number = number;
  r.kind = "B2";
  r.application_number = "13" + number.substr(1);
  r.filing_date = "2014-01-06";
  r.publication_date = r.grant_date = "2018-05-01";
  r.title["en"] = "Widget";
  Party p;
  p.name = owner;
  r.assignees.push_back(p);
  return RecordToJsonLine(r) + "\n";
}

// One USPTO assignment record (reel/frame `rf`, recorded and executed on
// `recorded`, YYYYMMDD) conveying US patent `patent` (kind B2) from `from`
// to `to` with the conveyance `text`, for an assignment file's body.
inline std::string AssignmentXml(const std::string& rf, const std::string& recorded, const std::string& text,
                                 const std::string& from, const std::string& to, const std::string& patent) {
  return "<patent-assignment><assignment-record><reel-no>" + rf.substr(0, rf.find('/')) + "</reel-no><frame-no>" +
         rf.substr(rf.find('/') + 1) + "</frame-no><recorded-date><date>" + recorded +
         "</date></recorded-date><conveyance-text>" + text +
         "</conveyance-text></assignment-record><patent-assignors><patent-assignor><name>" + from +
         "</name><execution-date><date>" + recorded +
         "</date></execution-date></patent-assignor></patent-assignors><patent-assignees><patent-assignee><name>" + to +
         "</name></patent-assignee></patent-assignees><patent-properties><patent-property><document-id><country>US"
         "</country><doc-number>" + patent +
         "</doc-number><kind>B2</kind></document-id></patent-property></patent-properties></patent-assignment>\n";
}

// Ingests `paths` as the local user, without updating the search index.
inline Result<IngestResult> IngestPaths(Workspace& ws, std::vector<std::string> paths) {
  IngestRequest request;
  request.paths = std::move(paths);
  request.index = false;
  return Ingest(Caller::Local(), ws, request);
}

// Writes `docs` generated grants (no descriptions; seed fixed), documents
// [first, first + docs) of the corpus of `total` documents, to `path`.
inline void WriteCorpus(const std::filesystem::path& path, uint64_t total, uint64_t first = 0,
                        uint64_t docs = UINT64_MAX) {
  GeneratorOptions g;
  g.docs = total;
  g.seed = 11;
  g.full_text = false;
  g.description = false;
  CorpusGenerator gen(g);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (uint64_t i = first; i < total && i - first < docs; ++i) out << gen.Document(CorpusFormat::kUsptoXml, i);
  ASSERT_TRUE(out.good()) << path;
}

// A data directory holding kDocs generated patents, ingested and indexed once
// for the whole suite. Tests must not change it.
class PatentCorpusTest : public ::testing::Test {
 public:
  static constexpr uint64_t kDocs = 200;

  static void SetUpTestSuite() {
    scratch_ = std::make_unique<patnav::testing::ScratchDir>();
    const std::filesystem::path corpus = scratch_->path() / "corpus.xml";
    WriteCorpus(corpus, kDocs);
    Workspace ws({.dir = DataDir()});
    Result<IngestResult> r = Ingest(Caller::Local(), ws, {.paths = {corpus.string()}});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->fresh, kDocs);
    ASSERT_TRUE(r->index.has_value()) << r->index_error;
  }
  static void TearDownTestSuite() { scratch_.reset(); }
  static std::filesystem::path DataDir() { return scratch_->path() / "db"; }

 protected:
  inline static std::unique_ptr<patnav::testing::ScratchDir> scratch_;
};

}  // namespace patnav::app::testing
