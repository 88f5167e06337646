// Xapian exceptions become Status at the index module's edge: a query the
// user got wrong is InvalidArgument, a missing index NotFound, a damaged one
// Corruption, one written by a newer Xapian Unsupported, anything else of the
// database IOError.
#pragma once

#include <string_view>

#include <xapian.h>

#include "base/status.h"

namespace patnav::index {

// `context` (e.g. "search") starts the message: "search: <Xapian's message>".
Status StatusFromXapian(const Xapian::Error& e, std::string_view context);

}  // namespace patnav::index
