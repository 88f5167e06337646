// Watch benchmark (issue 14): the cost of evaluating active watches on ingest.
// Two data directories receive the same files in the same order: `baseline`
// has no watch, `watched` has N watches of every kind (default 10,000:
// 40% saved queries, 25% applicants, 20% technology fields, 14% chosen
// patents, 1% cites-portfolio). The first corpus file goes into both before
// the watches exist (not timed; the watches take their parameters from it);
// then every other corpus file and the maintenance-fee file go into both,
// alternately, each timed end to end through app::Ingest as `patnav ingest`
// runs it: reading, storing and updating the search index (--no-index: reading
// and storing alone, the strictest comparison).
//
// Printed per file: the two ingest times (wall), the added time, the added
// CPU time of the process (all threads: the watches are evaluated on a
// thread of their own while the ingest goes on, app/watch_follower.h) as a
// share of the baseline's and in seconds (what a loaded machine changes
// least), the alert latency -- the longest time from a batch's commit to its
// hits being recorded, as the ingest measures it -- and, on a line of its
// own, each ingest's time split into reading and storing, the index update
// and what follows them (without watches nothing; with them, the watches'
// last pass: what they add after the load itself is done).
// Targets of the issue: under 10% added ingest time, alerts within 1 s.
//
// Usage: watch_bench [--docs N] [--file-docs F] [--fee-patents P] [--watches W]
//                    [--seed S] [--workdir DIR] [--keep] [--no-index] [--pace-alerts]
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/alliances.h"
#include "app/ingest.h"
#include "app/members.h"
#include "app/pools.h"
#include "app/watches.h"
#include "app/workspace.h"
#include "base/random.h"
#include "sample_terms.h"
#include "domain/monitoring_db.h"
#include "domain/watch.h"
#include "generator/corpus_generator.h"
#include "generator/maintfee_writer.h"
#include "model/party.h"

namespace {

using namespace patnav;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

struct Options {
  uint64_t docs = 100000, file_docs = 10000, fee_patents = 400000, watches = 10000, seed = 42;
  std::string workdir;
  bool keep = false, index = true, pace = false;
};

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--docs")) o.docs = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--file-docs")) o.file_docs = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--fee-patents")) o.fee_patents = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--watches")) o.watches = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--seed")) o.seed = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--workdir")) o.workdir = next();
    else if (!std::strcmp(argv[i], "--keep")) o.keep = true;
    else if (!std::strcmp(argv[i], "--no-index")) o.index = false;
    else if (!std::strcmp(argv[i], "--pace-alerts")) o.pace = true;
    else {
      std::fprintf(stderr,
                   "usage: watch_bench [--docs N] [--file-docs F] [--fee-patents P] [--watches W] [--seed S] "
                   "[--workdir DIR] [--keep] [--no-index] [--pace-alerts]\n");
      std::exit(2);
    }
  }
  if (o.file_docs == 0 || o.docs < 2 * o.file_docs) {
    std::fprintf(stderr, "--docs must be at least twice --file-docs\n");
    std::exit(2);
  }
  return o;
}

void Check(const Status& st, const char* what) {
  if (st.ok()) return;
  std::fprintf(stderr, "watch_bench: %s: %s\n", what, st.ToString().c_str());
  std::exit(1);
}


struct Samples {
  std::vector<std::string> applicants, classes, words, publications;
};

Samples SampleOf(app::Workspace& ws) {
  Samples s;
  std::set<std::string> applicants, classes, words;
  Check(ws.WithStore([&](PatentStore& store) {
          return store.ForEach([&](const PatentRecord& r) {
            for (const Party& p : r.applicants) applicants.insert(p.name);
            bench::AddSampleTerms(r, classes, words);
            s.publications.push_back(r.publication_number);
            return true;
          });
        }),
        "sampling the first file");
  s.applicants.assign(applicants.begin(), applicants.end());
  s.classes.assign(classes.begin(), classes.end());
  s.words.assign(words.begin(), words.end());
  return s;
}

// Adds `n` watches of every kind to `ws`, parameters drawn from `s`.
void AddWatches(app::Workspace& ws, const Samples& s, uint64_t n, uint64_t seed) {
  Random rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng.Uniform(v.size())]; };
  const app::Caller local = app::Caller::Local();
  Check(app::CreateAlliance(local, ws, {"BenchAlliance", "", "business_entity", ""}).status(), "alliance");
  Check(app::AddMember(local, ws, {"BenchAlliance", "Acme", "industry", "2020-01-01", ""}).status(), "member");
  Check(app::CreatePool(local, ws, {.alliance = "BenchAlliance", .name = "P1", .currency = "USD"}).status(), "pool");
  std::vector<std::string> pool;
  for (size_t i = 0; i < s.publications.size() && pool.size() < 200; i += 7) pool.push_back(s.publications[i]);
  Check(app::Contribute(local, ws, {"BenchAlliance", "P1", "Acme", pool, "2024-01-01", {}}).status(), "contribute");
  // Validated and saved directly, without the preview a user's watch gets
  // (10,000 previews would take longer than the benchmark itself).
  int64_t since_sequence = 0, since_event = 0;
  Check(ws.WithStore([&](PatentStore& store) -> Status {
          ASSIGN_OR_RETURN(since_sequence, store.LastChangeSequence());
          ASSIGN_OR_RETURN(since_event, store.LastLegalEventId());
          return Status::OK();
        }),
        "store positions");
  std::vector<domain::WatchInput> inputs;
  for (uint64_t i = 0; i < n; ++i) {
    app::WatchRequest r;
    r.name = "w" + std::to_string(i);
    r.cap = 1000000000;
    const uint64_t k = i % 100;
    if (k < 40) {
      r.kind = "query";
      // Two words, or a word within a class: what an analyst narrows to.
      r.params.query = (k % 2 == 0) ? "TI=" + pick(s.words) + " AND IPC=" + pick(s.classes).substr(0, 4)
                                    : "TAC=(" + pick(s.words) + " AND " + pick(s.words) + ")";
    } else if (k < 65) {
      r.kind = "applicant";
      r.params.applicants = {pick(s.applicants)};
    } else if (k < 85) {
      r.kind = "technology";
      r.params.classes = {pick(s.classes)};
      if (k % 3 == 0) r.params.words = pick(s.words);
    } else if (k < 99) {
      r.kind = "patents";
      // Patents the maintenance-fee file speaks of (numbered from 7,000,000).
      for (int j = 0; j < 5; ++j) r.params.publications.push_back("US" + std::to_string(7000000 + rng.Uniform(400000)));
      r.params.expiry_days = (k % 2) ? 90 : 0;
    } else {
      r.kind = "cites-portfolio";
      r.params.alliance = "BenchAlliance";
    }
    domain::WatchInput in;
    in.name = r.name;
    in.kind = domain::ParseWatchKind(r.kind).value();
    in.params = r.params;
    in.rate = (i % 4 == 0) ? domain::WatchRate::kDaily : domain::WatchRate::kImmediate;
    Check(domain::ValidateWatch(in), "a watch");
    inputs.push_back(std::move(in));
  }
  Check(ws.WithMonitoring([&](domain::MonitoringDb& db) -> Status {
          for (const domain::WatchInput& in : inputs)
            RETURN_IF_ERROR(domain::InsertWatch(db, in, since_sequence, since_event, "2026-01-01T00:00:00Z").status());
          return Status::OK();
        }),
        "saving the watches");
}

bool g_index = true;
bool g_pace = false;  // --pace-alerts: IngestRequest::pace_alerts

// CPU seconds of the whole process (every thread), user and system.
double ProcessCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Timed {
  double total = 0, store = 0, cpu = 0;
  // Of `total`: reading and storing, the index update, and what follows
  // them (the watches' last pass, when they follow).
  double reading = 0, indexing = 0;
  double after() const { return total - reading - indexing; }
  double latency = 0;  // the slowest batch's, commit to hits recorded
  int64_t hits = 0, notifications = 0;
};

Timed IngestTimed(app::Workspace& ws, const fs::path& file) {
  app::IngestRequest req;
  req.paths = {file.string()};
  req.index = g_index;
  req.pace_alerts = g_pace;
  const double c0 = ProcessCpuSeconds();
  const auto t0 = Clock::now();
  Result<app::IngestResult> r = app::Ingest(app::Caller::Local(), ws, req);
  const auto t1 = Clock::now();
  Check(r.status(), "ingest");
  Timed t;
  t.total = Seconds(t0, t1);
  t.cpu = ProcessCpuSeconds() - c0;
  t.reading = r->seconds;
  t.indexing = r->index ? r->index->seconds : 0;
  t.store = t.reading + t.indexing;
  // Batch by batch when the watches followed the ingest (app/watch_follower.h);
  // otherwise everything after the reading, storing and index update.
  t.latency = r->watch_latency_seconds ? *r->watch_latency_seconds : t.total - t.store;
  if (r->watches) {
    t.hits = r->watches->hits;
    t.notifications = r->watches->notifications;
  }
  for (const std::string& w : r->warnings) std::fprintf(stderr, "  warning: %s\n", w.c_str());
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  g_index = o.index;
  g_pace = o.pace;
  fs::path work = o.workdir;
  if (work.empty()) {
    char tmpl[] = "/tmp/patnav-watch-bench-XXXXXX";
    if (!mkdtemp(tmpl)) {
      std::perror("mkdtemp");
      return 1;
    }
    work = tmpl;
  }
  fs::create_directories(work);
  std::printf("watch_bench: %llu patents in files of %llu, maintenance fees of %llu patents, %llu watches, seed %llu\n",
              static_cast<unsigned long long>(o.docs), static_cast<unsigned long long>(o.file_docs),
              static_cast<unsigned long long>(o.fee_patents), static_cast<unsigned long long>(o.watches),
              static_cast<unsigned long long>(o.seed));
  std::printf("workdir %s; ingest %s\n", work.c_str(),
              o.index ? "with the index update (as patnav ingest)" : "without the index update (--no-index)");

  // The corpus files (bibliographic grants with claims and abstracts) and
  // the maintenance-fee file.
  const auto g0 = Clock::now();
  GeneratorOptions g;
  g.docs = o.docs;
  g.seed = o.seed;
  g.full_text = false;
  g.description = false;
  CorpusGenerator gen(g);
  std::vector<fs::path> files;
  for (uint64_t first = 0; first < o.docs; first += o.file_docs) {
    files.push_back(work / ("part" + std::to_string(files.size()) + ".xml"));
    std::ofstream out(files.back(), std::ios::binary | std::ios::trunc);
    for (uint64_t i = first; i < std::min(o.docs, first + o.file_docs); ++i)
      out << gen.Document(CorpusFormat::kUsptoXml, i);
  }
  const fs::path fees = work / "MaintFeeEvents_bench.txt";
  uint64_t fee_lines = 0;
  {
    std::ofstream out(fees, std::ios::binary | std::ios::trunc);
    Result<uint64_t> n = WriteMaintFeeEvents({.patents = o.fee_patents, .seed = o.seed}, out);
    Check(n.status(), "maintenance fees");
    fee_lines = *n;
  }
  std::printf("generated %zu corpus files and %llu fee lines in %.1f s\n", files.size(),
              static_cast<unsigned long long>(fee_lines), Seconds(g0, Clock::now()));

  app::Workspace baseline({.dir = work / "baseline"});
  app::Workspace watched({.dir = work / "watched"});
  IngestTimed(baseline, files[0]);
  IngestTimed(watched, files[0]);
  const auto w0 = Clock::now();
  AddWatches(watched, SampleOf(watched), o.watches, o.seed);
  std::printf("added %llu watches in %.1f s\n\n",
              static_cast<unsigned long long>(o.watches), Seconds(w0, Clock::now()));

  std::printf("%-28s %12s %12s %9s %10s %12s %12s %9s %8s\n", "file", "baseline s", "watched s", "added",
              "added CPU", "added CPU s", "latency s", "hits", "alerts");
  Timed sum_a, sum_b;
  double worst_latency = 0;
  std::vector<fs::path> timed(files.begin() + 1, files.end());
  timed.push_back(fees);
  for (const fs::path& f : timed) {
    Timed a = IngestTimed(baseline, f);
    Timed b = IngestTimed(watched, f);
    const double latency = b.latency;
    worst_latency = std::max(worst_latency, latency);
    std::printf("%-28s %12.2f %12.2f %8.1f%% %9.1f%% %12.2f %12.3f %9lld %8lld\n", f.filename().c_str(), a.total,
                b.total, 100.0 * (b.total - a.total) / a.total, 100.0 * (b.cpu - a.cpu) / a.cpu, b.cpu - a.cpu, latency,
                static_cast<long long>(b.hits), static_cast<long long>(b.notifications));
    std::printf("%-28s reading and storing %.2f -> %.2f s, index %.2f -> %.2f s, after them %.2f -> %.2f s\n", "",
                a.reading, b.reading, a.indexing, b.indexing, a.after(), b.after());
    std::fflush(stdout);
    for (auto [sum, t] : {std::pair{&sum_a, &a}, std::pair{&sum_b, &b}}) {
      sum->reading += t->reading;
      sum->indexing += t->indexing;
    }
    sum_a.total += a.total;
    sum_b.total += b.total;
    sum_a.cpu += a.cpu;
    sum_b.cpu += b.cpu;
    sum_b.hits += b.hits;
  }
  const double added = 100.0 * (sum_b.total - sum_a.total) / sum_a.total;
  std::printf("\n%-28s %12.2f %12.2f %8.1f%% %9.1f%% %12.2f %12.3f %9lld\n", "all", sum_a.total, sum_b.total, added,
              100.0 * (sum_b.cpu - sum_a.cpu) / sum_a.cpu, sum_b.cpu - sum_a.cpu, worst_latency,
              static_cast<long long>(sum_b.hits));
  std::printf("%-28s reading and storing %.2f -> %.2f s, index %.2f -> %.2f s, after them %.2f -> %.2f s\n", "",
              sum_a.reading, sum_b.reading, sum_a.indexing, sum_b.indexing, sum_a.after(), sum_b.after());
  std::printf("added ingest time %.1f%% (target < 10%%: %s); slowest alert latency %.3f s (target < 1 s: %s)\n",
              added, added < 10 ? "MET" : "NOT MET", worst_latency, worst_latency < 1 ? "MET" : "NOT MET");
  if (!o.keep && o.workdir.empty()) fs::remove_all(work);
  return 0;
}
