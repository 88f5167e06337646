// Time for the platform's rules (session timeouts, throttle windows, token
// expiry, audit times): seconds since the Unix epoch, UTC, read from a Clock
// that tests can set. Stored as ISO 8601 UTC text, "2026-12-06T10:00:00Z",
// whose byte order is time order.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

// Thread-safety: Now() may be called from any thread.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t Now() const = 0;  // seconds since 1970-01-01T00:00:00Z
};

// The machine's clock. Lives for the whole process.
const Clock& SystemClock();

// A clock that stands still until moved (tests).
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  void Set(int64_t now) { now_.store(now); }
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

// "2026-12-06T10:00:00Z".
std::string FormatIsoUtc(int64_t seconds);
// The inverse of FormatIsoUtc (exactly that form); InvalidArgument otherwise.
Result<int64_t> ParseIsoUtc(std::string_view text);

}  // namespace patnav::domain
