// Patent value and pool-operation subcommands (issue 5). Registered by
// main.cc through command_groups.h.
#include <CLI/CLI.hpp>

#include "cli/command_groups.h"

namespace patnav::cli {

void AddPoolCommands(CLI::App& app, int* exit_code) {
  (void)app;
  (void)exit_code;
}

}  // namespace patnav::cli
