// The periods of the slower watch rates (issue 14): a day, an ISO week
// (Monday to Sunday) or a calendar month, all in UTC, as half-open intervals
// of seconds [start, end). A digest is made for a period once it has ended,
// so the boundary is a pure function of the time given -- tests pass the
// time, the server its clock's.
#pragma once

#include <cstdint>
#include <string>

#include "domain/watch.h"

namespace patnav::domain {

struct DigestPeriod {
  std::string key;  // daily "2026-12-06", weekly "2026-W49" (ISO week), monthly "2026-12"
  int64_t start = 0, end = 0;
};

// The period of `rate` that contains time `t` (seconds since the epoch).
// REQUIRES: rate is not kImmediate.
DigestPeriod PeriodContaining(WatchRate rate, int64_t t);
// The last period of `rate` that has ended at or before `t`.
DigestPeriod LastEndedPeriod(WatchRate rate, int64_t t);

}  // namespace patnav::domain
