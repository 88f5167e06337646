// The IP office's records called directly with Callers built from grants:
// reviewers are province-scoped (another province's record, complaint or
// case is NotFound, worded as an unknown one, and nothing is written); a
// subject's users see and act on their own records only; the data
// directory's holiday calendar sets complaint deadlines; the evaluation
// calculator's credibility gate vetoes a subject with an active record.
#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/caller_testing.h"
#include "app/credibility.h"
#include "app/evaluation.h"
#include "app/members.h"
#include "app/office_cases.h"
#include "app/public_lists.h"
#include "app/workspace.h"
#include "domain/domain_testing.h"
#include "domain/period.h"
#include "testing.h"

namespace patnav::app {
namespace {

using domain::Role;

class Office : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    const Caller local = Caller::Local();
    ASSERT_TRUE(CreateAlliance(local, *ws_, {"A", "北京市海淀区", "social", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Acme", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Other", "research", "2020-01-01", ""}).ok());
  }
  domain::CreditRecordInput Record(std::string number, std::string code = "91110000ACME0001") {
    domain::CreditRecordInput in;
    in.province = "北京市";
    in.subject_name = "Acme";
    in.subject_code = std::move(code);
    in.member = "Acme";
    in.category = "false_materials";
    in.measures = {"no_demonstration_status"};
    in.organ = "北京市知识产权局";
    in.decision_number = std::move(number);
    in.decided_on = "2026-01-05";
    return in;
  }
  std::string Dump() { return domain::testing::DumpOperations(dir_.path()); }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  const Caller beijing_ = WithGrant(Role::kReviewer, "北京市");
  const Caller shanghai_ = WithGrant(Role::kReviewer, "上海市");
  const Caller acme_ = WithGrant(Role::kMember, "", "A", "Acme");
  const Caller other_ = WithGrant(Role::kMember, "", "A", "Other");
  const Caller operator_ = WithGrant(Role::kOperator, "", "A");
};

TEST_F(Office, ReviewersAreProvinceScopedAndSubjectsSeeTheirOwn) {
  EXPECT_EQ(CreateCreditRecord(shanghai_, *ws_, Record("1")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(CreateCreditRecord(operator_, *ws_, Record("1")).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CreateCreditRecord(Caller::Anonymous(), *ws_, Record("1")).status().code(), StatusCode::kUnauthenticated);
  Result<CreditRecordView> made = CreateCreditRecord(beijing_, *ws_, Record("京1"));
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  const int64_t id = made->record.id;
  EXPECT_EQ(made->allowed, (std::vector<std::string>{"notify", "revoke"}));

  std::string before = Dump();
  Result<CreditRecordView> hidden = ShowCreditRecord(shanghai_, *ws_, {id});
  Result<CreditRecordView> missing = ShowCreditRecord(shanghai_, *ws_, {id + 100});
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "unknown credit record " + std::to_string(id));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ActOnCreditRecord(shanghai_, *ws_, {id, "notify", "2026-01-06", "", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ShowCreditRecord(other_, *ws_, {id}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ActOnCreditRecord(other_, *ws_, {id, "file_statement", "", "x", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ShowCreditRecord(operator_, *ws_, {id}).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListCreditRecords(other_, *ws_, {})->records.empty());
  EXPECT_TRUE(ListCreditRecords(shanghai_, *ws_, {})->records.empty());
  EXPECT_EQ(ListCreditRecords(shanghai_, *ws_, {"北京市", "", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ListCreditRecords(operator_, *ws_, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Dump(), before);

  ASSERT_TRUE(ActOnCreditRecord(beijing_, *ws_, {id, "notify", "2026-01-06", "", ""}).ok());
  Result<CreditRecordView> mine = ShowCreditRecord(acme_, *ws_, {id});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->allowed, std::vector<std::string>{"file_statement"});
  EXPECT_EQ(ActOnCreditRecord(acme_, *ws_, {id, "list", "", "", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ActOnCreditRecord(acme_, *ws_, {id, "file_statement", "2026-01-07", "x", ""}).status().code(),
            StatusCode::kInvalidArgument) << "a subject files on the day";
  ASSERT_TRUE(ActOnCreditRecord(acme_, *ws_, {id, "file_statement", "", "事实有误", ""}).ok());
  Result<CreditRecordView> listed = ActOnCreditRecord(beijing_, *ws_, {id, "list", "", "", ""});
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  EXPECT_TRUE(listed->active_today);
  EXPECT_TRUE(listed->public_today);
  Result<CreditRecordView> early = ActOnCreditRecord(acme_, *ws_, {id, "request_repair", "", "已整改", ""});
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(early.status().message().find(listed->repair_opens_on), std::string::npos);
  EXPECT_EQ(ListCreditRecords(acme_, *ws_, {})->records.size(), 1u);
  EXPECT_EQ(PublicDishonestyList(*ws_, "")->rows.size(), 1u);
  EXPECT_EQ(CheckCreditGate(acme_, *ws_, {"91110000ACME0001", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckCreditGate(shanghai_, *ws_, {"91110000ACME0001", ""})->has_active_record);
}

TEST_F(Office, ComplaintsAndCasesOfAnotherProvinceAreUnknown) {
  std::filesystem::create_directories(dir_.path() / "calendars");
  std::filesystem::copy_file(patnav::testing::TestData().parent_path().parent_path() / "data" / "calendars" / "cn-2026.json",
                             dir_.path() / "calendars" / "cn-2026.json");
  domain::ComplaintInput in{"北京市", "other", "甲", "乙", "", "", "摘要", "2026-09-30"};
  EXPECT_EQ(FileComplaint(shanghai_, *ws_, in).status().code(), StatusCode::kNotFound);
  Result<ComplaintView> c = FileComplaint(beijing_, *ws_, in);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->complaint.due_on, "2026-10-13") << "the calendar in the data directory";
  EXPECT_EQ(ShowComplaint(shanghai_, *ws_, c->complaint.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ActOnComplaint(shanghai_, *ws_, {c->complaint.id, "accept", "", ""}).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListComplaints(shanghai_, *ws_, {})->complaints.empty());
  EXPECT_EQ(ListComplaints(beijing_, *ws_, {})->complaints.size(), 1u);
  EXPECT_FALSE(ListComplaints(beijing_, *ws_, {"", "", true})->warnings.empty()) << "overdue by today";
  domain::CaseInput k{"北京市", "京1", "mediation", "调解", c->complaint.id, {"CN1A"}, "2026-10-09"};
  EXPECT_EQ(OpenCase(beijing_, *ws_, k).status().code(), StatusCode::kInvalidArgument) << "no such patent in the store";
  k.patents.clear();
  EXPECT_EQ(OpenCase(beijing_, *ws_, k).status().code(), StatusCode::kFailedPrecondition) << "not accepted yet";
  ASSERT_TRUE(ActOnComplaint(beijing_, *ws_, {c->complaint.id, "accept", "2026-10-09", ""}).ok());
  Result<CaseView> opened = OpenCase(beijing_, *ws_, k);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(ShowCase(shanghai_, *ws_, opened->file.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ActOnCase(shanghai_, *ws_, {opened->file.id, "decide", "", "x"}).status().code(), StatusCode::kNotFound);
  Result<CreditRecordView> r = CreateCreditRecord(beijing_, *ws_, Record("京2"));
  EXPECT_EQ(LinkCaseRecord(shanghai_, *ws_, opened->file.id, r->record.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(LinkCaseRecord(beijing_, *ws_, opened->file.id, r->record.id).ok());
}

TEST_F(Office, EvaluationGateVetoesASubjectWithAnActiveRecord) {
  Result<CreditRecordView> r = CreateCreditRecord(beijing_, *ws_, Record("京3"));
  ASSERT_TRUE(ActOnCreditRecord(beijing_, *ws_, {r->record.id, "notify", "2026-01-06", "", ""}).ok());
  ASSERT_TRUE(ActOnCreditRecord(beijing_, *ws_, {r->record.id, "list", "2026-01-10", "", ""}).ok());
  const std::string system = (dir_.path() / "system.json").string();
  patnav::testing::WriteFile(system, R"({"code": "t", "version": "1", "name_en": "t",
    "measures": [{"code": "patents"}, {"code": "active_dishonesty_records"}],
    "nodes": [{"code": "P", "name_en": "Patents", "weight": 1, "formula": "patents", "normaliser": {"method": "min_max"}},
              {"code": "C", "name_en": "Credibility", "kind": "gate", "formula": "active_dishonesty_records",
               "direction": "lower_better", "threshold": 0}]})");
  const std::string obs = (dir_.path() / "obs.csv").string();
  patnav::testing::WriteFile(obs, "subject,subject_name,measure,period,value\n91110000ACME0001,Acme,patents,2026,10\n"
                                  "91110000BETA0001,Beta,patents,2026,5\n");
  ScoreEvaluationRequest req;
  req.system_path = system;
  req.observations_path = obs;
  req.sensitivity = false;
  req.credit_on = "2026-06-30";
  req.workspace = ws_.get();
  EXPECT_EQ(ScoreEvaluation(acme_, req).status().code(), StatusCode::kPermissionDenied);
  Result<ScoreEvaluationResult> scored = ScoreEvaluation(beijing_, req);
  ASSERT_TRUE(scored.ok()) << scored.status().ToString();
  ASSERT_EQ(scored->round.subjects.size(), 2u);
  EXPECT_TRUE(scored->round.subjects[0].vetoed) << "Acme has an active record on 2026-06-30";
  EXPECT_FALSE(scored->round.subjects[1].vetoed);
  req.credit_on = "2026-01-09";
  Result<ScoreEvaluationResult> before = ScoreEvaluation(beijing_, req);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->round.subjects[0].vetoed) << "not yet listed";
  req.credit_on = "";
  EXPECT_FALSE(ScoreEvaluation(beijing_, req).ok()) << "without the gate's measure the round is incomplete";
}

}  // namespace
}  // namespace patnav::app
