// patnav landscape: the landscape analyses (issue 4) over the patents matching
// a query, written as JSON (docs/landscape-json.md) or rendered as an HTML
// report or an XLSX workbook (src/report), through app::RunLandscapeReport.
// Registered by main.cc through command_groups.h.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/caller.h"
#include "app/landscape.h"
#include "app/workspace.h"
#include "base/status_table.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/progress.h"

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

int Fail(const std::string& message, int code = kExitFailure) {
  std::fprintf(stderr, "patnav landscape: %s\n", message.c_str());
  return code;
}

int Fail(const Status& st) { return Fail(st.ToString(), ExitCodeFor(st.code())); }

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the members file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool ToStdout(const std::string& out) { return out.empty() || out == "-"; }

Status WriteOut(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f || !f.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !f.flush())
    return Status::IOError(path + ": cannot write");
  return Status::OK();
}

int RunLandscapeCommand(const LandscapeCliOptions& o) {
  Result<app::LandscapeFormat> format = app::ParseLandscapeFormat(o.format);
  if (!format.ok()) return Fail("--format must be json, html or xlsx", kExitUsage);
  app::LandscapeReportRequest request;
  request.query = o.query;
  request.only = SplitCommas(o.only);
  request.top = o.top;
  request.as_of_year = o.as_of_year;
  request.language = o.language;
  request.format = *format;
  if (!o.members.empty()) {
    Result<std::string> text = ReadFile(o.members);
    if (!text.ok()) return Fail(text.status());
    request.members = app::ParseMemberNames(*text);
  }
  if (*format != app::LandscapeFormat::kJson && ToStdout(o.out))
    return Fail("--out FILE is required for --format " + o.format, kExitUsage);

  app::Workspace workspace(WorkspaceOptions(o.db));
  Result<app::LandscapeReportResult> result = app::RunLandscapeReport(app::Caller::Local(), workspace, request);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& w : result->warnings) std::fprintf(stderr, "patnav landscape: %s\n", w.c_str());
  if (ToStdout(o.out)) {
    std::fwrite(result->bytes.data(), 1, result->bytes.size(), stdout);
  } else if (Status st = WriteOut(o.out, result->bytes); !st.ok()) {
    return Fail(o.out + ": cannot write");
  }
  if (isatty(STDERR_FILENO))
    std::fprintf(stderr, "landscape: %s patents, %zu analyses%s%s\n", WithCommas(result->patents).c_str(),
                 result->analyses, ToStdout(o.out) ? "" : " -> ", ToStdout(o.out) ? "" : o.out.c_str());
  return kExitOk;
}

}  // namespace

void AddAnalyticsCommands(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<LandscapeCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "landscape", "patent landscape: 16 analyses of the patents matching a query, as JSON, HTML or XLSX");
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
