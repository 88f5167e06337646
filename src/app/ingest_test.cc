// app::Ingest and app::UpdateIndex on a generated corpus: counts, the
// rejection list of bad inputs, idempotent re-ingest, cancellation that
// leaves the committed batches and nothing else, and authorisation.
#include "app/ingest.h"

#include <atomic>

#include <gtest/gtest.h>

#include "app/index_update.h"
#include "app/patent_corpus_testing.h"
#include "app/patents.h"
#include "app/search.h"

namespace patnav::app {
namespace {

namespace fs = std::filesystem;
using patnav::testing::ScratchDir;
using patnav::testing::WriteFile;
using testing::WriteCorpus;

domain::Grant GrantOf(domain::Role role) {
  domain::Grant g;
  g.role = role;
  g.alliance = "A";
  g.member = role == domain::Role::kMember ? "M" : "";
  g.licensee = role == domain::Role::kLicensee ? "L" : "";
  return g;
}

Caller UserWith(domain::Role role) {
  Caller c;
  c.user_id = 7;
  c.username = "u";
  c.grants.push_back(GrantOf(role));
  return c;
}

int64_t Publications(Workspace& ws) {
  Result<StoreStatsResult> s = GetStoreStats(Caller::Local(), ws);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? s->stats.publications : -1;
}

TEST(IngestTest, CountsRejectionsAndIndex) {
  ScratchDir dir;
  WriteCorpus(dir.path() / "good.xml", 60);
  WriteFile(dir.path() / "unknown.bin", std::string("\x00\x01\x02\x03garbage\xff\xfe", 14));
  WriteFile(dir.path() / "malformed.xml", "<?xml version=\"1.0\"?>\n<us-patent-grant><a></b></us-patent-grant>\n");
  Workspace ws({.dir = dir.path() / "db"});
  IngestRequest request;
  request.paths = {(dir.path() / "good.xml").string(), (dir.path() / "unknown.bin").string(),
                   (dir.path() / "malformed.xml").string()};
  Result<IngestResult> r = Ingest(Caller::Local(), ws, request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->files, 3u);
  EXPECT_EQ(r->read, 60u);
  EXPECT_EQ(r->fresh, 60u);
  EXPECT_EQ(r->merged + r->unchanged, 0u);
  EXPECT_EQ(r->rejected, 2u);
  ASSERT_EQ(r->rejections.size(), 2u);
  EXPECT_NE(r->rejections[0].ToString().find("unknown.bin#0: "), std::string::npos) << r->rejections[0].ToString();
  EXPECT_NE(r->rejections[0].reason.find("unknown format"), std::string::npos) << r->rejections[0].reason;
  EXPECT_NE(r->rejections[1].ToString().find("malformed.xml#0: malformed XML"), std::string::npos)
      << r->rejections[1].ToString();
  EXPECT_FALSE(r->cancelled);
  // The store's part of the time is measured apart from the reading's.
  EXPECT_GT(r->store_seconds, 0.0);
  EXPECT_LT(r->store_seconds, r->seconds);
  ASSERT_TRUE(r->index.has_value()) << r->index_error;
  EXPECT_EQ(r->index->documents_total, 60);
  EXPECT_TRUE(r->warnings.empty());
  EXPECT_EQ(Publications(ws), 60);

  // The searcher of this workspace sees the new documents at once.
  Result<SearchPatentsResult> s = SearchPatents(Caller::Local(), ws, {.query = "PD>=1900"});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->result.total, 60);

  // The same input again converges: everything unchanged, nothing new.
  request.paths = {(dir.path() / "good.xml").string()};
  Result<IngestResult> again = Ingest(Caller::Local(), ws, request);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->read, 60u);
  EXPECT_EQ(again->fresh, 0u);
  EXPECT_EQ(again->unchanged, 60u);
  EXPECT_EQ(Publications(ws), 60);
}

// The server's ingest jobs refresh the analytics snapshot, so the first
// landscape after them finds it built; without the refresh it is rebuilt on
// first use.
TEST(IngestTest, RefreshedSnapshotIsReadyForTheNextLandscape) {
  ScratchDir dir;
  WriteCorpus(dir.path() / "first.xml", 60, 0, 30);
  WriteCorpus(dir.path() / "second.xml", 60, 30, 30);
  Workspace ws({.dir = dir.path() / "db"});
  int announced = 0;
  IngestRequest request{.paths = {(dir.path() / "first.xml").string()}, .index = false, .refresh_snapshot = true};
  request.on_snapshot = [&] { ++announced; };
  Result<IngestResult> r = Ingest(Caller::Local(), ws, request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(announced, 1);
  ASSERT_TRUE(r->snapshot_seconds.has_value());
  bool built = true;
  Result<std::shared_ptr<const analytics::Snapshot>> snap = ws.Snapshot(&built);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_FALSE(built);
  EXPECT_EQ((*snap)->size(), 30u);

  IngestRequest plain{.paths = {(dir.path() / "second.xml").string()}, .index = false};
  Result<IngestResult> again = Ingest(Caller::Local(), ws, plain);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->snapshot_seconds.has_value());
  snap = ws.Snapshot(&built);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_TRUE(built);
  EXPECT_EQ((*snap)->size(), 60u);
}

TEST(IngestTest, RefusesBadRequestsWhole) {
  ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  Result<IngestResult> missing = Ingest(Caller::Local(), ws, {.paths = {(dir.path() / "nope.xml").string()}});
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(missing.status().message().find("nope.xml"), std::string::npos) << missing.status().message();
  WriteCorpus(dir.path() / "good.xml", 5);
  IngestRequest zero_batch{.paths = {(dir.path() / "good.xml").string()}, .batch_records = 0};
  EXPECT_EQ(Ingest(Caller::Local(), ws, zero_batch).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(dir.path() / "db" / "patnav.db"));
}

TEST(IngestTest, CancellationKeepsTheCommittedBatchesOnly) {
  ScratchDir dir;
  // Four files of 50 documents; cancelled as the second one starts: the
  // first 40 records are in two committed batches of 20, the other 10 of the
  // first file were in the open batch and are rolled back.
  std::vector<std::string> paths;
  for (int part = 0; part < 4; ++part) {
    const fs::path p = dir.path() / ("part" + std::to_string(part) + ".xml");
    WriteCorpus(p, 200, static_cast<uint64_t>(part) * 50, 50);
    paths.push_back(p.string());
  }
  Workspace ws({.dir = dir.path() / "db"});
  std::atomic<bool> cancel{false};
  IngestRequest request;
  request.paths = paths;
  request.batch_records = 20;
  request.cancel = &cancel;
  request.on_progress = [&cancel](const IngestProgress& p) {
    if (p.current.find("part1.xml") != std::string::npos) cancel = true;
  };
  Result<IngestResult> r = Ingest(Caller::Local(), ws, request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->cancelled);
  EXPECT_EQ(r->read, 40u);
  EXPECT_EQ(r->fresh, 40u);
  EXPECT_FALSE(r->index.has_value());
  EXPECT_FALSE(r->warnings.empty());
  EXPECT_EQ(Publications(ws), 40);
  ASSERT_TRUE(ws.WithStore([](PatentStore& store) { return store.CheckIntegrity(); }).ok());

  // Cancelled before it starts: nothing written.
  ScratchDir other;
  Workspace empty({.dir = other.path() / "db"});
  std::atomic<bool> already{true};
  Result<IngestResult> none = Ingest(Caller::Local(), empty, {.paths = paths, .cancel = &already});
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->cancelled);
  EXPECT_EQ(none->read, 0u);
  EXPECT_EQ(Publications(empty), 0);

  // Running it again to the end gives every record once, and the index.
  request.cancel = nullptr;
  request.on_progress = nullptr;
  Result<IngestResult> rest = Ingest(Caller::Local(), ws, request);
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_FALSE(rest->cancelled);
  EXPECT_EQ(rest->fresh, 160u);
  EXPECT_EQ(rest->unchanged, 40u);
  EXPECT_EQ(Publications(ws), 200);
  ASSERT_TRUE(rest->index.has_value()) << rest->index_error;
  EXPECT_EQ(rest->index->documents_total, 200);
}

TEST(IngestTest, UpdateIndexCatchesUpAndRebuilds) {
  ScratchDir dir;
  WriteCorpus(dir.path() / "good.xml", 30);
  Workspace ws({.dir = dir.path() / "db"});
  ASSERT_TRUE(Ingest(Caller::Local(), ws, {.paths = {(dir.path() / "good.xml").string()}, .index = false}).ok());
  EXPECT_EQ(SearchPatents(Caller::Local(), ws, {.query = "PD>=1900"}).status().code(), StatusCode::kNotFound);
  Result<IndexUpdateResult> caught_up = UpdateIndex(Caller::Local(), ws, {});
  ASSERT_TRUE(caught_up.ok()) << caught_up.status().ToString();
  EXPECT_EQ(caught_up->stats.documents_total, 30);
  Result<SearchPatentsResult> s = SearchPatents(Caller::Local(), ws, {.query = "PD>=1900"});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->result.total, 30);
  Result<IndexUpdateResult> rebuilt = UpdateIndex(Caller::Local(), ws, {.rebuild = true});
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_TRUE(rebuilt->stats.rebuilt);
  EXPECT_EQ(rebuilt->stats.documents_indexed, 30);

  ScratchDir nothing;
  Workspace none({.dir = nothing.path() / "db"});
  EXPECT_EQ(UpdateIndex(Caller::Local(), none, {}).status().code(), StatusCode::kNotFound);
}

TEST(IngestTest, OnlyAnalystsAndAdministratorsIngest) {
  ScratchDir dir;
  WriteCorpus(dir.path() / "good.xml", 3);
  Workspace ws({.dir = dir.path() / "db"});
  const IngestRequest request{.paths = {(dir.path() / "good.xml").string()}};
  EXPECT_EQ(Ingest(Caller::Anonymous(true), ws, request).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Ingest(UserWith(domain::Role::kMember), ws, request).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(UpdateIndex(UserWith(domain::Role::kLicensee), ws, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_FALSE(fs::exists(dir.path() / "db" / "patnav.db"));
  Result<IngestResult> r = Ingest(UserWith(domain::Role::kAnalyst), ws, request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->fresh, 3u);
}

}  // namespace
}  // namespace patnav::app
