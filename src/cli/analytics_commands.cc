// Landscape analytics subcommands (issue 4). Registered by main.cc through
// command_groups.h.
#include <CLI/CLI.hpp>

#include "cli/command_groups.h"

namespace patnav::cli {

void AddAnalyticsCommands(CLI::App& app, int* exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace patnav::cli
