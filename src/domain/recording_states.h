// The recording workflow of an alliance (guidelines V(I)) as a state table:
// draft -> submitted (to a province) <-> needs_correction -> province_review
// -> national_review -> recorded or rejected; withdrawn by the alliance at
// any point before recording. Each transition names the one role that may
// take it. Pure: no database (recording.h stores the transitions).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain {

enum class RecordingState {
  kDraft,
  kSubmitted,
  kNeedsCorrection,
  kProvinceReview,
  kNationalReview,
  kRecorded,
  kRejected,
  kWithdrawn,
};

enum class RecordingAction {
  kSubmit,     // operator: draft -> submitted
  kReturn,     // province reviewer: submitted -> needs_correction (the comment says what to correct)
  kResubmit,   // operator: needs_correction -> submitted
  kAccept,     // province reviewer: submitted -> province_review (materials complete)
  kRecommend,  // province reviewer: province_review -> national_review
  kRecord,     // national reviewer: national_review -> recorded (record number and date)
  kReject,     // province reviewer from province_review, national reviewer from national_review
  kWithdraw,   // operator: any state before recorded, rejected or withdrawn
};

// Who acts: the alliance's operator, an IP-office reviewer of the province
// the recording was submitted to, or the platform administrator as the
// national office.
enum class RecordingRole { kOperator, kProvinceReviewer, kNationalReviewer };

// Stable names: "draft", "submitted", "needs_correction", "province_review",
// "national_review", "recorded", "rejected", "withdrawn"; "submit", "return",
// "resubmit", "accept", "recommend", "record", "reject", "withdraw";
// "operator", "province_reviewer", "national_reviewer".
const char* RecordingStateName(RecordingState s);
const char* RecordingActionName(RecordingAction a);
const char* RecordingRoleName(RecordingRole r);
// InvalidArgument listing the names when unknown.
Result<RecordingState> ParseRecordingState(std::string_view text);
Result<RecordingAction> ParseRecordingAction(std::string_view text);

struct RecordingTransition {
  RecordingState from;
  RecordingAction action;
  RecordingState to;
  RecordingRole role;
};

// Every legal transition; anything not listed is refused.
std::span<const RecordingTransition> RecordingTransitions();

// The actions allowed from `from` (any role), in table order.
std::vector<RecordingAction> AllowedActions(RecordingState from);

// True for recorded, rejected and withdrawn: no action leaves them.
bool IsFinal(RecordingState s);

// The state `action` leads to from `from` when taken by `role`.
// FailedPrecondition "cannot <action> a recording that is <state>; allowed:
// <actions>" when the table has no such transition from that state;
// PermissionDenied "<action> is for the <role>" when it has one for another
// role.
Result<RecordingState> NextRecordingState(RecordingState from, RecordingAction action, RecordingRole role);

}  // namespace patnav::domain
