// Patent value and pool-operation subcommands (issue 5). Registered by
// main.cc through command_groups.h; each area lives in its own file
// (pool_cli.h lists them).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/status_table.h"
#include "base/strings.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

std::unique_ptr<domain::OperationsDb> OpenOperations(const std::string& db_flag, const char* command, bool create) {
  Result<std::unique_ptr<domain::OperationsDb>> ops = domain::OperationsDb::Open(ResolveDataDir(db_flag), create);
  if (!ops.ok()) {
    std::fprintf(stderr, "patnav %s: %s\n", command, ops.status().message().c_str());
    return nullptr;
  }
  return std::move(ops).value();
}

std::unique_ptr<app::Workspace> OpenWorkspace(const std::string& db_flag) {
  app::Workspace::Options options;
  options.dir = ResolveDataDir(db_flag);
  return std::make_unique<app::Workspace>(std::move(options));
}

int Fail(const char* command, const Status& st) {
  std::fprintf(stderr, "patnav %s: %s\n", command, st.message().c_str());
  return ExitCodeFor(st.code());
}

void PrintWarnings(const char* command, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) std::fprintf(stderr, "patnav %s: note: %s\n", command, w.c_str());
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SplitCountries(const std::string& text) {
  std::vector<std::string> out;
  for (auto part : Split(text, ',')) {
    std::string c = AsciiUpper(Trim(part));
    if (!c.empty()) out.push_back(c);
  }
  return out;
}

void AddPoolCommands(CLI::App& app, int* exit_code) {
  AddAllianceCommands(app, exit_code);
  AddPoolGroupCommands(app, exit_code);
  AddMoneyCommands(app, exit_code);
  AddValueCommand(app, exit_code);
}

}  // namespace patnav::cli
