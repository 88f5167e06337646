// The embedded PatentStore: one SQLite database (WAL mode) in the data
// directory. Table layout, compression and versioning: docs/formats/store.md.
// Callers use PatentStore::Open; this header is for the store's own tests.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/patent_store.h"
#include "store/sqlite_db.h"
#include "store/zstd_codec.h"

namespace patnav {

class SqliteStore final : public PatentStore {
 public:
  // The database file inside StoreOptions::dir.
  static constexpr const char* kFileName = "patnav.db";

  static Result<std::unique_ptr<SqliteStore>> Open(const StoreOptions& options);
  ~SqliteStore() override;

  Status BeginBatch() override;
  Status CommitBatch() override;
  Status AbortBatch() override;
  bool batch_open() const override { return batch_open_; }
  Status SetCheckpointBytes(int64_t bytes) override;
  Result<PutOutcome> Put(const PatentRecord& r) override;
  Status RecordIngest(const IngestInfo& info) override;
  Result<std::vector<IngestInfo>> Ingests() override;
  Result<std::optional<PatentRecord>> Get(std::string_view publication_number) override;
  Result<std::optional<std::string>> GetJson(std::string_view publication_number) override;
  Status ForEach(const std::function<bool(const PatentRecord&)>& fn, bool with_description = false) override;
  Result<int64_t> Count() override;
  Result<StoreStats> Stats() override;
  Status CheckIntegrity() override;
  int schema_version() const override { return schema_version_; }
  Result<int64_t> LastChangeSequence() override;
  Result<std::string> StoreId() override;
  Status ForEachChangedSince(int64_t since, const std::function<bool(const ChangedPublication&)>& fn,
                             bool with_description = true) override;
  Result<int64_t> ForwardCitationCount(std::string_view publication_number) override;
  Result<std::vector<PublicationBrief>> CitingPublications(std::string_view publication_number,
                                                           int64_t limit) override;  // publication_links_store.cc
  Result<std::vector<PublicationBrief>> FamilyMembers(std::string_view family_id) override;
  Result<std::optional<PublicationBrief>> FindCited(const Citation& citation) override;
  Result<bool> PutLegalEvent(const LegalEvent& e) override;  // legal_event_store.cc
  Result<std::vector<LegalEvent>> LegalEventsOf(std::string_view subject,
                                                std::string_view application_number = "") override;
  Result<int64_t> LegalEventCount() override;
  Result<int64_t> LastLegalEventId() override;  // legal_event_store.cc
  Status ForEachLegalEventSince(int64_t after, int64_t through,
                                const std::function<bool(int64_t id, const LegalEvent&)>& fn) override;
  Status ForEachTransferBetween(std::string_view from, std::string_view to,
                                const std::function<bool(int64_t id, const LegalEvent&)>& fn) override;
  Result<std::vector<std::string>> PublicationsOfParty(std::string_view key) override;

  // The connection, for tests that inspect tables directly.
  SqliteDb& db() { return *db_; }

 private:
  struct Stored {
    int64_t id;
    PatentRecord record;
  };

  SqliteStore(std::unique_ptr<SqliteDb> db, int schema_version);
  Status PrepareStatements();
  // Sets *writing once it starts changing the database.
  Result<PutOutcome> PutInBatch(const PatentRecord& r, bool* writing);
  Result<std::optional<Stored>> Find(std::string_view publication_number, bool with_description);
  // The stored publication_number of the same country and doc_number whose
  // kind is of the same family as r.kind ("B" and "B2"), if any.
  Result<std::optional<std::string>> FindKindSibling(const PatentRecord& r);
  // Writes `r` as a new publication, or over the one with `existing_id`.
  Status Write(const PatentRecord& r, std::optional<int64_t> existing_id);
  Status WriteSideRows(int64_t id, const PatentRecord& r);
  // Decodes a stored record blob (and description blob, when not null).
  Result<PatentRecord> Decode(std::string_view record_blob, const std::string_view* description_blob);
  // Runs fn inside a read transaction unless a batch is open.
  Status InSnapshot(const std::function<Status()>& fn);

  std::unique_ptr<SqliteDb> db_;
  const int schema_version_;
  bool batch_open_ = false;
  Status batch_error_;         // set when a failure may have left the batch half-written
  std::string batch_time_;     // ISO 8601 UTC, taken at BeginBatch
  int64_t batch_sequence_ = 0; // change sequence of the open batch, taken at BeginBatch

  // zstd level 1: on patent prose it compresses within 3% of level 3 and
  // ~25% faster, which is most of a full-text Put's time.
  ZstdCodec codec_{1};
  std::string json_, blob_, text_;  // scratch buffers reused across calls

  // Cached prepared statements; declared after db_ so they finalize first.
  Statement find_;
  Statement find_kinds_;
  Statement rekey_;
  Statement insert_publication_;
  Statement update_publication_;
  Statement put_record_;
  Statement put_description_;
  Statement delete_description_;
  Statement delete_parties_;
  Statement delete_classes_;
  Statement delete_citations_;
  Statement insert_party_;
  Statement insert_class_;
  Statement insert_citation_;
  Statement insert_ingest_;
  Statement forward_citations_;
  // Legal events: prepared on first use (legal_event_store.cc).
  Status PrepareEventStatements();
  bool prepared_events_ = false;
  Statement find_event_;
  Statement insert_event_;
  Statement fill_event_effective_;
  Statement insert_event_source_;
  Statement insert_event_party_;
};

}  // namespace patnav
