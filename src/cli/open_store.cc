// The workspace of a command and the exit status of a failed call (open_store.h).
#include "cli/open_store.h"

#include <cstdio>

#include "base/status_table.h"
#include "cli/commands.h"

namespace patnav::cli {

app::Workspace::Options WorkspaceOptions(const std::string& db_flag) {
  app::Workspace::Options options;
  options.dir = ResolveDataDir(db_flag);
  options.long_lived = false;
  return options;
}

int ExitWith(const char* command, const Status& st) {
  const int exit_code = ExitCodeFor(st.code());
  std::fprintf(stderr, "patnav %s: %s\n", command, exit_code == kExitUsage ? st.message().c_str() : st.ToString().c_str());
  return exit_code;
}

}  // namespace patnav::cli
