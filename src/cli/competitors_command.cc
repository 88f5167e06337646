// patnav watch competitors: an alliance's competitor dashboard as JSON
// (app/competitors.h), for the command line (Caller::Local).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/competitors.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace patnav::cli {

void AddCompetitorsCommand(CLI::App* watch, int* exit_code) {
  struct Flags {
    std::string db;
    app::CompetitorsRequest request;
  };
  auto o = std::make_shared<Flags>();
  CLI::App* cmd = watch->add_subcommand(
      "competitors", "an alliance's watched competitors: filings per month, new countries, IPC gained, pool citations");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  cmd->add_option("--alliance", o->request.alliance, "the alliance (its shared applicant watches)")->required();
  cmd->add_option("--months", o->request.months, "the window, in months up to --as-of (default 12)");
  cmd->add_option("--as-of", o->request.as_of, "the window's last day, YYYY-MM-DD (default today)");
  cmd->callback([o, exit_code] {
    app::Workspace ws(WorkspaceOptions(o->db));
    Result<nlohmann::ordered_json> out = app::CompetitorDashboard(app::Caller::Local(), ws, o->request);
    if (!out.ok()) {
      *exit_code = ExitWith("watch competitors", out.status());
      return;
    }
    std::cout << out->dump(2) << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
