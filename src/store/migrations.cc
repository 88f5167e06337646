// The store's migrations. Append new steps at the end; never edit a step that
// has shipped (databases in the field have already applied it).
//
// Note: CHECK constraints spell value sets with OR, not IN (...): SQLite 3.40
// builds an ephemeral table for an IN list on every row inserted, which made
// side-table inserts twice as slow.
#include "store/migrations.h"

#include <string>

namespace patnav {

namespace {

// "pnav": marks the SQLite file as a patnav store (PRAGMA application_id).
constexpr int64_t kApplicationId = 0x706E6176;

constexpr Migration kMigrations[] = {
    {1, "publications, canonical records, descriptions, parties, classes, citations, ingests",
     R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE publications(
  id                 INTEGER PRIMARY KEY,
  publication_number TEXT NOT NULL UNIQUE,
  country            TEXT NOT NULL,
  doc_number         TEXT NOT NULL,
  kind               TEXT NOT NULL,
  publication_date   TEXT,
  filing_date        TEXT,
  priority_date      TEXT,
  grant_date         TEXT,
  application_number TEXT,
  family_id          TEXT,
  language           TEXT,
  title              TEXT,
  ipc_main           TEXT,
  claims_count       INTEGER,
  description_chars  INTEGER,
  full_text          INTEGER NOT NULL,
  source_format      TEXT,
  ingested_at        TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX publications_country_date ON publications(country, publication_date);
CREATE INDEX publications_doc ON publications(country, doc_number);
CREATE INDEX publications_family ON publications(family_id) WHERE family_id IS NOT NULL;
CREATE INDEX publications_application ON publications(application_number) WHERE application_number IS NOT NULL;

CREATE TABLE publication_record(
  pub_id INTEGER PRIMARY KEY REFERENCES publications(id),
  record BLOB NOT NULL
);

CREATE TABLE publication_description(
  pub_id      INTEGER PRIMARY KEY REFERENCES publications(id),
  description BLOB NOT NULL
);

CREATE TABLE publication_party(
  pub_id     INTEGER NOT NULL REFERENCES publications(id),
  role       TEXT NOT NULL CHECK (role = 'applicant' OR role = 'assignee' OR role = 'inventor'),
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  normalized TEXT,
  type       TEXT,
  country    TEXT,
  city       TEXT,
  PRIMARY KEY (pub_id, role, position)
) WITHOUT ROWID;
CREATE INDEX publication_party_normalized ON publication_party(normalized, role) WHERE normalized IS NOT NULL;

CREATE TABLE publication_class(
  pub_id   INTEGER NOT NULL REFERENCES publications(id),
  scheme   TEXT NOT NULL CHECK (scheme = 'ipc' OR scheme = 'cpc' OR scheme = 'national'),
  position INTEGER NOT NULL,
  symbol   TEXT NOT NULL,
  PRIMARY KEY (pub_id, scheme, position)
) WITHOUT ROWID;
CREATE INDEX publication_class_symbol ON publication_class(symbol, scheme);

CREATE TABLE citation(
  pub_id       INTEGER NOT NULL REFERENCES publications(id),
  position     INTEGER NOT NULL,
  cited_number TEXT NOT NULL,
  category     TEXT,
  PRIMARY KEY (pub_id, position)
) WITHOUT ROWID;
CREATE INDEX citation_cited ON citation(cited_number);

CREATE TABLE ingest(
  id                INTEGER PRIMARY KEY,
  path              TEXT NOT NULL,
  size_bytes        INTEGER,
  mtime_unix        INTEGER,
  format            TEXT,
  records_read      INTEGER NOT NULL,
  records_new       INTEGER NOT NULL,
  records_merged    INTEGER NOT NULL,
  records_unchanged INTEGER NOT NULL,
  records_rejected  INTEGER NOT NULL,
  ingested_at       TEXT NOT NULL
);
CREATE INDEX ingest_path ON ingest(path);
)sql"},
    {2, "change sequence of every publication write and the store's id (for the search index)",
     R"sql(
ALTER TABLE publications ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
UPDATE publications SET change_seq = 1;
CREATE INDEX publications_change_seq ON publications(change_seq);
INSERT OR REPLACE INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
)sql"},
    {3, "legal events of patents, one row per event whatever the number of sources reporting it",
     R"sql(
CREATE TABLE legal_event(
  id                 INTEGER PRIMARY KEY,
  event_key          TEXT NOT NULL UNIQUE,
  subject            TEXT NOT NULL,
  application_number TEXT,
  territory          TEXT NOT NULL,
  event_date         TEXT NOT NULL,
  effective_date     TEXT,
  inpadoc_office     TEXT,
  inpadoc_code       TEXT,
  event_class        TEXT,
  influence          TEXT
);
CREATE INDEX legal_event_subject ON legal_event(subject, event_date);
CREATE INDEX legal_event_application ON legal_event(application_number) WHERE application_number IS NOT NULL;

CREATE TABLE legal_event_source(
  event_id INTEGER NOT NULL REFERENCES legal_event(id),
  format   TEXT NOT NULL,
  code     TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (event_id, format, code)
) WITHOUT ROWID;
)sql"},
    {4, "ownership transactions: the record reference and conveyance of an event, and its parties",
     R"sql(
ALTER TABLE legal_event ADD COLUMN reference TEXT;
ALTER TABLE legal_event ADD COLUMN conveyance TEXT;

CREATE TABLE legal_event_party(
  event_id INTEGER NOT NULL REFERENCES legal_event(id),
  seq      INTEGER NOT NULL,
  role     TEXT NOT NULL,
  name     TEXT NOT NULL,
  date     TEXT,
  address  TEXT,
  PRIMARY KEY (event_id, seq)
) WITHOUT ROWID;
)sql"},
    {5, "ownership transactions by date (the competitor dashboard reads a window of them)",
     R"sql(
CREATE INDEX legal_event_transfer_date ON legal_event(event_date) WHERE conveyance IS NOT NULL;
)sql"},
};

Result<bool> TableExists(SqliteDb& db, const char* name) {
  ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1"));
  s.BindText(1, name);
  return s.Step();
}

Status NotOfKind(SqliteDb& db, const SchemaKind& kind) {
  return Status::Corruption(db.file().string() + " is an SQLite database but not a " + kind.name);
}

// The version recorded in `db`: 0 for an empty database.
Result<int> ReadVersion(SqliteDb& db, const SchemaKind& kind) {
  RETURN_IF_ERROR(CheckSchemaKind(db, kind));
  ASSIGN_OR_RETURN(bool has_meta, TableExists(db, "meta"));
  if (!has_meta) return 0;
  ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT value FROM meta WHERE key = 'schema_version'"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::Corruption(db.file().string() + ": meta has no schema_version");
  std::string text(s.ColumnText(0));
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || v > 1'000'000) return Status::Corruption("bad schema_version '" + text + "'");
    v = v * 10 + (c - '0');
  }
  if (text.empty() || v == 0) return Status::Corruption("bad schema_version '" + text + "'");
  return v;
}

Result<int> MigrateInTransaction(SqliteDb& db, const SchemaKind& kind, std::span<const Migration> migrations) {
  ASSIGN_OR_RETURN(int version, ReadVersion(db, kind));
  const int latest = static_cast<int>(migrations.size());
  if (version > latest)
    return Status::Unsupported("database schema version " + std::to_string(version) +
                               " is newer than this patnav (" + std::to_string(latest) + ")");
  if (version == latest) return version;
  for (int v = version + 1; v <= latest; ++v) {
    const Migration& m = migrations[static_cast<size_t>(v - 1)];
    Status st = db.Exec(m.sql);
    if (!st.ok())
      return Status::Internal("migration to schema version " + std::to_string(v) + " (" + m.description +
                              ") failed: " + st.message());
  }
  RETURN_IF_ERROR(db.Exec("PRAGMA application_id = " + std::to_string(kind.application_id)));
  ASSIGN_OR_RETURN(Statement s, db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)"));
  std::string text = std::to_string(latest);
  s.BindText(1, text);
  RETURN_IF_ERROR(s.Run());
  return latest;
}

}  // namespace

const SchemaKind& StoreSchemaKind() {
  static const SchemaKind kind{kApplicationId, "patnav store"};
  return kind;
}

Status CheckSchemaKind(SqliteDb& db, const SchemaKind& kind) {
  ASSIGN_OR_RETURN(int64_t app_id, db.QueryInt64("PRAGMA application_id"));
  ASSIGN_OR_RETURN(bool has_meta, TableExists(db, "meta"));
  if (has_meta) return app_id == kind.application_id ? Status::OK() : NotOfKind(db, kind);
  ASSIGN_OR_RETURN(int64_t tables, db.QueryInt64("SELECT count(*) FROM sqlite_schema"));
  if (tables == 0 && (app_id == 0 || app_id == kind.application_id)) return Status::OK();
  return NotOfKind(db, kind);
}

std::span<const Migration> StoreMigrations() { return kMigrations; }

int LatestSchemaVersion() { return static_cast<int>(StoreMigrations().size()); }

Result<int> ApplyMigrations(SqliteDb& db, const SchemaKind& kind, std::span<const Migration> migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) assert(migrations[i].version == static_cast<int>(i) + 1);
  RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Result<int> version = MigrateInTransaction(db, kind, migrations);
  if (!version.ok()) {
    (void)db.Exec("ROLLBACK");
    return version.status();
  }
  Status st = db.Exec("COMMIT");
  if (!st.ok()) {
    (void)db.Exec("ROLLBACK");
    return st;
  }
  return version;
}

}  // namespace patnav
