// Stored evaluation rounds called directly with Callers built from grants:
// ten constructed cities through a data call (a member's user enters and
// submits its own city's figures, the office imports the rest from an XLSX
// workbook, returns a figure, verifies), scored and stored, the stored
// totals and ranks against the engine run on the same figures; reviewers
// are province-scoped (another province's round is NotFound, worded as a
// missing one, and nothing is written); subjects see their own results from
// publicity on; outcomes and the ranking workbook are the office's.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/caller_testing.h"
#include "app/evaluation.h"
#include "app/evaluation_rounds.h"
#include "app/members.h"
#include "app/workspace.h"
#include "domain/domain_testing.h"
#include "domain/evaluation/evaluation_testing.h"
#include "domain/evaluation/ranking_sensitivity.h"
#include "domain/evaluation/round_score.h"
#include "report/xlsx_tables.h"
#include "testing.h"

namespace patnav::app {
namespace {

namespace ev = domain::evaluation;
using domain::Role;

// The figures of constructed city i (1..10) for every measure of SmallSystem.
std::vector<domain::ObservationEntry> City(int i) {
  const std::string code = (i < 10 ? "C0" : "C") + std::to_string(i);
  auto e = [&](const char* m, double v) { return domain::ObservationEntry{code, m, "2024", v, "constructed"}; };
  return {e("hv", 1000.0 * i + 37 * (i % 3)), e("pop", 1e6 + 1e5 * i), e("pct", 10.0 * (11 - i) + i * i),
          e("ip_share", 4.0 + i), e("pledge", (i * 7) % 10 + 1.0), e("lag", 30.0 - i + (i % 4)),
          e("violations", i == 7 ? 1 : 0), e("awards", i % 3)};
}

class Rounds : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    const Caller local = Caller::Local();
    ASSERT_TRUE(CreateAlliance(local, *ws_, {"A", "杭州市", "social", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Acme", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Other", "research", "2020-01-01", ""}).ok());
  }
  std::string Dump() { return domain::testing::DumpOperations(dir_.path()); }
  std::string Xlsx(const std::vector<domain::ObservationEntry>& entries) {
    report::XlsxTable t{"数据", {"subject", "measure", "period", "value", "source"}, {}};
    for (const auto& e : entries) t.rows.push_back({e.subject, e.measure, e.period, e.value, e.source});
    const auto path = dir_.path() / "obs.xlsx";
    EXPECT_TRUE(report::WriteXlsxTables({t}, path).ok());
    return patnav::testing::ReadFile(path);
  }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  const Caller zhejiang_ = WithGrant(Role::kReviewer, "浙江省");
  const Caller shanghai_ = WithGrant(Role::kReviewer, "上海市");
  const Caller acme_ = WithGrant(Role::kMember, "", "A", "Acme");
  const Caller other_ = WithGrant(Role::kMember, "", "A", "Other");
};

TEST_F(Rounds, TenCitiesThroughADataCallScoredStoredAndPublished) {
  const std::string system = ev::testing::SmallSystem().dump();
  EXPECT_EQ(StoreIndicatorSystem(acme_, *ws_, {system, "s.json"}).status().code(), StatusCode::kPermissionDenied);
  Result<SystemView> stored = StoreIndicatorSystem(zhejiang_, *ws_, {system, "s.json"});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  domain::RoundSpec spec{"test-cities", "1", "2024 年度知识产权强市考核", "浙江省", "2024", "city", "fixed"};
  EXPECT_EQ(OpenRound(shanghai_, *ws_, spec).status().code(), StatusCode::kNotFound);
  Result<RoundView> opened = OpenRound(zhejiang_, *ws_, spec);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const int64_t id = opened->round.id;
  EXPECT_EQ(opened->allowed, std::vector<std::string>{"open_self_assessment"});
  std::vector<domain::RoundSubjectInput> cities;
  for (int i = 1; i <= 10; ++i)
    cities.push_back({(i < 10 ? "C0" : "C") + std::to_string(i), "城市" + std::to_string(i), "", i == 1 ? "Acme" : "", ""});
  ASSERT_TRUE(AddRoundSubjects(zhejiang_, *ws_, id, cities).ok());

  // Another province's reviewer and another member: an unknown round, nothing written.
  std::string before = Dump();
  Result<RoundView> hidden = ShowRound(shanghai_, *ws_, id);
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "unknown round " + std::to_string(id));
  EXPECT_EQ(ShowRound(shanghai_, *ws_, id + 100).status().message(), "unknown round " + std::to_string(id + 100));
  EXPECT_EQ(EnterObservations(shanghai_, *ws_, id, City(2)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ActOnRound(shanghai_, *ws_, id, "open_self_assessment", "").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ScoreRound(shanghai_, *ws_, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ShowRound(other_, *ws_, id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListRounds(shanghai_, *ws_)->empty());
  EXPECT_EQ(ShowRound(Caller::Anonymous(), *ws_, id).status().code(), StatusCode::kUnauthenticated);
  // An illegal transition names the allowed ones.
  Result<RoundView> illegal = ActOnRound(zhejiang_, *ws_, id, "publish", "");
  EXPECT_EQ(illegal.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(illegal.status().message(), "cannot publish a round that is data_call; allowed: open_self_assessment");
  EXPECT_EQ(Dump(), before);

  // Acme's user sees its own city only and enters its figures.
  Result<RoundView> mine = ShowRound(acme_, *ws_, id);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->subjects.size(), 1u);
  EXPECT_EQ(mine->subjects[0].subject.code, "C01");
  EXPECT_TRUE(mine->history.empty());
  EXPECT_TRUE(mine->allowed.empty());
  EXPECT_EQ(EnterObservations(acme_, *ws_, id, City(2)).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ListRounds(acme_, *ws_)->size(), 1u);
  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "open_self_assessment", "数据填报").ok());
  ASSERT_TRUE(EnterObservations(acme_, *ws_, id, City(1)).ok());
  EXPECT_EQ(SubmitObservations(acme_, *ws_, id, "C01")->changed, 8);
  EXPECT_EQ(VerifyObservations(acme_, *ws_, id, "C01", {}).status().code(), StatusCode::kPermissionDenied);

  // The office imports the other nine cities from a workbook; a file with a
  // figure outside the round is refused whole.
  std::vector<domain::ObservationEntry> rest;
  for (int i = 2; i <= 10; ++i)
    for (auto& e : City(i)) rest.push_back(e);
  std::vector<domain::ObservationEntry> wrong = rest;
  wrong.push_back({"C02", "hv", "2019", 1, ""});
  before = Dump();
  Result<ObservationsView> refused = ImportObservations(zhejiang_, *ws_, id, Xlsx(wrong), "obs.xlsx");
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("period 2019 is outside the round"), std::string::npos)
      << refused.status().message();
  Result<ObservationsView> stranger =
      ImportObservations(zhejiang_, *ws_, id, "subject,measure,period,value\nC99,hv,2024,1\n", "o.csv");
  EXPECT_EQ(stranger.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(stranger.status().message().find("subject C99 is not in round"), std::string::npos)
      << stranger.status().message();
  EXPECT_EQ(Dump(), before);
  Result<ObservationsView> imported = ImportObservations(zhejiang_, *ws_, id, Xlsx(rest), "obs.xlsx");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->changed, 72);

  // A returned figure goes back to the subject, who corrects and resubmits it.
  ASSERT_TRUE(ReturnObservations(zhejiang_, *ws_, id, "C01", {"pop"}, "请填常住人口").ok());
  Result<ObservationsView> back = ListObservations(acme_, *ws_, id, "");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->observations.size(), 8u) << "its own figures only";
  int returned = 0;
  for (const auto& o : back->observations) returned += o.state == domain::ObservationState::kReturned;
  EXPECT_EQ(returned, 1);
  ASSERT_TRUE(EnterObservations(acme_, *ws_, id, {City(1)[1]}).ok());
  EXPECT_EQ(SubmitObservations(acme_, *ws_, id, "C01")->changed, 1);
  for (int i = 1; i <= 10; ++i)
    ASSERT_TRUE(VerifyObservations(zhejiang_, *ws_, id, cities[i - 1].code, {}).ok()) << i;

  // Scored in review only; the stored numbers are the engine's on the same figures.
  EXPECT_EQ(ScoreRound(zhejiang_, *ws_, id).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "close_self_assessment", "").ok());
  EXPECT_EQ(ScoreRound(acme_, *ws_, id).status().code(), StatusCode::kPermissionDenied);
  Result<RoundResultsView> scored = ScoreRound(zhejiang_, *ws_, id);
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  EXPECT_TRUE(scored->fresh);
  ev::RoundInput input;
  input.period = "2024";
  for (int i = 1; i <= 10; ++i) {
    input.subjects.push_back({cities[i - 1].code, cities[i - 1].name});
    for (const auto& e : City(i)) input.observations.push_back({e.subject, e.measure, e.period, e.value, e.source});
  }
  Result<ev::RoundScore> expected = ev::ScoreRound(stored->system, input, ev::Weighting::kFixed);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  ASSERT_EQ(scored->results.size(), 10u);
  for (const auto& s : expected->subjects) {
    auto it = std::find_if(scored->results.begin(), scored->results.end(),
                           [&](const domain::SubjectResult& r) { return r.subject == s.subject.code; });
    ASSERT_NE(it, scored->results.end()) << s.subject.code;
    EXPECT_NEAR(it->total, s.total, 1e-9) << s.subject.code;
    EXPECT_EQ(it->rank, s.rank) << s.subject.code;
    EXPECT_EQ(it->vetoed, s.vetoed) << s.subject.code;
    EXPECT_EQ(it->proposed, s.outcome) << s.subject.code;
  }
  for (size_t k = 1; k < scored->results.size(); ++k) EXPECT_LE(scored->results[k - 1].rank, scored->results[k].rank);
  Result<SubjectExplanation> c07 = ExplainSubject(zhejiang_, *ws_, id, "C07");
  ASSERT_TRUE(c07.ok() && c07->result);
  EXPECT_TRUE(c07->result->vetoed) << "C07 fails the gate";
  EXPECT_NE(c07->result->detail_json.find("\"explanation\""), std::string::npos);
  EXPECT_NE(c07->result->detail_json.find("\"A1\""), std::string::npos);

  // Before publicity a subject sees no result; afterwards its own only.
  EXPECT_FALSE(ExplainSubject(acme_, *ws_, id, "C01")->result.has_value());
  EXPECT_TRUE(RoundResults(acme_, *ws_, id)->results.empty());
  EXPECT_EQ(ExplainSubject(acme_, *ws_, id, "C02").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "send_to_experts", "").ok());
  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "publish", "公示").ok());
  Result<RoundResultsView> own = RoundResults(acme_, *ws_, id);
  ASSERT_TRUE(own.ok());
  ASSERT_EQ(own->results.size(), 1u);
  EXPECT_EQ(own->results[0].subject, "C01");
  EXPECT_FALSE(own->scoring.has_value()) << "the round's weights and sensitivity are the office's";
  EXPECT_TRUE(ExplainSubject(acme_, *ws_, id, "C01")->result.has_value());

  EXPECT_EQ(ApplyOutcome(acme_, *ws_, id, "C01", "demonstration", "x").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ApplyOutcome(shanghai_, *ws_, id, "C07", "withdraw_vetoed", "x").status().code(), StatusCode::kNotFound);
  Result<domain::AppliedOutcome> applied = ApplyOutcome(zhejiang_, *ws_, id, "C07", "withdraw_vetoed", "存在严重违法行为");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(applied->ban_years, 2);
  Result<RoundView> after = ShowRound(zhejiang_, *ws_, id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->subjects[6].outcome->rule, "withdraw_vetoed");
  EXPECT_EQ(after->allowed, (std::vector<std::string>{"reopen_review", "finalise"}));

  EXPECT_EQ(RoundRankingWorkbook(acme_, *ws_, id).status().code(), StatusCode::kPermissionDenied);
  Result<RoundWorkbook> book = RoundRankingWorkbook(zhejiang_, *ws_, id);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_EQ(book->bytes.substr(0, 2), "PK");
  EXPECT_EQ(book->filename, "round-" + std::to_string(id) + "-ranking.xlsx");
}

TEST_F(Rounds, TheOfficeVerifiesEveryFigureInOneCallAndTheScorecardIsRebuiltFromTheStoredNumbers) {
  ASSERT_TRUE(StoreIndicatorSystem(zhejiang_, *ws_, {ev::testing::SmallSystem().dump(), "s.json"}).ok());
  Result<RoundView> opened =
      OpenRound(zhejiang_, *ws_, {"test-cities", "1", "2024 年度考核", "浙江省", "2024", "city", "entropy"});
  ASSERT_TRUE(opened.ok());
  const int64_t id = opened->round.id;
  std::vector<domain::RoundSubjectInput> cities;
  std::vector<domain::ObservationEntry> figures;
  for (int i = 1; i <= 10; ++i) {
    cities.push_back({(i < 10 ? "C0" : "C") + std::to_string(i), "城市" + std::to_string(i), "", i == 1 ? "Acme" : "", ""});
    for (const auto& e : City(i)) figures.push_back(e);
  }
  ASSERT_TRUE(AddRoundSubjects(zhejiang_, *ws_, id, cities).ok());
  ASSERT_TRUE(EnterObservations(zhejiang_, *ws_, id, figures).ok());

  const std::string before = Dump();
  EXPECT_EQ(VerifyAllObservations(acme_, *ws_, id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(VerifyAllObservations(shanghai_, *ws_, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Dump(), before);
  Result<ObservationsView> verified = VerifyAllObservations(zhejiang_, *ws_, id);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->changed, 80);
  EXPECT_TRUE(verified->observations.empty()) << "the count only";
  Result<ObservationsView> listed = ListObservations(zhejiang_, *ws_, id, "");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  for (const auto& o : listed->observations)
    EXPECT_EQ(o.state, domain::ObservationState::kVerified) << o.subject << " " << o.measure;

  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "open_self_assessment", "").ok());
  ASSERT_TRUE(ActOnRound(zhejiang_, *ws_, id, "close_self_assessment", "").ok());
  Result<RoundResultsView> scored = ScoreRound(zhejiang_, *ws_, id);
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  ev::RoundInput input;
  input.period = "2024";
  for (const auto& c : cities) input.subjects.push_back({c.code, c.name});
  for (const auto& e : figures) input.observations.push_back({e.subject, e.measure, e.period, e.value, e.source});
  ScoreEvaluationResult expected;
  expected.system = *ev::testing::Parse(ev::testing::SmallSystem());
  Result<ev::PreparedRound> prepared = ev::PrepareRound(expected.system, input);
  ASSERT_TRUE(prepared.ok());
  expected.round = *ev::WeighRound(expected.system, *prepared, ev::Weighting::kEntropy);
  expected.sensitivity = *ev::RankSensitivity(expected.system, *prepared);
  for (size_t i = 0; i < cities.size(); ++i) {
    Result<SubjectExplanation> e = ExplainSubject(zhejiang_, *ws_, id, cities[i].code);
    ASSERT_TRUE(e.ok() && e->result) << cities[i].code;
    EXPECT_EQ(e->result->detail_json, SubjectResultJson(expected, i).dump())
        << "the scorecard read back is the one the engine writes, explanation lines included";
  }
}

TEST_F(Rounds, AnUnknownMeasureInAFormulaIsRefusedWhenStoring) {
  nlohmann::json sys = ev::testing::SmallSystem();
  ev::testing::NodeOf(sys, "A2")["formula"] = "pct / gdp";
  const std::string before = Dump();
  Result<SystemView> r = StoreIndicatorSystem(zhejiang_, *ws_, {sys.dump(), "bad.json"});
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("gdp"), std::string::npos) << r.status().message();
  EXPECT_EQ(Dump(), before);
}

}  // namespace
}  // namespace patnav::app
