// ingest_bench: the ingest benchmark of a generated corpus of USPTO v4.5
// full-text grants (one weekly-bulk-style file). Measures, on one core (the
// process is pinned with sched_setaffinity), each phase in its own forked
// process so that each peak RSS is that phase's own:
//   generate      the corpus, streamed to disk document by document;
//   parse alone   NewXmlPatentReader into a sink that only counts/checksums;
//   parse+store   patnav::cli::RunIngest, the code of `patnav ingest`, into a
//                 fresh store, batches of 5,000;
// and the baselines printed beside them with ratios:
//   read+split only            the file read and cut at "<?xml" (I/O floor);
//   pugixml DOM parse only     each document load_buffer'ed, nothing extracted;
//   parse + raw SQLite insert  the same records' canonical JSON (and their
//                              description, uncompressed) inserted one row per
//                              record into a plain table, batches of 5,000;
//   target                     2,000 full-text grants/s per core into the store.
// Flat memory is shown by running parse alone and parse+store on a corpus of
// docs/10 documents (the first docs/10 of the big one) as well: a peak-RSS
// ratio near 1 means streaming.
//
// Usage: ingest_bench [--docs N] [--seed S] [--workdir DIR] [--keep]
//                     [--phase all|generate|parse|store]
// Exit status 0 when every phase ran and every document was read and stored,
// 1 otherwise, 2 on a usage error. Meeting the target is reported, not
// enforced (this is a benchmark, not a test).
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
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "cli/commands.h"
#include "generator/corpus_generator.h"
#include "model/record_json.h"
#include "readers/input_files.h"
#include "readers/xml_document.h"
#include "readers/xml_reader.h"
#include "store/patent_store.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

constexpr int kBatch = 5000;            // records per transaction, as `patnav ingest`
constexpr double kTargetDocsPerSec = 2000;
constexpr size_t kChunk = 1 << 20;      // read size, as the XML reader

struct Options {
  uint64_t docs = 100000;
  uint64_t seed = 42;
  std::string workdir;  // empty: a fresh temporary directory under /tmp
  bool keep = false;
  std::string phase = "all";
};

// What a phase's child process reports back through a pipe. POD.
struct ChildReport {
  int ok = 0;
  uint64_t docs = 0;       // documents read (records, or DOM documents)
  uint64_t rejected = 0;   // documents refused
  uint64_t stored = 0;     // records in the store / table afterwards
  uint64_t bytes = 0;      // input bytes (generate: bytes written)
  uint64_t checksum = 0;   // of fields read, so nothing is optimised away
  uint64_t out_bytes = 0;  // size of what was written (database files)
  double wall = 0;         // seconds of the measured work
  double cpu = 0;          // CPU seconds of the measured work
  char error[512] = {};
};

struct PhaseResult {
  ChildReport r;
  long max_rss_kib = 0;  // peak RSS of the child process (wait4 rusage)
  bool ran = false;
};

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double CpuNow() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void SetError(ChildReport& r, const std::string& msg) {
  r.ok = 0;
  std::snprintf(r.error, sizeof r.error, "%s", msg.c_str());
}

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

uint64_t DirBytes(const fs::path& dir) {
  uint64_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  return n;
}

// Runs `work` in a forked child (which inherits the CPU pinning) and returns
// its report and peak RSS. The child's stdout is `child_stdout` when given.
PhaseResult RunInChild(const std::function<void(ChildReport&)>& work, const std::string& child_stdout = "") {
  PhaseResult out;
  int fds[2];
  if (pipe(fds) != 0) {
    SetError(out.r, std::string("pipe: ") + std::strerror(errno));
    return out;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    SetError(out.r, std::string("fork: ") + std::strerror(errno));
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
    ChildReport r;
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
  ChildReport r;
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
  out.max_rss_kib = ru.ru_maxrss;
  out.ran = true;
  if (got == sizeof r) {
    out.r = r;
  } else {
    SetError(out.r, "the phase's process died (" +
                        (WIFSIGNALED(wstatus) ? "signal " + std::to_string(WTERMSIG(wstatus))
                                              : "exit " + std::to_string(WEXITSTATUS(wstatus))) +
                        ")");
  }
  return out;
}

// ---------------------------------------------------------------- corpus

struct Corpus {
  fs::path big, small;  // the corpus and its first small_docs documents
  uint64_t docs = 0, small_docs = 0, bytes = 0, small_bytes = 0, seed = 0;
};

fs::path MetaPath(const fs::path& dir) { return dir / "bench-corpus.meta"; }

// The corpus already in `dir` when it was generated with these docs and seed.
std::optional<Corpus> ExistingCorpus(const fs::path& dir, const Options& o) {
  std::ifstream in(MetaPath(dir));
  Corpus c;
  if (!(in >> c.docs >> c.seed >> c.bytes >> c.small_docs >> c.small_bytes)) return std::nullopt;
  if (c.docs != o.docs || c.seed != o.seed) return std::nullopt;
  c.big = dir / "bench-corpus.xml";
  c.small = dir / "bench-corpus-small.xml";
  std::error_code ec;
  if (fs::file_size(c.big, ec) != c.bytes || ec || fs::file_size(c.small, ec) != c.small_bytes || ec)
    return std::nullopt;
  return c;
}

// Generates the corpus document by document, flushing every MiB: memory holds
// one document and the write buffers, never the corpus.
void GenerateCorpus(const fs::path& dir, const Options& o, ChildReport& r) {
  GeneratorOptions go;
  go.docs = o.docs;
  go.seed = o.seed;
  go.full_text = true;
  if (Status st = CorpusGenerator::Validate(go); !st.ok()) return SetError(r, st.ToString());
  const double wall0 = Now(), cpu0 = CpuNow();
  CorpusGenerator gen(go);
  const uint64_t small_docs = std::max<uint64_t>(1, o.docs / 10);
  std::FILE* big = std::fopen((dir / "bench-corpus.xml").c_str(), "wb");
  std::FILE* small = std::fopen((dir / "bench-corpus-small.xml").c_str(), "wb");
  if (!big || !small) return SetError(r, "cannot create the corpus files in " + dir.string());
  std::string doc, big_buf, small_buf;
  uint64_t bytes = 0, small_bytes = 0;
  bool io_ok = true;
  auto flush = [&](std::string& buf, std::FILE* f) {
    if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), f) != buf.size()) io_ok = false;
    buf.clear();
  };
  for (uint64_t i = 0; i < o.docs && io_ok; ++i) {
    doc.clear();
    gen.AppendDocument(CorpusFormat::kUsptoXml, i, doc);
    r.checksum = Fnv(r.checksum, doc.substr(0, 64));
    big_buf += doc;
    bytes += doc.size();
    if (i < small_docs) {
      small_buf += doc;
      small_bytes += doc.size();
    }
    if (big_buf.size() >= kChunk) flush(big_buf, big);
    if (small_buf.size() >= kChunk || i + 1 == small_docs) flush(small_buf, small);
  }
  flush(big_buf, big);
  flush(small_buf, small);
  if (std::fclose(big) != 0) io_ok = false;
  if (std::fclose(small) != 0) io_ok = false;
  r.wall = Now() - wall0;
  r.cpu = CpuNow() - cpu0;
  if (!io_ok) return SetError(r, "writing the corpus failed (disk full?)");
  r.docs = o.docs;
  r.bytes = bytes;
  r.out_bytes = bytes + small_bytes;
  std::ofstream meta(MetaPath(dir));
  meta << o.docs << ' ' << o.seed << ' ' << bytes << ' ' << small_docs << ' ' << small_bytes << '\n';
  if (!meta) SetError(r, "cannot write " + MetaPath(dir).string());
}

// ---------------------------------------------------------------- phases

// Counts records and checksums a few fields of each.
class CountingSink : public RecordSink {
 public:
  explicit CountingSink(ChildReport& r) : r_(r) {}
  void OnRecord(PatentRecord&& rec) override {
    ++r_.docs;
    uint64_t h = Fnv(r_.checksum, rec.publication_number);
    h = Fnv(h, rec.filing_date);
    h += rec.description.size() + rec.claims.size() * 7 + rec.citations.size() * 13 + rec.applicants.size() * 17;
    for (const auto& [lang, text] : rec.title) h += text.size();
    r_.checksum = h;
  }
  void OnReject(Rejection&& rej) override {
    if (r_.rejected++ == 0) std::fprintf(stderr, "  first rejection: %s\n", rej.ToString().c_str());
  }

 private:
  ChildReport& r_;
};

// The reader over a plain file, into `sink`; sets bytes, wall and cpu.
void ReadXmlFile(const fs::path& file, RecordSink& sink, ChildReport& r) {
  Result<std::unique_ptr<ByteSource>> src = OpenFileSource(file);
  if (!src.ok()) return SetError(r, src.status().ToString());
  std::unique_ptr<Reader> reader = NewXmlPatentReader();
  const double wall0 = Now(), cpu0 = CpuNow();
  Status st = reader->Read(**src, sink);
  r.wall = Now() - wall0;
  r.cpu = CpuNow() - cpu0;
  r.bytes = (*src)->size_hint();
  if (!st.ok()) SetError(r, st.ToString());
}

void ParseAlone(const fs::path& file, ChildReport& r) {
  CountingSink sink(r);
  ReadXmlFile(file, sink, r);
}

// Cuts the file at "<?xml" exactly as the XML reader does and hands each
// document to `fn`.
template <typename Fn>
void SplitFile(const fs::path& file, ChildReport& r, Fn fn) {
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return SetError(r, "cannot open " + file.string());
  constexpr std::string_view kDecl = "<?xml";
  const double wall0 = Now(), cpu0 = CpuNow();
  std::string buf;
  bool eof = false;
  while (!eof) {
    const size_t old = buf.size();
    buf.resize(old + kChunk);
    const size_t got = std::fread(buf.data() + old, 1, kChunk, f);
    buf.resize(old + got);
    r.bytes += got;
    eof = got == 0;
    size_t start = 0;
    for (;;) {
      const size_t next = buf.find(kDecl, start + 1);
      if (next == std::string::npos) break;
      fn(std::string_view(buf).substr(start, next - start));
      start = next;
    }
    buf.erase(0, start);
  }
  if (buf.find_first_not_of(" \t\r\n") != std::string::npos) fn(std::string_view(buf));
  r.wall = Now() - wall0;
  r.cpu = CpuNow() - cpu0;
  std::fclose(f);
}

void SplitOnly(const fs::path& file, ChildReport& r) {
  SplitFile(file, r, [&](std::string_view doc) {
    ++r.docs;
    r.checksum = Fnv(r.checksum, doc.substr(doc.size() / 2, 8));
  });
}

void PugixmlOnly(const fs::path& file, ChildReport& r) {
  SplitFile(file, r, [&](std::string_view doc) {
    pugi::xml_document xml;
    pugi::xml_parse_result parsed = xml.load_buffer(doc.data(), doc.size(), kPatentXmlParseOptions, pugi::encoding_utf8);
    if (!parsed) {
      ++r.rejected;
      return;
    }
    ++r.docs;
    r.checksum = Fnv(r.checksum, xml.document_element().name());
  });
}

// True when this build's `patnav ingest` also updates the search index (an
// IngestOptions::index flag); the benchmark turns that off, since what it
// measures is ingest into the store (the index is measured on its own).
template <typename T>
bool TurnOffIndexing(T& io) {
  if constexpr (requires { io.index = false; }) {
    io.index = false;
    return true;
  } else {
    return false;
  }
}

// `patnav ingest FILE` in this process: the same function the CLI calls.
void ParseAndStore(const fs::path& file, const fs::path& db, ChildReport& r) {
  cli::IngestOptions io;
  io.db = db.string();
  io.paths = {file.string()};
  io.batch_records = kBatch;
  io.progress = false;
  TurnOffIndexing(io);
  const double wall0 = Now(), cpu0 = CpuNow();
  const int rc = cli::RunIngest(io);
  r.wall = Now() - wall0;
  r.cpu = CpuNow() - cpu0;
  std::error_code ec;
  r.bytes = fs::file_size(file, ec);
  if (rc != cli::kExitOk) return SetError(r, "patnav ingest exited with " + std::to_string(rc));
  // Not timed: check what went in.
  StoreOptions so;
  so.dir = db;
  so.create_if_missing = false;
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
  if (!store.ok()) return SetError(r, store.status().ToString());
  Result<int64_t> n = (*store)->Count();
  if (!n.ok()) return SetError(r, n.status().ToString());
  r.stored = r.docs = static_cast<uint64_t>(*n);
  store->reset();
  r.out_bytes = DirBytes(db);
}

// The baseline store: canonical JSON and description, one INSERT per record,
// one transaction per 5,000, the store's own pragmas (WAL, synchronous=NORMAL,
// 64 MiB cache, 64 MiB autocheckpoint); no merge, compression or side tables.
class RawSqliteSink : public RecordSink {
 public:
  RawSqliteSink(sqlite3* db, sqlite3_stmt* insert, ChildReport& r) : db_(db), insert_(insert), r_(r) {}
  void OnRecord(PatentRecord&& rec) override {
    if (!r_.ok) return;
    if (pending_ == 0 && !Exec("BEGIN")) return;
    json_ = RecordToJsonLine(rec);
    sqlite3_bind_text(insert_, 1, rec.publication_number.data(), static_cast<int>(rec.publication_number.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert_, 2, json_.data(), static_cast<int>(json_.size()), SQLITE_STATIC);
    if (rec.description.empty()) sqlite3_bind_null(insert_, 3);
    else sqlite3_bind_text(insert_, 3, rec.description.data(), static_cast<int>(rec.description.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_) != SQLITE_DONE) return SetError(r_, std::string("INSERT: ") + sqlite3_errmsg(db_));
    sqlite3_reset(insert_);
    ++r_.docs;
    if (++pending_ >= kBatch) Commit();
  }
  void OnReject(Rejection&& rej) override { ++r_.rejected; }
  void Commit() {
    if (pending_ > 0 && r_.ok) Exec("COMMIT");
    pending_ = 0;
  }
  bool Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
    SetError(r_, std::string(sql) + ": " + (err ? err : "?"));
    sqlite3_free(err);
    return false;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* insert_;
  ChildReport& r_;
  std::string json_;
  int pending_ = 0;
};

void ParseAndRawInsert(const fs::path& file, const fs::path& dir, ChildReport& r) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path path = dir / "raw.db";
  sqlite3* db = nullptr;
  const double wall0 = Now(), cpu0 = CpuNow();
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    SetError(r, "cannot open " + path.string());
    sqlite3_close(db);
    return;
  }
  sqlite3_stmt* insert = nullptr;
  {
    RawSqliteSink setup(db, nullptr, r);
    for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536",
                            "PRAGMA wal_autocheckpoint = 16384", "PRAGMA journal_size_limit = 67108864",
                            "CREATE TABLE record(publication_number TEXT PRIMARY KEY, record TEXT NOT NULL, "
                            "description TEXT)"})
      if (!setup.Exec(sql)) break;
  }
  if (r.ok && sqlite3_prepare_v2(db, "INSERT INTO record VALUES (?1, ?2, ?3)", -1, &insert, nullptr) != SQLITE_OK)
    SetError(r, std::string("prepare: ") + sqlite3_errmsg(db));
  if (r.ok) {
    RawSqliteSink sink(db, insert, r);
    ChildReport read;  // the reader's own timing is not what we report here
    read.ok = 1;
    ReadXmlFile(file, sink, read);
    sink.Commit();
    r.bytes = read.bytes;
    if (!read.ok) SetError(r, read.error);
  }
  sqlite3_finalize(insert);
  if (sqlite3_close(db) != SQLITE_OK && r.ok) SetError(r, "sqlite3_close failed");
  r.wall = Now() - wall0;
  r.cpu = CpuNow() - cpu0;
  if (!r.ok) return;
  // Not timed: check what went in.
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* count = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM record", -1, &count, nullptr) == SQLITE_OK &&
        sqlite3_step(count) == SQLITE_ROW)
      r.stored = static_cast<uint64_t>(sqlite3_column_int64(count, 0));
    sqlite3_finalize(count);
  }
  sqlite3_close(db);
  r.out_bytes = DirBytes(dir);
}

// ---------------------------------------------------------------- report

std::string Commas(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string s;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

std::string Fixed(double v, int decimals) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  return b;
}

double Mb(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }
double Mib(long kib) { return static_cast<double>(kib) / 1024.0; }
double DocsPerSec(const PhaseResult& p) { return p.r.wall > 0 ? static_cast<double>(p.r.docs) / p.r.wall : 0; }
double MbPerSec(const PhaseResult& p) { return p.r.wall > 0 ? Mb(p.r.bytes) / p.r.wall : 0; }

void PrintRow(const char* name, const PhaseResult& p) {
  if (!p.ran) return;
  if (!p.r.ok) {
    std::printf("  %-36s FAILED: %s\n", name, p.r.error);
    return;
  }
  std::printf("  %-36s %9s %8.2f %8.2f %9s %8.1f %9.1f\n", name, Commas(p.r.docs).c_str(), p.r.wall, p.r.cpu,
              Commas(static_cast<uint64_t>(DocsPerSec(p) + 0.5)).c_str(), MbPerSec(p), Mib(p.max_rss_kib));
}

void PrintHeader() {
  std::printf("  %-36s %9s %8s %8s %9s %8s %9s\n", "phase", "docs", "wall s", "CPU s", "docs/s", "MB/s",
              "peak MiB");
}

bool Ok(const PhaseResult& p) { return p.ran && p.r.ok; }

// "ours vs baseline" on docs/s and MB/s, with the ratio ours/baseline.
void PrintCompare(const char* ours_name, const PhaseResult& ours, const char* base_name, double base_docs,
                  double base_mbs) {
  std::printf("  %-22s %9s %7.1f   %-27s %9s %7.1f   %6.2fx\n", ours_name,
              Commas(static_cast<uint64_t>(DocsPerSec(ours) + 0.5)).c_str(), MbPerSec(ours), base_name,
              Commas(static_cast<uint64_t>(base_docs + 0.5)).c_str(), base_mbs,
              base_docs > 0 ? DocsPerSec(ours) / base_docs : 0.0);
}

// ---------------------------------------------------------------- main

int Usage(const char* msg) {
  std::fprintf(stderr,
               "ingest_bench: %s\nusage: ingest_bench [--docs N] [--seed S] [--workdir DIR] [--keep] "
               "[--phase all|generate|parse|store]\n",
               msg);
  return 2;
}

// Pins this process (and so every phase's child) to one CPU it may run on:
// the last one allowed, away from CPU 0 where interrupts tend to land.
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

int Main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--docs" || a == "--seed") {
      const char* v = value();
      char* end = nullptr;
      if (!v) return Usage("missing value");
      errno = 0;
      const unsigned long long n = std::strtoull(v, &end, 10);
      if (errno || *end || *v == '-' || (a == "--docs" && (n == 0 || n > CorpusGenerator::kMaxDocs)))
        return Usage("bad number");
      (a == "--docs" ? o.docs : o.seed) = n;
    } else if (a == "--workdir") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.workdir = v;
    } else if (a == "--phase") {
      const char* v = value();
      if (!v) return Usage("missing value");
      o.phase = v;
      if (o.phase != "all" && o.phase != "generate" && o.phase != "parse" && o.phase != "store")
        return Usage("unknown phase");
    } else if (a == "--keep") {
      o.keep = true;
    } else {
      return Usage(("unknown argument " + std::string(a)).c_str());
    }
  }
  const bool keep = o.keep || o.phase == "generate";

  // The work directory; only what we create in it is removed at the end.
  fs::path dir;
  bool created_dir = false;
  std::error_code ec;
  if (o.workdir.empty()) {
    char tmpl[] = "/tmp/patnav-bench-XXXXXX";
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

  int allowed = 0;
  const int cpu = PinToOneCpu(&allowed);
  std::printf("ingest_bench: %s docs, seed %" PRIu64 ", phase %s, work dir %s\n", Commas(o.docs).c_str(), o.seed,
              o.phase.c_str(), dir.c_str());
  if (cpu >= 0)
    std::printf("one core: pinned to CPU %d of %d allowed (sched_setaffinity); each phase runs in its own forked "
                "process, peak = its ru_maxrss (wait4)\n",
                cpu, allowed);
  else
    std::printf("WARNING: could not pin to one CPU (sched_setaffinity: %s); figures may use several cores\n",
                std::strerror(errno));

  bool all_ok = true;
  PhaseResult floor = RunInChild([](ChildReport&) {});
  PhaseResult gen, split, pugi, parse, parse_small, raw, store, store_small;

  std::optional<Corpus> corpus = o.phase == "generate" ? std::nullopt : ExistingCorpus(dir, o);
  if (corpus) {
    std::printf("corpus: reusing %s\n", corpus->big.c_str());
  } else {
    // Room for the corpus (~35 KB a document), its tenth, the store and the raw table.
    struct statvfs vfs;
    const double need = static_cast<double>(o.docs) * 35e3 * 3.5;
    if (statvfs(dir.c_str(), &vfs) == 0 &&
        static_cast<double>(vfs.f_bavail) * static_cast<double>(vfs.f_frsize) < need) {
      std::fprintf(stderr, "ingest_bench: %s has less than the %.1f GB free this needs\n", dir.c_str(), need / 1e9);
      return 1;
    }
    gen = RunInChild([&](ChildReport& r) { GenerateCorpus(dir, o, r); });
    if (!Ok(gen)) {
      std::fprintf(stderr, "ingest_bench: generate failed: %s\n", gen.r.error);
      return 1;
    }
    corpus = ExistingCorpus(dir, o);
    if (!corpus) {
      std::fprintf(stderr, "ingest_bench: the generated corpus is not where expected\n");
      return 1;
    }
  }
  std::printf("corpus: %s USPTO v4.5 full-text grants in one weekly-bulk-style file, %s MB (%.1f KB/doc); "
              "small corpus: its first %s docs, %s MB\n",
              Commas(corpus->docs).c_str(), Fixed(Mb(corpus->bytes), 1).c_str(),
              static_cast<double>(corpus->bytes) / static_cast<double>(corpus->docs) / 1e3,
              Commas(corpus->small_docs).c_str(), Fixed(Mb(corpus->small_bytes), 1).c_str());
  {
    cli::IngestOptions io;
    if (TurnOffIndexing(io))
      std::printf("parse+store: RunIngest with its search-index update turned off (IngestOptions::index = false)\n");
  }
  std::printf("input is read from the page cache (the corpus was just written or read); stores are written to %s\n",
              dir.c_str());
  std::fflush(stdout);

  auto progress = [](const char* what) {
    std::fprintf(stderr, "  running: %s ...\n", what);
    std::fflush(stderr);
  };
  const bool do_parse = o.phase == "all" || o.phase == "parse";
  const bool do_store = o.phase == "all" || o.phase == "store";
  if (do_parse) {
    progress("read+split only");
    split = RunInChild([&](ChildReport& r) { SplitOnly(corpus->big, r); });
    progress("pugixml DOM parse only");
    pugi = RunInChild([&](ChildReport& r) { PugixmlOnly(corpus->big, r); });
    progress("parse alone");
    parse = RunInChild([&](ChildReport& r) { ParseAlone(corpus->big, r); });
    progress("parse alone, small corpus");
    parse_small = RunInChild([&](ChildReport& r) { ParseAlone(corpus->small, r); });
  }
  if (do_store) {
    progress("parse + raw SQLite insert");
    raw = RunInChild([&](ChildReport& r) { ParseAndRawInsert(corpus->big, dir / "bench-raw", r); });
    fs::remove_all(dir / "bench-raw", ec);
    progress("parse+store");
    store = RunInChild([&](ChildReport& r) { ParseAndStore(corpus->big, dir / "bench-store", r); },
                       (dir / "bench-ingest.out").string());
    fs::remove_all(dir / "bench-store", ec);
    progress("parse+store, small corpus");
    store_small = RunInChild([&](ChildReport& r) { ParseAndStore(corpus->small, dir / "bench-store-small", r); },
                             (dir / "bench-ingest-small.out").string());
    fs::remove_all(dir / "bench-store-small", ec);
  }

  // ---- the table
  std::printf("\nphases (one core; docs/s and MB/s per wall second; MB = 10^6 bytes of input XML)\n");
  PrintHeader();
  PrintRow("generate corpus (written to disk)", gen);
  PrintRow("parse alone (NewXmlPatentReader)", parse);
  PrintRow("parse+store (patnav ingest path)", store);
  PrintRow("baseline: read+split only", split);
  PrintRow("baseline: pugixml DOM parse only", pugi);
  PrintRow("baseline: parse + raw SQLite insert", raw);
  std::printf("  (process floor: an empty forked child peaks at %.1f MiB)\n", Mib(floor.max_rss_kib));
  for (const auto& [name, p] : {std::pair<const char*, const PhaseResult*>{"parse alone", &parse}, {"parse+store", &store},
                                {"pugixml DOM parse only", &pugi}, {"parse + raw SQLite insert", &raw}}) {
    if (Ok(*p) && p->r.wall > 0.5 && p->r.cpu < 0.9 * p->r.wall)
      std::printf("  note: %s was on the CPU only %.0f%% of its wall time (I/O waits, or other processes on CPU %d): "
                  "its figures understate the code\n",
                  name, 100 * p->r.cpu / p->r.wall, cpu);
  }

  std::printf("\nagainst the baselines (ratio = ours / baseline docs/s; > 1 is faster)\n");
  std::printf("  %-22s %9s %7s   %-27s %9s %7s   %7s\n", "ours", "docs/s", "MB/s", "baseline", "docs/s", "MB/s",
              "ratio");
  if (Ok(parse) && Ok(pugi)) PrintCompare("parse alone", parse, "pugixml DOM parse only", DocsPerSec(pugi), MbPerSec(pugi));
  if (Ok(store) && Ok(raw)) PrintCompare("parse+store", store, "parse + raw SQLite insert", DocsPerSec(raw), MbPerSec(raw));
  if (Ok(store)) {
    const double mbs = kTargetDocsPerSec * static_cast<double>(corpus->bytes) / static_cast<double>(corpus->docs) / 1e6;
    PrintCompare("parse+store", store, "target", kTargetDocsPerSec, mbs);
    std::printf("  target of %.0f full-text grants/s per core into the store: %s\n", kTargetDocsPerSec,
                DocsPerSec(store) >= kTargetDocsPerSec ? "MET" : "NOT MET");
  }
  // Per-document costs: what each layer adds on top of the one below.
  auto us_per_doc = [](const PhaseResult& p) { return p.r.docs ? p.r.wall / static_cast<double>(p.r.docs) * 1e6 : 0; };
  std::printf("\nper document (wall microseconds)\n");
  if (Ok(split) && Ok(pugi) && Ok(parse)) {
    std::printf("  read+split %.0f, pugixml DOM %.0f, our parse %.0f: extraction+normalization+safety pass add %.0f "
                "on top of the DOM parse (%.2fx it)\n",
                us_per_doc(split), us_per_doc(pugi) - us_per_doc(split), us_per_doc(parse),
                us_per_doc(parse) - us_per_doc(pugi), (us_per_doc(parse) - us_per_doc(split)) /
                    std::max(1e-9, us_per_doc(pugi) - us_per_doc(split)));
  }
  if (Ok(parse) && Ok(store) && Ok(raw)) {
    const double store_part = us_per_doc(store) - us_per_doc(parse);
    const double raw_part = us_per_doc(raw) - us_per_doc(parse);
    std::printf("  storing (parse+store - parse alone) %.0f vs raw SQLite insert incl. JSON (parse+raw - parse alone) "
                "%.0f: the store costs %.2fx the raw insert\n",
                store_part, raw_part, store_part / std::max(1e-9, raw_part));
    std::printf("  share of parse+store wall time: parsing %.0f%%, storing %.0f%%\n",
                100 * us_per_doc(parse) / us_per_doc(store), 100 * store_part / us_per_doc(store));
  }
  if (Ok(store) && Ok(raw))
    std::printf("  on disk after the run: store %.1f MB (%.1f KB/doc), raw table %.1f MB (%.1f KB/doc)\n",
                Mb(store.r.out_bytes), static_cast<double>(store.r.out_bytes) / static_cast<double>(store.r.docs) / 1e3,
                Mb(raw.r.out_bytes), static_cast<double>(raw.r.out_bytes) / static_cast<double>(raw.r.docs) / 1e3);

  std::printf("\npeak memory (flat = streaming: ratio near 1 although the input is %.0fx larger)\n",
              static_cast<double>(corpus->bytes) / static_cast<double>(corpus->small_bytes));
  std::printf("  %-36s %12s %12s %8s\n", "phase", (Commas(corpus->small_docs) + " docs").c_str(),
              (Commas(corpus->docs) + " docs").c_str(), "ratio");
  auto mem_row = [](const char* name, const PhaseResult& small, const PhaseResult& big) {
    if (!Ok(small) || !Ok(big)) return;
    std::printf("  %-36s %8.1f MiB %8.1f MiB %8.2f\n", name, Mib(small.max_rss_kib), Mib(big.max_rss_kib),
                static_cast<double>(big.max_rss_kib) / static_cast<double>(std::max(1L, small.max_rss_kib)));
  };
  mem_row("parse alone", parse_small, parse);
  mem_row("parse+store", store_small, store);
  if (Ok(store))
    std::printf("  (parse+store includes SQLite's page cache, bounded by StoreOptions::cache_bytes = %.0f MiB; it fills\n"
                "  while the first ~%.0f MB of store are written, so a small corpus below that peaks lower)\n",
                Mib(StoreOptions{}.cache_bytes >> 10), Mb(static_cast<uint64_t>(StoreOptions{}.cache_bytes)));

  // ---- checks
  std::printf("\nchecks\n");
  auto check = [&](const char* name, const PhaseResult& p, uint64_t want_docs, bool stored) {
    if (!p.ran) return;
    const bool good = p.r.ok && p.r.docs == want_docs && p.r.rejected == 0 && (!stored || p.r.stored == want_docs);
    all_ok = all_ok && good;
    char sum[40];
    std::snprintf(sum, sizeof sum, "checksum %016" PRIx64, p.r.checksum);
    std::printf("  %-36s %s: %s docs read, %s rejected, %s%s%s\n", name, good ? "ok" : "FAILED",
                Commas(p.r.docs).c_str(), Commas(p.r.rejected).c_str(),
                stored ? (Commas(p.r.stored) + " stored").c_str() : sum, p.r.ok ? "" : ": ", p.r.ok ? "" : p.r.error);
  };
  check("generate", gen, corpus->docs, false);
  check("read+split only", split, corpus->docs, false);
  check("pugixml DOM parse only", pugi, corpus->docs, false);
  check("parse alone", parse, corpus->docs, false);
  check("parse alone, small corpus", parse_small, corpus->small_docs, false);
  check("parse + raw SQLite insert", raw, corpus->docs, true);
  check("parse+store", store, corpus->docs, true);
  check("parse+store, small corpus", store_small, corpus->small_docs, true);
  if (Ok(store)) {
    std::ifstream in(dir / "bench-ingest.out");
    std::string line;
    if (std::getline(in, line)) std::printf("  patnav ingest said: %s\n", line.c_str());
  }

  // ---- clean up what we made
  fs::remove(dir / "bench-ingest.out", ec);
  fs::remove(dir / "bench-ingest-small.out", ec);
  if (!keep) {
    fs::remove(dir / "bench-corpus.xml", ec);
    fs::remove(dir / "bench-corpus-small.xml", ec);
    fs::remove(MetaPath(dir), ec);
    if (created_dir) fs::remove(dir, ec);  // only if now empty
  } else {
    std::printf("\nkept the corpus in %s (reused by --workdir %s with the same --docs and --seed)\n", dir.c_str(),
                dir.c_str());
  }
  return all_ok ? 0 : 1;
}

}  // namespace
}  // namespace patnav

int main(int argc, char** argv) { return patnav::Main(argc, argv); }
