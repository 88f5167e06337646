// The important industrial IP alliance management library (guidelines
// V(II)): recorded alliances entered into the national library or a
// province's own, each shown with its three priority circumstances computed
// from its records as they are now (recording_priority.h), and reviewed
// once a year by the library's office: retained, warned or removed (issue
// 15; the guidelines leave the management itself to the offices).
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/alliance.h"
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

// The decisions of an annual review.
inline constexpr const char* kLibraryDecisions[] = {"retain", "warning", "remove"};

struct LibraryReview {
  int64_t id = 0;
  std::string alliance, level;
  int year = 0;
  std::string decision;  // retain, warning, remove
  std::string reason, reviewed_on, reviewed_by;
};

struct LibraryReviewInput {
  std::string level;  // "national" or a province
  int year = 0;       // the year reviewed
  std::string decision, reason;
  std::string on;     // ISO date of the review; empty: today
  std::string actor;
};

// Records the review of `alliance`'s entry in the library of in.level for
// in.year; "remove" also takes the entry out of that library (it may be
// entered again later), in the same transaction. Refused, writing nothing:
// InvalidArgument for another decision (the three named), a warning or a
// removal without a reason, a bad date, a year before the entry's or after
// the review's; NotFound when the alliance is not in that library;
// AlreadyExists when that year was reviewed for it already.
Result<LibraryReview> ReviewLibraryEntry(OperationsDb& ops, const Alliance& alliance, const LibraryReviewInput& in);

// The reviews of a library's entries (also of entries removed since), the
// latest year first, then by alliance.
Result<std::vector<LibraryReview>> ListLibraryReviews(OperationsDb& ops, std::string_view level);

}  // namespace patnav::domain
