// The important industrial IP alliance management library (guidelines
// V(II)): recorded alliances entered into the national library or a
// province's own, each shown with its three priority circumstances computed
// from its records as they are now (recording_priority.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "domain/recording.h"
#include "domain/recording_priority.h"

namespace patnav::domain {

inline constexpr const char* kNationalLibrary = "national";

struct LibraryEntry {
  int64_t id = 0;
  std::string alliance, level, province, record_number, recorded_on, entered_on, entered_by;
  std::vector<PriorityCircumstance> priority;
  int priority_count = 0;
};

// Enters the alliance whose latest application is `recording` into the
// library of `level` ("national" or a province). FailedPrecondition unless
// it is recorded, or when a province library is not the province it was
// recorded in; AlreadyExists when it is in that library already.
Result<LibraryEntry> EnterLibrary(OperationsDb& ops, const Recording& recording, std::string_view level,
                                  std::string_view actor);

// The library of `level`, most priority circumstances first, then by name.
Result<std::vector<LibraryEntry>> ListLibrary(OperationsDb& ops, std::string_view level);

}  // namespace patnav::domain
