// patnav search: placeholder until the search index lands (issue 3).
#include <cstdio>

#include "cli/commands.h"

namespace patnav::cli {

int RunSearch(const SearchOptions&) {
  std::fprintf(stderr, "patnav search: search is not built yet\n");
  return kExitFailure;
}

}  // namespace patnav::cli
