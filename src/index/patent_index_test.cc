// Tests of keeping the index in step with the store: an index updated
// incrementally (two halves, then merges and a kind re-key) equals a full
// rebuild; forward-citation counts equal a brute force over the store; a
// crash between the store's commit and the index update is caught up; a
// stale, foreign or newer-format index is rebuilt; a rebuild on several
// writers equals one on one writer, and a writer's failure keeps the old
// index.
#include "index/patent_index.h"

#include <signal.h>
#include <sys/resource.h>

#include <map>
#include <set>
#include <sstream>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "generator/corpus_generator.h"
#include "index/document_builder.h"
#include "index/index_schema.h"
#include "index/phrase_match.h"
#include "index/segment_catalog.h"
#include "index/text_analysis.h"
#include "index/text_segment_set.h"
#include "model/party.h"
#include "readers/byte_source.h"
#include "readers/reader.h"
#include "testing.h"

namespace patnav::index {
namespace {

using patnav::testing::ScratchDir;

class Collect : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override { ADD_FAILURE() << r.ToString(); }
  std::vector<PatentRecord> records;
};

std::vector<PatentRecord> Parsed(uint64_t docs, uint64_t seed, bool full_text) {
  GeneratorOptions go;
  go.docs = docs;
  go.seed = seed;
  go.full_text = full_text;
  std::ostringstream xml;
  EXPECT_TRUE(CorpusGenerator(go).Write(CorpusFormat::kUsptoXml, xml).ok());
  const std::string data = xml.str();
  Result<std::unique_ptr<Reader>> reader = DetectReader(std::string_view(data).substr(0, 65536), {});
  EXPECT_TRUE(reader.ok());
  Collect sink;
  EXPECT_TRUE((*reader)->Read(*NewStringSource(data, "generated.xml"), sink).ok());
  return std::move(sink.records);
}

// A generated USPTO corpus (with citations among its documents), parsed.
const std::vector<PatentRecord>& Generated() {
  static const std::vector<PatentRecord> records = Parsed(160, 5, /*full_text=*/false);
  return records;
}

std::unique_ptr<PatentStore> OpenStore(const std::filesystem::path& dir) {
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open({.dir = dir});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

void Put(PatentStore& store, const std::vector<PatentRecord>& records) {
  ASSERT_TRUE(store.BeginBatch().ok());
  for (const PatentRecord& r : records) ASSERT_TRUE(store.Put(r).ok()) << r.publication_number;
  ASSERT_TRUE(store.CommitBatch().ok());
}

IndexUpdateStats CatchUp(const std::filesystem::path& dir, PatentStore& store, const IndexWriteOptions& options = {}) {
  Result<PatentIndex> index = PatentIndex::OpenForWriting(dir, options);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  Result<IndexUpdateStats> stats = index->CatchUp(store);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  Result<bool> up = index->UpToDate(store);
  EXPECT_TRUE(up.ok() && *up);
  return stats.ok() ? *stats : IndexUpdateStats{};
}

// Every document of the index: its terms with wdf and positions, its values
// and its data, by document id.
std::map<Xapian::docid, std::string> Dump(const std::filesystem::path& dir) {
  Result<PatentIndex> index = PatentIndex::OpenForReading(dir);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  const Xapian::Database& db = index->db();
  std::map<Xapian::docid, std::string> out;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    const Xapian::Document doc = db.get_document(*p);
    std::string s;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      s += *t + ":" + std::to_string(t.get_wdf());
      for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) s += "," + std::to_string(*pos);
      s += " ";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) s += "|" + std::to_string(v.get_valueno()) + "=" + *v;
    out[*p] = s + "|" + doc.get_data();
  }
  return out;
}

// The forward-citation count of every stored publication by brute force:
// distinct stored publications whose citations name it.
std::map<std::string, int64_t> BruteForwardCitations(PatentStore& store) {
  std::map<std::string, std::set<std::string>> citing;
  std::set<std::string> stored;
  EXPECT_TRUE(store.ForEach([&](const PatentRecord& r) {
                     stored.insert(r.publication_number);
                     for (const Citation& c : r.citations)
                       citing[c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number]
                           .insert(r.publication_number);
                     return true;
                   }).ok());
  std::map<std::string, int64_t> counts;
  for (const std::string& pn : stored) counts[pn] = static_cast<int64_t>(citing[pn].size());
  return counts;
}

std::map<std::string, int64_t> IndexedForwardCitations(const std::filesystem::path& dir) {
  Result<PatentIndex> index = PatentIndex::OpenForReading(dir);
  EXPECT_TRUE(index.ok());
  const Xapian::Database& db = index->db();
  std::map<std::string, int64_t> counts;
  const std::string q(kId);
  for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*t));
    counts[(*t).substr(q.size())] =
        static_cast<int64_t>(Xapian::sortable_unserialise(doc.get_value(kForwardCitations)));
  }
  return counts;
}

// The index's metadata, key by key.
std::map<std::string, std::string> Metadata(const std::filesystem::path& dir) {
  Result<PatentIndex> index = PatentIndex::OpenForReading(dir);
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  std::map<std::string, std::string> out;
  const Xapian::Database& db = index->db();
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) out[*k] = db.get_metadata(*k);
  return out;
}

// The names in `dir`.
std::set<std::string> Names(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Takes a dump of the index in `dir`, rebuilds it from `store` and expects
// the same dump.
void ExpectEqualsRebuild(const std::filesystem::path& dir, PatentStore& store) {
  const auto incremental = Dump(dir);
  {
    Result<PatentIndex> index = PatentIndex::OpenForWriting(dir);
    ASSERT_TRUE(index.ok());
    Result<IndexUpdateStats> full = index->Rebuild(store);
    ASSERT_TRUE(full.ok()) << full.status().ToString();
    EXPECT_EQ(full->documents_total, *store.Count());
  }
  const auto rebuilt = Dump(dir);
  EXPECT_EQ(incremental.size(), rebuilt.size());
  for (const auto& [docid, doc] : rebuilt)
    EXPECT_EQ(incremental.count(docid) ? incremental.at(docid) : "(missing)", doc) << "docid " << docid;
}

// A small publication of kind `kind` citing `cites`.
PatentRecord Tiny(const std::string& doc_number, const std::string& kind, const std::vector<std::string>& cites,
                  const std::string& title) {
  PatentRecord r;
  r.country = "US";
  r.doc_number = doc_number;
  r.kind = kind;
  r.publication_date = "2021-02-03";
  r.title["en"] = title;
  r.applicants.push_back(MakeOrganisation("Tiny Devices Inc."));
  for (const std::string& c : cites) r.citations.push_back({c, "", "", "", "", ""});
  r.source.format = "test";
  FinishRecord(r);
  return r;
}

// The text segments of the index in `dir` against Xapian: every phrase of
// `phrases` matches the same documents with the same wdfs in both, and the
// index directory holds exactly the segment files the metadata names.
void ExpectSegmentsAgree(const std::filesystem::path& dir, const std::vector<std::vector<std::string>>& phrases) {
  Result<PatentIndex> index = PatentIndex::OpenForReading(dir);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  const Xapian::Database& db = index->db();
  Result<std::shared_ptr<const TextSegmentSet>> set = TextSegmentSet::Load(db, PatentIndex::IndexDir(dir));
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_TRUE(*set != nullptr);
  EXPECT_LE((*set)->segments().size(), SegmentCatalog::kMaxSegments);
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(PatentIndex::IndexDir(dir)))
    if (IsSegmentFileName(e.path().filename().string())) files.insert(e.path().filename().string());
  std::istringstream listed(db.get_metadata(kMetaTextSegments));
  std::set<std::string> named;
  for (std::string n; listed >> n;) named.insert(n);
  EXPECT_EQ(files, named);
  size_t matched = 0;
  for (const auto& terms : phrases) {
    Result<PhraseHits> ours = (*set)->Phrase(terms);
    ASSERT_TRUE(ours.ok()) << ours.status().ToString();
    const PhraseHits theirs = MatchPhrase(db, terms);
    std::vector<Xapian::docid> docs;
    std::vector<uint32_t> wdf;
    for (size_t i = 0; i < ours->docs.size(); ++i) {
      try {
        db.get_document(ours->docs[i]);
      } catch (const Xapian::DocNotFoundError&) {
        continue;  // a document the index no longer holds
      }
      docs.push_back(ours->docs[i]);
      wdf.insert(wdf.end(), ours->wdf.begin() + i * terms.size(), ours->wdf.begin() + (i + 1) * terms.size());
    }
    EXPECT_EQ(docs, theirs.docs);
    EXPECT_EQ(wdf, theirs.wdf);
    matched += !theirs.docs.empty();
  }
  EXPECT_GT(matched, phrases.size() / 2);
}

// Phrases of 2-3 claim words from `records`, old words and new alike.
std::vector<std::vector<std::string>> ClaimPhrases(const std::vector<PatentRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (size_t i = 0; i < records.size(); i += 7) {
    if (records[i].claims.empty()) continue;
    const std::vector<std::string> terms = PositionalTerms(records[i].claims[0].text, kClaims);
    if (terms.size() < 6) continue;
    out.emplace_back(terms.begin() + 1, terms.begin() + 3);
    out.emplace_back(terms.end() - 4, terms.end() - 1);
  }
  return out;
}

TEST(PatentIndexTest, TextSegmentsAgreeWithXapianThroughRebuildAndCatchUps) {
  ScratchDir dir;
  std::vector<PatentRecord> all = Generated();
  auto store = OpenStore(dir.path());
  Put(*store, {all.begin(), all.begin() + 60});
  EXPECT_TRUE(CatchUp(dir.path(), *store).rebuilt);
  std::vector<PatentRecord> seen(all.begin(), all.begin() + 60);
  ExpectSegmentsAgree(dir.path(), ClaimPhrases(seen));
  // Catch-ups, each a segment: new publications, and old ones whose claims
  // changed (their old text must stop matching), past the merge threshold.
  for (size_t round = 0; round < SegmentCatalog::kMaxSegments + 3; ++round) {
    std::vector<PatentRecord> batch(all.begin() + 60 + round * 8, all.begin() + 68 + round * 8);
    for (size_t k = 0; k < 3; ++k) {
      PatentRecord changed = seen[(round * 5 + k * 11) % seen.size()];
      if (changed.claims.empty()) continue;
      changed.claims[0].text = "An electrode assembly wherein the round " + std::to_string(round) +
                               " separator holds the anode, " + changed.claims[0].text;
      batch.push_back(changed);
    }
    Put(*store, batch);
    IndexUpdateStats stats = CatchUp(dir.path(), *store, {.commit_every = 5});
    EXPECT_FALSE(stats.rebuilt);
    seen.insert(seen.end(), batch.begin(), batch.end());
    std::vector<std::vector<std::string>> phrases = ClaimPhrases(seen);
    phrases.push_back({"XCLthe", "XCLround", "XCL" + std::to_string(round)});
    phrases.push_back({"XCLseparator", "XCLholds", "XCLthe", "XCLanode"});
    ExpectSegmentsAgree(dir.path(), phrases);
  }
  // A segment the metadata names but the directory lost: the next update
  // rebuilds rather than building on it.
  std::vector<std::string> named;
  {
    Result<PatentIndex> index = PatentIndex::OpenForReading(dir.path());
    ASSERT_TRUE(index.ok());
    std::istringstream listed(index->db().get_metadata(kMetaTextSegments));
    for (std::string n; listed >> n;) named.push_back(n);
  }
  ASSERT_FALSE(named.empty());
  std::filesystem::remove(PatentIndex::IndexDir(dir.path()) / named.back());
  EXPECT_TRUE(CatchUp(dir.path(), *store).rebuilt);
  ExpectSegmentsAgree(dir.path(), ClaimPhrases(seen));
}

TEST(PatentIndexTest, IncrementalIndexEqualsFullRebuild) {
  const std::vector<PatentRecord>& all = Generated();
  const size_t half = all.size() / 2;
  ScratchDir incremental;
  auto store = OpenStore(incremental.path());

  // First half: the index is new, so it is built.
  Put(*store, {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(half)});
  IndexUpdateStats first = CatchUp(incremental.path(), *store);
  EXPECT_TRUE(first.rebuilt);
  EXPECT_EQ(first.documents_total, static_cast<int64_t>(half));

  // Second half, in two batches with one catch-up: only the new documents
  // are indexed, and counts of the first half they cite are refreshed.
  Put(*store, {all.begin() + static_cast<std::ptrdiff_t>(half), all.end() - 20});
  Put(*store, {all.end() - 20, all.end()});
  IndexUpdateStats second = CatchUp(incremental.path(), *store);
  EXPECT_FALSE(second.rebuilt);
  EXPECT_EQ(second.documents_indexed, static_cast<int64_t>(all.size() - half));
  EXPECT_GT(second.citations_refreshed, 0);

  // Re-ingest with merges: new facts on old records, a publication first
  // known only as kind "B" and then re-keyed to "B2", and new citations of it.
  std::vector<PatentRecord> merges;
  for (size_t i = 0; i < 5; ++i) {
    PatentRecord r = all[i * 7];
    r.ipc.push_back("H01M 10/0525");
    r.citations.push_back({all[i * 7 + 1].publication_number, "", "", "", "", ""});
    r.claims.push_back({static_cast<int>(r.claims.size()) + 1, "A further claim on graphene.", false, {1}});
    FinishRecord(r);
    merges.push_back(r);
  }
  merges.push_back(Tiny("7000001", "B", {all[3].publication_number}, "Widget"));
  Put(*store, merges);
  EXPECT_FALSE(CatchUp(incremental.path(), *store).rebuilt);
  Put(*store, {Tiny("7000001", "B2", {}, "Widget"), Tiny("7000002", "B1", {"US7000001B2"}, "Gadget")});
  IndexUpdateStats last = CatchUp(incremental.path(), *store);
  EXPECT_EQ(last.documents_indexed, 2);
  EXPECT_EQ(CatchUp(incremental.path(), *store).documents_indexed, 0);  // nothing left to do

  ExpectEqualsRebuild(incremental.path(), *store);

  // The re-keyed publication is found by its new number only, with its new citation.
  const auto counts = IndexedForwardCitations(incremental.path());
  EXPECT_EQ(counts.count("US7000001B"), 0u);
  EXPECT_EQ(counts.at("US7000001B2"), 1);
  EXPECT_EQ(counts, BruteForwardCitations(*store));
  int64_t cited = 0;
  for (const auto& [pn, n] : counts) cited += n > 0;
  EXPECT_GT(cited, 20);  // the corpus really cites itself
}

TEST(PatentIndexTest, CatchesUpAfterACrashBetweenStoreAndIndex) {
  const std::vector<PatentRecord>& all = Generated();
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Put(*store, {all.begin(), all.begin() + 80});
  CatchUp(dir.path(), *store);

  // The store commits and the process dies before the index is updated; the
  // next run dies too, after an intermediate commit of some of the changed
  // documents (with stale citation counts) but before the applied sequence.
  Put(*store, {all.begin() + 80, all.begin() + 130});
  {
    Xapian::WritableDatabase db(PatentIndex::IndexDir(dir.path()).string(), Xapian::DB_OPEN);
    for (Xapian::docid id = 81; id <= 100; ++id) db.replace_document(id, BuildDocument(all[id - 1], 0));
    db.commit();
  }
  {
    Result<PatentIndex> index = PatentIndex::OpenForWriting(dir.path());
    ASSERT_TRUE(index.ok());
    Result<bool> up = index->UpToDate(*store);
    ASSERT_TRUE(up.ok());
    EXPECT_FALSE(*up);
  }
  // `patnav index` (or the next ingest) catches up.
  IndexUpdateStats stats = CatchUp(dir.path(), *store);
  EXPECT_FALSE(stats.rebuilt);
  EXPECT_EQ(stats.documents_indexed, 50);
  EXPECT_EQ(stats.documents_total, 130);
  EXPECT_EQ(IndexedForwardCitations(dir.path()), BruteForwardCitations(*store));
  ExpectEqualsRebuild(dir.path(), *store);
}

TEST(PatentIndexTest, OtherTuningGivesTheSameIndex) {
  // Beyond max_tracked_citations every document's count is checked instead
  // of those of the cited publications; commits every few documents; a
  // rebuild in many shards.
  const std::vector<PatentRecord>& all = Generated();
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Put(*store, {all.begin(), all.begin() + 100});
  const IndexWriteOptions options{
      .commit_every = 7, .rebuild_commit_every = 5, .rebuild_shard_documents = 37, .max_tracked_citations = 1};
  EXPECT_TRUE(CatchUp(dir.path(), *store, options).rebuilt);
  Put(*store, {all.begin() + 100, all.end()});
  IndexUpdateStats stats = CatchUp(dir.path(), *store, options);
  EXPECT_FALSE(stats.rebuilt);
  EXPECT_GT(stats.citations_refreshed, 0);
  EXPECT_EQ(IndexedForwardCitations(dir.path()), BruteForwardCitations(*store));
  ExpectEqualsRebuild(dir.path(), *store);
}

TEST(PatentIndexTest, ForeignStaleOrOtherFormatIndexIsRebuilt) {
  const std::vector<PatentRecord>& all = Generated();
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Put(*store, {all.begin(), all.begin() + 30});
  EXPECT_TRUE(CatchUp(dir.path(), *store).rebuilt);
  EXPECT_FALSE(CatchUp(dir.path(), *store).rebuilt);
  auto tamper = [&](const char* key, const std::string& value) {
    Xapian::WritableDatabase db(PatentIndex::IndexDir(dir.path()).string(), Xapian::DB_OPEN);
    db.set_metadata(key, value);
    db.commit();
  };
  tamper(kMetaStoreId, "another store");
  EXPECT_TRUE(CatchUp(dir.path(), *store).rebuilt);
  tamper(kMetaFormatVersion, std::to_string(kIndexFormatVersion + 1));
  EXPECT_TRUE(CatchUp(dir.path(), *store).rebuilt);
  tamper(kMetaAppliedSequence, "999");  // ahead of the store: the store was replaced
  IndexUpdateStats stats = CatchUp(dir.path(), *store);
  EXPECT_TRUE(stats.rebuilt);
  EXPECT_EQ(stats.documents_total, 30);
  // A rebuild leaves nothing beside the index.
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) names.insert(e.path().filename().string());
  EXPECT_EQ(names.count("index"), 1u);
  EXPECT_EQ(names.count("index.rebuild") + names.count("index.new") + names.count("index.old"), 0u);
}

// A legal status that depends on the record only, so that every writer
// gives each document the same one.
std::optional<IndexedLegalStatus> OddInForce(const PatentRecord& r) {
  if (r.doc_number.empty() || (r.doc_number.back() - '0') % 2 == 0) return std::nullopt;
  return IndexedLegalStatus{"in_force", "2035-0" + std::string(1, r.doc_number.back()) + "-01"};
}

TEST(PatentIndexTest, RebuildOnSeveralWritersEqualsOneWriter) {
  const std::vector<PatentRecord>& all = Generated();
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Put(*store, {all.begin(), all.begin() + 60});
  Put(*store, {all.begin() + 60, all.end()});
  auto rebuild = [&](int writers, int64_t shard_documents, int64_t commit_every) {
    IndexWriteOptions options;
    options.legal_status = OddInForce;
    options.rebuild_writers = writers;
    options.rebuild_shard_documents = shard_documents;
    options.rebuild_commit_every = commit_every;
    Result<PatentIndex> index = PatentIndex::OpenForWriting(dir.path(), options);
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    int64_t last_done = 0;
    Result<IndexUpdateStats> stats = index->Rebuild(*store, [&](int64_t done, int64_t total) {
      EXPECT_GE(done, last_done);
      EXPECT_LE(done, total);
      last_done = done;
    });
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    if (stats.ok()) {
      EXPECT_EQ(stats->documents_indexed, static_cast<int64_t>(all.size()));
      EXPECT_EQ(stats->documents_total, static_cast<int64_t>(all.size()));
    }
    EXPECT_EQ(last_done, static_cast<int64_t>(all.size()));
    EXPECT_EQ(Names(dir.path()).count("index.rebuild"), 0u);
    return std::make_pair(Dump(dir.path()), Metadata(dir.path()));
  };
  const auto [one, one_meta] = rebuild(1, 0, 250);
  ASSERT_EQ(one.size(), all.size());
  EXPECT_EQ(one_meta.size(), 4u);  // format, store, sequence, text segments
  int with_status = 0;
  for (const auto& [docid, doc] : one) with_status += doc.find(std::string(kLegalState) + "live") != std::string::npos;
  EXPECT_GT(with_status, 0);

  // Three writers and shards of 7: 23 shards, each writer's interleaved with
  // the others'; two writers and shards of one document: more shards than
  // one compaction takes, merged in two levels; one writer, small shards.
  for (const auto& [writers, shard, commit] :
       std::vector<std::tuple<int, int64_t, int64_t>>{{3, 7, 3}, {2, 1, 1}, {1, 7, 250}, {4, 0, 250}}) {
    SCOPED_TRACE("writers " + std::to_string(writers) + ", shards of " + std::to_string(shard));
    const auto [many, many_meta] = rebuild(writers, shard, commit);
    EXPECT_EQ(many_meta, one_meta);
    ASSERT_EQ(many.size(), one.size());
    for (const auto& [docid, doc] : one)
      EXPECT_EQ(many.count(docid) ? many.at(docid) : "(missing)", doc) << "docid " << docid;
  }
}

// Lowers the size a file may grow to for the life of this object (writes
// beyond it fail with EFBIG instead of raising SIGXFSZ).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = signal(SIGXFSZ, SIG_IGN);
    rlimit lower = saved_;
    lower.rlim_cur = bytes;
    EXPECT_EQ(setrlimit(RLIMIT_FSIZE, &lower), 0);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit saved_{};
  sighandler_t old_handler_;
};

TEST(PatentIndexTest, FailingWriterKeepsTheOldIndexAndNoScratch) {
  // Full-text grants: a few make a shard's position table larger than the
  // file size allowed below, so a writer fails in the middle of the stream
  // while the others are writing theirs.
  const std::vector<PatentRecord> full = Parsed(40, 11, /*full_text=*/true);
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Put(*store, {full.begin(), full.begin() + 10});
  CatchUp(dir.path(), *store);
  const auto before = Dump(dir.path());
  const auto before_meta = Metadata(dir.path());
  ASSERT_EQ(before.size(), 10u);
  Put(*store, {full.begin() + 10, full.end()});

  IndexWriteOptions options;
  options.rebuild_writers = 3;
  options.rebuild_shard_documents = 7;
  options.rebuild_commit_every = 2;
  {
    Result<PatentIndex> index = PatentIndex::OpenForWriting(dir.path(), options);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    Result<IndexUpdateStats> stats = Status::Internal("not run");
    {
      FileSizeLimit limit(48 * 1024);
      stats = index->Rebuild(*store);
    }
    ASSERT_FALSE(stats.ok());
    EXPECT_NE(stats.status().message().find("index shard"), std::string::npos) << stats.status().ToString();
    EXPECT_NE(stats.status().message().find("index.rebuild"), std::string::npos) << stats.status().ToString();
  }
  // The old index serves as before; no scratch is left.
  EXPECT_EQ(Dump(dir.path()), before);
  EXPECT_EQ(Metadata(dir.path()), before_meta);
  const std::set<std::string> names = Names(dir.path());
  EXPECT_EQ(names.count("index"), 1u);
  EXPECT_EQ(names.count("index.rebuild") + names.count("index.new") + names.count("index.old"), 0u);
  // And the next update catches up.
  IndexUpdateStats stats = CatchUp(dir.path(), *store, options);
  EXPECT_EQ(stats.documents_total, 40);
}

TEST(PatentIndexTest, SecondWriterIsRefused) {
  ScratchDir dir;
  auto store = OpenStore(dir.path());
  Result<PatentIndex> first = PatentIndex::OpenForWriting(dir.path());
  ASSERT_TRUE(first.ok());
  Result<PatentIndex> second = PatentIndex::OpenForWriting(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kIOError);
  EXPECT_NE(second.status().message().find("another process"), std::string::npos) << second.status().ToString();
}

TEST(PatentIndexTest, MissingIndexIsNotFound) {
  ScratchDir dir;
  Result<PatentIndex> index = PatentIndex::OpenForReading(dir.path());
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().code(), StatusCode::kNotFound);
  EXPECT_NE(index.status().message().find("patnav index"), std::string::npos);
}

}  // namespace
}  // namespace patnav::index
