// patnav watch digest: the delivery side of the watches from the command
// line (app/digests.h). The command line runs as Caller::Local.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/digests.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "domain/platform_clock.h"

namespace patnav::cli {

namespace {

constexpr const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

// The time of --now, or the clock's; InvalidArgument naming the option.
Result<int64_t> NowOf(const std::string& text) {
  if (text.empty()) return domain::SystemClock().Now();
  Result<int64_t> t = domain::ParseIsoUtc(text);
  if (!t.ok()) return Status::InvalidArgument("--now: " + t.status().message());
  return t;
}

void AddDigestCommand(CLI::App* watch, int* exit_code) {
  struct Flags {
    std::string db, now;
  };
  auto o = std::make_shared<Flags>();
  CLI::App* cmd = watch->add_subcommand("digest", "make the digests of daily, weekly and monthly watches now due");
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--now", o->now, "the time to collect at, 2026-12-07T00:00:00Z (default: now)");
  cmd->callback([o, exit_code] {
    Result<int64_t> now = NowOf(o->now);
    if (!now.ok()) {
      *exit_code = ExitWith("watch digest", now.status());
      return;
    }
    app::Workspace ws(WorkspaceOptions(o->db));
    Result<std::vector<domain::Digest>> made = app::RunDigests(app::Caller::Local(), ws, *now);
    if (!made.ok()) {
      *exit_code = ExitWith("watch digest", made.status());
      return;
    }
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& d : *made) j.push_back(app::DigestJson(d));
    std::cout << j.dump(2) << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace

void AddWatchDeliveryCommands(CLI::App* watch, int* exit_code) { AddDigestCommand(watch, exit_code); }

}  // namespace patnav::cli
