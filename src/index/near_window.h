// NearWindow: the window of a built OP_NEAR query, which Xapian 1.4's
// public query API does not give back; read from the query's description.
#pragma once

#include <cstdint>
#include <optional>

#include <xapian.h>

namespace patnav::index {

// The window of NEAR query `q`; nullopt for another query, or when the
// description is not of the form Xapian 1.4 gives ("(a NEAR w b)") or the
// window is below the number of subqueries (such a NEAR never matches;
// Xapian's matcher then answers it).
std::optional<uint32_t> NearWindow(const Xapian::Query& q);

}  // namespace patnav::index
