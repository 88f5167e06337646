// Mapping Xapian's exception classes (by get_type(): Xapian::Error is not
// polymorphic) to StatusCode.
#include "index/xapian_status.h"

#include <string>

namespace patnav::index {

Status StatusFromXapian(const Xapian::Error& e, std::string_view context) {
  const std::string_view type = e.get_type();
  std::string msg = std::string(context) + ": " + e.get_msg();
  if (type == "QueryParserError" || type == "WildcardError" || type == "InvalidArgumentError")
    return Status::InvalidArgument(std::move(msg));
  if (type == "DatabaseNotFoundError") return Status::NotFound(std::move(msg));
  if (type == "DatabaseCorruptError") return Status::Corruption(std::move(msg));
  if (type == "DatabaseVersionError") return Status::Unsupported(std::move(msg));
  if (type.substr(0, 8) == "Database" || type == "NetworkError" || type == "NetworkTimeoutError")
    return Status::IOError(std::move(msg));
  return Status::Internal(std::string(context) + ": " + std::string(type) + ": " + e.get_msg());
}

}  // namespace patnav::index
