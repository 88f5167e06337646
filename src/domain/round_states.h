// The workflow of an evaluation round (issue 15 part 2) as a state table:
//   data_call --open_self_assessment--> self_assessment
//   self_assessment --close_self_assessment--> provincial_review
//   provincial_review --return_to_subjects--> self_assessment
//   provincial_review --send_to_experts--> expert_review
//   expert_review --publish--> publicity (the stored results must be fresh)
//   publicity --reopen_review--> expert_review (an objection upheld)
//   publicity --finalise--> final
// Every move is the office's. What each state allows besides its moves (who
// enters data, when the round is scored, when outcomes are applied) is
// stated beside the calls that check it (evaluation_round.h,
// round_observations.h, round_results.h). Pure: no database.
#pragma once

#include "domain/workflow_table.h"

namespace patnav::domain {

enum class RoundState { kDataCall, kSelfAssessment, kProvincialReview, kExpertReview, kPublicity, kFinal };

enum class RoundAction {
  kOpenSelfAssessment,   // the data call is out; subjects assess themselves
  kCloseSelfAssessment,  // the office reviews what the subjects submitted
  kReturnToSubjects,     // back to self-assessment for corrections
  kSendToExperts,        // experts score the qualitative indicators
  kPublish,              // the scored ranking goes to publicity (公示)
  kReopenReview,         // an objection during publicity is upheld
  kFinalise,             // the results are final
};

enum class RoundRole { kOffice };

// Stable names: "data_call", "self_assessment", "provincial_review",
// "expert_review", "publicity", "final"; "open_self_assessment",
// "close_self_assessment", "return_to_subjects", "send_to_experts",
// "publish", "reopen_review", "finalise"; "office".
const char* RoundStateName(RoundState s);
const char* RoundActionName(RoundAction a);
const char* RoundRoleName(RoundRole r);

// The table and its shared rules (workflow_table.h): Next() refuses a move
// the table lacks with FailedPrecondition naming the allowed actions.
const Workflow<RoundState, RoundAction, RoundRole>& RoundWorkflow();

}  // namespace patnav::domain
