// The gate of a query: a set of terms at least one of which every matching
// document must hold. A document holding none of them cannot match, so a
// matcher holding many queries (the watches of issue 14) asks only the
// queries whose gate meets the terms of the documents at hand -- the way a
// percolator skips most stored queries for each new document.
//
// Derived from the built Xapian query, so it follows the search's semantics
// exactly: a term is its own gate; AND, FILTER, PHRASE and NEAR need every
// child, so any one child's gate will do (the one judged most selective:
// free-text words before boolean fields, then the smallest set); OR and
// SYNONYM need some child, so the union of the children's; AND_NOT and
// AND_MAYBE need their first child. A value range, a wildcard, the empty
// query that matches everything, or an OR with an ungated child has no gate.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace patnav::index {

// nullopt when `q` has no gate (every document must be asked).
std::optional<std::vector<std::string>> QueryGate(const Xapian::Query& q);

}  // namespace patnav::index
