// record_decode_bench: decoding stored records, the cost under every store
// read (analytics snapshot, index rebuild, export). Times RecordFromJsonText
// (simdjson, what the store uses) against the baseline it replaced,
// RecordFromJson on nlohmann's DOM, on the same canonical JSON lines, and
// checks that both give the same record for every line.
//
// Usage: record_decode_bench FILE.jsonl [--rounds N]
//   FILE.jsonl: canonical records, e.g. `patnav export --db DIR --format jsonl`
//   (or a slice of it: `| head -20000`).
// Exit status 0 when every line decoded identically both ways, 1 otherwise.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "model/record_json.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

}  // namespace

int main(int argc, char** argv) {
  using namespace patnav;
  if (argc < 2) {
    std::fprintf(stderr, "usage: record_decode_bench FILE.jsonl [--rounds N]\n");
    return 2;
  }
  int rounds = 3;
  for (int i = 2; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::max(1, std::atoi(argv[i + 1]));
  std::ifstream in(argv[1]);
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    bytes += line.size();
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    std::fprintf(stderr, "record_decode_bench: no records in %s\n", argv[1]);
    return 2;
  }
  size_t differ = 0;
  for (const std::string& line : lines) {
    Result<PatentRecord> fast = RecordFromJsonText(line);
    Result<PatentRecord> slow = RecordFromJson(Json::parse(line, nullptr, false));
    if (fast.ok() != slow.ok() || (fast.ok() && RecordToJsonLine(*fast) != RecordToJsonLine(*slow))) ++differ;
  }
  double best_fast = 1e300, best_slow = 1e300;
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    for (const std::string& line : lines) sink += RecordFromJsonText(line)->claims.size();
    best_fast = std::min(best_fast, Seconds(t0));
    t0 = Clock::now();
    for (const std::string& line : lines) sink += RecordFromJson(Json::parse(line, nullptr, false))->claims.size();
    best_slow = std::min(best_slow, Seconds(t0));
  }
  const double n = static_cast<double>(lines.size()), mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu records, %.1f MB of canonical JSON (%.1f KB each), best of %d rounds, one thread\n", lines.size(),
              mb, mb * 1000 / n, rounds);
  std::printf("  RecordFromJsonText (simdjson)     %9.0f records/s  %7.1f MB/s\n", n / best_fast, mb / best_fast);
  std::printf("  baseline: RecordFromJson(nlohmann) %8.0f records/s  %7.1f MB/s\n", n / best_slow, mb / best_slow);
  std::printf("  ratio %.1fx; records decoded differently: %zu (checksum %zu)\n", best_slow / best_fast, differ, sink);
  return differ == 0 ? 0 : 1;
}
