// patnav stats: what the store holds, by country, kind, year and format
// (app::GetStoreStats), as tables or JSON (app::StoreStatsJson).
#include <cstdio>
#include <iostream>

#include "app/caller.h"
#include "app/patent_json.h"
#include "app/patents.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"

namespace patnav::cli {

namespace {

void PrintTable(const char* title, const ValueCounts& rows, int64_t total) {
  std::printf("\n%s\n", title);
  for (const auto& [k, v] : rows) {
    double pct = total > 0 ? 100.0 * static_cast<double>(v) / static_cast<double>(total) : 0.0;
    std::printf("  %-24s %12s  %5.1f%%\n", k.empty() ? "(none)" : k.c_str(), WithCommas(static_cast<uint64_t>(v)).c_str(), pct);
  }
}

}  // namespace

int RunStats(const StatsOptions& o) {
  app::Workspace workspace(WorkspaceOptions(o.db));
  Result<app::StoreStatsResult> result = app::GetStoreStats(app::Caller::Local(), workspace);
  if (!result.ok()) return ExitWith("stats", result.status());
  const StoreStats& s = result->stats;
  if (o.format == "json") {
    std::cout << app::StoreStatsJson(s).dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%s publications (%s with full text)\n", WithCommas(static_cast<uint64_t>(s.publications)).c_str(),
              WithCommas(static_cast<uint64_t>(s.with_full_text)).c_str());
  PrintTable("By country", s.by_country, s.publications);
  PrintTable("By kind", s.by_kind, s.publications);
  PrintTable("By publication year", s.by_year, s.publications);
  PrintTable("By source format", s.by_format, s.publications);
  return kExitOk;
}

}  // namespace patnav::cli
