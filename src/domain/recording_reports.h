// What a recorded alliance reports afterwards (guidelines V(I), issue 15
// part 1): an annual report on each year from the year it was recorded, due
// by 31 March of the following year, and a report of each major change
// (name, form, lead or secretary-general unit, operator, charter, members,
// address), due kMajorChangeDays calendar days after the change. Filed
// reports are immutable; a report filed after its due date is late. The
// guidelines name the reports but not their deadlines: these are patnav's
// defaults, stated here and in docs/formats/operations.md.
//
// Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "domain/recording.h"

namespace patnav::domain {

inline constexpr int kMajorChangeDays = 30;

// "<year + 1>-03-31".
std::string AnnualReportDue(int year);

struct RecordingReport {
  int64_t id = 0;
  int64_t recording_id = 0;
  std::string kind;  // "annual" or "major_change"
  int year = 0;      // annual
  std::string change_kind, changed_on;  // major_change
  std::string summary, due_on, filed_on, filed_by, filed_at;
  bool late() const { return filed_on > due_on; }
};

struct AnnualReportInput {
  int year = 0;
  std::string summary;
  std::string filed_on;  // ISO; empty: today
  std::string actor;
};
// InvalidArgument naming the field: an empty summary, a bad or future filing
// date, a year before the alliance was recorded or after the filing year;
// FailedPrecondition unless the application is recorded and not removed;
// AlreadyExists for a year reported already.
Result<RecordingReport> FileAnnualReport(OperationsDb& ops, int64_t recording_id, const AnnualReportInput& in);

struct MajorChangeInput {
  std::string change_kind;  // name, form, lead_unit, secretary_general_unit, operator, charter, members, address
  std::string changed_on;   // ISO, not before recording nor after filing
  std::string summary;
  std::string filed_on;     // ISO; empty: today
  std::string actor;
};
Result<RecordingReport> FileMajorChange(OperationsDb& ops, int64_t recording_id, const MajorChangeInput& in);

// Filed reports, oldest filing first.
Result<std::vector<RecordingReport>> ListRecordingReports(OperationsDb& ops, int64_t recording_id);

// One year's annual report as of a date: "filed" (by its due date),
// "filed_late", "due" (not filed, due date not passed) or "overdue".
struct AnnualObligation {
  int year = 0;
  std::string due_on, filed_on, state;
};
// Every year from the recording year to the year before `on`, for a
// recorded application (none otherwise, or after its removal date).
std::vector<AnnualObligation> AnnualObligations(const Recording& recording,
                                                const std::vector<RecordingReport>& reports, std::string_view on);
// Obligations whose report was late or is overdue as of `on`.
int LateAnnualReports(const std::vector<AnnualObligation>& obligations);

}  // namespace patnav::domain
