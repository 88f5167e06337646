// The recording workflow's state table (recording_states.h).
#include "domain/recording_states.h"

namespace patnav::domain {

namespace {

using S = RecordingState;
using A = RecordingAction;
using R = RecordingRole;

constexpr RecordingTransition kTable[] = {
    {S::kDraft, A::kSubmit, S::kSubmitted, R::kOperator},
    {S::kDraft, A::kWithdraw, S::kWithdrawn, R::kOperator},
    {S::kSubmitted, A::kReturn, S::kNeedsCorrection, R::kProvinceReviewer},
    {S::kSubmitted, A::kAccept, S::kProvinceReview, R::kProvinceReviewer},
    {S::kSubmitted, A::kWithdraw, S::kWithdrawn, R::kOperator},
    {S::kNeedsCorrection, A::kResubmit, S::kSubmitted, R::kOperator},
    {S::kNeedsCorrection, A::kWithdraw, S::kWithdrawn, R::kOperator},
    {S::kProvinceReview, A::kRecommend, S::kNationalReview, R::kProvinceReviewer},
    {S::kProvinceReview, A::kReject, S::kRejected, R::kProvinceReviewer},
    {S::kProvinceReview, A::kWithdraw, S::kWithdrawn, R::kOperator},
    {S::kNationalReview, A::kRecord, S::kRecorded, R::kNationalReviewer},
    {S::kNationalReview, A::kReject, S::kRejected, R::kNationalReviewer},
    {S::kNationalReview, A::kWithdraw, S::kWithdrawn, R::kOperator},
};

constexpr RecordingState kStates[] = {S::kDraft,          S::kSubmitted, S::kNeedsCorrection, S::kProvinceReview,
                                      S::kNationalReview, S::kRecorded,  S::kRejected,        S::kWithdrawn};
constexpr RecordingAction kActions[] = {A::kSubmit, A::kReturn, A::kResubmit, A::kAccept,
                                        A::kRecommend, A::kRecord, A::kReject, A::kWithdraw};

template <typename E, size_t N>
Result<E> ParseName(std::string_view text, const E (&all)[N], const char* (*name)(E), const char* what) {
  std::string list;
  for (E e : all) {
    if (text == name(e)) return e;
    list += (list.empty() ? "" : ", ") + std::string(name(e));
  }
  return Status::InvalidArgument(std::string(what) + " '" + std::string(text) + "' is not one of " + list);
}

}  // namespace

const char* RecordingStateName(RecordingState s) {
  switch (s) {
    case S::kDraft: return "draft";
    case S::kSubmitted: return "submitted";
    case S::kNeedsCorrection: return "needs_correction";
    case S::kProvinceReview: return "province_review";
    case S::kNationalReview: return "national_review";
    case S::kRecorded: return "recorded";
    case S::kRejected: return "rejected";
    case S::kWithdrawn: return "withdrawn";
  }
  return "unknown";
}

const char* RecordingActionName(RecordingAction a) {
  switch (a) {
    case A::kSubmit: return "submit";
    case A::kReturn: return "return";
    case A::kResubmit: return "resubmit";
    case A::kAccept: return "accept";
    case A::kRecommend: return "recommend";
    case A::kRecord: return "record";
    case A::kReject: return "reject";
    case A::kWithdraw: return "withdraw";
  }
  return "unknown";
}

const char* RecordingRoleName(RecordingRole r) {
  switch (r) {
    case R::kOperator: return "operator";
    case R::kProvinceReviewer: return "province_reviewer";
    case R::kNationalReviewer: return "national_reviewer";
  }
  return "unknown";
}

Result<RecordingState> ParseRecordingState(std::string_view text) {
  return ParseName(text, kStates, RecordingStateName, "recording state");
}

Result<RecordingAction> ParseRecordingAction(std::string_view text) {
  return ParseName(text, kActions, RecordingActionName, "recording action");
}

std::span<const RecordingTransition> RecordingTransitions() { return kTable; }

std::vector<RecordingAction> AllowedActions(RecordingState from) {
  std::vector<RecordingAction> out;
  for (const RecordingTransition& t : kTable)
    if (t.from == from) out.push_back(t.action);
  return out;
}

bool IsFinal(RecordingState s) { return s == S::kRecorded || s == S::kRejected || s == S::kWithdrawn; }

Result<RecordingState> NextRecordingState(RecordingState from, RecordingAction action, RecordingRole role) {
  const RecordingTransition* found = nullptr;
  for (const RecordingTransition& t : kTable)
    if (t.from == from && t.action == action) found = &t;
  if (found == nullptr) {
    std::string allowed;
    for (RecordingAction a : AllowedActions(from)) allowed += (allowed.empty() ? "" : ", ") + std::string(RecordingActionName(a));
    return Status::FailedPrecondition(std::string("cannot ") + RecordingActionName(action) + " a recording that is " +
                                      RecordingStateName(from) + "; allowed: " + (allowed.empty() ? "none" : allowed));
  }
  if (found->role != role)
    return Status::PermissionDenied(std::string(RecordingActionName(action)) + " of a " + RecordingStateName(from) +
                                    " recording is for the " + RecordingRoleName(found->role) + ", not the " +
                                    RecordingRoleName(role));
  return found->to;
}

}  // namespace patnav::domain
