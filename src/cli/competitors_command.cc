// patnav watch competitors: an alliance's competitor dashboard as JSON, or
// with --xlsx FILE as a workbook (app/competitors.h), for the command line
// (Caller::Local).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
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
    std::string xlsx;
  };
  auto o = std::make_shared<Flags>();
  CLI::App* cmd = watch->add_subcommand(
      "competitors", "an alliance's watched competitors: filings per month, new countries, IPC gained, pool citations");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  cmd->add_option("--alliance", o->request.alliance, "the alliance (its shared applicant watches)")->required();
  cmd->add_option("--months", o->request.months, "the window, in months up to --as-of (default 12)");
  cmd->add_option("--as-of", o->request.as_of, "the window's last day, YYYY-MM-DD (default today)");
  cmd->add_option("--xlsx", o->xlsx, "write the dashboard as an XLSX workbook to this file instead");
  cmd->callback([o, exit_code] {
    app::Workspace ws(WorkspaceOptions(o->db));
    Result<nlohmann::ordered_json> out = app::CompetitorDashboard(app::Caller::Local(), ws, o->request);
    if (!out.ok()) {
      *exit_code = ExitWith("watch competitors", out.status());
      return;
    }
    if (o->xlsx.empty()) {
      std::cout << out->dump(2) << "\n";
      *exit_code = kExitOk;
      return;
    }
    Result<std::string> bytes = app::CompetitorDashboardXlsx(ws, *out);
    if (!bytes.ok()) {
      *exit_code = ExitWith("watch competitors", bytes.status());
      return;
    }
    std::ofstream f(o->xlsx, std::ios::binary | std::ios::trunc);
    if (!f || !f.write(bytes->data(), static_cast<std::streamsize>(bytes->size())) || !f.flush()) {
      *exit_code = ExitWith("watch competitors", Status::IOError(o->xlsx + ": cannot write"));
      return;
    }
    std::fprintf(stderr, "patnav watch competitors: wrote %s (%zu competitors)\n", o->xlsx.c_str(),
                 out->at("competitors").size());
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
