// QueryLimits: the bounds that keep one query from costing more than a query
// should. The parser enforces length and nesting, the builder the number of
// terms after analysis and the expansion of wildcards; going over any of them
// is an InvalidArgument naming the limit, never a hang or a stack overflow.
#pragma once

#include <cstddef>

namespace patnav::index {

struct QueryLimits {
  size_t max_length = 10'000;            // characters (Unicode code points) of query text
  size_t max_depth = 100;                // nested parentheses and NOTs
  size_t max_terms = 1'000;              // leaf terms after analysis (a CJK word counts its n-grams)
  unsigned max_wildcard_expansion = 1'000;  // index terms one wildcard may stand for
};

}  // namespace patnav::index
