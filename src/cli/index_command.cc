// patnav index: placeholder until the search index lands (issue 3).
#include <cstdio>

#include "cli/commands.h"

namespace patnav::cli {

int RunIndex(const IndexOptions&) {
  std::fprintf(stderr, "patnav index: the search index is not built yet\n");
  return kExitFailure;
}

}  // namespace patnav::cli
