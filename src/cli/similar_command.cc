// patnav similar: placeholder until the search index lands (issue 3).
#include <cstdio>

#include "cli/commands.h"

namespace patnav::cli {

int RunSimilar(const SimilarOptions&) {
  std::fprintf(stderr, "patnav similar: similar-patent search is not built yet\n");
  return kExitFailure;
}

}  // namespace patnav::cli
