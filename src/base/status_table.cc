// The status table. Adding a StatusCode means adding its row here; the
// static_assert keeps the table and the enum the same length.
#include "base/status_table.h"

#include <array>

namespace patnav {

namespace {

constexpr std::array<StatusCodeInfo, 13> kTable = {{
    {StatusCode::kOk, "ok", "OK", 0, 200},
    {StatusCode::kInvalidArgument, "invalid_argument", "Invalid argument", 2, 400},
    {StatusCode::kNotFound, "not_found", "Not found", 2, 404},
    {StatusCode::kCorruption, "corruption", "Corruption", 1, 422},
    {StatusCode::kUnsupported, "unsupported", "Unsupported", 2, 415},
    {StatusCode::kIOError, "io_error", "I/O error", 1, 500},
    {StatusCode::kInternal, "internal", "Internal error", 1, 500},
    {StatusCode::kAlreadyExists, "already_exists", "Already exists", 2, 409},
    {StatusCode::kFailedPrecondition, "failed_precondition", "Failed precondition", 2, 409},
    {StatusCode::kPermissionDenied, "permission_denied", "Permission denied", 4, 403},
    {StatusCode::kUnauthenticated, "unauthenticated", "Unauthenticated", 4, 401},
    {StatusCode::kUnavailable, "unavailable", "Unavailable", 5, 503},
    {StatusCode::kResourceExhausted, "resource_exhausted", "Resource exhausted", 6, 429},
}};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<size_t>(kTable[i].code) != i) return false;
  return true;
}
static_assert(InEnumOrder(), "status table rows must follow the StatusCode enum");
static_assert(static_cast<size_t>(StatusCode::kResourceExhausted) + 1 == kTable.size(),
              "every StatusCode needs a row");

}  // namespace

const StatusCodeInfo& InfoFor(StatusCode code) {
  size_t i = static_cast<size_t>(code);
  return i < kTable.size() ? kTable[i] : kTable[static_cast<size_t>(StatusCode::kInternal)];
}

StatusCode StatusCodeFromName(std::string_view name) {
  for (const StatusCodeInfo& info : kTable)
    if (name == info.name) return info.code;
  return StatusCode::kInternal;
}

}  // namespace patnav
