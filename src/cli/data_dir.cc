// Where the store lives.
#include <cstdlib>

#include "cli/commands.h"

namespace patnav::cli {

std::string ResolveDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* home = std::getenv("PATNAV_HOME");
  if (home && *home) return home;
  return "patnav-data";
}

}  // namespace patnav::cli
