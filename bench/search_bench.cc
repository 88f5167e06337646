// search_bench: the search benchmark (issue 3). On a generated corpus of
// USPTO grants without full descriptions (title, abstract, claims, a short
// description), on one core (the process pins itself with sched_setaffinity):
//   build   generate the corpus in chunks of 100,000 documents and put each
//           through patnav::cli::RunIngest (the code of `patnav ingest`, its
//           search-index update turned off) into a fresh store; then
//             our index: PatentIndex::Rebuild from the store, timed;
//             baseline:  an SQLite FTS5 table over the same records, read
//                        back from the store, with a side table of the
//                        bibliographic fields, timed;
//           each in its own forked process (peak RSS = its own);
//   query   a fixed mix of --queries queries drawn deterministically from the
//           corpus (single terms, boolean, phrases, field + date filters),
//           each run with and without facets, top 20 by relevance, exact hit
//           count, through Searcher::Search and through the equivalent FTS5
//           SQL; once untimed (warm-up), then timed, interleaved; latency
//           percentiles per class side by side with the ratio FTS5/ours, the
//           agreement of the hit counts, and PASS/FAIL against the targets
//           (p50 under 10 ms with facets; faster than FTS5 on every class).
//
// Usage: search_bench [--docs N] [--seed S] [--queries Q] [--workdir DIR]
//                     [--keep] [--phase all|build|query] [--fts-facets join|temp]
//                     [--engines both|ours] [--descriptions]
//                     [--lucene CLASSPATH | --lucene-skipped REASON]
// --descriptions: full-text grants, every engine indexing the description too
// (the queries still search title, abstract and claims). --lucene: the
// classpath of bench/lucene/LuceneBench (compiled by bench/search_run.sh) and
// Lucene 8's jars: Lucene indexes the same records (exported from the store to
// a TSV, not timed in its build) and runs the same mix, warmed until stable,
// without facets; its build, latencies and hit counts are printed beside ours.
// --phase build keeps what it builds in --workdir; --phase query reuses it
// (same --docs and --seed); with --engines ours it times our engine alone
// (no baseline, no ratios: for profiling). Exit status 0 when every phase ran and every
// query ran on both engines, 1 otherwise, 2 on a usage error. The targets
// are reported (PASS/FAIL), not enforced.
#include <fcntl.h>
#include <sched.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "base/random.h"
#include "cli/commands.h"
#include "generator/corpus_generator.h"
#include "index/classification_terms.h"
#include "index/document_builder.h"
#include "index/patent_index.h"
#include "index/searcher.h"
#include "index/stopwords.h"
#include "store/patent_store.h"
#include "generated_records.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kChunkDocs = 100'000;  // documents per generated file (ingested, then deleted)
constexpr int kBatch = 5000;              // records per transaction: `patnav ingest`'s default, and FTS5's build
constexpr int kTopK = 20;
constexpr int kFacetSize = 10;
constexpr double kTargetP50Ms = 10.0;

struct Options {
  uint64_t docs = 1'000'000;
  uint64_t seed = 42;
  uint64_t queries = 1000;
  std::string workdir;
  bool keep = false;
  std::string phase = "all";
  std::string fts_facets = "join";  // join: each GROUP BY re-runs the MATCH; temp: hit rowids into a temp table once
  std::string facets_from = "columns";  // ours: columns (Searcher::KeepFacetColumns, a long-lived searcher) or slots
  bool fts = true;  // --engines both (default) or ours: the latter skips FTS5 at query time, for profiling
  bool descriptions = false;  // full-text grants: every engine also indexes the description
  std::string lucene_cp;      // the classpath of bench/lucene/LuceneBench (compiled) and Lucene's jars
  std::string lucene_skipped; // why Lucene is not run (printed), when lucene_cp is empty
};

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double CpuNow() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::string Commas(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

double Mb(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }
double Mib(long kib) { return static_cast<double>(kib) / 1024.0; }

uint64_t DirBytes(const fs::path& dir) {
  uint64_t n = 0;
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) return fs::file_size(dir, ec);
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  return n;
}

// ---------------------------------------------------------------- build phases

// What a build phase's child reports back through a pipe. POD.
struct PhaseReport {
  int ok = 0;
  uint64_t docs = 0;       // documents / records handled
  uint64_t out_bytes = 0;  // on disk afterwards
  uint64_t checksum = 0;
  double wall = 0, cpu = 0;
  double wall2 = 0, cpu2 = 0;  // a second measured part: ingest (generate phase), optimize (FTS5)
  long max_rss_kib = 0;
  int ran = 0;
  char error[512] = {};
};

void SetError(PhaseReport& r, const std::string& msg) {
  r.ok = 0;
  std::snprintf(r.error, sizeof r.error, "%s", msg.c_str());
}

bool Ok(const PhaseReport& p) { return p.ran && p.ok; }

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Runs `work` in a forked child (inheriting the CPU pinning); its report and
// peak RSS. The child's stdout goes to `child_stdout` when given.
PhaseReport RunInChild(const std::function<void(PhaseReport&)>& work, const std::string& child_stdout = "") {
  PhaseReport out;
  int fds[2];
  if (pipe(fds) != 0) {
    SetError(out, std::string("pipe: ") + std::strerror(errno));
    return out;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    SetError(out, std::string("fork: ") + std::strerror(errno));
    close(fds[0]);
    close(fds[1]);
    return out;
  }
  if (pid == 0) {
    close(fds[0]);
    if (!child_stdout.empty()) {
      int fd = open(child_stdout.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        close(fd);
      }
    }
    PhaseReport r;
    r.ok = 1;
    work(r);
    std::fflush(stdout);
    const char* p = reinterpret_cast<const char*>(&r);
    size_t left = sizeof r;
    while (left > 0) {
      ssize_t w = write(fds[1], p, left);
      if (w <= 0) _exit(1);
      p += w;
      left -= static_cast<size_t>(w);
    }
    _exit(0);
  }
  close(fds[1]);
  PhaseReport r;
  char* p = reinterpret_cast<char*>(&r);
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], p + got, sizeof r - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int wstatus = 0;
  rusage ru{};
  while (wait4(pid, &wstatus, 0, &ru) < 0 && errno == EINTR) {
  }
  if (got == sizeof r) {
    out = r;
  } else {
    SetError(out, "the phase's process died (" +
                      (WIFSIGNALED(wstatus) ? "signal " + std::to_string(WTERMSIG(wstatus))
                                            : "exit " + std::to_string(WEXITSTATUS(wstatus))) +
                      ")");
  }
  out.max_rss_kib = ru.ru_maxrss;
  out.ran = 1;
  return out;
}

void Progress(const char* what) {
  std::fprintf(stderr, "  running: %s ...\n", what);
  std::fflush(stderr);
}

// A progress callback printing every tenth of `total` to stderr.
struct TenthsProgress {
  const char* what;
  int64_t total;
  int64_t next = 1;
  void operator()(int64_t done) {
    if (total <= 0 || done * 10 < next * total) return;
    while (done * 10 >= next * total) ++next;
    std::fprintf(stderr, "    %s: %s of %s\n", what, Commas(static_cast<uint64_t>(done)).c_str(),
                 Commas(static_cast<uint64_t>(total)).c_str());
  }
};

Result<std::unique_ptr<PatentStore>> OpenStore(const fs::path& db) {
  StoreOptions so;
  so.dir = db;
  so.create_if_missing = false;
  return PatentStore::Open(so);
}

// Generates the corpus (no description) chunk by chunk, each chunk a
// weekly-bulk-style file put through `patnav ingest`'s RunIngest into the
// store in `db`, then deleted. wall/cpu: generating; wall2/cpu2: ingesting.
void GenerateAndIngest(const fs::path& dir, const fs::path& db, const Options& o, PhaseReport& r) {
  GeneratorOptions go;
  go.docs = o.docs;
  go.seed = o.seed;
  go.full_text = o.descriptions;
  go.description = o.descriptions;  // without: title, abstract, claims (issue 3's corpus)
  if (Status st = CorpusGenerator::Validate(go); !st.ok()) return SetError(r, st.ToString());
  CorpusGenerator gen(go);
  const fs::path file = dir / "bench-chunk.xml";
  std::string doc, buf;
  for (uint64_t start = 0; start < o.docs; start += kChunkDocs) {
    const uint64_t end = std::min(o.docs, start + kChunkDocs);
    double w0 = Now(), c0 = CpuNow();
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) return SetError(r, "cannot create " + file.string());
    bool io_ok = true;
    for (uint64_t i = start; i < end && io_ok; ++i) {
      doc.clear();
      gen.AppendDocument(CorpusFormat::kUsptoXml, i, doc);
      r.checksum = Fnv(r.checksum, std::string_view(doc).substr(0, 64));
      r.out_bytes += doc.size();  // XML bytes generated (the store's size is set at the end)
      buf += doc;
      if (buf.size() >= (1u << 20) || i + 1 == end) {
        if (std::fwrite(buf.data(), 1, buf.size(), f) != buf.size()) io_ok = false;
        buf.clear();
      }
    }
    if (std::fclose(f) != 0) io_ok = false;
    r.wall += Now() - w0;
    r.cpu += CpuNow() - c0;
    if (!io_ok) return SetError(r, "writing " + file.string() + " failed (disk full?)");

    cli::IngestOptions io;
    io.db = db.string();
    io.paths = {file.string()};
    io.batch_records = kBatch;
    io.progress = false;
    io.index = false;  // this measures the store; the index is built (and timed) on its own
    w0 = Now();
    c0 = CpuNow();
    const int rc = cli::RunIngest(io);
    r.wall2 += Now() - w0;
    r.cpu2 += CpuNow() - c0;
    std::error_code ec;
    fs::remove(file, ec);
    if (rc != cli::kExitOk) return SetError(r, "patnav ingest exited with " + std::to_string(rc));
    std::fprintf(stderr, "    generated and ingested %s of %s\n", Commas(end).c_str(), Commas(o.docs).c_str());
  }
  Result<std::unique_ptr<PatentStore>> store = OpenStore(db);
  if (!store.ok()) return SetError(r, store.status().ToString());
  Result<int64_t> n = (*store)->Count();
  if (!n.ok()) return SetError(r, n.status().ToString());
  r.docs = static_cast<uint64_t>(*n);
  store->reset();
}

// Our index build: PatentIndex::Rebuild, exactly what `patnav index --rebuild` runs.
void BuildOurIndex(const fs::path& db, PhaseReport& r) {
  Result<std::unique_ptr<PatentStore>> store = OpenStore(db);
  if (!store.ok()) return SetError(r, store.status().ToString());
  Result<int64_t> count = (*store)->Count();
  if (!count.ok()) return SetError(r, count.status().ToString());
  const double w0 = Now(), c0 = CpuNow();
  {
    Result<index::PatentIndex> idx = index::PatentIndex::OpenForWriting(db);
    if (!idx.ok()) return SetError(r, idx.status().ToString());
    TenthsProgress tenths{"index build", *count};
    Result<index::IndexUpdateStats> st =
        idx->Rebuild(**store, [&](int64_t done, int64_t) { tenths(done); });
    if (!st.ok()) return SetError(r, st.status().ToString());
    r.docs = static_cast<uint64_t>(st->documents_total);
  }  // closed: everything on disk
  r.wall = Now() - w0;
  r.cpu = CpuNow() - c0;
  r.out_bytes = DirBytes(index::PatentIndex::IndexDir(db));
}

// The store read alone, as the two builds read it: with descriptions (our
// Rebuild) or without (the FTS5 build). The floor both builds share.
void ReadStore(const fs::path& db, bool with_description, PhaseReport& r) {
  Result<std::unique_ptr<PatentStore>> store = OpenStore(db);
  if (!store.ok()) return SetError(r, store.status().ToString());
  const double w0 = Now(), c0 = CpuNow();
  Status st = (*store)->ForEachChangedSince(
      0,
      [&](const ChangedPublication& c) {
        ++r.docs;
        r.checksum = Fnv(r.checksum, c.record->publication_number) + c.record->description.size() +
                     static_cast<uint64_t>(c.forward_citations);
        return true;
      },
      with_description);
  r.wall = Now() - w0;
  r.cpu = CpuNow() - c0;
  if (!st.ok()) SetError(r, st.ToString());
}

// ---- the FTS5 baseline

bool Exec(sqlite3* db, const std::string& sql, std::string* error) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return true;
  if (error) *error = sql.substr(0, 80) + ": " + (err ? err : "?");
  sqlite3_free(err);
  return false;
}

std::string JoinTexts(const std::map<std::string, std::string>& by_lang) {
  std::string s;
  for (const auto& [lang, text] : by_lang) {
    if (text.empty()) continue;
    if (!s.empty()) s += '\n';
    s += text;
  }
  return s;
}

// The same pragmas as the store (WAL, synchronous=NORMAL, 64 MiB cache).
constexpr const char* kFtsPragmas[] = {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                       "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY"};

// The FTS5 table and its side tables, from the store's records (read with
// descriptions only when `descriptions`: then the table has a description
// column), batches of 5,000 per transaction,
// then FTS5's 'optimize' (merges its segments into one b-tree; timed as
// wall2/cpu2, included in the total) and the IPC lookup index.
void BuildFts5(const fs::path& db, const fs::path& fts_dir, bool descriptions, PhaseReport& r) {
  std::error_code ec;
  fs::remove_all(fts_dir, ec);
  fs::create_directories(fts_dir, ec);
  Result<std::unique_ptr<PatentStore>> store = OpenStore(db);
  if (!store.ok()) return SetError(r, store.status().ToString());
  Result<int64_t> count = (*store)->Count();
  if (!count.ok()) return SetError(r, count.status().ToString());
  const fs::path path = fts_dir / "fts5.db";
  const double w0 = Now(), c0 = CpuNow();
  sqlite3* sql = nullptr;
  if (sqlite3_open_v2(path.c_str(), &sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(sql);
    return SetError(r, "cannot open " + path.string());
  }
  std::string err;
  bool ok = true;
  for (const char* p : kFtsPragmas) ok = ok && Exec(sql, p, &err);
  const std::string fts_ddl = std::string("CREATE VIRTUAL TABLE fts USING fts5(title, abstract, claims, applicants, "
                                           "inventors, ") +
                              (descriptions ? "description, " : "") + "tokenize='porter unicode61')";
  for (const char* ddl : {
           fts_ddl.c_str(),
           "CREATE TABLE meta(id INTEGER PRIMARY KEY, publication_number TEXT NOT NULL, country TEXT, kind TEXT, "
           "pub_date INTEGER, forward_citations INTEGER NOT NULL)",
           "CREATE TABLE doc_applicant(doc INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY(doc, key)) WITHOUT ROWID",
           "CREATE TABLE doc_ipc(doc INTEGER NOT NULL, subclass TEXT NOT NULL, PRIMARY KEY(doc, subclass)) "
           "WITHOUT ROWID",
       })
    ok = ok && Exec(sql, ddl, &err);
  sqlite3_stmt *ins_fts = nullptr, *ins_meta = nullptr, *ins_app = nullptr, *ins_ipc = nullptr;
  auto prepare = [&](const char* text, sqlite3_stmt** st) {
    if (ok && sqlite3_prepare_v2(sql, text, -1, st, nullptr) != SQLITE_OK) {
      err = std::string("prepare: ") + sqlite3_errmsg(sql);
      ok = false;
    }
  };
  prepare(descriptions ? "INSERT INTO fts(rowid, title, abstract, claims, applicants, inventors, description) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                       : "INSERT INTO fts(rowid, title, abstract, claims, applicants, inventors) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
          &ins_fts);
  prepare("INSERT INTO meta VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &ins_meta);
  prepare("INSERT OR IGNORE INTO doc_applicant VALUES (?1, ?2)", &ins_app);
  prepare("INSERT OR IGNORE INTO doc_ipc VALUES (?1, ?2)", &ins_ipc);
  if (!ok) {
    sqlite3_close(sql);
    return SetError(r, err);
  }
  auto step = [&](sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE && ok) {
      err = std::string("insert: ") + sqlite3_errmsg(sql);
      ok = false;
    }
    sqlite3_reset(st);
  };
  auto text = [](sqlite3_stmt* st, int i, const std::string& s) {
    if (s.empty()) sqlite3_bind_null(st, i);
    else sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  };
  int pending = 0;
  TenthsProgress tenths{"FTS5 build", *count};
  std::string title, abstract, claims, applicants, inventors;
  Status read = (*store)->ForEachChangedSince(
      0,
      [&](const ChangedPublication& c) {
        const PatentRecord& rec = *c.record;
        if (pending == 0) ok = ok && Exec(sql, "BEGIN", &err);
        if (!ok) return false;
        title = JoinTexts(rec.title);
        abstract = JoinTexts(rec.abstract_text);
        claims.clear();
        for (const Claim& cl : rec.claims) {
          if (!claims.empty()) claims += '\n';
          claims += cl.text;
        }
        applicants.clear();
        for (const auto* parties : {&rec.applicants, &rec.assignees})
          for (const Party& p : *parties) {
            if (!applicants.empty()) applicants += '\n';
            applicants += p.name;
          }
        inventors.clear();
        for (const Party& p : rec.inventors) {
          if (!inventors.empty()) inventors += '\n';
          inventors += p.name;
        }
        sqlite3_bind_int64(ins_fts, 1, c.id);
        text(ins_fts, 2, title);
        text(ins_fts, 3, abstract);
        text(ins_fts, 4, claims);
        text(ins_fts, 5, applicants);
        text(ins_fts, 6, inventors);
        if (descriptions) text(ins_fts, 7, rec.description);
        step(ins_fts);
        sqlite3_bind_int64(ins_meta, 1, c.id);
        text(ins_meta, 2, rec.publication_number);
        text(ins_meta, 3, rec.country);
        text(ins_meta, 4, rec.kind);
        const int64_t pd = index::DateNumber(rec.publication_date);
        if (pd >= 0) sqlite3_bind_int64(ins_meta, 5, pd);
        else sqlite3_bind_null(ins_meta, 5);
        sqlite3_bind_int64(ins_meta, 6, c.forward_citations);
        step(ins_meta);
        // The values of our facet slots, computed by the indexer's own functions.
        for (const std::string& key : index::FacetApplicantKeys(rec)) {
          sqlite3_bind_int64(ins_app, 1, c.id);
          text(ins_app, 2, key);
          step(ins_app);
        }
        for (const std::string& symbol : rec.ipc) {
          const std::string sub = index::ClassificationSubclass(symbol);
          if (sub.empty()) continue;
          sqlite3_bind_int64(ins_ipc, 1, c.id);
          text(ins_ipc, 2, sub);
          step(ins_ipc);
        }
        ++r.docs;
        tenths(static_cast<int64_t>(r.docs));
        if (++pending >= kBatch) {
          ok = ok && Exec(sql, "COMMIT", &err);
          pending = 0;
        }
        return ok;
      },
      descriptions);
  if (ok && pending > 0) ok = Exec(sql, "COMMIT", &err);
  for (sqlite3_stmt* st : {ins_fts, ins_meta, ins_app, ins_ipc}) sqlite3_finalize(st);
  const double w1 = Now(), c1 = CpuNow();
  ok = ok && Exec(sql, "INSERT INTO fts(fts) VALUES ('optimize')", &err);
  r.wall2 = Now() - w1;
  r.cpu2 = CpuNow() - c1;
  ok = ok && Exec(sql, "CREATE INDEX doc_ipc_by_subclass ON doc_ipc(subclass, doc)", &err);
  ok = ok && Exec(sql, "PRAGMA wal_checkpoint(TRUNCATE)", &err);
  if (sqlite3_close(sql) != SQLITE_OK && ok) {
    ok = false;
    err = "sqlite3_close failed";
  }
  r.wall = Now() - w0;
  r.cpu = CpuNow() - c0;
  if (!read.ok()) return SetError(r, read.ToString());
  if (!ok) return SetError(r, err);
  r.out_bytes = DirBytes(fts_dir);
}

// ---- the Lucene baseline (bench/lucene/LuceneBench.java, run by the JVM)

// The store's records as LuceneBench's input (see its header): what the FTS5
// build reads, in the same order, with descriptions when `descriptions`.
void ExportForLucene(const fs::path& db, const fs::path& tsv, bool descriptions, PhaseReport& r) {
  Result<std::unique_ptr<PatentStore>> store = OpenStore(db);
  if (!store.ok()) return SetError(r, store.status().ToString());
  std::FILE* f = std::fopen(tsv.c_str(), "wb");
  if (!f) return SetError(r, "cannot create " + tsv.string());
  const double w0 = Now(), c0 = CpuNow();
  std::string line, claims;
  bool io_ok = true;
  Status read = (*store)->ForEachChangedSince(
      0,
      [&](const ChangedPublication& c) {
        const PatentRecord& rec = *c.record;
        line = std::to_string(c.id) + '\t';
        bench::AppendLuceneEscaped(line, rec.publication_number);
        line += '\t';
        bench::AppendLuceneEscaped(line, rec.country);
        line += '\t';
        bench::AppendLuceneEscaped(line, rec.kind);
        line += '\t';
        const int64_t pd = index::DateNumber(rec.publication_date);
        if (pd >= 0) line += std::to_string(pd);
        line += '\t';
        std::set<std::string> subclasses;
        for (const std::string& symbol : rec.ipc) {
          std::string sub = index::ClassificationSubclass(symbol);
          if (!sub.empty()) subclasses.insert(std::move(sub));
        }
        bool first = true;
        for (const std::string& sub : subclasses) {
          if (!first) line += ' ';
          first = false;
          bench::AppendLuceneEscaped(line, sub);
        }
        line += '\t';
        bench::AppendLuceneEscaped(line, JoinTexts(rec.title));
        line += '\t';
        bench::AppendLuceneEscaped(line, JoinTexts(rec.abstract_text));
        line += '\t';
        claims.clear();
        for (const Claim& cl : rec.claims) {
          if (!claims.empty()) claims += '\n';
          claims += cl.text;
        }
        bench::AppendLuceneEscaped(line, claims);
        line += '\t';
        if (descriptions) bench::AppendLuceneEscaped(line, rec.description);
        line += '\n';
        if (std::fwrite(line.data(), 1, line.size(), f) != line.size()) io_ok = false;
        r.out_bytes += line.size();
        ++r.docs;
        return io_ok;
      },
      descriptions);
  if (std::fclose(f) != 0) io_ok = false;
  r.wall = Now() - w0;
  r.cpu = CpuNow() - c0;
  if (!read.ok()) return SetError(r, read.ToString());
  if (!io_ok) SetError(r, "writing " + tsv.string() + " failed (disk full?)");
}

// Runs `argv` (searched on PATH) with its stdout and stderr into files, and
// waits: its exit status (-1 if it could not start, 128 + signal if killed)
// and its resource usage. Inherits this process's CPU pinning.
int RunProgram(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err, rusage* ru) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0) _exit(127);
    dup2(o, 1);
    dup2(e, 2);
    execvp(args[0], args.data());
    _exit(127);
  }
  int wstatus = 0;
  *ru = rusage{};
  while (wait4(pid, &wstatus, 0, ru) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(wstatus)) return 128 + WTERMSIG(wstatus);
  return WEXITSTATUS(wstatus);
}

std::string FileText(const fs::path& p, size_t max_bytes = 2000) {
  std::ifstream in(p);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (s.size() > max_bytes) s = "..." + s.substr(s.size() - max_bytes);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The JVM's command line for LuceneBench: one heap size for every run.
std::vector<std::string> JavaArgs(const std::string& classpath) {
  return {"java", "-Xms1g", "-Xmx2g", "-cp", classpath, "LuceneBench"};
}

// Lucene's index build: LuceneBench index over the exported file, into `index_dir`.
// wall/cpu: its own timing (writer open to the end of forceMerge(1), JVM
// start-up excluded); wall2/cpu2: the forceMerge alone; checksum: segments.
void BuildLucene(const std::string& classpath, const fs::path& tsv, const fs::path& index_dir, PhaseReport& r) {
  std::error_code ec;
  fs::remove_all(index_dir, ec);
  std::vector<std::string> argv = JavaArgs(classpath);
  argv.insert(argv.end(), {"index", tsv.string(), index_dir.string()});
  const fs::path out = index_dir.string() + ".out", err = index_dir.string() + ".err";
  rusage ru;
  const int rc = RunProgram(argv, out, err, &ru);
  r.ran = 1;
  r.max_rss_kib = ru.ru_maxrss;
  const std::string text = FileText(out), errors = FileText(err);
  fs::remove(out, ec);
  fs::remove(err, ec);
  if (rc != 0) return SetError(r, "LuceneBench index exited with " + std::to_string(rc) + ": " + errors);
  unsigned long long docs = 0, bytes = 0, segments = 0;
  if (std::sscanf(text.c_str(), "lucene-index docs=%llu wall=%lf cpu=%lf merge_wall=%lf merge_cpu=%lf bytes=%llu segments=%llu",
                  &docs, &r.wall, &r.cpu, &r.wall2, &r.cpu2, &bytes, &segments) != 7)
    return SetError(r, "LuceneBench index said: " + text);
  r.ok = 1;
  r.docs = docs;
  r.out_bytes = bytes;
  r.checksum = segments;
}

// ---------------------------------------------------------------- build results on disk

constexpr const char* kPhaseNames[] = {"generate+ingest", "index",         "read-desc", "read-nodesc",
                                       "fts5",            "lucene-export", "lucene"};
constexpr int kPhases = 7;
constexpr int kRequiredPhases = 5;  // the Lucene phases run only when Lucene is there
enum { kGenIngest, kIndexBuild, kReadDesc, kReadNoDesc, kFts5Build, kLuceneExport, kLuceneBuild };

fs::path MetaPath(const fs::path& dir) { return dir / "search-bench.meta"; }

void SaveBuild(const fs::path& dir, const Options& o, const PhaseReport (&p)[kPhases], const std::string& said) {
  std::ofstream out(MetaPath(dir));
  out << "search-bench 2 " << o.docs << ' ' << o.seed << ' ' << (o.descriptions ? 1 : 0) << '\n';
  for (int i = 0; i < kPhases; ++i) {
    char line[512];
    std::snprintf(line, sizeof line, "%s %d %" PRIu64 " %" PRIu64 " %" PRIu64 " %.6f %.6f %.6f %.6f %ld\n",
                  kPhaseNames[i], p[i].ok, p[i].docs, p[i].out_bytes, p[i].checksum, p[i].wall, p[i].cpu, p[i].wall2,
                  p[i].cpu2, p[i].max_rss_kib);
    out << line;
  }
  out << "said " << said << '\n';
}

bool LoadBuild(const fs::path& dir, const Options& o, PhaseReport (&p)[kPhases], std::string* said) {
  std::ifstream in(MetaPath(dir));
  std::string magic;
  int version = 0;
  uint64_t docs = 0, seed = 0;
  int descriptions = 0;
  // Version 1 (before the Lucene baseline): no descriptions, five phases.
  if (!(in >> magic >> version) || magic != "search-bench" || (version != 1 && version != 2) ||
      !(in >> docs >> seed) || (version == 2 && !(in >> descriptions)) || docs != o.docs || seed != o.seed ||
      (descriptions != 0) != o.descriptions)
    return false;
  const int phases = version == 1 ? kRequiredPhases : kPhases;
  for (int i = 0; i < phases; ++i) {
    std::string name;
    PhaseReport& r = p[i];
    if (!(in >> name >> r.ok >> r.docs >> r.out_bytes >> r.checksum >> r.wall >> r.cpu >> r.wall2 >> r.cpu2 >>
          r.max_rss_kib) ||
        name != kPhaseNames[i] || (i < kRequiredPhases && !r.ok))
      return false;
    r.ran = r.ok;
  }
  std::string word;
  if (in >> word && word == "said") {
    std::getline(in, *said);
    if (!said->empty() && (*said)[0] == ' ') said->erase(0, 1);
  }
  std::error_code ec;
  if (Ok(p[kLuceneBuild]) && !fs::exists(dir / "lucene", ec)) p[kLuceneBuild] = PhaseReport{};
  return fs::exists(dir / "data" / "patnav.db", ec) && fs::exists(dir / "data" / "index", ec) &&
         fs::exists(dir / "fts5" / "fts5.db", ec);
}

// ---------------------------------------------------------------- the query mix

enum QueryClass { kSingle = 0, kBoolean, kPhrase, kFieldDate };
constexpr int kClasses = 4;
constexpr const char* kClassNames[] = {"(a) single term", "(b) boolean", "(c) phrase", "(d) field + date filter"};

struct BenchQuery {
  QueryClass cls;
  std::string ours;       // our query language
  std::string match;      // FTS5 MATCH expression
  std::string filter;     // SQL condition on meta m / fts.rowid, or ""
  bool needs_meta = false;
  std::string lucene;         // Lucene's classic syntax over title, abstract, claims (default AND); "" = ours
  std::string lucene_filter;  // LuceneBench's filters (cc= kd= ipc= pd>= pd< pd=A..B), space-separated
};

// Lower-cased runs of ASCII letters of `text` that are whole whitespace-separated
// chunks (optionally ending in , . ; :), in order; nullopt marks a chunk that is
// not a plain word (digits, hyphens, apostrophes), so that phrases never span one.
std::vector<std::optional<std::string>> PlainChunks(std::string_view text) {
  std::vector<std::optional<std::string>> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) break;
    std::string_view chunk = text.substr(i, j - i);
    bool trailing_punct = false;
    if (!chunk.empty() && std::strchr(",.;:", chunk.back())) {
      chunk.remove_suffix(1);
      trailing_punct = true;
    }
    bool plain = !chunk.empty();
    std::string w;
    for (char c : chunk) {
      if (!std::isalpha(static_cast<unsigned char>(c))) plain = false;
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.push_back(plain ? std::optional<std::string>(w) : std::nullopt);
    if (trailing_punct) out.push_back(std::nullopt);  // a phrase does not run over punctuation
    i = j;
  }
  return out;
}

// A content word: 3+ letters, not a stopword, not an operator of either language.
bool ContentWord(const std::string& w) {
  return w.size() >= 3 && !index::IsStopword(w) && w != "near" && w != "and" && w != "not";
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& c : PlainChunks(text))
    if (c && ContentWord(*c) && std::find(out.begin(), out.end(), *c) == out.end()) out.push_back(*c);
  return out;
}

// One sampled document of the corpus, as the query generator sees it.
struct SampleDoc {
  std::string title, abstract;
  std::vector<std::string> title_words, words;  // content words of the title; of title + abstract
  std::vector<std::string> subclasses;
  std::string country, kind;
  int year = 0;
};

class Sampler {
 public:
  Sampler(sqlite3* db, uint64_t seed) : db_(db), rng_(seed) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT max(id) FROM meta", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      max_id_ = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_prepare_v2(db_,
                       "SELECT f.title, f.abstract, m.country, m.kind, m.pub_date, "
                       "(SELECT group_concat(subclass, ' ') FROM doc_ipc WHERE doc = m.id) "
                       "FROM meta m JOIN fts f ON f.rowid = m.id WHERE m.id = ?1",
                       -1, &get_, nullptr);
  }
  ~Sampler() { sqlite3_finalize(get_); }
  bool ok() const { return max_id_ > 0 && get_; }
  Random& rng() { return rng_; }

  // A random document with at least `min_words` content words (and a title word).
  SampleDoc Doc(size_t min_words = 3) {
    for (;;) {
      SampleDoc d;
      sqlite3_bind_int64(get_, 1, 1 + static_cast<int64_t>(rng_.Uniform(static_cast<uint64_t>(max_id_))));
      if (sqlite3_step(get_) == SQLITE_ROW) {
        auto col = [&](int i) {
          const unsigned char* t = sqlite3_column_text(get_, i);
          return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
        };
        d.title = col(0);
        d.abstract = col(1);
        d.country = col(2);
        d.kind = col(3);
        d.year = static_cast<int>(sqlite3_column_int64(get_, 4) / 10000);
        std::istringstream subs(col(5));
        for (std::string s; subs >> s;) d.subclasses.push_back(s);
      }
      sqlite3_reset(get_);
      d.title_words = ContentWords(d.title);
      d.words = ContentWords(d.title + "\n" + d.abstract);
      if (d.words.size() >= min_words && !d.title_words.empty() && !d.country.empty() && d.year > 0) return d;
    }
  }

  const std::string& Pick(const std::vector<std::string>& v) { return v[rng_.Uniform(v.size())]; }

  // `n` distinct words of `v` (REQUIRES: v.size() >= n).
  std::vector<std::string> PickDistinct(const std::vector<std::string>& v, size_t n) {
    std::vector<std::string> out;
    while (out.size() < n) {
      const std::string& w = Pick(v);
      if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    return out;
  }

  // A word of another document, not among `avoid`.
  std::string OtherWord(const std::vector<std::string>& avoid) {
    for (;;) {
      SampleDoc e = Doc();
      const std::string& w = Pick(e.words);
      if (std::find(avoid.begin(), avoid.end(), w) == avoid.end()) return w;
    }
  }

  // 2 or 3 adjacent plain words of the title or the abstract, at least one a content word.
  std::optional<std::vector<std::string>> Phrase(const SampleDoc& d) {
    const size_t len = 2 + rng_.Uniform(2);
    std::vector<std::vector<std::string>> windows;
    for (const std::string* text : {&d.title, &d.abstract}) {
      const auto chunks = PlainChunks(*text);
      for (size_t i = 0; i + len <= chunks.size(); ++i) {
        std::vector<std::string> w;
        bool content = false;
        for (size_t k = 0; k < len && chunks[i + k]; ++k) {
          w.push_back(*chunks[i + k]);
          content = content || ContentWord(*chunks[i + k]);
        }
        // Not starting or ending with a stopword: "the battery" is not a phrase anyone searches.
        if (w.size() == len && content && !index::IsStopword(w.front()) && !index::IsStopword(w.back()) &&
            w.front() != "and" && w.back() != "and")
          windows.push_back(std::move(w));
      }
    }
    if (windows.empty()) return std::nullopt;
    return windows[rng_.Uniform(windows.size())];
  }

 private:
  sqlite3* db_;
  Random rng_;
  int64_t max_id_ = 0;
  sqlite3_stmt* get_ = nullptr;
};

std::string Q(const std::string& w) { return "\"" + w + "\""; }  // an FTS5 string / our phrase
constexpr const char* kTac = "{title abstract claims} : ";

// The IPC condition as a correlated EXISTS: the plan then runs the MATCH once
// and probes doc_ipc's primary key per hit. (Written `fts.rowid IN (SELECT doc
// FROM doc_ipc WHERE subclass = ...)`, SQLite hands the rowid list to FTS5,
// which re-runs the MATCH per rowid: 10-50x slower on 20,000 documents.)
std::string IpcFilter(const std::string& subclass) {
  return "EXISTS (SELECT 1 FROM doc_ipc WHERE doc = fts.rowid AND subclass = '" + subclass + "')";
}

BenchQuery MakeQuery(QueryClass cls, Sampler& s) {
  BenchQuery q;
  q.cls = cls;
  Random& rng = s.rng();
  switch (cls) {
    case kSingle: {
      SampleDoc d = s.Doc();
      const std::string& w = s.Pick(d.words);
      q.ours = w;
      q.match = kTac + Q(w);
      break;
    }
    case kBoolean: {
      SampleDoc d = s.Doc(4);
      switch (rng.Uniform(5)) {
        case 0: {
          auto w = s.PickDistinct(d.words, 2);
          q.ours = w[0] + " AND " + w[1];
          q.match = kTac + ("(" + Q(w[0]) + " AND " + Q(w[1]) + ")");
          break;
        }
        case 1: {
          std::string a = s.Pick(d.words), b = s.OtherWord({a});
          q.ours = a + " OR " + b;
          q.match = kTac + ("(" + Q(a) + " OR " + Q(b) + ")");
          break;
        }
        case 2: {
          std::string a = s.Pick(d.words), b = s.OtherWord(d.words);
          q.ours = a + " NOT " + b;
          q.match = kTac + ("(" + Q(a) + " NOT " + Q(b) + ")");
          break;
        }
        case 3: {
          auto w = s.PickDistinct(d.words, 2);
          std::string b = s.OtherWord(w);
          q.ours = "(" + w[0] + " OR " + b + ") AND " + w[1];
          q.match = kTac + ("((" + Q(w[0]) + " OR " + Q(b) + ") AND " + Q(w[1]) + ")");
          break;
        }
        default: {
          auto w = s.PickDistinct(d.words, 2);
          std::string c = s.OtherWord(w);
          std::vector<std::string> avoid = d.words;
          avoid.push_back(c);
          std::string n = s.OtherWord(avoid);
          q.ours = w[0] + " AND (" + w[1] + " OR " + c + ") NOT " + n;
          q.match = kTac + ("((" + Q(w[0]) + " AND (" + Q(w[1]) + " OR " + Q(c) + ")) NOT " + Q(n) + ")");
          break;
        }
      }
      break;
    }
    case kPhrase: {
      for (;;) {
        SampleDoc d = s.Doc();
        std::optional<std::vector<std::string>> p = s.Phrase(d);
        if (!p) continue;
        std::string text;
        for (const std::string& w : *p) text += (text.empty() ? "" : " ") + w;
        q.ours = Q(text);
        q.match = kTac + Q(text);
        break;
      }
      break;
    }
    case kFieldDate: {
      SampleDoc d = s.Doc();
      while (d.subclasses.empty()) d = s.Doc();
      const std::string sub = s.Pick(d.subclasses);
      const int y = d.year;
      q.needs_meta = true;
      switch (rng.Uniform(5)) {
        case 0: {  // TI=word AND PD>=year
          const std::string& w = s.Pick(d.title_words);
          const int from = y - static_cast<int>(rng.Uniform(4));
          q.ours = "TI=" + w + " AND PD>=" + std::to_string(from);
          q.match = "title : " + Q(w);
          q.filter = "m.pub_date >= " + std::to_string(from) + "0101";
          q.lucene = "title:" + w;
          q.lucene_filter = "pd>=" + std::to_string(from) + "0101";
          break;
        }
        case 1: {  // CC=US AND IPC=H01M AND word
          const std::string& w = s.Pick(d.words);
          q.ours = "CC=" + d.country + " AND IPC=" + sub + " AND " + w;
          q.match = kTac + Q(w);
          q.filter = "m.country = '" + d.country + "' AND " + IpcFilter(sub);
          q.lucene = w;
          q.lucene_filter = "cc=" + d.country + " ipc=" + sub;
          break;
        }
        case 2: {  // AB=word AND PD=[y1 TO y2]
          const std::string& w = s.Pick(d.words);
          const int y1 = y - static_cast<int>(rng.Uniform(3)), y2 = y + static_cast<int>(rng.Uniform(3));
          q.ours = "AB=" + w + " AND PD=[" + std::to_string(y1) + " TO " + std::to_string(y2) + "]";
          q.match = "abstract : " + Q(w);
          q.filter = "m.pub_date BETWEEN " + std::to_string(y1) + "0101 AND " + std::to_string(y2) + "1231";
          q.lucene = "abstract:" + w;
          q.lucene_filter = "pd=" + std::to_string(y1) + "0101.." + std::to_string(y2) + "1231";
          break;
        }
        case 3: {  // TA=(a OR b) AND KD=B2 AND PD<year
          const std::string& a = s.Pick(d.words);
          const std::string b = s.OtherWord({a});
          const int before = y + 1 + static_cast<int>(rng.Uniform(3));
          q.ours = "TA=(" + a + " OR " + b + ") AND KD=" + d.kind + " AND PD<" + std::to_string(before);
          q.match = "{title abstract} : (" + Q(a) + " OR " + Q(b) + ")";
          q.filter = "m.kind = '" + d.kind + "' AND m.pub_date < " + std::to_string(before) + "0101";
          q.lucene = "title:(" + a + " OR " + b + ") OR abstract:(" + a + " OR " + b + ")";
          q.lucene_filter = "kd=" + d.kind + " pd<" + std::to_string(before) + "0101";
          break;
        }
        default: {  // IPC=H01M AND PD>=year AND word word
          auto w = s.PickDistinct(d.words, 2);
          const int from = y - static_cast<int>(rng.Uniform(5));
          q.ours = "IPC=" + sub + " AND PD>=" + std::to_string(from) + " AND " + w[0] + " " + w[1];
          q.match = kTac + ("(" + Q(w[0]) + " AND " + Q(w[1]) + ")");
          q.filter = IpcFilter(sub) + " AND m.pub_date >= " + std::to_string(from) + "0101";
          q.lucene = w[0] + " AND " + w[1];
          q.lucene_filter = "ipc=" + sub + " pd>=" + std::to_string(from) + "0101";
          break;
        }
      }
      break;
    }
  }
  return q;
}

// ---------------------------------------------------------------- running a query

using Facets = std::map<std::string, std::vector<std::pair<std::string, int64_t>>>;

struct Outcome {
  bool ok = false;
  std::string error;
  int64_t total = 0;
  std::vector<std::string> top;  // publication numbers, best first
  Facets facets;
  double ms = 0, cpu_ms = 0;
};

class Ours {
 public:
  explicit Ours(index::Searcher s) : searcher_(std::move(s)) {}
  Outcome Run(const BenchQuery& q, bool facets) {
    Outcome o;
    index::SearchRequest req;
    req.query = q.ours;
    req.limit = kTopK;
    req.facets = facets;
    req.facet_size = kFacetSize;
    const double w0 = Now(), c0 = CpuNow();
    Result<index::SearchResult> res = searcher_.Search(req);
    o.ms = (Now() - w0) * 1e3;
    o.cpu_ms = (CpuNow() - c0) * 1e3;
    if (!res.ok()) {
      o.error = res.status().ToString();
      return o;
    }
    o.ok = true;
    o.total = res->total;
    for (const auto& h : res->hits) o.top.push_back(h.publication_number);
    o.facets = std::move(res->facets);
    return o;
  }

 private:
  index::Searcher searcher_;
};

class Fts5 {
 public:
  Fts5(sqlite3* db, bool temp_facets) : db_(db), temp_(temp_facets) {}
  Outcome Run(const BenchQuery& q, bool facets) {
    Outcome o;
    const double w0 = Now(), c0 = CpuNow();
    o.ok = RunIn(q, facets, o);
    o.ms = (Now() - w0) * 1e3;
    o.cpu_ms = (CpuNow() - c0) * 1e3;
    return o;
  }

 private:
  // Prepares `sql` with ?1 = the MATCH expression and calls row() per row.
  bool Query(const std::string& sql, const std::string& match, Outcome& o, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      o.error = std::string("prepare: ") + sqlite3_errmsg(db_) + " in " + sql;
      sqlite3_finalize(st);
      return false;
    }
    if (sql.find("?1") != std::string::npos)
      sqlite3_bind_text(st, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
    if (rc != SQLITE_DONE) o.error = std::string("step: ") + sqlite3_errmsg(db_) + " in " + sql;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
  }

  static std::string Text(sqlite3_stmt* st, int i) {
    const unsigned char* t = sqlite3_column_text(st, i);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
  }

  bool RunIn(const BenchQuery& q, bool facets, Outcome& o) {
    const std::string join = q.needs_meta ? " JOIN meta m ON m.id = fts.rowid" : "";
    const std::string where = " WHERE fts MATCH ?1" + (q.filter.empty() ? "" : " AND " + q.filter);
    // Top 20 by BM25 (FTS5's bm25() is lower-is-better): rank the rowids alone, then fetch the page's fields.
    const std::string top = "WITH top AS (SELECT fts.rowid AS id, bm25(fts) AS s FROM fts" + join + where +
                            " ORDER BY s LIMIT " + std::to_string(kTopK) +
                            ") SELECT p.publication_number, f.title FROM top JOIN meta p ON p.id = top.id "
                            "JOIN fts f ON f.rowid = top.id ORDER BY top.s";
    std::string title;
    if (!Query(top, q.match, o, [&](sqlite3_stmt* st) {
          o.top.push_back(Text(st, 0));
          title = Text(st, 1);  // fetched, as our hits carry the title
        }))
      return false;
    auto count_row = [&](sqlite3_stmt* st) { o.total = sqlite3_column_int64(st, 0); };
    if (!facets) return Query("SELECT count(*) FROM fts" + join + where, q.match, o, count_row);

    const std::string lim = " LIMIT " + std::to_string(kFacetSize);
    auto facet_rows = [&](const char* name) {
      return [&o, name](sqlite3_stmt* st) { o.facets[name].emplace_back(Text(st, 0), sqlite3_column_int64(st, 1)); };
    };
    std::string hits;  // the FROM clause of the hit set, joined to meta as m
    if (temp_) {
      // The hit set once into an in-memory temp table; the GROUP BYs read it.
      if (!Query("DELETE FROM temp.hits", "", o, [](sqlite3_stmt*) {})) return false;
      if (!Query("INSERT INTO temp.hits SELECT fts.rowid FROM fts" + join + where, q.match, o, [](sqlite3_stmt*) {}))
        return false;
      o.total = sqlite3_changes64(db_);
      hits = "temp.hits h JOIN meta m ON m.id = h.id";
      const std::string none = "";
      return Query("SELECT m.country, count(*) AS c FROM " + hits +
                       " WHERE m.country IS NOT NULL GROUP BY 1 ORDER BY c DESC, 1" + lim,
                   none, o, facet_rows("countries")) &&
             Query("SELECT CAST(m.pub_date / 10000 AS TEXT) AS y, count(*) AS c FROM " + hits +
                       " WHERE m.pub_date IS NOT NULL GROUP BY 1 ORDER BY c DESC, 1" + lim,
                   none, o, facet_rows("years")) &&
             Query("SELECT a.key, count(*) AS c FROM temp.hits h JOIN doc_applicant a ON a.doc = h.id "
                   "GROUP BY 1 ORDER BY c DESC, 1" + lim,
                   none, o, facet_rows("applicants")) &&
             Query("SELECT i.subclass, count(*) AS c FROM temp.hits h JOIN doc_ipc i ON i.doc = h.id "
                   "GROUP BY 1 ORDER BY c DESC, 1" + lim,
                   none, o, facet_rows("ipc_subclasses"));
    }
    // Each GROUP BY over the matching rowids joined to the side tables, MATCH re-run each time.
    const std::string with_meta = " JOIN meta m ON m.id = fts.rowid";
    return Query("SELECT count(*) FROM fts" + join + where, q.match, o, count_row) &&
           Query("SELECT m.country, count(*) AS c FROM fts" + with_meta + where +
                     " AND m.country IS NOT NULL GROUP BY 1 ORDER BY c DESC, 1" + lim,
                 q.match, o, facet_rows("countries")) &&
           Query("SELECT CAST(m.pub_date / 10000 AS TEXT) AS y, count(*) AS c FROM fts" + with_meta + where +
                     " AND m.pub_date IS NOT NULL GROUP BY 1 ORDER BY c DESC, 1" + lim,
                 q.match, o, facet_rows("years")) &&
           Query("SELECT a.key, count(*) AS c FROM fts" + join + " JOIN doc_applicant a ON a.doc = fts.rowid" +
                     where + " GROUP BY 1 ORDER BY c DESC, 1" + lim,
                 q.match, o, facet_rows("applicants")) &&
           Query("SELECT i.subclass, count(*) AS c FROM fts" + join + " JOIN doc_ipc i ON i.doc = fts.rowid" + where +
                     " GROUP BY 1 ORDER BY c DESC, 1" + lim,
                 q.match, o, facet_rows("ipc_subclasses"));
  }

  sqlite3* db_;
  bool temp_;
};

// ---------------------------------------------------------------- statistics

// Nearest-rank percentile of sorted values.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

struct Dist {
  std::vector<double> v;
  void Add(double x) { v.push_back(x); }
  void Sort() { std::sort(v.begin(), v.end()); }
  double P(double p) const { return Percentile(v, p); }
  double Max() const { return v.empty() ? 0 : v.back(); }
};

std::string Ms(double ms) {
  char b[32];
  if (ms >= 1000) std::snprintf(b, sizeof b, "%.0f", ms);
  else if (ms >= 100) std::snprintf(b, sizeof b, "%.1f", ms);
  else std::snprintf(b, sizeof b, "%.2f", ms);
  return b;
}

std::string Ratio(double fts, double ours) {
  if (fts == 0) return "-";
  char b[32];
  std::snprintf(b, sizeof b, "%.2fx", ours > 0 ? fts / ours : 0.0);
  return b;
}

// ---------------------------------------------------------------- main

int Usage(const char* msg) {
  std::fprintf(stderr,
               "search_bench: %s\nusage: search_bench [--docs N] [--seed S] [--queries Q] [--workdir DIR] [--keep] "
               "[--phase all|build|query] [--fts-facets join|temp] [--facets-from columns|slots] [--engines both|ours]\n"
               "       [--descriptions] [--lucene CLASSPATH | --lucene-skipped REASON]\n",
               msg);
  return 2;
}

int PinToOneCpu(int* allowed) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return -1;
  *allowed = CPU_COUNT(&set);
  int cpu = -1;
  for (int c = 0; c < CPU_SETSIZE; ++c)
    if (CPU_ISSET(c, &set)) cpu = c;
  if (cpu < 0) return -1;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  if (sched_setaffinity(0, sizeof one, &one) != 0) return -1;
  return cpu;
}

void PrintPhase(const char* name, const PhaseReport& p, double wall, double cpu, uint64_t disk, bool show_disk) {
  if (!p.ran) return;
  if (!p.ok) {
    std::printf("  %-40s FAILED: %s\n", name, p.error);
    return;
  }
  const double docs_per_s = wall > 0 ? static_cast<double>(p.docs) / wall : 0;
  std::string disk_s = show_disk ? std::to_string(static_cast<int64_t>(Mb(disk) + 0.5)) : "";
  char per_doc[32] = "";
  if (show_disk && p.docs) std::snprintf(per_doc, sizeof per_doc, "%.2f", static_cast<double>(disk) / p.docs / 1e3);
  std::printf("  %-40s %10s %8.1f %8.1f %9s %9s %7s %9.1f\n", name, Commas(p.docs).c_str(), wall, cpu,
              Commas(static_cast<uint64_t>(docs_per_s + 0.5)).c_str(), disk_s.c_str(), per_doc, Mib(p.max_rss_kib));
}

// Sizes of the files (or, for an SQLite database, of its b-trees) that make up a build.
void PrintIndexFiles(const fs::path& index_dir) {
  std::error_code ec;
  std::vector<std::pair<std::string, uint64_t>> files;
  for (const auto& e : fs::directory_iterator(index_dir, ec))
    if (e.is_regular_file(ec) && e.file_size(ec) > 0) files.emplace_back(e.path().filename(), e.file_size(ec));
  std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::printf("  ours, by file:");
  for (const auto& [name, size] : files) std::printf("  %s %.1f MB", name.c_str(), Mb(size));
  std::printf("\n");
}

void PrintFtsBreakdown(const fs::path& fts_db) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(fts_db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return;
  }
  sqlite3_stmt* st = nullptr;
  std::map<std::string, uint64_t> parts;
  if (sqlite3_prepare_v2(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name", -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      const uint64_t bytes = static_cast<uint64_t>(sqlite3_column_int64(st, 1));
      std::string part = name == "fts_data" || name == "fts_idx" ? "FTS5 index (fts_data+fts_idx)"
                         : name == "fts_content"                 ? "FTS5 copy of the text (fts_content)"
                         : name == "fts_docsize"                 ? "FTS5 docsize"
                         : name.starts_with("fts")               ? "FTS5 other"
                         : name == "meta"                        ? "meta"
                         : name.starts_with("doc_") || name.starts_with("sqlite_autoindex_doc")
                             ? "doc_applicant+doc_ipc(+index)"
                             : "other";
      parts[part] += bytes;
    }
    std::printf("  FTS5, by b-tree (dbstat):");
    for (const auto& [name, bytes] : parts) std::printf("  %s %.1f MB;", name.c_str(), Mb(bytes));
    std::printf("\n");
  } else {
    std::printf("  (no FTS5 breakdown: this SQLite has no dbstat table)\n");
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

int Main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--docs" || a == "--seed" || a == "--queries") {
      const char* v = value();
      char* end = nullptr;
      if (!v) return Usage("missing value");
      errno = 0;
      const unsigned long long n = std::strtoull(v, &end, 10);
      if (errno || *end || *v == '-' || (a != "--seed" && n == 0) ||
          (a == "--docs" && n > CorpusGenerator::kMaxDocs) || (a == "--queries" && n > 1'000'000))
        return Usage("bad number");
      (a == "--docs" ? o.docs : a == "--seed" ? o.seed : o.queries) = n;
    } else if (a == "--workdir") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.workdir = v;
    } else if (a == "--phase") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.phase = v;
      if (o.phase != "all" && o.phase != "build" && o.phase != "query") return Usage("unknown phase");
    } else if (a == "--fts-facets") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.fts_facets = v;
      if (o.fts_facets != "temp" && o.fts_facets != "join") return Usage("--fts-facets is join or temp");
    } else if (a == "--facets-from") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.facets_from = v;
      if (o.facets_from != "columns" && o.facets_from != "slots") return Usage("--facets-from is columns or slots");
    } else if (a == "--engines") {
      const char* v = value();
      if (!v || (std::string_view(v) != "both" && std::string_view(v) != "ours"))
        return Usage("--engines is both or ours");
      o.fts = std::string_view(v) == "both";
    } else if (a == "--keep") {
      o.keep = true;
    } else if (a == "--descriptions") {
      o.descriptions = true;
    } else if (a == "--lucene" || a == "--lucene-skipped") {
      const char* v = value();
      if (!v || !*v) return Usage("missing value");
      (a == "--lucene" ? o.lucene_cp : o.lucene_skipped) = v;
    } else {
      return Usage(("unknown argument " + std::string(a)).c_str());
    }
  }
  if (o.phase == "query" && o.workdir.empty()) return Usage("--phase query needs the --workdir of a --phase build");
  if (!o.fts && o.phase != "query") return Usage("--engines ours is for --phase query (a kept build)");
  const bool keep = o.keep || o.phase == "build";

  fs::path dir;
  bool created_dir = false;
  std::error_code ec;
  if (o.workdir.empty()) {
    char tmpl[] = "/tmp/patnav-sbench-XXXXXX";
    if (!mkdtemp(tmpl)) return Usage("cannot create a directory under /tmp");
    dir = tmpl;
    created_dir = true;
  } else {
    dir = o.workdir;
    if (!fs::exists(dir, ec)) {
      fs::create_directories(dir, ec);
      if (ec) return Usage(("cannot create " + o.workdir).c_str());
      created_dir = true;
    }
  }
  dir = fs::absolute(dir);
  const fs::path data = dir / "data", fts_dir = dir / "fts5", fts_db = fts_dir / "fts5.db";

  int allowed = 0;
  const int cpu = PinToOneCpu(&allowed);
  std::printf("search_bench: %s docs, seed %" PRIu64 ", %s queries, phase %s, work dir %s\n", Commas(o.docs).c_str(),
              o.seed, Commas(o.queries).c_str(), o.phase.c_str(), dir.c_str());
  if (cpu >= 0)
    std::printf("one core: pinned to CPU %d of %d allowed (sched_setaffinity); build phases each run in their own "
                "forked process, peak = its ru_maxrss (wait4)\n",
                cpu, allowed);
  else
    std::printf("WARNING: could not pin to one CPU (sched_setaffinity: %s); figures may use several cores\n",
                std::strerror(errno));
  std::printf("corpus: generated USPTO v4.5 grants, %s (title, abstract, claims, parties, classes, citations), "
              "in files of %s docs, each put through RunIngest (search-index update off) into a fresh store, then "
              "deleted\n",
              o.descriptions ? "WITH full descriptions (every engine indexes them too)" : "without descriptions",
              Commas(kChunkDocs).c_str());
  if (o.lucene_cp.empty())
    std::printf("Lucene: skipped (%s)\n", o.lucene_skipped.empty() ? "no --lucene classpath given" : o.lucene_skipped.c_str());
  std::fflush(stdout);

  // ---- build
  PhaseReport phase[kPhases];
  std::string said;
  bool reused = false;
  if (o.phase != "build" && LoadBuild(dir, o, phase, &said)) {
    reused = true;
    std::printf("build: reusing the store, index and FTS5 database in %s (figures below are from the run that "
                "built them)\n",
                dir.c_str());
  } else if (o.phase == "query") {
    std::fprintf(stderr, "search_bench: no complete build of %s docs, seed %" PRIu64 " in %s (run --phase build)\n",
                 Commas(o.docs).c_str(), o.seed, dir.c_str());
    return 1;
  } else {
    // Room for one chunk of XML (~21 KB/doc), the store (~6), our index (~12), FTS5 (~6) and Lucene's TSV and
    // index (~4), with a margin; with descriptions 35 KB/doc of XML and ~110 KB/doc for the rest.
    struct statvfs vfs;
    const double need = static_cast<double>(std::min(o.docs, kChunkDocs)) * (o.descriptions ? 35e3 : 21e3) +
                        static_cast<double>(o.docs) * (o.descriptions ? 110e3 : 36e3);
    if (statvfs(dir.c_str(), &vfs) == 0 &&
        static_cast<double>(vfs.f_bavail) * static_cast<double>(vfs.f_frsize) < need) {
      std::fprintf(stderr, "search_bench: %s has less than the %.1f GB free this needs\n", dir.c_str(), need / 1e9);
      return 1;
    }
    fs::remove(MetaPath(dir), ec);
    fs::remove_all(data, ec);
    fs::remove_all(fts_dir, ec);
    fs::create_directories(data, ec);
    Progress("generate + ingest");
    phase[kGenIngest] = RunInChild([&](PhaseReport& r) { GenerateAndIngest(dir, data, o, r); },
                                   (dir / "bench-ingest.out").string());
    {
      std::ifstream in(dir / "bench-ingest.out");
      for (std::string line; std::getline(in, line);)
        if (line.starts_with("ingest:")) said = line;  // the last chunk's summary
      fs::remove(dir / "bench-ingest.out", ec);
    }
    if (Ok(phase[kGenIngest])) {
      phase[kGenIngest].out_bytes = DirBytes(data);  // the store (the XML size is gone with the files)
      Progress("our index build (PatentIndex::Rebuild)");
      phase[kIndexBuild] = RunInChild([&](PhaseReport& r) { BuildOurIndex(data, r); });
      Progress("store read alone, with descriptions (as Rebuild reads)");
      phase[kReadDesc] = RunInChild([&](PhaseReport& r) { ReadStore(data, true, r); });
      Progress("store read alone, without descriptions (as the FTS5 build reads)");
      phase[kReadNoDesc] = RunInChild([&](PhaseReport& r) { ReadStore(data, false, r); });
      Progress("FTS5 build");
      phase[kFts5Build] = RunInChild([&](PhaseReport& r) { BuildFts5(data, fts_dir, o.descriptions, r); });
    }
    bool all = true;
    for (int i = 0; i < kRequiredPhases; ++i) all = all && Ok(phase[i]);
    if (all) SaveBuild(dir, o, phase, said);
  }
  const fs::path lucene_dir = dir / "lucene";
  if (!o.lucene_cp.empty() && Ok(phase[kFts5Build]) && !Ok(phase[kLuceneBuild])) {
    const fs::path tsv = dir / "lucene-docs.tsv";
    Progress("export from the store for Lucene");
    phase[kLuceneExport] = RunInChild([&](PhaseReport& r) { ExportForLucene(data, tsv, o.descriptions, r); });
    if (Ok(phase[kLuceneExport])) {
      Progress("Lucene build (LuceneBench index)");
      BuildLucene(o.lucene_cp, tsv, lucene_dir, phase[kLuceneBuild]);
    }
    fs::remove(tsv, ec);
    bool all = true;
    for (int i = 0; i < kRequiredPhases; ++i) all = all && Ok(phase[i]);
    if (all) SaveBuild(dir, o, phase, said);
  }

  std::printf("\nbuild (one core; docs/s per wall second; on disk after the phase, MB = 10^6 bytes)\n");
  std::printf("  %-40s %10s %8s %8s %9s %9s %7s %9s\n", "phase", "docs", "wall s", "CPU s", "docs/s", "disk MB",
              "KB/doc", "peak MiB");
  const PhaseReport& g = phase[kGenIngest];
  PrintPhase("generate corpus (XML, not kept)", g, g.wall, g.cpu, 0, false);
  PrintPhase("ingest (patnav ingest path) -> store", g, g.wall2, g.cpu2, g.out_bytes, true);
  const PhaseReport& ix = phase[kIndexBuild];
  PrintPhase("OUR INDEX: PatentIndex::Rebuild", ix, ix.wall, ix.cpu, ix.out_bytes, true);
  const PhaseReport& fb = phase[kFts5Build];
  PrintPhase("FTS5 BASELINE: table + side tables", fb, fb.wall, fb.cpu, fb.out_bytes, true);
  PrintPhase("  of which FTS5 'optimize'", fb, fb.wall2, fb.cpu2, 0, false);
  const PhaseReport& lb = phase[kLuceneBuild];
  PrintPhase("LUCENE BASELINE: IndexWriter, English", lb, lb.wall, lb.cpu, lb.out_bytes, true);
  PrintPhase("  of which forceMerge(1)", lb, lb.wall2, lb.cpu2, 0, false);
  PrintPhase("export from the store for Lucene (TSV)", phase[kLuceneExport], phase[kLuceneExport].wall,
             phase[kLuceneExport].cpu, phase[kLuceneExport].out_bytes, true);
  PrintPhase("store read alone, with descriptions", phase[kReadDesc], phase[kReadDesc].wall, phase[kReadDesc].cpu, 0,
             false);
  PrintPhase("store read alone, without descriptions", phase[kReadNoDesc], phase[kReadNoDesc].wall,
             phase[kReadNoDesc].cpu, 0, false);
  std::printf("  (peak MiB of the ingest row is the generate+ingest process; docs/s of the 'of which' row is over "
              "the whole build's docs)\n");
  for (const auto& [name, p] : {std::pair<const char*, const PhaseReport*>{"index build", &ix}, {"FTS5 build", &fb},
                                {"Lucene build", &lb}})
    if (Ok(*p) && p->wall > 0.5 && p->cpu < 0.9 * p->wall)
      std::printf("  note: the %s was on the CPU only %.0f%% of its wall time (I/O waits, or other processes on CPU "
                  "%d): its figures understate the code\n",
                  name, 100 * p->cpu / p->wall, cpu);
  if (Ok(ix)) {
    std::printf("  note: Rebuild runs a reader/builder thread and a writer thread; pinned, they share one core "
                "(the FTS5 build is single-threaded)\n");
  }
  if (!said.empty()) std::printf("  patnav ingest said (last file): %s\n", said.c_str());

  bool all_built = true;
  for (int i = 0; i < kRequiredPhases; ++i) all_built = all_built && Ok(phase[i]);
  if (Ok(ix) && Ok(fb)) {
    const double ours_dps = ix.docs / ix.wall, fts_dps = fb.docs / fb.wall;
    std::printf("\nbuild against FTS5 (ratio = ours / FTS5 docs/s, FTS5 / ours size; > 1 is better for us)\n");
    std::printf("  index build   ours %s docs/s (%.1f s)   FTS5 %s docs/s (%.1f s)   %.2fx\n",
                Commas(static_cast<uint64_t>(ours_dps + 0.5)).c_str(), ix.wall,
                Commas(static_cast<uint64_t>(fts_dps + 0.5)).c_str(), fb.wall, ours_dps / fts_dps);
    std::printf("  size on disk  ours %.1f MB (%.2f KB/doc)   FTS5 %.1f MB (%.2f KB/doc)   %.2fx\n", Mb(ix.out_bytes),
                static_cast<double>(ix.out_bytes) / ix.docs / 1e3, Mb(fb.out_bytes),
                static_cast<double>(fb.out_bytes) / fb.docs / 1e3,
                static_cast<double>(fb.out_bytes) / static_cast<double>(ix.out_bytes));
    if (Ok(phase[kReadDesc]) && Ok(phase[kReadNoDesc])) {
      const double ours_net = ix.wall - phase[kReadDesc].wall,
                   fts_net = fb.wall - phase[o.descriptions ? kReadDesc : kReadNoDesc].wall;
      std::printf("  without the store read (build - read alone): ours %.1f s, FTS5 %.1f s   %.2fx\n", ours_net,
                  fts_net, ours_net > 0 ? fts_net / ours_net : 0.0);
    }
    if (Ok(lb)) {
      const double luc_dps = lb.docs / lb.wall;
      std::printf("  Lucene        %s docs/s (%.1f s; its own timing, JVM start-up excluded, reading the exported TSV "
                  "included; %s segment after forceMerge(1))\n",
                  Commas(static_cast<uint64_t>(luc_dps + 0.5)).c_str(), lb.wall, Commas(lb.checksum).c_str());
      std::printf("  ours / Lucene docs/s %.2fx (without our store read %.2fx)   FTS5 / Lucene docs/s %.2fx\n",
                  ours_dps / luc_dps,
                  Ok(phase[kReadDesc]) && ix.wall > phase[kReadDesc].wall
                      ? lb.wall / (ix.wall - phase[kReadDesc].wall)
                      : 0.0,
                  fts_dps / luc_dps);
      std::printf("  size on disk  Lucene %.1f MB (%.2f KB/doc)   Lucene / ours %.3fx   Lucene / FTS5 %.3fx\n",
                  Mb(lb.out_bytes), static_cast<double>(lb.out_bytes) / lb.docs / 1e3,
                  static_cast<double>(lb.out_bytes) / static_cast<double>(ix.out_bytes),
                  static_cast<double>(lb.out_bytes) / static_cast<double>(fb.out_bytes));
      std::printf("  Lucene: one IndexWriter thread, 64 MB RAM buffer, EnglishAnalyzer (Porter stemmer, English stop "
                  "words), title stored + publication number stored, abstract, claims%s with positions and "
                  "frequencies;\n  country, kind, IPC subclasses as keywords, publication date as an IntPoint; the "
                  "JVM (java -Xms1g -Xmx2g) pinned to the same core; peak MiB = the JVM's RSS\n",
                  o.descriptions ? ", description" : "");
    }
    PrintIndexFiles(index::PatentIndex::IndexDir(data));
    PrintFtsBreakdown(fts_db);
    std::printf("  what each holds: ours indexes title, abstract and claims once each (TAC searches the three)%s, "
                "with positions, English stems as extra terms, names, codes, values and hit data;\n"
                "  FTS5 (detail=full, porter) indexes title, abstract, claims, applicants, inventors%s with positions, "
                "keeps a copy of that text, plus the side tables\n",
                o.descriptions ? " and the description" : "", o.descriptions ? ", description" : "");
  }
  std::fflush(stdout);
  if (!all_built) {
    std::printf("\nsearch_bench: a build phase failed; no queries run\n");
    return 1;
  }
  if (o.phase == "build") {
    std::printf("\nkept the build in %s (search_bench --phase query --workdir %s --docs %s --seed %" PRIu64 ")\n",
                dir.c_str(), dir.c_str(), std::to_string(o.docs).c_str(), o.seed);
    return 0;
  }

  // ---- queries
  sqlite3* sql = nullptr;
  if (sqlite3_open_v2(fts_db.c_str(), &sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "search_bench: cannot open %s\n", fts_db.c_str());
    return 1;
  }
  std::string err;
  for (const char* p : kFtsPragmas)
    if (!Exec(sql, p, &err)) std::fprintf(stderr, "search_bench: %s\n", err.c_str());
  Exec(sql, "CREATE TEMP TABLE hits(id INTEGER PRIMARY KEY)", &err);

  std::vector<BenchQuery> mix;
  {
    Sampler sampler(sql, o.seed ^ 0x5eacb0c4ull);
    if (!sampler.ok()) {
      std::fprintf(stderr, "search_bench: cannot sample the corpus from %s\n", fts_db.c_str());
      return 1;
    }
    for (uint64_t i = 0; i < o.queries; ++i) mix.push_back(MakeQuery(static_cast<QueryClass>(i % kClasses), sampler));
  }
  Result<index::Searcher> searcher = index::Searcher::Open(data);
  if (!searcher.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", searcher.status().ToString().c_str());
    return 1;
  }
  double columns_seconds = 0, columns_cpu = 0;
  size_t columns_bytes = 0, posting_bytes = 0, posting_terms = 0;
  uint64_t posting_postings = 0;
  if (o.facets_from == "columns") {
    searcher->KeepFacetColumns(true);
    const double w0 = Now(), c0 = CpuNow();
    if (Status st = searcher->LoadFacetColumns(); !st.ok()) {
      std::fprintf(stderr, "search_bench: %s\n", st.ToString().c_str());
      return 1;
    }
    columns_seconds = Now() - w0;
    columns_cpu = CpuNow() - c0;
    columns_bytes = searcher->FacetColumnsBytes();
    if (const index::PostingColumns* pc = searcher->posting_columns()) {
      posting_bytes = pc->MemoryBytes();
      posting_terms = pc->terms();
      posting_postings = pc->postings();
    }
  }
  Ours ours(std::move(*searcher));
  Fts5 fts(sql, o.fts_facets == "temp");

  std::printf("\nquery mix: %s queries drawn with seed %" PRIu64 " from the titles and abstracts of random stored "
              "documents, classes in rotation; each run without and with facets\n",
              Commas(mix.size()).c_str(), o.seed);
  for (int c = 0; c < kClasses; ++c) {
    std::printf("  %-24s e.g.", kClassNames[c]);
    int shown = 0;
    for (const BenchQuery& q : mix)
      if (q.cls == c && shown < 3) std::printf("%s %s", shown++ ? "  |" : "", q.ours.c_str());
    std::printf("\n");
  }
  const BenchQuery* example = nullptr;
  for (const BenchQuery& q : mix)
    if (q.cls == kFieldDate && q.ours.find("IPC=") != std::string::npos) example = example ? example : &q;
  if (example)
    std::printf("  translation, e.g.  ours: %s\n                     FTS5: MATCH '%s' AND %s\n", example->ours.c_str(),
                example->match.c_str(), example->filter.c_str());
  std::printf("  ours: Searcher::Search {query, offset 0, limit 20, relevance (BM25), facets 10 values each}; "
              "the total is exact (every match checked)\n");
  if (o.facets_from == "columns")
    std::printf("        a long-lived searcher (Searcher::KeepFacetColumns, as the server's): the hit set as bitmaps "
                "from posting lists and date columns, the page ranked by BM25 over it (ranked_page.h; phrases matched "
                "once by\n        phrase_match.h; queries with NEAR or word wildcards: the page from Xapian's matcher), "
                "the facets from facet "
                "columns; columns loaded once before the queries in %.2f s wall, %.2f s CPU (not in the latencies):\n"
                "        facet and date columns %.1f MiB, posting columns %.1f MiB (%s frequent terms, %s postings, "
                "and document lengths)\n",
                columns_seconds, columns_cpu, static_cast<double>(columns_bytes) / (1 << 20),
                static_cast<double>(posting_bytes) / (1 << 20), Commas(posting_terms).c_str(),
                Commas(posting_postings).c_str());
  else
    std::printf("        facets counted from the value slots of each hit (FacetSpy: what a one-shot `patnav search` does)\n");
  std::printf("  FTS5: top 20 = rowids ranked by bm25(fts) LIMIT 20, then their publication_number and title; "
              "total = count(*)");
  if (o.fts_facets == "temp")
    std::printf(";\n        facets = the matching rowids INSERTed once into an in-memory temp table (its row "
                "count is the total), then 4 GROUP BY ... ORDER BY count DESC LIMIT 10 joined to the side tables\n");
  else
    std::printf(";\n        facets = count(*) and 4 GROUP BY ... ORDER BY count DESC LIMIT 10, each re-running "
                "the MATCH joined to the side tables\n");
  std::printf("  every statement is prepared per query (as our query is parsed per query)\n");
  std::printf("  Chinese: the corpus (US grants) has no Chinese text, so the mix has no Chinese queries; FTS5's "
              "unicode61 would not segment them (a run of Han characters is one token)\n");
  std::fflush(stdout);

  struct Run {
    Outcome ours_nf, ours_f, fts_nf, fts_f;
  };
  std::vector<Run> runs(mix.size());
  bool all_ran = true;
  int errors_shown = 0;
  auto note_error = [&](const char* who, const BenchQuery& q, const Outcome& out) {
    if (out.ok) return;
    all_ran = false;
    if (errors_shown++ < 5) std::printf("  ERROR %s: %s: %s\n", who, q.ours.c_str(), out.error.c_str());
  };
  Progress("query mix, warm-up pass (untimed)");
  double warm0 = Now();
  for (const BenchQuery& q : mix) {
    ours.Run(q, false);
    ours.Run(q, true);
    if (!o.fts) continue;
    fts.Run(q, false);
    fts.Run(q, true);
  }
  const double warm_s = Now() - warm0;
  Progress("query mix, timed pass");
  const double timed0 = Now();
  for (size_t i = 0; i < mix.size(); ++i) {
    // Interleaved, so that other load on the machine falls on both engines alike.
    runs[i].ours_nf = ours.Run(mix[i], false);
    if (o.fts) runs[i].fts_nf = fts.Run(mix[i], false);
    runs[i].ours_f = ours.Run(mix[i], true);
    if (o.fts) runs[i].fts_f = fts.Run(mix[i], true);
    note_error("ours", mix[i], runs[i].ours_nf);
    note_error("ours", mix[i], runs[i].ours_f);
    if (!o.fts) continue;
    note_error("FTS5", mix[i], runs[i].fts_nf);
    note_error("FTS5", mix[i], runs[i].fts_f);
    if ((i + 1) % 100 == 0) std::fprintf(stderr, "    %zu of %zu queries\n", i + 1, mix.size());
  }
  const double timed_s = Now() - timed0;

  // ---- Lucene: the same mix, in its own process (LuceneBench search), after ours and FTS5's timed pass
  std::vector<Outcome> luc(mix.size());
  bool lucene_ran = false;
  std::string lucene_said;
  if (!o.lucene_cp.empty() && Ok(phase[kLuceneBuild])) {
    Progress("Lucene: passes over the mix until its latency is stable, then the timed pass (LuceneBench search)");
    const fs::path qf = dir / "lucene-queries.tsv", rf = dir / "lucene-results.tsv", lo = dir / "lucene-search.out",
                   le = dir / "lucene-search.err";
    {
      std::ofstream out(qf);
      for (const BenchQuery& q : mix)
        out << q.cls << '\t' << (q.lucene.empty() ? q.ours : q.lucene) << '\t' << q.lucene_filter << '\n';
    }
    std::vector<std::string> argv = JavaArgs(o.lucene_cp);
    argv.insert(argv.end(), {"search", lucene_dir.string(), qf.string(), rf.string()});
    rusage ru;
    const int rc = RunProgram(argv, lo, le, &ru);
    lucene_said = FileText(lo);
    if (rc != 0) {
      std::printf("  ERROR Lucene: LuceneBench search exited with %d: %s\n", rc, FileText(le).c_str());
      all_ran = false;
    } else {
      std::ifstream in(rf);
      size_t i = 0;
      for (std::string line; std::getline(in, line) && i < mix.size(); ++i) {
        Outcome& out = luc[i];
        std::vector<std::string> f;
        for (size_t a = 0, b; a <= line.size(); a = b + 1) {
          b = line.find('\t', a);
          if (b == std::string::npos) b = line.size();
          f.push_back(line.substr(a, b - a));
        }
        if (f.size() == 4 && f[0] != "error") {
          out.ok = true;
          out.ms = std::atof(f[0].c_str());
          out.cpu_ms = std::atof(f[1].c_str());
          out.total = std::atoll(f[2].c_str());
          for (size_t a = 0, b; a < f[3].size(); a = b + 1) {
            b = f[3].find(',', a);
            if (b == std::string::npos) b = f[3].size();
            out.top.push_back(f[3].substr(a, b - a));
          }
        } else {
          out.error = f.size() > 1 ? f[1] : line;
          all_ran = false;
          if (errors_shown++ < 5) std::printf("  ERROR Lucene: %s: %s\n", mix[i].ours.c_str(), out.error.c_str());
        }
      }
      lucene_ran = i == mix.size();
      if (!lucene_ran) {
        std::printf("  ERROR Lucene: %zu results for %zu queries\n", i, mix.size());
        all_ran = false;
      }
    }
    std::error_code rm;
    for (const fs::path& f : {qf, rf, lo, le}) fs::remove(f, rm);
  }

  // ---- latency table
  struct Row {
    std::string name;
    Dist ours, fts;
    std::vector<double> hits;
    double ours_cpu = 0, ours_wall = 0, fts_cpu = 0, fts_wall = 0;
  };
  auto fill = [&](Row& row, int cls, int facets /* 0, 1, 2 = both */) {
    for (size_t i = 0; i < mix.size(); ++i) {
      if (cls >= 0 && mix[i].cls != cls) continue;
      for (int f = 0; f < 2; ++f) {
        if (facets != 2 && f != facets) continue;
        const Outcome& a = f ? runs[i].ours_f : runs[i].ours_nf;
        const Outcome& b = f ? runs[i].fts_f : runs[i].fts_nf;
        if (!a.ok || (o.fts && !b.ok)) continue;
        row.ours.Add(a.ms);
        if (o.fts) row.fts.Add(b.ms);
        row.hits.push_back(static_cast<double>(a.total));
        row.ours_cpu += a.cpu_ms;
        row.ours_wall += a.ms;
        row.fts_cpu += b.cpu_ms;
        row.fts_wall += b.ms;
      }
    }
    row.ours.Sort();
    row.fts.Sort();
    std::sort(row.hits.begin(), row.hits.end());
  };
  std::vector<Row> rows;
  for (int c = 0; c < kClasses; ++c)
    for (int f = 0; f < 2; ++f) {
      Row r;
      r.name = std::string(kClassNames[c]) + (f ? ", facets" : "");
      fill(r, c, f);
      rows.push_back(std::move(r));
    }
  Row all_nf, all_f, all_both;
  all_nf.name = "all, no facets";
  all_f.name = "all, facets";
  all_both.name = "all";
  fill(all_nf, -1, 0);
  fill(all_f, -1, 1);
  fill(all_both, -1, 2);

  std::printf("\nlatency, ms (one core, warm; top %d by relevance + exact total [+ 4 facets over the whole hit set]); "
              "ratio = FTS5 / ours, > 1: we are faster\n",
              kTopK);
  std::printf("  %-36s %5s %8s | %7s %7s %7s %7s | %7s %7s %7s %7s | %7s %7s\n", "class", "n", "med hits", "ours p50",
              "p95", "p99", "max", "FTS p50", "p95", "p99", "max", "p50 x", "p95 x");
  auto print_row = [](const Row& r) {
    if (r.ours.v.empty()) return;
    std::printf("  %-36s %5zu %8s | %8s %7s %7s %7s | %7s %7s %7s %7s | %7s %7s\n", r.name.c_str(), r.ours.v.size(),
                Commas(static_cast<uint64_t>(Percentile(r.hits, 0.5))).c_str(), Ms(r.ours.P(0.5)).c_str(),
                Ms(r.ours.P(0.95)).c_str(), Ms(r.ours.P(0.99)).c_str(), Ms(r.ours.Max()).c_str(),
                Ms(r.fts.P(0.5)).c_str(), Ms(r.fts.P(0.95)).c_str(), Ms(r.fts.P(0.99)).c_str(),
                Ms(r.fts.Max()).c_str(), Ratio(r.fts.P(0.5), r.ours.P(0.5)).c_str(),
                Ratio(r.fts.P(0.95), r.ours.P(0.95)).c_str());
  };
  for (const Row& r : rows) print_row(r);
  print_row(all_nf);
  print_row(all_f);
  print_row(all_both);
  std::printf("  (med hits = median exact total of ours; warm-up pass %.1f s, timed pass %.1f s)\n", warm_s, timed_s);
  if (all_both.ours_wall > 0 && all_both.ours_cpu < 0.9 * all_both.ours_wall)
    std::printf("  note: our queries were on the CPU only %.0f%% of their wall time (I/O waits or other processes "
                "on CPU %d)\n",
                100 * all_both.ours_cpu / all_both.ours_wall, cpu);
  if (all_both.fts_wall > 0 && all_both.fts_cpu < 0.9 * all_both.fts_wall)
    std::printf("  note: the FTS5 queries were on the CPU only %.0f%% of their wall time (I/O waits or other "
                "processes on CPU %d)\n",
                100 * all_both.fts_cpu / all_both.fts_wall, cpu);

  if (lucene_ran) {
    std::printf("\nagainst Lucene: latency without facets, ms (Lucene has no facets here; ratio = Lucene / ours, > 1: "
                "we are faster)\n");
    std::printf("  Lucene: its own process on the same core, after the others' timed pass; %s\n",
                lucene_said.c_str());
    std::printf("  %-26s %5s %9s %9s | %8s %7s %7s | %7s %7s %7s | %7s %7s %7s | %6s %6s %6s\n", "class", "n",
                "ours hits", "Luc. hits", "ours p50", "p95", "p99", "Luc p50", "p95", "p99", "FTS p50", "p95", "p99",
                "p50 x", "p95 x", "p99 x");
    for (int k = 0; k <= kClasses; ++k) {
      const int c = k == kClasses ? -1 : k;  // the classes, then all
      Dist a, l, f;
      std::vector<double> ha, hl;
      for (size_t i = 0; i < mix.size(); ++i) {
        if (c >= 0 && mix[i].cls != c) continue;
        if (!runs[i].ours_nf.ok || !luc[i].ok) continue;
        a.Add(runs[i].ours_nf.ms);
        l.Add(luc[i].ms);
        if (o.fts && runs[i].fts_nf.ok) f.Add(runs[i].fts_nf.ms);
        ha.push_back(static_cast<double>(runs[i].ours_nf.total));
        hl.push_back(static_cast<double>(luc[i].total));
      }
      if (a.v.empty()) continue;
      a.Sort();
      l.Sort();
      f.Sort();
      std::sort(ha.begin(), ha.end());
      std::sort(hl.begin(), hl.end());
      std::printf("  %-26s %5zu %9s %9s | %8s %7s %7s | %7s %7s %7s | %7s %7s %7s | %6s %6s %6s\n",
                  c < 0 ? "all, no facets" : kClassNames[c], a.v.size(),
                  Commas(static_cast<uint64_t>(Percentile(ha, 0.5))).c_str(),
                  Commas(static_cast<uint64_t>(Percentile(hl, 0.5))).c_str(), Ms(a.P(0.5)).c_str(),
                  Ms(a.P(0.95)).c_str(), Ms(a.P(0.99)).c_str(), Ms(l.P(0.5)).c_str(), Ms(l.P(0.95)).c_str(),
                  Ms(l.P(0.99)).c_str(), f.v.empty() ? "-" : Ms(f.P(0.5)).c_str(),
                  f.v.empty() ? "-" : Ms(f.P(0.95)).c_str(), f.v.empty() ? "-" : Ms(f.P(0.99)).c_str(),
                  Ratio(l.P(0.5), a.P(0.5)).c_str(), Ratio(l.P(0.95), a.P(0.95)).c_str(),
                  Ratio(l.P(0.99), a.P(0.99)).c_str());
    }
    std::printf("  (hits = median exact total; Lucene's total is exact too: TopScoreDocCollector with no hit "
                "threshold, so no block-max pruning)\n");

    std::printf("\nhit counts against Lucene (totals without facets)\n");
    std::printf("  %-26s %5s %13s %9s %9s %26s %14s %15s\n", "class", "n", "ours = Luc.", "ours >", "Luc. >",
                "differing: median |d|/max", "top-20 overlap", "FTS5 = Luc.");
    std::vector<std::pair<const BenchQuery*, std::pair<int64_t, int64_t>>> luc_examples[kClasses];
    for (int k = 0; k <= kClasses; ++k) {
      const int c = k == kClasses ? -1 : k;
      uint64_t n = 0, equal = 0, ours_more = 0, luc_more = 0, fts_n = 0, fts_equal = 0, overlap_n = 0;
      double overlap = 0;
      std::vector<double> rel;
      for (size_t i = 0; i < mix.size(); ++i) {
        if (c >= 0 && mix[i].cls != c) continue;
        const Outcome &a = runs[i].ours_nf, &l = luc[i];
        if (!a.ok || !l.ok) continue;
        ++n;
        if (a.total == l.total) {
          ++equal;
        } else {
          (a.total > l.total ? ours_more : luc_more)++;
          rel.push_back(static_cast<double>(std::llabs(a.total - l.total)) /
                        static_cast<double>(std::max(a.total, l.total)));
          if (c >= 0) luc_examples[c].push_back({&mix[i], {a.total, l.total}});
        }
        if (o.fts && runs[i].fts_nf.ok) {
          ++fts_n;
          fts_equal += runs[i].fts_nf.total == l.total;
        }
        std::set<std::string> top(a.top.begin(), a.top.end());
        size_t common = 0;
        for (const std::string& pn : l.top) common += top.count(pn);
        const size_t denom = std::min(a.top.size(), l.top.size());
        if (denom) {
          overlap += static_cast<double>(common) / static_cast<double>(denom);
          ++overlap_n;
        }
      }
      std::sort(rel.begin(), rel.end());
      char eq[32], ov[32], fe[32];
      std::snprintf(eq, sizeof eq, "%.1f%%", n ? 100.0 * equal / n : 0.0);
      std::snprintf(ov, sizeof ov, "%.0f%%", overlap_n ? 100 * overlap / overlap_n : 0.0);
      if (fts_n) std::snprintf(fe, sizeof fe, "%.1f%%", 100.0 * fts_equal / fts_n);
      else std::snprintf(fe, sizeof fe, "-");
      std::printf("  %-26s %5s %13s %9s %9s %25.1f%% %14s %15s\n", c < 0 ? "all" : kClassNames[c],
                  Commas(n).c_str(), eq, Commas(ours_more).c_str(), Commas(luc_more).c_str(),
                  100 * Percentile(rel, 0.5), ov, fe);
    }
    std::printf("  examples of differing totals (query: ours / Lucene):\n");
    for (int c = 0; c < kClasses; ++c) {
      auto& ex = luc_examples[c];
      std::sort(ex.begin(), ex.end(), [](const auto& x, const auto& y) {
        return std::llabs(x.second.first - x.second.second) > std::llabs(y.second.first - y.second.second);
      });
      std::set<std::string> shown;
      for (size_t k = 0; k < ex.size() && shown.size() < 3; ++k) {
        if (!shown.insert(ex[k].first->ours).second) continue;
        std::printf("    %-24s %-60s %s / %s\n", shown.size() > 1 ? "" : kClassNames[c], ex[k].first->ours.c_str(),
                    Commas(static_cast<uint64_t>(ex[k].second.first)).c_str(),
                    Commas(static_cast<uint64_t>(ex[k].second.second)).c_str());
      }
    }
    std::printf("  why totals can differ: Lucene's EnglishAnalyzer stems with the original Porter algorithm (as FTS5) "
                "where ours uses Porter2, drops 33 English stop words (a phrase keeps a hole where one was,\n"
                "  matching any word there) and strips possessives; its phrases match stems (as FTS5's), ours are "
                "exact; its claims field is the claims joined, so a phrase may run from one claim into the next\n");
  }

  // ---- targets
  std::printf("\ntargets\n");
  const bool p50_ok = !all_f.ours.v.empty() && all_f.ours.P(0.5) < kTargetP50Ms;
  std::printf("  p50 with facets under %.0f ms (all %s queries with facets): ours %s ms -> %s\n", kTargetP50Ms,
              Commas(all_f.ours.v.size()).c_str(), Ms(all_f.ours.P(0.5)).c_str(), p50_ok ? "PASS" : "FAIL");
  if (!o.fts) {
    std::printf("  FTS5 not run (--engines ours): no comparison, no agreement check\n");
    sqlite3_close(sql);
    return all_ran ? 0 : 1;
  }
  {
    const Row* worst = nullptr;
    bool faster = true;
    for (const Row& r : rows) {
      if (r.ours.v.empty()) continue;
      const double x = r.fts.P(0.5) / r.ours.P(0.5);
      if (!worst || x < worst->fts.P(0.5) / worst->ours.P(0.5)) worst = &r;
      faster = faster && x > 1;
    }
    std::printf("  faster than FTS5 on every query class (p50, each class without and with facets): %s",
                faster && worst ? "PASS" : "FAIL");
    if (worst)
      std::printf(" (smallest ratio %s, %s)", Ratio(worst->fts.P(0.5), worst->ours.P(0.5)).c_str(),
                  worst->name.c_str());
    std::printf("\n");
    std::vector<std::string> slower95;
    for (const Row& r : rows)
      if (!r.ours.v.empty() && r.fts.P(0.95) <= r.ours.P(0.95)) slower95.push_back(r.name);
    if (slower95.empty()) {
      std::printf("  (also at p95 on every class)\n");
    } else {
      std::printf("  (at p95 FTS5 is as fast or faster on:");
      for (const std::string& n : slower95) std::printf(" [%s]", n.c_str());
      std::printf(")\n");
    }
  }

  // ---- agreement
  std::printf("\nhit counts, ours vs FTS5 (the facet runs; semantics coincide by construction except for "
              "stemming and phrases, see below)\n");
  std::printf("  %-26s %5s %12s %9s %9s %27s %18s %14s\n", "class", "n", "equal total", "ours >", "FTS5 >",
              "differing: median |d|/max", "facets equal (of)", "top-20 overlap");
  struct Disagreement {
    const BenchQuery* q;
    int64_t ours, fts;
  };
  std::vector<Disagreement> examples[kClasses];
  std::vector<std::pair<const BenchQuery*, std::string>> facet_mismatches;  // equal totals, a facet differs
  uint64_t all_equal = 0, all_n = 0;
  bool consistent = true;
  for (int c = -1; c < kClasses; ++c) {
    uint64_t n = 0, equal = 0, ours_more = 0, fts_more = 0, facets_equal = 0;
    std::vector<double> rel;
    double overlap = 0;
    uint64_t overlap_n = 0;
    for (size_t i = 0; i < mix.size(); ++i) {
      if (c >= 0 && mix[i].cls != c) continue;
      const Run& r = runs[i];
      if (!r.ours_f.ok || !r.fts_f.ok || !r.ours_nf.ok || !r.fts_nf.ok) continue;
      if (c >= 0 && (r.ours_f.total != r.ours_nf.total || r.fts_f.total != r.fts_nf.total)) consistent = false;
      ++n;
      const int64_t a = r.ours_f.total, b = r.fts_f.total;
      if (a == b) {
        ++equal;
        // A facet without values counts as absent (FTS5 returns no rows for it).
        std::string which;
        for (const char* name : {"applicants", "countries", "ipc_subclasses", "years"}) {
          auto x = r.ours_f.facets.find(name), y = r.fts_f.facets.find(name);
          const bool x_empty = x == r.ours_f.facets.end() || x->second.empty();
          const bool y_empty = y == r.fts_f.facets.end() || y->second.empty();
          if (x_empty != y_empty || (!x_empty && x->second != y->second))
            which += (which.empty() ? "" : ", ") + std::string(name);
        }
        if (which.empty()) ++facets_equal;
        else if (c >= 0) facet_mismatches.push_back({&mix[i], which});
      } else {
        (a > b ? ours_more : fts_more)++;
        if (c >= 0) examples[c].push_back({&mix[i], a, b});
      }
      if (a != b) rel.push_back(static_cast<double>(std::llabs(a - b)) / static_cast<double>(std::max(a, b)));
      std::set<std::string> top(r.ours_f.top.begin(), r.ours_f.top.end());
      size_t common = 0;
      for (const std::string& pn : r.fts_f.top) common += top.count(pn);
      const size_t denom = std::min(r.ours_f.top.size(), r.fts_f.top.size());
      if (denom) {
        overlap += static_cast<double>(common) / static_cast<double>(denom);
        ++overlap_n;
      }
    }
    std::sort(rel.begin(), rel.end());
    if (c < 0) {
      all_equal = equal;
      all_n = n;
      continue;
    }
    char eq[32], fe[32], ov[32];
    std::snprintf(eq, sizeof eq, "%.1f%%", n ? 100.0 * equal / n : 0.0);
    std::snprintf(fe, sizeof fe, "%s (%s)", Commas(facets_equal).c_str(), Commas(equal).c_str());
    std::snprintf(ov, sizeof ov, "%.0f%%", overlap_n ? 100 * overlap / overlap_n : 0.0);
    std::printf("  %-26s %5s %12s %9s %9s %26.1f%% %18s %14s\n", kClassNames[c], Commas(n).c_str(), eq,
                Commas(ours_more).c_str(), Commas(fts_more).c_str(), 100 * Percentile(rel, 0.5), fe, ov);
  }
  std::printf("  all: %s of %s queries (%.1f%%) have the same total on both engines\n", Commas(all_equal).c_str(),
              Commas(all_n).c_str(), all_n ? 100.0 * all_equal / all_n : 0.0);
  if (!consistent) std::printf("  WARNING: some query's total differs between its runs with and without facets\n");
  std::printf("  examples of differing totals (query: ours / FTS5):\n");
  for (int c = 0; c < kClasses; ++c) {
    auto& ex = examples[c];
    std::sort(ex.begin(), ex.end(), [](const Disagreement& x, const Disagreement& y) {
      return std::llabs(x.ours - x.fts) > std::llabs(y.ours - y.fts);
    });
    std::set<std::string> shown;
    for (size_t k = 0; k < ex.size() && shown.size() < 3; ++k) {
      if (!shown.insert(ex[k].q->ours).second) continue;  // the mix may hold a query twice
      std::printf("    %-24s %-60s %s / %s\n", shown.size() > 1 ? "" : kClassNames[c], ex[k].q->ours.c_str(),
                  Commas(static_cast<uint64_t>(ex[k].ours)).c_str(), Commas(static_cast<uint64_t>(ex[k].fts)).c_str());
    }
  }
  if (!facet_mismatches.empty()) {
    std::printf("  equal totals but differing facets (the hit sets differ although their sizes agree, or a facet "
                "is computed differently):\n");
    for (size_t k = 0; k < facet_mismatches.size() && k < 5; ++k)
      std::printf("    %-60s differs in: %s\n", facet_mismatches[k].first->ours.c_str(),
                  facet_mismatches[k].second.c_str());
  }
  std::printf("  why totals can differ: our words match by Xapian's English (Porter2/Snowball) stem, FTS5's by the "
              "original Porter stemmer, which conflate some words differently;\n"
              "  our phrases are exact (unstemmed), FTS5 phrases match stems ('\"electric vehicles\"' finds "
              "'electric vehicle'); FTS5's claims column is the claims joined, so a phrase may run from one claim\n"
              "  into the next (ours leaves a gap). Ranking: both BM25 with k1 = 1.2, b = 0.75, but our document "
              "length counts every term of the document (stems and names included) and FTS5's the\n"
              "  tokens of its columns, and ties fall differently, so the top 20 overlap only partly\n");

  sqlite3_close(sql);

  // ---- clean up what we made
  if (!keep && !reused) {
    fs::remove_all(data, ec);
    fs::remove_all(fts_dir, ec);
    fs::remove_all(lucene_dir, ec);
    fs::remove(MetaPath(dir), ec);
    if (created_dir) fs::remove(dir, ec);
  } else {
    std::printf("\nkept the store, index and FTS5 database in %s (reused by --workdir %s with the same --docs and "
                "--seed)\n",
                dir.c_str(), dir.c_str());
  }
  return all_ran && consistent ? 0 : 1;
}

}  // namespace
}  // namespace patnav

int main(int argc, char** argv) { return patnav::Main(argc, argv); }
