// Stored evaluation rounds: the round workflow, every (state, action) against
// an independent table written out here; indicator systems frozen by code
// and version; a round through its data call (entered, submitted, returned,
// re-entered, verified), scoring gated on verification and the state, its
// results replaced whole, publishing refused while results are stale, and
// outcomes applied with a reason. Every refusal writes nothing.
#include <map>

#include <gtest/gtest.h>

#include "domain/domain_testing.h"
#include "domain/evaluation_round.h"
#include "domain/operations_migrations.h"
#include "domain/round_observations.h"
#include "domain/round_results.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;
using testing::DumpOperations;
using testing::OpenOps;
using A = RoundAction;
using S = RoundState;

constexpr const char* kSystem = R"({"code": "t", "version": "1", "name_zh": "测试", "name_en": "Test",
  "measures": [{"code": "hv"}, {"code": "pop"}, {"code": "old"}],
  "nodes": [{"code": "A", "name_en": "Density", "weight": 0.6, "formula": "hv / pop * 10000",
             "normaliser": {"method": "min_max"}},
            {"code": "B", "name_en": "Growth", "weight": 0.4, "formula": "hv",
             "normaliser": {"method": "base_year_index", "base_period": "2023"}}],
  "outcomes": [{"code": "keep", "at_least": 50}, {"code": "rectify", "below": 50}]})";

TEST(RoundWorkflow, EveryMoveAgainstTheTable) {
  std::map<std::pair<S, A>, S> legal = {
      {{S::kDataCall, A::kOpenSelfAssessment}, S::kSelfAssessment},
      {{S::kSelfAssessment, A::kCloseSelfAssessment}, S::kProvincialReview},
      {{S::kProvincialReview, A::kReturnToSubjects}, S::kSelfAssessment},
      {{S::kProvincialReview, A::kSendToExperts}, S::kExpertReview},
      {{S::kExpertReview, A::kPublish}, S::kPublicity},
      {{S::kPublicity, A::kReopenReview}, S::kExpertReview},
      {{S::kPublicity, A::kFinalise}, S::kFinal},
  };
  const auto& w = RoundWorkflow();
  int moves = 0, refusals = 0;
  for (S from : w.states)
    for (A action : w.actions) {
      Result<S> next = w.Next(from, action, RoundRole::kOffice);
      const std::string what = std::string(RoundStateName(from)) + " " + RoundActionName(action);
      auto it = legal.find({from, action});
      if (it != legal.end()) {
        ASSERT_TRUE(next.ok()) << what << ": " << next.status().ToString();
        EXPECT_EQ(*next, it->second) << what;
        ++moves;
      } else {
        ASSERT_FALSE(next.ok()) << what;
        EXPECT_EQ(next.status().code(), StatusCode::kFailedPrecondition) << what;
        EXPECT_NE(next.status().message().find("allowed: " + w.AllowedNames(from)), std::string::npos)
            << next.status().message();
        ++refusals;
      }
    }
  EXPECT_EQ(moves, 7);
  EXPECT_EQ(refusals, 6 * 7 - 7);
  EXPECT_TRUE(w.IsFinal(S::kFinal));
  EXPECT_EQ(w.Next(S::kDataCall, A::kPublish, RoundRole::kOffice).status().message(),
            "cannot publish a round that is data_call; allowed: open_self_assessment");
  for (S s : w.states) EXPECT_EQ(*w.ParseState(RoundStateName(s)), s);
  for (A a : w.actions) EXPECT_EQ(*w.ParseAction(RoundActionName(a)), a);
  EXPECT_FALSE(w.ParseAction("approve").ok());
}

struct Rounds {
  ScratchDir dir;
  std::unique_ptr<OperationsDb> ops = OpenOps(dir.path());
  std::string Dump() { return DumpOperations(dir.path()); }

  int64_t Open() {
    EXPECT_TRUE(StoreIndicatorSystem(*ops, kSystem, "t.json", "office").ok());
    RoundSpec spec{"t", "1", "2024 年度考核", "浙江省", "2024", "city", "fixed"};
    Result<EvaluationRound> r = OpenRound(*ops, spec, "office");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(AddRoundSubjects(*ops, r->id, {{"C1", "杭州", "", "", ""}, {"C2", "宁波", "", "", ""}}, "office").ok());
    return r->id;
  }
  evaluation::IndicatorSystem System(int64_t id) { return *RoundSystem(*ops, *FindRound(*ops, id)); }
  Status Enter(int64_t id, std::vector<ObservationEntry> e, DataRole role = DataRole::kOffice) {
    return EnterObservations(*ops, id, System(id), e, role, role == DataRole::kOffice ? "office" : "subject").status();
  }
  static std::vector<ObservationEntry> Full(const std::string& subject, double hv, double pop, double old) {
    return {{subject, "hv", "2024", hv, "patnav store"}, {subject, "pop", "2024", pop, "yearbook"},
            {subject, "hv", "2023", old, "patnav store"}};
  }
};

TEST(StoredSystems, FrozenByCodeAndVersion) {
  Rounds t;
  Result<StoredIndicatorSystem> s = StoreIndicatorSystem(*t.ops, kSystem, "t.json", "office");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_FALSE(s->already_stored);
  EXPECT_EQ(s->name, "测试");
  EXPECT_TRUE(StoreIndicatorSystem(*t.ops, kSystem, "t.json", "office")->already_stored);
  const std::string before = t.Dump();
  std::string changed = kSystem;
  changed.replace(changed.find("0.6"), 3, "0.5");
  changed.replace(changed.find("0.4"), 3, "0.5");
  EXPECT_EQ(StoreIndicatorSystem(*t.ops, changed, "t.json", "office").status().code(), StatusCode::kAlreadyExists);
  std::string unknown = kSystem;
  unknown.replace(unknown.find("hv / pop"), 8, "hv / gdp");
  Result<StoredIndicatorSystem> bad = StoreIndicatorSystem(*t.ops, unknown, "t.json", "office");
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("gdp"), std::string::npos) << bad.status().message();
  EXPECT_EQ(t.Dump(), before);
  EXPECT_FALSE(t.ops->db().Exec("UPDATE indicator_system SET json = '{}'").ok()) << "frozen";
  EXPECT_FALSE(t.ops->db().Exec("DELETE FROM indicator_system").ok()) << "frozen";
  EXPECT_EQ(t.ops->schema_version(), static_cast<int>(OperationsMigrations().size()));
}

TEST(StoredRounds, OpeningRefusesBadSpecsAndWritesNothing) {
  Rounds t;
  ASSERT_TRUE(StoreIndicatorSystem(*t.ops, kSystem, "t.json", "office").ok());
  const std::string before = t.Dump();
  RoundSpec spec{"t", "1", "r", "浙江省", "2024", "city", "fixed"};
  auto code = [&](RoundSpec s) { return OpenRound(*t.ops, s, "office").status().code(); };
  RoundSpec x = spec;
  x.system_version = "2";
  EXPECT_EQ(code(x), StatusCode::kNotFound);
  x = spec;
  x.period = "24";
  EXPECT_EQ(code(x), StatusCode::kInvalidArgument);
  x = spec;
  x.subject_kind = "village";
  EXPECT_EQ(code(x), StatusCode::kInvalidArgument);
  x = spec;
  x.weighting = "ahp";
  EXPECT_EQ(code(x), StatusCode::kInvalidArgument) << "no matrices";
  x = spec;
  x.province = " ";
  EXPECT_EQ(code(x), StatusCode::kInvalidArgument);
  EXPECT_EQ(t.Dump(), before);
}

TEST(StoredRounds, DataCallScoringPublicityAndOutcomes) {
  Rounds t;
  const int64_t id = t.Open();
  EXPECT_EQ(FindRound(*t.ops, id)->state, S::kDataCall);
  EXPECT_EQ(FindRound(*t.ops, id)->system_code, "t");

  // Observations outside the round: refused whole, nothing written.
  std::string before = t.Dump();
  std::vector<ObservationEntry> batch = Rounds::Full("C1", 100, 1e6, 80);
  batch.push_back({"C9", "hv", "2024", 1, ""});
  Status outside = t.Enter(id, batch);
  EXPECT_EQ(outside.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(outside.message().find("subject C9 is not in round"), std::string::npos) << outside.message();
  batch.back() = {"C1", "hv", "2022", 1, ""};
  outside = t.Enter(id, batch);
  EXPECT_NE(outside.message().find("period 2022 is outside the round (its periods: 2024, 2023)"), std::string::npos)
      << outside.message();
  batch.back() = {"C1", "gdp", "2024", 1, ""};
  EXPECT_NE(t.Enter(id, batch).message().find("declares no measure gdp"), std::string::npos);
  batch.back() = {"C1", "hv", "2024", 1, ""};
  EXPECT_NE(t.Enter(id, batch).message().find("given twice"), std::string::npos);
  EXPECT_EQ(t.Dump(), before);

  // C1 enters as a subject, submits; the office returns one figure, C1
  // corrects it, resubmits, the office verifies. C2's figures are the office's.
  ASSERT_TRUE(t.Enter(id, Rounds::Full("C1", 100, 1e6, 80), DataRole::kSubject).ok());
  EXPECT_EQ(*SubmitObservations(*t.ops, id, "C1", "subject"), 3);
  EXPECT_EQ(SubmitObservations(*t.ops, id, "C1", "subject").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReturnObservations(*t.ops, id, "C1", {"pop"}, " ", "office").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*ReturnObservations(*t.ops, id, "C1", {"pop"}, "人口应为常住人口", "office"), 1);
  std::vector<RoundObservation> c1 = *ListObservations(*t.ops, id, "C1");
  ASSERT_EQ(c1.size(), 3u);
  EXPECT_EQ(c1[2].measure, "pop");
  EXPECT_EQ(c1[2].state, ObservationState::kReturned);
  EXPECT_EQ(c1[2].return_reason, "人口应为常住人口");
  ASSERT_TRUE(t.Enter(id, {{"C1", "pop", "2024", 1.2e6, "yearbook"}}, DataRole::kSubject).ok());
  EXPECT_EQ(*SubmitObservations(*t.ops, id, "C1", "subject"), 1);
  EXPECT_EQ(*VerifyObservations(*t.ops, id, "C1", {}, "office"), 3);
  EXPECT_EQ(t.Enter(id, {{"C1", "pop", "2024", 1, ""}}, DataRole::kSubject).code(), StatusCode::kFailedPrecondition)
      << "a subject cannot change a verified figure";
  ASSERT_TRUE(t.Enter(id, Rounds::Full("C2", 50, 1e6, 50)).ok());

  // Scoring: only in review, only when every figure is verified.
  EXPECT_EQ(StepRound(*t.ops, id, A::kPublish, "office", "").status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(StepRound(*t.ops, id, A::kOpenSelfAssessment, "office", "").ok());
  ASSERT_TRUE(StepRound(*t.ops, id, A::kCloseSelfAssessment, "office", "").ok());
  EXPECT_EQ(t.Enter(id, {{"C1", "pop", "2024", 1, ""}}, DataRole::kSubject).code(), StatusCode::kFailedPrecondition)
      << "subjects enter during data_call and self_assessment only";
  Result<EvaluationRound> round = FindRound(*t.ops, id);
  Status unverified = CheckScorable(*t.ops, *round);
  EXPECT_EQ(unverified.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(unverified.message().find("3 observations are not verified yet, e.g. C2 hv 2023 (entered)"),
            std::string::npos) << unverified.message();
  before = t.Dump();
  EXPECT_FALSE(StoreRoundResults(*t.ops, id, {"fixed", 0, "{}", "", ""}, {}, "office").ok());
  EXPECT_EQ(t.Dump(), before);
  EXPECT_EQ(*VerifyObservations(*t.ops, id, "C2", {"hv"}, "office"), 2);
  EXPECT_EQ(VerifyObservations(*t.ops, id, "C2", {"hv"}, "office").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*VerifyObservations(*t.ops, id, "C2", {}, "office"), 1);
  round = FindRound(*t.ops, id);
  ASSERT_TRUE(CheckScorable(*t.ops, *round).ok());
  std::vector<SubjectResult> results = {{"C1", "杭州", 70, 1, false, "keep", R"({"n":1})"},
                                        {"C2", "宁波", 40, 2, false, "rectify", R"({"n":2})"}};
  ASSERT_TRUE(StoreRoundResults(*t.ops, id, {"fixed", 0, R"({"w":1})", "", ""}, results, "office").ok());
  ASSERT_TRUE(StoreRoundResults(*t.ops, id, {"fixed", 0, R"({"w":2})", "", ""}, results, "office").ok())
      << "scoring again replaces the results";
  EXPECT_EQ((*FindRoundScoring(*t.ops, id))->round_json, R"({"w":2})");
  std::vector<SubjectResult> stored = *ListRoundResults(*t.ops, id);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].subject, "C1");
  EXPECT_EQ(stored[1].proposed, "rectify");
  EXPECT_EQ(stored[1].detail_json, R"({"n":2})");

  // A figure changed after scoring makes the results stale: publishing is refused.
  ASSERT_TRUE(StepRound(*t.ops, id, A::kSendToExperts, "office", "").ok());
  ASSERT_TRUE(t.Enter(id, {{"C2", "hv", "2024", 55, "corrected"}}).ok());
  ASSERT_TRUE(VerifyObservations(*t.ops, id, "C2", {}, "office").ok());
  Result<EvaluationRound> stale = StepRound(*t.ops, id, A::kPublish, "office", "");
  EXPECT_EQ(stale.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(stale.status().message().find("score it again"), std::string::npos);
  ASSERT_TRUE(StoreRoundResults(*t.ops, id, {"fixed", 0, "{}", "", ""}, results, "office").ok());
  EXPECT_EQ(ApplyOutcome(*t.ops, id, t.System(id), "C2", "rectify", "低于 50 分", "office").status().code(),
            StatusCode::kFailedPrecondition) << "outcomes wait for publicity";
  ASSERT_TRUE(StepRound(*t.ops, id, A::kPublish, "office", "公示 7 天").ok());
  EXPECT_EQ(t.Enter(id, {{"C2", "hv", "2024", 1, ""}}).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ApplyOutcome(*t.ops, id, t.System(id), "C2", "withdraw", "x", "office").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ApplyOutcome(*t.ops, id, t.System(id), "C2", "rectify", "", "office").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ApplyOutcome(*t.ops, id, t.System(id), "C9", "rectify", "x", "office").status().code(),
            StatusCode::kNotFound);
  Result<AppliedOutcome> applied = ApplyOutcome(*t.ops, id, t.System(id), "C2", "rectify", "低于 50 分", "office");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  ASSERT_TRUE(StepRound(*t.ops, id, A::kFinalise, "office", "").ok());
  EXPECT_EQ(StepRound(*t.ops, id, A::kReopenReview, "office", "").status().message(),
            "cannot reopen_review a round that is final; allowed: none");
  EXPECT_EQ(ListOutcomes(*t.ops, id)->size(), 1u);
  EXPECT_FALSE(t.ops->db().Exec("DELETE FROM round_outcome").ok()) << "append-only";
  std::vector<RoundEvent> history = *RoundHistory(*t.ops, id);
  ASSERT_GE(history.size(), 10u);
  EXPECT_EQ(history.front().action, "open");
  EXPECT_EQ(history.back().action, "finalise");
  EXPECT_EQ(AddRoundSubjects(*t.ops, id, {{"C3", "温州", "", "", ""}}, "office").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(StoredRounds, VerifyAllVerifiesEveryEnteredAndSubmittedFigureButNotReturnedOnes) {
  Rounds t;
  const int64_t id = t.Open();
  ASSERT_TRUE(t.Enter(id, Rounds::Full("C1", 100, 1e6, 80), DataRole::kSubject).ok());
  ASSERT_EQ(*SubmitObservations(*t.ops, id, "C1", "subject"), 3);
  ASSERT_EQ(*ReturnObservations(*t.ops, id, "C1", {"pop"}, "人口应为常住人口", "office"), 1);
  ASSERT_TRUE(t.Enter(id, Rounds::Full("C2", 50, 1e6, 50)).ok());
  const int64_t version = FindRound(*t.ops, id)->data_version;

  EXPECT_EQ(*VerifyAllObservations(*t.ops, id, "office"), 5) << "C1's two submitted and C2's three entered";
  std::map<std::string, ObservationState> state;
  for (const RoundObservation& o : *ListObservations(*t.ops, id, ""))
    state[o.subject + " " + o.measure + " " + o.period] = o.state;
  EXPECT_EQ(state["C1 pop 2024"], ObservationState::kReturned) << "a returned figure waits for the subject";
  EXPECT_EQ(state["C1 hv 2024"], ObservationState::kVerified);
  EXPECT_EQ(state["C2 hv 2023"], ObservationState::kVerified);
  EXPECT_EQ(FindRound(*t.ops, id)->data_version, version + 1) << "one write, results scored before are stale";
  EXPECT_EQ(RoundHistory(*t.ops, id)->back().action, "verify_all");

  const std::string before = t.Dump();
  Status nothing = VerifyAllObservations(*t.ops, id, "office").status();
  EXPECT_EQ(nothing.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(nothing.message().find("no entered or submitted observation"), std::string::npos) << nothing.message();
  EXPECT_EQ(t.Dump(), before);
  ASSERT_TRUE(t.Enter(id, {{"C1", "pop", "2024", 1.2e6, "yearbook"}}).ok());
  for (A a : {A::kOpenSelfAssessment, A::kCloseSelfAssessment, A::kSendToExperts})
    ASSERT_TRUE(StepRound(*t.ops, id, a, "office", "").ok());
  ASSERT_EQ(*VerifyAllObservations(*t.ops, id, "office"), 1) << "the office verifies through expert_review";
  ASSERT_TRUE(StoreRoundResults(*t.ops, id, {"fixed", 0, "{}", "", ""}, {}, "office").ok());
  ASSERT_TRUE(StepRound(*t.ops, id, A::kPublish, "office", "").ok());
  ASSERT_TRUE(t.Enter(id, {{"C1", "pop", "2024", 1, ""}}).code() == StatusCode::kFailedPrecondition);
  EXPECT_EQ(VerifyAllObservations(*t.ops, id, "office").status().code(), StatusCode::kFailedPrecondition)
      << "not in publicity";
}

}  // namespace
}  // namespace patnav::domain
