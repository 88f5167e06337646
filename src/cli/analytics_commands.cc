// patnav landscape: the landscape analyses (issue 4) over the patents matching
// a query, written as JSON (docs/landscape-json.md) or rendered as an HTML
// report or an XLSX workbook (src/report). Registered by main.cc through
// command_groups.h.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analytics/landscape.h"
#include "analytics/patent_set.h"
#include "analytics/snapshot_file.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"
#include "index/patent_set_query.h"
#include "report/report.h"

namespace patnav::cli {

namespace {

struct LandscapeCliOptions {
  std::string db;
  std::string query;
  std::string members;  // file: one applicant name a line
  std::string only;     // comma-separated analysis names
  std::string format = "json";
  std::string language = "both";
  std::string out;
  int top = 20;
  int as_of_year = 0;
};

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// Names, one a line; blank lines and lines starting with '#' are skipped; a
// UTF-8 byte order mark and CR line ends are tolerated.
Result<std::vector<std::string>> ReadMembers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the members file");
  std::vector<std::string> names;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    first = false;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    line.erase(0, lead);
    if (line.empty() || line.front() == '#') continue;
    names.push_back(line);
  }
  return names;
}

int Fail(const std::string& message, int code = kExitFailure) {
  std::fprintf(stderr, "patnav landscape: %s\n", message.c_str());
  return code;
}

int RunLandscapeCommand(const LandscapeCliOptions& o) {
  if (o.format != "json" && o.format != "html" && o.format != "xlsx")
    return Fail("--format must be json, html or xlsx", kExitUsage);
  analytics::LandscapeRequest request;
  request.query = o.query;
  request.only = SplitCommas(o.only);
  request.options.top = o.top;
  request.options.as_of_year = o.as_of_year;
  if (!o.members.empty()) {
    Result<std::vector<std::string>> members = ReadMembers(o.members);
    if (!members.ok()) return Fail(members.status().ToString(), kExitUsage);
    request.options.members = std::move(members).value();
  }
  const std::string data_dir = ResolveDataDir(o.db);
  request.data_dir = data_dir;
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, "landscape");
  if (!store) return kExitFailure;

  const bool tty = isatty(STDERR_FILENO);
  analytics::BuildOptions build;
  build.with_text = true;
  build.progress = [&](int64_t done, int64_t total) {
    if (tty) std::fprintf(stderr, "\rsnapshot: %s / %s publications", WithCommas(done).c_str(), WithCommas(total).c_str());
  };
  analytics::SnapshotSource source;
  Result<analytics::Snapshot> snapshot = analytics::LoadOrBuildSnapshot(data_dir, *store, build, &source);
  if (tty && !source.loaded) std::fprintf(stderr, "\r\033[K");
  if (!snapshot.ok()) return Fail("analytics snapshot: " + snapshot.status().ToString());

  analytics::PatentSet set;
  if (o.query.empty() || o.query == "*") {
    set = analytics::PatentSet::All(*snapshot);
  } else {
    Result<std::vector<uint32_t>> docids = index::MatchingDocids(data_dir, o.query);
    if (!docids.ok()) {
      const bool usage = docids.status().code() == StatusCode::kInvalidArgument;
      return Fail(docids.status().ToString(), usage ? kExitUsage : kExitFailure);
    }
    set = analytics::PatentSet::FromDocids(*snapshot, *docids);
    if (set.missing() > 0)
      std::fprintf(stderr, "patnav landscape: %llu matching documents are not in the store any more (ignored)\n",
                   static_cast<unsigned long long>(set.missing()));
  }
  Result<analytics::Json> landscape = analytics::RunLandscape(*snapshot, set, request);
  if (!landscape.ok()) {
    const bool usage = landscape.status().code() == StatusCode::kInvalidArgument;
    return Fail(landscape.status().ToString(), usage ? kExitUsage : kExitFailure);
  }
  for (const std::string& m : (*landscape)["members_vs_others"].is_object()
                                  ? (*landscape)["members_vs_others"]["not_found"].get<std::vector<std::string>>()
                                  : std::vector<std::string>{})
    std::fprintf(stderr, "patnav landscape: member '%s' is not an applicant in the store\n", m.c_str());
  if (!(*landscape)["members_vs_others"].is_object()) landscape->erase("members_vs_others");

  if (o.format == "json") {
    const std::string text = landscape->dump(2) + "\n";
    if (o.out.empty() || o.out == "-") {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
      std::ofstream f(o.out, std::ios::binary | std::ios::trunc);
      if (!f || !f.write(text.data(), static_cast<std::streamsize>(text.size())) || !f.flush())
        return Fail(o.out + ": cannot write");
    }
  } else {
    if (o.out.empty() || o.out == "-") return Fail("--out FILE is required for --format " + o.format, kExitUsage);
    report::ReportOptions ro;
    ro.language = o.language;
    const Status st = o.format == "html" ? report::WriteHtml(*landscape, o.out, ro) : report::WriteXlsx(*landscape, o.out, ro);
    if (!st.ok()) return Fail(st.ToString(), st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure);
  }
  if (tty)
    std::fprintf(stderr, "landscape: %s patents, %zu analyses%s%s\n", WithCommas(set.size()).c_str(),
                 (*landscape)["meta"]["analyses"].size(), o.out.empty() || o.out == "-" ? "" : " -> ",
                 o.out.empty() || o.out == "-" ? "" : o.out.c_str());
  return kExitOk;
}

}  // namespace

void AddAnalyticsCommands(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<LandscapeCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "landscape", "patent landscape: 15 analyses of the patents matching a query, as JSON, HTML or XLSX");
  cmd->add_option("query", o->query, "the expert query language; '*' or empty = the whole store");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  cmd->add_option("--members", o->members, "file of alliance members' applicant names, one a line (members_vs_others)");
  cmd->add_option("--only", o->only, "comma-separated analyses (default: all), e.g. trend,top_applicants");
  cmd->add_option("--format", o->format, "json (default), html or xlsx");
  cmd->add_option("--lang", o->language, "report labels: en, zh or both (html, xlsx)");
  cmd->add_option("--out", o->out, "output file ('-' or absent: standard output, json only)");
  cmd->add_option("--top", o->top, "rows of ranked lists (applicants, inventors)")->check(CLI::Range(1, 1000));
  cmd->add_option("--as-of", o->as_of_year, "last complete year (default: last calendar year, capped at the data)");
  cmd->callback([o, exit_code] { *exit_code = RunLandscapeCommand(*o); });
}

}  // namespace patnav::cli
