// The patent-data commands' two shared steps: the workspace of the data
// directory (--db, else $PATNAV_HOME, else ./patnav-data) on which they call
// the application layer, and turning a refused call into a message and the
// exit status of base/status_table.h.
#pragma once

#include <string>

#include "app/workspace.h"
#include "base/status.h"

namespace patnav::cli {

// Options of the workspace a one-shot command uses: the resolved data
// directory; not long-lived (a command runs one search).
app::Workspace::Options WorkspaceOptions(const std::string& db_flag);

// Prints "patnav <command>: <message>" to stderr, the message alone for a
// refused request (exit status 2) and with the code's title first otherwise
// ("I/O error: ..."), and returns ExitCodeFor(code).
int ExitWith(const char* command, const Status& st);

}  // namespace patnav::cli
