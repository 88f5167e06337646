// The durable patent store: one canonical record per publication_number,
// written in batches that are each one transaction, and read back in
// publication_number order for export, statistics and indexing.
//
// Open() returns the embedded implementation: an SQLite database in a data
// directory (docs/formats/store.md). The interface is kept free of SQLite so
// that another backend (PostgreSQL) can implement it later.
//
// Guarantees:
//   - A publication put twice, or from two sources, is one record: Put merges
//     with the stored record (MergeRecords, model/merge.h), nothing duplicated.
//   - A batch is atomic: after a crash (even kill -9) mid-batch the store
//     holds exactly the batches committed before. Re-running an interrupted
//     ingest ends with the records of an uninterrupted run.
//
// Reads (Get, ForEach, Count, Stats) through the handle that has a batch open
// see that batch's writes; every other reader sees committed batches only.
//
// Thread-safety: a PatentStore is not thread-safe; use one from one thread at
// a time. Several processes may open the same store; batches serialize (a
// writer waits up to 10 s for another's batch before failing with IOError).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/legal_event.h"
#include "model/patent_record.h"

namespace patnav {

struct StoreOptions {
  // The data directory. It holds nothing but the database: patnav.db and,
  // while open or after a crash, SQLite's patnav.db-wal and patnav.db-shm.
  std::filesystem::path dir;
  // When the directory or the database is absent: create them (true), or
  // fail with NotFound (false; for read-only commands such as stats).
  bool create_if_missing = true;
  // Page cache of the connection, in bytes. Default 64 MiB.
  int64_t cache_bytes = int64_t{64} << 20;
  // false (default): a committed batch survives a crash of the process; after
  //   a power loss the store is consistent but the latest commits may be gone.
  // true: every commit is synced to disk and survives power loss too (slower).
  bool sync_every_commit = false;
};

// The data directory when none is given: $PATNAV_HOME when set and not empty,
// else ./patnav-data.
std::filesystem::path DefaultStoreDir();

enum class PutOutcome {
  kNew,        // the publication was not in the store
  kMerged,     // it was; the merge added or changed facts
  kUnchanged,  // it was; the merge changed nothing (nothing was written)
};
const char* PutOutcomeName(PutOutcome o);  // "new", "merged", "unchanged"

// (value, count) pairs.
using ValueCounts = std::vector<std::pair<std::string, int64_t>>;

struct StoreStats {
  int64_t publications = 0;
  int64_t with_full_text = 0;  // publications with a stored description
  // Records without the value count under "". by_year (of the publication
  // date) is in ascending year order; the others by count descending, then
  // value ascending.
  ValueCounts by_country;
  ValueCounts by_kind;
  ValueCounts by_year;
  ValueCounts by_format;  // source.format of the stored (merged) record
};

// A publication as the search indexer reads it (ForEachChangedSince).
struct ChangedPublication {
  int64_t id = 0;                 // publications.id: stable for the life of the publication (merges and kind re-keys keep it)
  int64_t change_sequence = 0;    // the change sequence of its last write
  int64_t forward_citations = 0;  // stored publications citing it (ForwardCitationCount)
  const PatentRecord* record = nullptr;  // valid only during the callback
};

// A stored publication in brief: what a list linking to it shows.
struct PublicationBrief {
  std::string publication_number;
  std::string country;
  std::string kind;
  std::string publication_date;  // "" when unknown
  std::string title;             // in the publication's language, else English, else the first
};

// The number a citation is kept under (the citation table's cited_number):
// its publication_number, else country + doc_number + kind.
std::string CitedNumber(const Citation& c);

// Provenance of one ingested input.
struct IngestInfo {
  std::string path;                       // as given on the command line
  std::optional<int64_t> size_bytes;      // when known
  std::optional<int64_t> mtime_unix;      // modification time, seconds since the epoch
  std::string format;                     // detected source format; "" when mixed or unknown
  int64_t records_read = 0;
  int64_t records_new = 0;
  int64_t records_merged = 0;
  int64_t records_unchanged = 0;
  int64_t records_rejected = 0;
  std::string ingested_at;  // set by the store: start of the batch, ISO 8601 UTC
};

class PatentStore {
 public:
  // Opens the store in options.dir, creating the directory and the database
  // when absent (unless !create_if_missing: NotFound), and applies missing
  // schema migrations in one transaction. Unsupported when the database was
  // written by a newer patnav; Corruption when the file is not a patnav store.
  static Result<std::unique_ptr<PatentStore>> Open(const StoreOptions& options);

  // Aborts an open batch.
  virtual ~PatentStore();

  // Starts a batch: every Put and RecordIngest until CommitBatch is one
  // transaction. Waits (up to 10 s) while another process writes.
  // REQUIRES: no batch open (else InvalidArgument).
  virtual Status BeginBatch() = 0;
  // Makes the batch durable. On failure the batch is rolled back (and ended).
  // REQUIRES: a batch open.
  virtual Status CommitBatch() = 0;
  // Discards the batch. REQUIRES: a batch open.
  virtual Status AbortBatch() = 0;
  virtual bool batch_open() const = 0;
  // How much write-ahead log a commit lets grow before it copies the log
  // into the database (a checkpoint: a copy of every page the log holds and
  // two syncs). Default kDefaultCheckpointBytes. A writer that commits many
  // small batches raises it: each batch rewrites in the log the index pages
  // it touched, and a checkpoint copies a page once however often the log
  // holds it, so fewer checkpoints copy and sync far less (app/ingest.cc,
  // while watches follow). The log file is cut back to 64 MiB after each.
  virtual Status SetCheckpointBytes(int64_t bytes) = 0;
  static constexpr int64_t kDefaultCheckpointBytes = int64_t{64} << 20;

  // Stores `r`, merged with the stored record of the same publication_number
  // if there is one. Errors that leave the batch intact (nothing written):
  // InvalidArgument when r.publication_number is empty, Corruption when the
  // stored record of that publication cannot be decoded. After any other
  // error the batch is lost: Put, RecordIngest and CommitBatch return that
  // error (CommitBatch rolls back), AbortBatch ends it.
  // REQUIRES: a batch open.
  virtual Result<PutOutcome> Put(const PatentRecord& r) = 0;

  // Records the ingest of one input, as part of the open batch (call it in
  // the batch that completes the input). REQUIRES: a batch open.
  virtual Status RecordIngest(const IngestInfo& info) = 0;
  // Every recorded ingest, oldest first.
  virtual Result<std::vector<IngestInfo>> Ingests() = 0;

  // The stored record, description included; nullopt when absent.
  virtual Result<std::optional<PatentRecord>> Get(std::string_view publication_number) = 0;
  // The stored record as the canonical JSON object text RecordToJsonLine
  // wrote (no description), without parsing it; nullopt when absent. For
  // readers that only pass the record on (the API's patent page).
  virtual Result<std::optional<std::string>> GetJson(std::string_view publication_number) = 0;

  // Calls fn for every record in publication_number order (byte order),
  // stopping early when fn returns false. Streams: memory does not grow with
  // the store. The record passed is valid only during the call. Descriptions
  // are loaded only when `with_description`.
  // REQUIRES: fn does not call this store.
  virtual Status ForEach(const std::function<bool(const PatentRecord&)>& fn, bool with_description = false) = 0;

  virtual Result<int64_t> Count() = 0;
  virtual Result<StoreStats> Stats() = 0;

  // Verifies the database: page-level integrity and the store's own
  // invariants (every side-table row belongs to a publication, every
  // publication has its record). Corruption describing the first problems.
  virtual Status CheckIntegrity() = 0;

  // ---- Change tracking (for the search index) ----
  // Every batch that writes takes a change sequence larger than that of every
  // batch committed before it, and stamps each publication it writes (new or
  // changed; not unchanged ones) with it.

  // The largest change sequence committed (or written by the open batch);
  // 0 for an empty store.
  virtual Result<int64_t> LastChangeSequence() = 0;
  // A random identifier fixed when the database was created: tells a store
  // from another one re-created at the same place.
  virtual Result<std::string> StoreId() = 0;
  // Calls fn for every publication whose change sequence is > `since`, in
  // (change sequence, id) order — in id order when since == 0 — stopping
  // early when fn returns false. One read snapshot; streams. Descriptions are
  // loaded only when `with_description`. REQUIRES: fn does not call this store.
  virtual Status ForEachChangedSince(int64_t since, const std::function<bool(const ChangedPublication&)>& fn,
                                     bool with_description = true) = 0;
  // The number of distinct stored publications whose citations name
  // `publication_number` exactly (citation.cited_number).
  virtual Result<int64_t> ForwardCitationCount(std::string_view publication_number) = 0;

  // ---- Links between stored publications (publication_links_store.cc) ----

  // The stored publications whose citations name `publication_number`
  // exactly (those ForwardCitationCount counts), in publication_number
  // order, at most `limit` of them (limit >= 0).
  virtual Result<std::vector<PublicationBrief>> CitingPublications(std::string_view publication_number,
                                                                   int64_t limit) = 0;
  // The stored publications of the family `family_id`, in publication_number
  // order; none for "".
  virtual Result<std::vector<PublicationBrief>> FamilyMembers(std::string_view family_id) = 0;
  // The stored publication a citation names: its publication_number exactly
  // when stored, else the one stored of the same country and document number
  // (the kind with the latest publication date; a citation often gives
  // another kind or none). nullopt when neither is stored.
  virtual Result<std::optional<PublicationBrief>> FindCited(const Citation& citation) = 0;

  // ---- Legal events (model/legal_event.h) ----

  // Stores `e`, merged with the stored event of the same EventKey if there is
  // one: the event's facts stay as first stored (an effective date is filled
  // when missing), its sources are unioned. Returns true when the event was
  // new. InvalidArgument (nothing written) when LegalEventProblem(e) is not
  // empty. Events need no stored publication: they wait for it.
  // REQUIRES: a batch open.
  virtual Result<bool> PutLegalEvent(const LegalEvent& e) = 0;
  // The events of `subject` (LegalSubject), and of `application_number` when
  // not empty, by event date then storage order, each with all its sources.
  virtual Result<std::vector<LegalEvent>> LegalEventsOf(std::string_view subject,
                                                        std::string_view application_number = "") = 0;
  virtual Result<int64_t> LegalEventCount() = 0;
  // Legal events in storage order, for watchers that catch up (issue 14):
  // every stored event has an id larger than every event stored before it
  // (ids are never reused; a merge into a stored event keeps its id).
  // LastLegalEventId is the largest id (0 when none); ForEachLegalEventSince
  // calls fn(id, event) for every event with after < id <= through, in id
  // order, each with all its sources (and its reference, conveyance and
  // parties, as LegalEventsOf gives them), stopping early when fn returns
  // false. One read snapshot. REQUIRES: fn does not call this store.
  virtual Result<int64_t> LastLegalEventId() = 0;
  virtual Status ForEachLegalEventSince(int64_t after, int64_t through,
                                        const std::function<bool(int64_t id, const LegalEvent&)>& fn) = 0;
  // The ownership transactions (events with a conveyance) dated `from` to
  // `to` (ISO, inclusive), by date then id, each as ForEachLegalEventSince
  // gives it, stopping early when fn returns false. The cost follows the
  // transactions in the window (an index of them by date), not the store's
  // events. One read snapshot. REQUIRES: fn does not call this store.
  virtual Status ForEachTransferBetween(std::string_view from, std::string_view to,
                                        const std::function<bool(int64_t id, const LegalEvent&)>& fn) = 0;

  // The publication numbers of the publications with an applicant or an
  // assignee whose grouping key (Party::normalized, or NormalizeOrganisation
  // of the name when the reader gave none) is `key`, in storage order; the
  // cost follows the answer (an index of the keys). Records stored before
  // the name's normalisation was written (a reader without keys) are found
  // once ingested again.
  virtual Result<std::vector<std::string>> PublicationsOfParty(std::string_view key) = 0;

  // The schema version of the open database.
  virtual int schema_version() const = 0;

 protected:
  PatentStore() = default;
};

}  // namespace patnav
