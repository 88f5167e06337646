// Status and Result<T>: how patnav reports expected failures (bad input, not
// found, I/O). Exceptions are not used across module boundaries; asserts are
// for programmer errors only and are never reachable from user input.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace patnav {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is wrong (a usage error)
  kNotFound,
  kCorruption,       // input data is malformed
  kUnsupported,      // input is well-formed but of a kind we refuse or don't know
  kIOError,
  kInternal,
  kAlreadyExists,       // the object to create exists (a name taken)
  kFailedPrecondition,  // the system is not in the state the call needs (a closed period)
  kPermissionDenied,    // the caller is known but may not do this
  kUnauthenticated,     // the caller is not known (no, expired or forged credentials)
  kUnavailable,         // try again later (shutting down, index being rebuilt)
  kResourceExhausted,   // a limit was reached (request rate, body size, query size)
};
// How each code leaves the process or the server: status_table.h.

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(StatusCode::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(StatusCode::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(StatusCode::kUnsupported, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }
  static Status AlreadyExists(std::string msg) { return Status(StatusCode::kAlreadyExists, std::move(msg)); }
  static Status FailedPrecondition(std::string msg) { return Status(StatusCode::kFailedPrecondition, std::move(msg)); }
  static Status PermissionDenied(std::string msg) { return Status(StatusCode::kPermissionDenied, std::move(msg)); }
  static Status Unauthenticated(std::string msg) { return Status(StatusCode::kUnauthenticated, std::move(msg)); }
  static Status Unavailable(std::string msg) { return Status(StatusCode::kUnavailable, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) { return Status(StatusCode::kResourceExhausted, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Corruption: <message>", or "OK".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace patnav

#define PATNAV_CONCAT_INNER_(a, b) a##b
#define PATNAV_CONCAT_(a, b) PATNAV_CONCAT_INNER_(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define RETURN_IF_ERROR(expr)                 \
  do {                                        \
    ::patnav::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

// ASSIGN_OR_RETURN(auto x, F()) binds the value of a Result or returns its Status.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(PATNAV_CONCAT_(_res_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()
