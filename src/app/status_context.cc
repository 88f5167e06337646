// Rewording a Status (status_context.h).
#include "app/status_context.h"

#include <string>

namespace patnav::app {

Status WithContext(const Status& st, std::string_view prefix, std::string_view suffix) {
  std::string m = std::string(prefix) + st.message() + std::string(suffix);
  switch (st.code()) {
    case StatusCode::kOk: return Status::OK();
    case StatusCode::kInvalidArgument: return Status::InvalidArgument(std::move(m));
    case StatusCode::kNotFound: return Status::NotFound(std::move(m));
    case StatusCode::kCorruption: return Status::Corruption(std::move(m));
    case StatusCode::kUnsupported: return Status::Unsupported(std::move(m));
    case StatusCode::kIOError: return Status::IOError(std::move(m));
    case StatusCode::kInternal: return Status::Internal(std::move(m));
    case StatusCode::kAlreadyExists: return Status::AlreadyExists(std::move(m));
    case StatusCode::kFailedPrecondition: return Status::FailedPrecondition(std::move(m));
    case StatusCode::kPermissionDenied: return Status::PermissionDenied(std::move(m));
    case StatusCode::kUnauthenticated: return Status::Unauthenticated(std::move(m));
    case StatusCode::kUnavailable: return Status::Unavailable(std::move(m));
    case StatusCode::kResourceExhausted: return Status::ResourceExhausted(std::move(m));
  }
  return Status::Internal(std::move(m));
}

}  // namespace patnav::app
