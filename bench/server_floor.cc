// The floor of the server benchmark (bench/server_run.sh): the same search
// queries through the application layer in-process, on one long-lived
// workspace, as the server's worker runs them, without HTTP. Prints p50, p95,
// p99 and max in milliseconds.
//
//   server_floor --db DIR --queries FILE [--facets] [--rounds N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "app/search.h"
#include "app/workspace.h"

using namespace patnav;

int main(int argc, char** argv) {
  std::string db, queries_file;
  bool facets = false;
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db = argv[++i];
    else if (a == "--queries" && i + 1 < argc) queries_file = argv[++i];
    else if (a == "--facets") facets = true;
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
  }
  if (db.empty() || queries_file.empty()) {
    std::fprintf(stderr, "usage: server_floor --db DIR --queries FILE [--facets] [--rounds N]\n");
    return 2;
  }
  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  app::Workspace ws({db, /*long_lived=*/true});
  app::Caller caller = app::Caller::Local();
  std::vector<double> ms;
  for (int round = 0; round <= rounds; ++round) {
    for (const std::string& q : queries) {
      app::SearchPatentsRequest r;
      r.query = q;
      r.facets = facets;
      auto t0 = std::chrono::steady_clock::now();
      auto res = app::SearchPatents(caller, ws, r);
      double d = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!res.ok()) {
        std::fprintf(stderr, "query '%s': %s\n", q.c_str(), res.status().ToString().c_str());
        return 1;
      }
      if (round > 0) ms.push_back(d);  // round 0 warms the columns up
    }
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  std::printf("in-process floor (%s): %zu searches, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              facets ? "with facets" : "without facets", ms.size(), pct(0.50), pct(0.95), pct(0.99), ms.back());
  return 0;
}
