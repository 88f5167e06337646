// The embedded PatentStore on SQLite.
#include "store/sqlite_store.h"

#include <algorithm>
#include <ctime>
#include <system_error>

#include "model/merge.h"
#include "model/party.h"
#include "model/record_json.h"
#include "store/migrations.h"

namespace patnav {

namespace {

constexpr int kBusyTimeoutMs = 10'000;

std::string NowIso8601Utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The title in the publication's language, else English, else the first.
std::string_view MainTitle(const PatentRecord& r) {
  if (auto it = r.title.find(r.language); it != r.title.end() && !it->second.empty()) return it->second;
  if (auto it = r.title.find("en"); it != r.title.end() && !it->second.empty()) return it->second;
  for (const auto& [lang, text] : r.title) if (!text.empty()) return text;
  return {};
}


constexpr const char* kFindSql =
    "SELECT p.id, r.record, d.description FROM publications p "
    "JOIN publication_record r ON r.pub_id = p.id "
    "LEFT JOIN publication_description d ON d.pub_id = p.id "
    "WHERE p.publication_number = ?1";

// Both bind ?2..?17 to the facts (BindFacts), ?18 to the batch time and ?19
// to the batch's change sequence.
constexpr const char* kInsertPublicationSql =
    "INSERT INTO publications(publication_number, country, doc_number, kind, publication_date, filing_date, "
    "priority_date, grant_date, application_number, family_id, language, title, ipc_main, claims_count, "
    "description_chars, full_text, source_format, ingested_at, updated_at, change_seq) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19)";
constexpr const char* kUpdatePublicationSql =
    "UPDATE publications SET country = ?2, doc_number = ?3, kind = ?4, publication_date = ?5, filing_date = ?6, "
    "priority_date = ?7, grant_date = ?8, application_number = ?9, family_id = ?10, language = ?11, title = ?12, "
    "ipc_main = ?13, claims_count = ?14, description_chars = ?15, full_text = ?16, source_format = ?17, "
    "updated_at = ?18, change_seq = ?19 WHERE id = ?1";

void BindFacts(Statement& s, const PatentRecord& r) {
  s.BindText(2, r.country);
  s.BindText(3, r.doc_number);
  s.BindText(4, r.kind);
  s.BindTextOrNull(5, r.publication_date);
  s.BindTextOrNull(6, r.filing_date);
  s.BindTextOrNull(7, r.priority_date);
  s.BindTextOrNull(8, r.grant_date);
  s.BindTextOrNull(9, r.application_number);
  s.BindTextOrNull(10, r.family_id);
  s.BindTextOrNull(11, r.language);
  s.BindTextOrNull(12, MainTitle(r));
  s.BindTextOrNull(13, r.ipc.empty() ? std::string_view() : std::string_view(r.ipc.front()));
  if (r.claims_count) s.BindInt64(14, *r.claims_count); else s.BindNull(14);
  if (r.description_chars) s.BindInt64(15, *r.description_chars); else s.BindNull(15);
  s.BindInt64(16, r.description.empty() ? 0 : 1);
  s.BindTextOrNull(17, r.source.format);
}

// ?1: the sequence changes are wanted after. The last column counts forward
// citations through the citation_cited index.
constexpr const char* kChangedColumns =
    "SELECT p.id, p.change_seq, r.record, %s, "
    "(SELECT count(DISTINCT c.pub_id) FROM citation c WHERE c.cited_number = p.publication_number) "
    "FROM publications p JOIN publication_record r ON r.pub_id = p.id %s";

constexpr const char* kForEachSql =
    "SELECT r.record FROM publications p JOIN publication_record r ON r.pub_id = p.id "
    "ORDER BY p.publication_number";
constexpr const char* kForEachWithDescriptionSql =
    "SELECT r.record, d.description FROM publications p JOIN publication_record r ON r.pub_id = p.id "
    "LEFT JOIN publication_description d ON d.pub_id = p.id ORDER BY p.publication_number";

Result<ValueCounts> QueryCounts(SqliteDb& db, const char* sql) {
  ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
  ValueCounts out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(std::string(s.ColumnText(0)), s.ColumnInt64(1));
  }
}

}  // namespace

std::string CitedNumber(const Citation& c) {
  return c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number;
}

// ---- Open ----

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const StoreOptions& options) {
  namespace fs = std::filesystem;
  if (options.dir.empty()) return Status::InvalidArgument("no store directory given");
  std::error_code ec;
  if (!fs::exists(options.dir, ec)) {
    if (!options.create_if_missing) return Status::NotFound("no patnav store at " + options.dir.string());
    fs::create_directories(options.dir, ec);
    if (ec) return Status::IOError("cannot create " + options.dir.string() + ": " + ec.message());
  } else if (!fs::is_directory(options.dir, ec)) {
    return Status::InvalidArgument(options.dir.string() + " is not a directory");
  }
  const fs::path file = options.dir / kFileName;
  if (!options.create_if_missing && !fs::exists(file, ec))
    return Status::NotFound("no patnav store at " + options.dir.string());

  ASSIGN_OR_RETURN(std::unique_ptr<SqliteDb> db, SqliteDb::Open(file, options.create_if_missing));
  RETURN_IF_ERROR(db->Exec("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs)));
  // Before anything that writes: never touch another application's database.
  RETURN_IF_ERROR(CheckIsPatnavStore(*db));
  {
    ASSIGN_OR_RETURN(Statement s, db->Prepare("PRAGMA journal_mode = WAL"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row || s.ColumnText(0) != "wal")
      return Status::IOError(file.string() + ": cannot switch to WAL mode");
  }
  RETURN_IF_ERROR(db->Exec(options.sync_every_commit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"));
  RETURN_IF_ERROR(db->Exec("PRAGMA cache_size = -" + std::to_string(std::max<int64_t>(options.cache_bytes >> 10, 64))));
  // -wal cut back to 64 MiB after a checkpoint.
  RETURN_IF_ERROR(db->Exec("PRAGMA journal_size_limit = 67108864"));
  ASSIGN_OR_RETURN(int version, ApplyMigrations(*db, StoreMigrations()));

  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db), version));
  // Checkpoint every 64 MiB of WAL rather than 4 MiB: fewer syncs and copies
  // during an ingest (+5% throughput).
  RETURN_IF_ERROR(store->SetCheckpointBytes(kDefaultCheckpointBytes));
  RETURN_IF_ERROR(store->PrepareStatements());
  return store;
}

SqliteStore::SqliteStore(std::unique_ptr<SqliteDb> db, int schema_version)
    : db_(std::move(db)), schema_version_(schema_version) {}

SqliteStore::~SqliteStore() {
  if (batch_open_) (void)db_->Exec("ROLLBACK");
}

Status SqliteStore::PrepareStatements() {
  struct {
    Statement* stmt;
    const char* sql;
  } const all[] = {
      {&find_, kFindSql},
      {&insert_publication_, kInsertPublicationSql},
      {&update_publication_, kUpdatePublicationSql},
      {&find_kinds_, "SELECT publication_number, kind FROM publications WHERE country = ?1 AND doc_number = ?2"},
      {&rekey_, "UPDATE publications SET publication_number = ?2, kind = ?3 WHERE id = ?1"},
      {&put_record_, "INSERT OR REPLACE INTO publication_record(pub_id, record) VALUES (?1, ?2)"},
      {&put_description_, "INSERT OR REPLACE INTO publication_description(pub_id, description) VALUES (?1, ?2)"},
      {&delete_description_, "DELETE FROM publication_description WHERE pub_id = ?1"},
      {&delete_parties_, "DELETE FROM publication_party WHERE pub_id = ?1"},
      {&delete_classes_, "DELETE FROM publication_class WHERE pub_id = ?1"},
      {&delete_citations_, "DELETE FROM citation WHERE pub_id = ?1"},
      {&insert_party_,
       "INSERT INTO publication_party(pub_id, role, position, name, normalized, type, country, city) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
      {&insert_class_, "INSERT INTO publication_class(pub_id, scheme, position, symbol) VALUES (?1, ?2, ?3, ?4)"},
      {&insert_citation_,
       "INSERT INTO citation(pub_id, position, cited_number, category) VALUES (?1, ?2, ?3, ?4)"},
      {&forward_citations_, "SELECT count(DISTINCT pub_id) FROM citation WHERE cited_number = ?1"},
      {&insert_ingest_,
       "INSERT INTO ingest(path, size_bytes, mtime_unix, format, records_read, records_new, records_merged, "
       "records_unchanged, records_rejected, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
  };
  for (const auto& s : all) {
    ASSIGN_OR_RETURN(*s.stmt, db_->Prepare(s.sql));
  }
  return Status::OK();
}

// ---- Batches ----

Status SqliteStore::BeginBatch() {
  if (batch_open_) return Status::InvalidArgument("BeginBatch: a batch is already open");
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  batch_open_ = true;
  batch_error_ = Status::OK();
  batch_time_ = NowIso8601Utc();
  // Taken inside the write lock, so sequences grow in commit order.
  Result<int64_t> last = LastChangeSequence();
  if (!last.ok()) {
    (void)db_->Exec("ROLLBACK");
    batch_open_ = false;
    return last.status();
  }
  batch_sequence_ = *last + 1;
  return Status::OK();
}

Status SqliteStore::SetCheckpointBytes(int64_t bytes) {
  if (bytes < 1) return Status::InvalidArgument("checkpoint bytes: must be positive");
  // wal_autocheckpoint counts pages of the store's page size.
  ASSIGN_OR_RETURN(int64_t page_size, db_->QueryInt64("PRAGMA page_size"));
  const int64_t pages = std::max<int64_t>(1, bytes / std::max<int64_t>(page_size, 512));
  return db_->Exec("PRAGMA wal_autocheckpoint = " + std::to_string(pages));
}

Status SqliteStore::CommitBatch() {
  if (!batch_open_) return Status::InvalidArgument("CommitBatch: no batch open");
  if (!batch_error_.ok()) {
    Status failed = batch_error_;
    (void)AbortBatch();
    return failed;
  }
  Status st = db_->Exec("COMMIT");
  if (!st.ok()) {
    if (db_->InTransaction()) (void)db_->Exec("ROLLBACK");
    batch_open_ = false;
    return st;
  }
  batch_open_ = false;
  return Status::OK();
}

Status SqliteStore::AbortBatch() {
  if (!batch_open_) return Status::InvalidArgument("AbortBatch: no batch open");
  batch_open_ = false;
  // SQLite may already have rolled back by itself after some errors.
  if (!db_->InTransaction()) return Status::OK();
  return db_->Exec("ROLLBACK");
}

// ---- Writing ----

Result<PutOutcome> SqliteStore::Put(const PatentRecord& r) {
  if (!batch_open_) return Status::InvalidArgument("Put: no batch open");
  if (!batch_error_.ok()) return batch_error_;
  if (r.publication_number.empty()) return Status::InvalidArgument("Put: record has no publication_number");
  bool writing = false;
  Result<PutOutcome> out = PutInBatch(r, &writing);
  // A failure before the first write leaves the batch intact, unless SQLite
  // ended the transaction itself (it does after some I/O errors).
  if (!out.ok() && (writing || !db_->InTransaction())) batch_error_ = out.status();
  return out;
}

// Kind codes that name the same publication when one source knows only the
// kind's letter: PatentsView cannot tell B1 from B2 and writes "B"; a stored
// US10002222B2 and an incoming US10002222B are one patent.
static bool SameKindFamily(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  return a.size() == 1 && b.size() == 2 && a[0] == b[0];
}

Result<std::optional<std::string>> SqliteStore::FindKindSibling(const PatentRecord& r) {
  ScopedReset reset(find_kinds_);
  find_kinds_.BindText(1, r.country);
  find_kinds_.BindText(2, r.doc_number);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, find_kinds_.Step());
    if (!row) return std::optional<std::string>();
    if (SameKindFamily(find_kinds_.ColumnText(1), r.kind)) return std::optional<std::string>(std::string(find_kinds_.ColumnText(0)));
  }
}

Result<PutOutcome> SqliteStore::PutInBatch(const PatentRecord& r, bool* writing) {
  ASSIGN_OR_RETURN(std::optional<Stored> existing, Find(r.publication_number, /*with_description=*/true));
  if (!existing && r.kind.size() <= 2) {
    ASSIGN_OR_RETURN(std::optional<std::string> sibling, FindKindSibling(r));
    if (sibling) {
      ASSIGN_OR_RETURN(std::optional<Stored> stored, Find(*sibling, /*with_description=*/true));
      if (stored) {
        // The merged record keeps the more precise kind, whichever side has it.
        const bool incoming_precise = r.kind.size() > stored->record.kind.size();
        PatentRecord merged = MergeRecords(stored->record, r);
        merged.kind = incoming_precise ? r.kind : stored->record.kind;
        merged.publication_number = merged.country + merged.doc_number + merged.kind;
        if (!incoming_precise && SameFacts(merged, stored->record)) return PutOutcome::kUnchanged;
        *writing = true;
        if (incoming_precise) {
          ScopedReset reset(rekey_);
          rekey_.BindInt64(1, stored->id);
          rekey_.BindText(2, merged.publication_number);
          rekey_.BindText(3, merged.kind);
          RETURN_IF_ERROR(rekey_.Run());
        }
        RETURN_IF_ERROR(Write(merged, stored->id));
        return PutOutcome::kMerged;
      }
    }
  }
  if (!existing) {
    *writing = true;
    RETURN_IF_ERROR(Write(r, std::nullopt));
    return PutOutcome::kNew;
  }
  PatentRecord merged = MergeRecords(existing->record, r);
  if (SameFacts(merged, existing->record)) return PutOutcome::kUnchanged;
  *writing = true;
  RETURN_IF_ERROR(Write(merged, existing->id));
  return PutOutcome::kMerged;
}

Status SqliteStore::Write(const PatentRecord& r, std::optional<int64_t> existing_id) {
  int64_t id = 0;
  if (existing_id) {
    id = *existing_id;
    ScopedReset reset(update_publication_);
    update_publication_.BindInt64(1, id);
    BindFacts(update_publication_, r);
    update_publication_.BindText(18, batch_time_);
    update_publication_.BindInt64(19, batch_sequence_);
    RETURN_IF_ERROR(update_publication_.Run());
  } else {
    ScopedReset reset(insert_publication_);
    insert_publication_.BindText(1, r.publication_number);
    BindFacts(insert_publication_, r);
    insert_publication_.BindText(18, batch_time_);
    insert_publication_.BindInt64(19, batch_sequence_);
    RETURN_IF_ERROR(insert_publication_.Run());
    id = db_->LastInsertRowid();
  }
  {
    json_ = RecordToJsonLine(r);
    RETURN_IF_ERROR(codec_.Compress(json_, &blob_));
    ScopedReset reset(put_record_);
    put_record_.BindInt64(1, id);
    put_record_.BindBlob(2, blob_);
    RETURN_IF_ERROR(put_record_.Run());
  }
  if (!r.description.empty()) {
    RETURN_IF_ERROR(codec_.Compress(r.description, &blob_));
    ScopedReset reset(put_description_);
    put_description_.BindInt64(1, id);
    put_description_.BindBlob(2, blob_);
    RETURN_IF_ERROR(put_description_.Run());
  } else if (existing_id) {
    ScopedReset reset(delete_description_);
    delete_description_.BindInt64(1, id);
    RETURN_IF_ERROR(delete_description_.Run());
  }
  if (existing_id) {
    for (Statement* s : {&delete_parties_, &delete_classes_, &delete_citations_}) {
      ScopedReset reset(*s);
      s->BindInt64(1, id);
      RETURN_IF_ERROR(s->Run());
    }
  }
  return WriteSideRows(id, r);
}

Status SqliteStore::WriteSideRows(int64_t id, const PatentRecord& r) {
  const std::pair<const char*, const std::vector<Party>*> roles[] = {
      {"applicant", &r.applicants}, {"assignee", &r.assignees}, {"inventor", &r.inventors}};
  for (const auto& [role, parties] : roles) {
    int64_t position = 0;
    for (const Party& p : *parties) {
      Statement& s = insert_party_;
      ScopedReset reset(s);
      s.BindInt64(1, id);
      s.BindText(2, role);
      s.BindInt64(3, position++);
      s.BindText(4, p.name);
      // The grouping key as the index makes it (a reader that gave none:
      // the name normalised), so PublicationsOfParty finds every record.
      // Bound without a copy: it must outlive the Run below.
      const std::string key = p.normalized.empty() ? NormalizeOrganisation(p.name) : p.normalized;
      s.BindTextOrNull(5, key);
      s.BindTextOrNull(6, PartyTypeName(p.type));
      s.BindTextOrNull(7, p.country);
      s.BindTextOrNull(8, p.city);
      RETURN_IF_ERROR(s.Run());
    }
  }
  const std::pair<const char*, const std::vector<std::string>*> schemes[] = {
      {"ipc", &r.ipc}, {"cpc", &r.cpc}, {"national", &r.national_classes}};
  for (const auto& [scheme, symbols] : schemes) {
    int64_t position = 0;
    for (const std::string& symbol : *symbols) {
      Statement& s = insert_class_;
      ScopedReset reset(s);
      s.BindInt64(1, id);
      s.BindText(2, scheme);
      s.BindInt64(3, position++);
      s.BindText(4, symbol);
      RETURN_IF_ERROR(s.Run());
    }
  }
  int64_t position = 0;
  for (const Citation& c : r.citations) {
    const std::string cited = CitedNumber(c);
    Statement& s = insert_citation_;
    ScopedReset reset(s);
    s.BindInt64(1, id);
    s.BindInt64(2, position++);
    s.BindText(3, cited);
    s.BindTextOrNull(4, c.category);
    RETURN_IF_ERROR(s.Run());
  }
  return Status::OK();
}

Status SqliteStore::RecordIngest(const IngestInfo& info) {
  if (!batch_open_) return Status::InvalidArgument("RecordIngest: no batch open");
  if (!batch_error_.ok()) return batch_error_;
  Statement& s = insert_ingest_;
  ScopedReset reset(s);
  s.BindText(1, info.path);
  if (info.size_bytes) s.BindInt64(2, *info.size_bytes); else s.BindNull(2);
  if (info.mtime_unix) s.BindInt64(3, *info.mtime_unix); else s.BindNull(3);
  s.BindTextOrNull(4, info.format);
  s.BindInt64(5, info.records_read);
  s.BindInt64(6, info.records_new);
  s.BindInt64(7, info.records_merged);
  s.BindInt64(8, info.records_unchanged);
  s.BindInt64(9, info.records_rejected);
  s.BindText(10, batch_time_);
  Status st = s.Run();
  if (!st.ok()) batch_error_ = st;
  return st;
}

// ---- Reading ----

Result<PatentRecord> SqliteStore::Decode(std::string_view record_blob, const std::string_view* description_blob) {
  RETURN_IF_ERROR(codec_.Decompress(record_blob, &text_));
  Result<PatentRecord> r = RecordFromJsonText(text_);
  if (!r.ok()) return Status::Corruption("stored record: " + r.status().message());
  if (description_blob) RETURN_IF_ERROR(codec_.Decompress(*description_blob, &r->description));
  return r;
}

Result<std::optional<SqliteStore::Stored>> SqliteStore::Find(std::string_view publication_number,
                                                             bool with_description) {
  ScopedReset reset(find_);
  find_.BindText(1, publication_number);
  ASSIGN_OR_RETURN(bool row, find_.Step());
  if (!row) return std::optional<Stored>();
  std::string_view description;
  const bool has_description = with_description && !find_.ColumnIsNull(2);
  if (has_description) description = find_.ColumnBlob(2);
  ASSIGN_OR_RETURN(PatentRecord record, Decode(find_.ColumnBlob(1), has_description ? &description : nullptr));
  return std::optional<Stored>(Stored{find_.ColumnInt64(0), std::move(record)});
}

Result<std::optional<PatentRecord>> SqliteStore::Get(std::string_view publication_number) {
  ASSIGN_OR_RETURN(std::optional<Stored> stored, Find(publication_number, /*with_description=*/true));
  if (!stored) return std::optional<PatentRecord>();
  return std::optional<PatentRecord>(std::move(stored->record));
}

Result<std::optional<std::string>> SqliteStore::GetJson(std::string_view publication_number) {
  ScopedReset reset(find_);
  find_.BindText(1, publication_number);
  ASSIGN_OR_RETURN(bool row, find_.Step());
  if (!row) return std::optional<std::string>();
  std::string text;
  RETURN_IF_ERROR(codec_.Decompress(find_.ColumnBlob(1), &text));
  return std::optional<std::string>(std::move(text));
}

Status SqliteStore::ForEach(const std::function<bool(const PatentRecord&)>& fn, bool with_description) {
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(with_description ? kForEachWithDescriptionSql : kForEachSql));
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    std::string_view description;
    const bool has_description = with_description && !s.ColumnIsNull(1);
    if (has_description) description = s.ColumnBlob(1);
    ASSIGN_OR_RETURN(PatentRecord r, Decode(s.ColumnBlob(0), has_description ? &description : nullptr));
    if (!fn(r)) return Status::OK();
  }
}

Status SqliteStore::ForEachChangedSince(int64_t since, const std::function<bool(const ChangedPublication&)>& fn,
                                        bool with_description) {
  std::string sql = kChangedColumns;
  auto fill = [&sql](const char* what) { sql.replace(sql.find("%s"), 2, what); };
  fill(with_description ? "d.description" : "NULL");
  fill(with_description ? (since == 0 ? "LEFT JOIN publication_description d ON d.pub_id = p.id ORDER BY p.id"
                                      : "LEFT JOIN publication_description d ON d.pub_id = p.id "
                                        "WHERE p.change_seq > ?1 ORDER BY p.change_seq, p.id")
                        : (since == 0 ? "ORDER BY p.id" : "WHERE p.change_seq > ?1 ORDER BY p.change_seq, p.id"));
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(sql));
  if (since != 0) s.BindInt64(1, since);
  ChangedPublication change;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    std::string_view description;
    const bool has_description = with_description && !s.ColumnIsNull(3);
    if (has_description) description = s.ColumnBlob(3);
    ASSIGN_OR_RETURN(PatentRecord r, Decode(s.ColumnBlob(2), has_description ? &description : nullptr));
    change.id = s.ColumnInt64(0);
    change.change_sequence = s.ColumnInt64(1);
    change.forward_citations = s.ColumnInt64(4);
    change.record = &r;
    if (!fn(change)) return Status::OK();
  }
}

Result<int64_t> SqliteStore::LastChangeSequence() {
  return db_->QueryInt64("SELECT coalesce(max(change_seq), 0) FROM publications");
}

Result<std::string> SqliteStore::StoreId() {
  ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT value FROM meta WHERE key = 'store_id'"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Corruption(db_->file().string() + ": meta has no store_id");
  return std::string(s.ColumnText(0));
}

Result<std::vector<std::string>> SqliteStore::PublicationsOfParty(std::string_view key) {
  ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT DISTINCT p.id, p.publication_number FROM publication_party pp "
                                             "JOIN publications p ON p.id = pp.pub_id WHERE pp.normalized = ?1 "
                                             "AND pp.role IN ('applicant', 'assignee') ORDER BY p.id"));
  ScopedReset reset(s);
  s.BindText(1, key);
  std::vector<std::string> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.emplace_back(s.ColumnText(1));
  }
  return out;
}

Result<int64_t> SqliteStore::ForwardCitationCount(std::string_view publication_number) {
  ScopedReset reset(forward_citations_);
  forward_citations_.BindText(1, publication_number);
  ASSIGN_OR_RETURN(bool row, forward_citations_.Step());
  if (!row) return Status::Internal("no result from the forward citation count");
  return forward_citations_.ColumnInt64(0);
}

Status SqliteStore::InSnapshot(const std::function<Status()>& fn) {
  if (batch_open_) return fn();
  RETURN_IF_ERROR(db_->Exec("BEGIN"));
  Status st = fn();
  Status end = db_->Exec(st.ok() ? "COMMIT" : "ROLLBACK");
  return st.ok() ? end : st;
}

Result<int64_t> SqliteStore::Count() { return db_->QueryInt64("SELECT count(*) FROM publications"); }

Result<StoreStats> SqliteStore::Stats() {
  StoreStats stats;
  Status st = InSnapshot([&]() -> Status {
    {
      ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT count(*), coalesce(sum(full_text), 0) FROM publications"));
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) return Status::Internal("no result from count");
      stats.publications = s.ColumnInt64(0);
      stats.with_full_text = s.ColumnInt64(1);
    }
    ASSIGN_OR_RETURN(stats.by_country,
                     QueryCounts(*db_, "SELECT country, count(*) FROM publications GROUP BY 1 ORDER BY 2 DESC, 1"));
    ASSIGN_OR_RETURN(stats.by_kind,
                     QueryCounts(*db_, "SELECT kind, count(*) FROM publications GROUP BY 1 ORDER BY 2 DESC, 1"));
    ASSIGN_OR_RETURN(stats.by_year, QueryCounts(*db_,
                                                "SELECT coalesce(substr(publication_date, 1, 4), ''), count(*) "
                                                "FROM publications GROUP BY 1 ORDER BY 1"));
    ASSIGN_OR_RETURN(stats.by_format, QueryCounts(*db_,
                                                  "SELECT coalesce(source_format, ''), count(*) FROM publications "
                                                  "GROUP BY 1 ORDER BY 2 DESC, 1"));
    return Status::OK();
  });
  if (!st.ok()) return st;
  return stats;
}

Result<std::vector<IngestInfo>> SqliteStore::Ingests() {
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(
                                    "SELECT path, size_bytes, mtime_unix, format, records_read, records_new, "
                                    "records_merged, records_unchanged, records_rejected, ingested_at "
                                    "FROM ingest ORDER BY id"));
  std::vector<IngestInfo> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    IngestInfo i;
    i.path = s.ColumnText(0);
    if (!s.ColumnIsNull(1)) i.size_bytes = s.ColumnInt64(1);
    if (!s.ColumnIsNull(2)) i.mtime_unix = s.ColumnInt64(2);
    i.format = s.ColumnText(3);
    i.records_read = s.ColumnInt64(4);
    i.records_new = s.ColumnInt64(5);
    i.records_merged = s.ColumnInt64(6);
    i.records_unchanged = s.ColumnInt64(7);
    i.records_rejected = s.ColumnInt64(8);
    i.ingested_at = s.ColumnText(9);
    out.push_back(std::move(i));
  }
}

Status SqliteStore::CheckIntegrity() {
  std::string problems;
  {
    ASSIGN_OR_RETURN(Statement s, db_->Prepare("PRAGMA integrity_check(20)"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      if (s.ColumnText(0) != "ok") problems += std::string(s.ColumnText(0)) + "; ";
    }
  }
  {
    ASSIGN_OR_RETURN(Statement s, db_->Prepare("PRAGMA foreign_key_check"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) problems += "a row of " + std::string(s.ColumnText(0)) + " belongs to no publication; ";
  }
  {
    ASSIGN_OR_RETURN(int64_t n, db_->QueryInt64(
                                    "SELECT count(*) FROM publications p WHERE NOT EXISTS "
                                    "(SELECT 1 FROM publication_record r WHERE r.pub_id = p.id)"));
    if (n) problems += std::to_string(n) + " publications without a record; ";
  }
  {
    ASSIGN_OR_RETURN(int64_t n, db_->QueryInt64(
                                    "SELECT count(*) FROM publications p WHERE full_text != EXISTS "
                                    "(SELECT 1 FROM publication_description d WHERE d.pub_id = p.id)"));
    if (n) problems += std::to_string(n) + " publications whose full_text flag is wrong; ";
  }
  if (problems.empty()) return Status::OK();
  problems.resize(problems.size() - 2);
  return Status::Corruption(db_->file().string() + ": " + problems);
}

}  // namespace patnav
