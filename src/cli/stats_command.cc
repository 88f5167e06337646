// patnav stats: what the store holds, by country, kind, year and format.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"

namespace patnav::cli {

namespace {

void PrintTable(const char* title, const std::vector<std::pair<std::string, int64_t>>& rows, int64_t total) {
  std::printf("\n%s\n", title);
  for (const auto& [k, v] : rows) {
    double pct = total > 0 ? 100.0 * static_cast<double>(v) / static_cast<double>(total) : 0.0;
    std::printf("  %-24s %12s  %5.1f%%\n", k.empty() ? "(none)" : k.c_str(), WithCommas(static_cast<uint64_t>(v)).c_str(), pct);
  }
}

nlohmann::ordered_json ToJson(const std::vector<std::pair<std::string, int64_t>>& rows) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (const auto& [k, v] : rows) o[k.empty() ? "(none)" : k] = v;
  return o;
}

}  // namespace

int RunStats(const StatsOptions& o) {
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, "stats");
  if (!store) return kExitFailure;
  Result<StoreStats> s = store->Stats();
  if (!s.ok()) {
    std::fprintf(stderr, "patnav stats: %s\n", s.status().ToString().c_str());
    return kExitFailure;
  }
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["publications"] = s->publications;
    j["with_full_text"] = s->with_full_text;
    j["by_country"] = ToJson(s->by_country);
    j["by_kind"] = ToJson(s->by_kind);
    j["by_year"] = ToJson(s->by_year);
    j["by_format"] = ToJson(s->by_format);
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%s publications (%s with full text)\n", WithCommas(static_cast<uint64_t>(s->publications)).c_str(),
              WithCommas(static_cast<uint64_t>(s->with_full_text)).c_str());
  PrintTable("By country", s->by_country, s->publications);
  PrintTable("By kind", s->by_kind, s->publications);
  PrintTable("By publication year", s->by_year, s->publications);
  PrintTable("By source format", s->by_format, s->publications);
  return kExitOk;
}

}  // namespace patnav::cli
