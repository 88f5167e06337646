// Legal-status benchmark (issue 12): the USPTO maintenance fee file and the
// status engine, on one core (the process pins itself to one CPU).
//   fee lines   a generated MaintFeeEvents file (generator/maintfee_writer.h,
//               the real file's layout) written to disk, then read by
//               NewUsptoMaintFeeReader from the file into a sink that counts
//               events: lines/s and the peak memory of the process
//               (ru_maxrss), which stays flat as the reader streams.
//   assignments a generated assignment day file (generator/assignment_writer.h,
//               the real ad*.xml layout) of --assignments records, read by
//               NewUsptoAssignmentReader into a counting sink: records/s and
//               the peak memory, which stays flat (the reader streams one
//               record at a time).
//   status      the patents of the file's first --patents patents with their
//               fee events (records made from the lines' own numbers and
//               dates), each evaluated by EvaluatePatentStatus on one day:
//               patents/s, and the time for 1,000,000 at that rate.
// Targets of the issue: at least 1,000,000 fee lines/s; status for
// 1,000,000 patents in under 2 s.
//
// Usage: legal_bench [--fee-lines N] [--assignments N] [--patents N] [--seed S] [--workdir DIR]
//   defaults: 2,000,000 fee lines, 100,000 assignments, 100,000 patents (the
//   issue's sizes are --fee-lines 20000000 --assignments 1000000
//   --patents 1000000).
#include <sched.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/patent_status.h"
#include "generator/assignment_writer.h"
#include "generator/maintfee_writer.h"
#include "readers/input_files.h"
#include "readers/uspto_assignment_reader.h"
#include "readers/uspto_maintfee_reader.h"

namespace {

using namespace patnav;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU time of this thread: on a shared machine the wall clock also counts
// the time other processes held the core.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long MaxRssMib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

bool PinToOneCpu(int* cpu) {
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return false;
  for (int c = 0; c < CPU_SETSIZE; ++c)
    if (CPU_ISSET(c, &allowed)) {
      cpu_set_t one;
      CPU_ZERO(&one);
      CPU_SET(c, &one);
      *cpu = c;
      return sched_setaffinity(0, sizeof one, &one) == 0;
    }
  return false;
}

// Counts events; keeps those of the patents in `keep` (by subject).
class FeeSink : public RecordSink {
 public:
  explicit FeeSink(std::unordered_map<std::string, std::vector<LegalEvent>>* keep) : keep_(keep) {}
  void OnRecord(PatentRecord&&) override {}
  void OnReject(Rejection&&) override { ++rejected; }
  void OnLegalEvent(LegalEvent&& e) override {
    ++events;
    if (keep_) {
      auto it = keep_->find(e.subject);
      if (it != keep_->end()) it->second.push_back(std::move(e));
    }
  }
  uint64_t events = 0, rejected = 0;

 private:
  std::unordered_map<std::string, std::vector<LegalEvent>>* keep_;
};

std::string IsoOf(std::string_view yyyymmdd) {
  return std::string(yyyymmdd.substr(0, 4)) + "-" + std::string(yyyymmdd.substr(4, 2)) + "-" +
         std::string(yyyymmdd.substr(6, 2));
}

// `n` patents spread evenly over the file (every k-th distinct patent, so
// that grants of every year are in), as records (current layout: patent
// 1-13, application 15-22, filed 26-33, granted 35-42).
std::vector<PatentRecord> RecordsFromFeeFile(const std::filesystem::path& path, size_t n, uint64_t total_patents) {
  std::vector<PatentRecord> out;
  const uint64_t step = std::max<uint64_t>(1, total_patents / std::max<size_t>(n, 1));
  std::ifstream in(path);
  std::string line, last;
  uint64_t distinct = 0;
  while (out.size() < n && std::getline(in, line)) {
    if (line.size() < 42) continue;
    std::string number = line.substr(0, 13);
    if (number == last) continue;
    last = number;
    if (distinct++ % step != 0) continue;
    size_t nz = number.find_first_not_of(" 0");
    PatentRecord r;
    r.country = "US";
    r.doc_number = number.substr(nz == std::string::npos ? 0 : nz);
    r.kind = "B2";
    r.publication_number = "US" + r.doc_number + "B2";
    r.application_number = line.substr(14, 8);
    r.filing_date = IsoOf(line.substr(25, 8));
    r.grant_date = r.publication_date = IsoOf(line.substr(34, 8));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t fee_lines = 2'000'000, assignments = 100'000, patents = 100'000, seed = 42;
  std::filesystem::path workdir = std::filesystem::temp_directory_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--fee-lines") fee_lines = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--assignments") assignments = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--patents") patents = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--workdir") workdir = argv[i + 1];
    else { std::fprintf(stderr, "unknown option %s\n", a.c_str()); return 2; }
  }
  int cpu = -1;
  if (PinToOneCpu(&cpu)) std::printf("one core: pinned to CPU %d\n", cpu);

  // About 2.6 lines per generated patent: aim at the line count asked.
  const std::filesystem::path file = workdir / ("patnav-legal-bench-" + std::to_string(getpid()) + ".txt");
  MaintFeeOptions mo;
  mo.seed = seed;
  mo.patents = std::max<uint64_t>(fee_lines * 10 / 26, patents);
  auto t0 = Clock::now();
  uint64_t lines = 0;
  {
    std::ofstream out(file, std::ios::binary);
    Result<uint64_t> written = WriteMaintFeeEvents(mo, out);
    if (!written.ok()) { std::fprintf(stderr, "%s\n", written.status().ToString().c_str()); return 1; }
    lines = *written;
  }
  auto t1 = Clock::now();
  const double mb = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
  std::printf("generate: %llu fee lines of %llu patents, %.1f MB in %.2f s\n", static_cast<unsigned long long>(lines),
              static_cast<unsigned long long>(mo.patents), mb, Seconds(t0, t1));

  const long rss_before = MaxRssMib();
  Result<std::unique_ptr<ByteSource>> src = OpenFileSource(file);
  if (!src.ok()) { std::fprintf(stderr, "%s\n", src.status().ToString().c_str()); return 1; }
  FeeSink sink(nullptr);
  const double fee_cpu0 = ThreadCpuSeconds();
  auto t2 = Clock::now();
  Status st = NewUsptoMaintFeeReader()->Read(**src, sink);
  auto t3 = Clock::now();
  if (!st.ok()) { std::fprintf(stderr, "%s\n", st.ToString().c_str()); return 1; }
  const double read_s = Seconds(t2, t3);
  const double read_cpu = ThreadCpuSeconds() - fee_cpu0;
  std::printf("fee lines: %llu events (%llu rejected) in %.2f s (CPU %.2f s) = %.0f lines/s (per CPU second: %.0f), "
              "%.1f MB/s; target 1,000,000 lines/s: %s\n",
              static_cast<unsigned long long>(sink.events), static_cast<unsigned long long>(sink.rejected), read_s,
              read_cpu, static_cast<double>(lines) / read_s, static_cast<double>(lines) / read_cpu, mb / read_s,
              lines / read_s >= 1e6 ? "MET" : "NOT MET");
  std::printf("  peak memory: %ld MiB before reading, %ld MiB after (the reader streams: flat)\n", rss_before,
              MaxRssMib());

  if (assignments > 0) {
    const std::filesystem::path xml = workdir / ("patnav-legal-bench-" + std::to_string(getpid()) + ".xml");
    auto a0 = Clock::now();
    uint64_t properties = 0;
    {
      std::ofstream out(xml, std::ios::binary);
      Result<uint64_t> written = WriteAssignmentFile({.records = assignments, .seed = seed}, out);
      if (!written.ok()) { std::fprintf(stderr, "%s\n", written.status().ToString().c_str()); return 1; }
      properties = *written;
    }
    auto a1 = Clock::now();
    const double xml_mb = static_cast<double>(std::filesystem::file_size(xml)) / 1e6;
    std::printf("generate: %llu assignment records (%llu patent properties), %.1f MB in %.2f s\n",
                static_cast<unsigned long long>(assignments), static_cast<unsigned long long>(properties), xml_mb,
                Seconds(a0, a1));
    const long before = MaxRssMib();
    Result<std::unique_ptr<ByteSource>> in = OpenFileSource(xml);
    if (!in.ok()) { std::fprintf(stderr, "%s\n", in.status().ToString().c_str()); return 1; }
    FeeSink counter(nullptr);
    const double cpu0 = ThreadCpuSeconds();
    auto a2 = Clock::now();
    Status read = NewUsptoAssignmentReader()->Read(**in, counter);
    auto a3 = Clock::now();
    const double cpu_s = ThreadCpuSeconds() - cpu0;
    std::filesystem::remove(xml);
    if (!read.ok()) { std::fprintf(stderr, "%s\n", read.ToString().c_str()); return 1; }
    const double s_read = Seconds(a2, a3);
    std::printf("assignments: %llu records, %llu events (%llu rejected) in %.2f s (CPU %.2f s) = %.0f records/s, "
                "%.1f MB/s\n",
                static_cast<unsigned long long>(assignments), static_cast<unsigned long long>(counter.events),
                static_cast<unsigned long long>(counter.rejected), s_read, cpu_s,
                static_cast<double>(assignments) / s_read, xml_mb / s_read);
    std::printf("  peak memory: %ld MiB before reading, %ld MiB after (the reader streams: flat)\n", before,
                MaxRssMib());
  }

  // The status patents and their events (a second pass, not timed).
  std::vector<PatentRecord> records = RecordsFromFeeFile(file, patents, mo.patents);
  std::unordered_map<std::string, std::vector<LegalEvent>> events;
  for (const auto& r : records) events[LegalSubject(r.country, r.doc_number)];
  {
    Result<std::unique_ptr<ByteSource>> again = OpenFileSource(file);
    if (!again.ok()) return 1;
    FeeSink keep(&events);
    if (!NewUsptoMaintFeeReader()->Read(**again, keep).ok()) return 1;
  }
  std::filesystem::remove(file);

  size_t with_events = 0, in_force = 0;
  for (const auto& [subject, ev] : events) with_events += !ev.empty();
  // Each patent's events found before timing: the engine's input is a
  // record and its events, however the caller keeps them.
  std::vector<const std::vector<LegalEvent>*> events_of;
  events_of.reserve(records.size());
  for (const PatentRecord& r : records) events_of.push_back(&events[LegalSubject(r.country, r.doc_number)]);
  // Both modes of the engine: the bulk one (state, expiry, next fee: what
  // the search index keeps for LS=/EX=) and the explained one (rule, notes,
  // a copy of every event used, the owner: what show, value and the API
  // print for one patent).
  for (domain::StatusDetail detail : {domain::StatusDetail::kStateOnly, domain::StatusDetail::kExplained}) {
    in_force = 0;
    const double cpu0 = ThreadCpuSeconds();
    auto t4 = Clock::now();
    for (size_t i = 0; i < records.size(); ++i) {
      domain::PatentStatus s = domain::EvaluatePatentStatus(records[i], *events_of[i], "", "2024-06-30", detail);
      in_force += s.state == domain::LegalState::kInForce;
    }
    auto t5 = Clock::now();
    const double cpu_s = ThreadCpuSeconds() - cpu0;
    const double status_s = Seconds(t4, t5);
    const double per_million = status_s / static_cast<double>(records.size()) * 1e6;
    std::printf("status (%s): %zu patents (%zu with fee events, %zu in force on 2024-06-30) in %.3f s "
                "(CPU %.3f s) = %.0f patents/s; 1,000,000 at this rate: %.2f s (CPU %.2f s); target < 2 s: %s\n",
                detail == domain::StatusDetail::kStateOnly ? "state only, as indexed" : "explained, as shown",
                records.size(), with_events, in_force, status_s, cpu_s, static_cast<double>(records.size()) / status_s,
                per_million, cpu_s / static_cast<double>(records.size()) * 1e6, per_million < 2 ? "MET" : "NOT MET");
  }
  return 0;
}
