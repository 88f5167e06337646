// The search index of a data directory: a Xapian glass database in
// <data dir>/index/ holding one document per stored publication
// (document_builder.h), kept in step with the store.
//
// Keeping in step: every store batch that writes stamps the publications it
// writes with a new, larger change sequence (PatentStore::ForEachChangedSince).
// The index records, in the same Xapian commit as the documents, the store's
// id and the last sequence it has applied. CatchUp() re-indexes exactly the
// publications changed since then — and refreshes the forward-citation
// count of every publication they cite — so a crash at any point (store
// committed, index not) is repaired by the next CatchUp. A missing index, one
// of another format version or of another store is rebuilt.
//
// Document ids are the store's publication ids (stable across merges and
// kind re-keys), so an incremental index and a full rebuild are identical.
//
// Errors: Xapian exceptions never escape; they become Status (a writer that
// finds the index locked by another process gets IOError).
// Thread-safety: one PatentIndex per thread; several processes may read
// while one writes (readers see the last commit).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <xapian.h>

#include "base/status.h"
#include "index/legal_status_terms.h"
#include "store/patent_store.h"

namespace patnav::index {

// Metadata keys of the index database (docs/formats/index.md).
inline constexpr const char* kMetaFormatVersion = "patnav.format_version";  // kIndexFormatVersion, decimal
inline constexpr const char* kMetaStoreId = "patnav.store_id";              // PatentStore::StoreId()
inline constexpr const char* kMetaAppliedSequence = "patnav.store_sequence";  // last change sequence applied, decimal

// What an update did.
struct IndexUpdateStats {
  bool rebuilt = false;            // the whole index was rebuilt
  int64_t documents_indexed = 0;   // publications (re-)indexed from their records
  int64_t citations_refreshed = 0; // other documents whose forward-citation count changed
  int64_t documents_total = 0;     // documents in the index afterwards
  double seconds = 0;
};

// std::thread::hardware_concurrency(), or fewer when this process may run
// on fewer CPUs (sched_getaffinity), clamped to [1, 4].
int DefaultRebuildWriters();

// A rebuild's shard size when IndexWriteOptions::rebuild_shard_documents is
// 0: large with one writer (fewer, larger merges); with several, about what
// a writer's queue holds, so that every writer has work while the store is
// read in id order.
inline constexpr int64_t kShardDocuments = 50'000;
inline constexpr int64_t kParallelShardDocuments = 500;  // two commits of 250

// Tuning of updates; the defaults suit everything from tests to millions of
// documents. In Xapian 1.4 a commit's cost grows with the documents it
// buffers (and their memory, ~100 KB each) faster than linearly, while each
// commit also rewrites a block per distinct term it touches: a few hundred
// documents per commit is fastest (measured on 20k-100k patents).
struct IndexWriteOptions {
  // The legal status each publication is indexed with (LS=, EX=); none when
  // empty. Computed when its document is built, so it is as of that day:
  // `patnav index --rebuild` brings every publication's status up to date.
  LegalStatusFn legal_status;
  // Documents added between two commits when catching up (each commit of
  // the live index is synced to disk).
  int64_t commit_every = 1'000;
  // Documents between two commits of a rebuild's scratch databases.
  int64_t rebuild_commit_every = 250;
  // Documents per scratch database ("shard") of a rebuild; they are merged
  // by compaction at the end. 0: kShardDocuments with one writer,
  // kParallelShardDocuments with several (shard_writers.h says why).
  int64_t rebuild_shard_documents = 0;
  // Threads adding documents to a rebuild's shards, each to its own (shard k
  // to writer k mod rebuild_writers). With one, the thread reading the store
  // also builds the documents (today's two-thread pipeline); with several,
  // each writer builds its own. The index is the same whatever the number.
  int rebuild_writers = DefaultRebuildWriters();
  // Cited publications remembered while catching up; beyond this, the
  // forward-citation count of every document is checked at the end instead.
  size_t max_tracked_citations = 2'000'000;
};

// Called now and then during an update with the publications indexed so far
// and the number to index: the store's count for a rebuild (an estimate: the
// store may grow meanwhile), `done` itself when unknown (catching up).
using IndexProgressFn = std::function<void(int64_t done, int64_t total)>;

class PatentIndex {
 public:
  // <data_dir>/index.
  static std::filesystem::path IndexDir(const std::filesystem::path& data_dir);

  // Opens the index of `data_dir` for updates, creating an empty one when
  // absent (the data directory must exist). IOError when another process is
  // updating it.
  static Result<PatentIndex> OpenForWriting(const std::filesystem::path& data_dir,
                                            const IndexWriteOptions& options = {});
  // Opens the index for searching. NotFound (with the hint to run
  // `patnav index`) when there is none.
  static Result<PatentIndex> OpenForReading(const std::filesystem::path& data_dir);

  PatentIndex(PatentIndex&&) noexcept;
  PatentIndex& operator=(PatentIndex&&) noexcept;
  // A writer's changes not yet committed when an update failed are committed
  // by Xapian here; they never include the applied sequence, so the next
  // CatchUp redoes them.
  ~PatentIndex();

  // Indexes every stored publication (with its description) into scratch
  // databases beside the index (<data dir>/index.rebuild/) on
  // rebuild_writers threads, compacts them into one (index.new) and replaces
  // the index with it; searches use the old index until then. On any error
  // the scratch is discarded and the old index stays. REQUIRES: opened for
  // writing.
  Result<IndexUpdateStats> Rebuild(PatentStore& store, const IndexProgressFn& progress = {});

  // Brings the index in step with the store: re-indexes the publications
  // changed since the last update, refreshes the forward-citation counts of
  // the publications they cite, and rebuilds instead when the index is new,
  // of another format version, or of another (or a re-created) store.
  // REQUIRES: opened for writing.
  Result<IndexUpdateStats> CatchUp(PatentStore& store, const IndexProgressFn& progress = {});

  // True when CatchUp would change nothing.
  Result<bool> UpToDate(PatentStore& store);

  // The last store change sequence applied; 0 for a new index.
  int64_t applied_sequence() const;
  // Documents in the index.
  Result<int64_t> DocumentCount() const;

  // The database, for searching. Valid while this object lives.
  const Xapian::Database& db() const;

 private:
  struct Rep;
  explicit PatentIndex(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace patnav::index
