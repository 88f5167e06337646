// The evaluation round workflow's state table (round_states.h).
#include "domain/round_states.h"

namespace patnav::domain {

namespace {

using S = RoundState;
using A = RoundAction;
using R = RoundRole;

constexpr WorkflowTransition<S, A, R> kTable[] = {
    {S::kDataCall, A::kOpenSelfAssessment, S::kSelfAssessment, R::kOffice},
    {S::kSelfAssessment, A::kCloseSelfAssessment, S::kProvincialReview, R::kOffice},
    {S::kProvincialReview, A::kReturnToSubjects, S::kSelfAssessment, R::kOffice},
    {S::kProvincialReview, A::kSendToExperts, S::kExpertReview, R::kOffice},
    {S::kExpertReview, A::kPublish, S::kPublicity, R::kOffice},
    {S::kPublicity, A::kReopenReview, S::kExpertReview, R::kOffice},
    {S::kPublicity, A::kFinalise, S::kFinal, R::kOffice},
};

constexpr S kStates[] = {S::kDataCall, S::kSelfAssessment, S::kProvincialReview,
                         S::kExpertReview, S::kPublicity, S::kFinal};
constexpr A kActions[] = {A::kOpenSelfAssessment, A::kCloseSelfAssessment, A::kReturnToSubjects, A::kSendToExperts,
                          A::kPublish, A::kReopenReview, A::kFinalise};

}  // namespace

const char* RoundStateName(RoundState s) {
  switch (s) {
    case S::kDataCall: return "data_call";
    case S::kSelfAssessment: return "self_assessment";
    case S::kProvincialReview: return "provincial_review";
    case S::kExpertReview: return "expert_review";
    case S::kPublicity: return "publicity";
    case S::kFinal: return "final";
  }
  return "unknown";
}

const char* RoundActionName(RoundAction a) {
  switch (a) {
    case A::kOpenSelfAssessment: return "open_self_assessment";
    case A::kCloseSelfAssessment: return "close_self_assessment";
    case A::kReturnToSubjects: return "return_to_subjects";
    case A::kSendToExperts: return "send_to_experts";
    case A::kPublish: return "publish";
    case A::kReopenReview: return "reopen_review";
    case A::kFinalise: return "finalise";
  }
  return "unknown";
}

const char* RoundRoleName(RoundRole) { return "office"; }

const Workflow<RoundState, RoundAction, RoundRole>& RoundWorkflow() {
  static const Workflow<S, A, R> w{"round", kStates, kActions, kTable, RoundStateName, RoundActionName, RoundRoleName};
  return w;
}

}  // namespace patnav::domain
