// Status formatting.
#include "base/status.h"

#include "base/status_table.h"

namespace patnav {

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeTitle(code_)) + ": " + message_;
}

}  // namespace patnav
