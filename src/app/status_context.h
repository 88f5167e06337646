// Rewording a Status without changing its code: an application call adds
// what it was doing ("store failure: ...", "... after 120 records") to a
// lower layer's message, and the code still decides the exit status and the
// HTTP status (base/status_table.h).
#pragma once

#include <string_view>

#include "base/status.h"

namespace patnav::app {

// `st` with the message prefix + st.message() + suffix. OK stays OK.
Status WithContext(const Status& st, std::string_view prefix, std::string_view suffix = {});

}  // namespace patnav::app
