// The IP office's records: the credibility, complaint and case-file
// workflows, every (state, action, role) against independent lists written
// out here; credibility records through their life (statement, listing,
// repair refused before the minimum period, repair, revocation, expiry) with
// the active gate and the public list entering and leaving as the category's
// rules say; complaints with working-day deadlines across holidays and
// overdue warnings; case files linked to a complaint and a record. Every
// refusal writes nothing.
#include <map>

#include <gtest/gtest.h>

#include "domain/complaint.h"
#include "domain/credit_record.h"
#include "domain/domain_testing.h"
#include "domain/enforcement_case.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;
using testing::DumpOperations;
using testing::OpenOps;

// Checks every (state, action, role) of a workflow against `expected`
// ((from, action) -> (to, role)); returns the number of legal moves.
template <typename S, typename A, typename R>
int CheckEveryMove(const Workflow<S, A, R>& w, const std::map<std::pair<S, A>, std::pair<S, R>>& expected,
                   std::initializer_list<R> roles) {
  int legal = 0;
  for (S from : w.states)
    for (A action : w.actions)
      for (R role : roles) {
        Result<S> next = w.Next(from, action, role);
        auto it = expected.find({from, action});
        const std::string what = std::string(w.state_name(from)) + " " + w.action_name(action) + " by " + w.role_name(role);
        if (it == expected.end()) {
          EXPECT_FALSE(next.ok()) << what;
          if (next.ok()) continue;
          EXPECT_EQ(next.status().code(), StatusCode::kFailedPrecondition) << what;
          EXPECT_NE(next.status().message().find("allowed: " + w.AllowedNames(from)), std::string::npos)
              << next.status().message();
        } else if (it->second.second != role) {
          EXPECT_FALSE(next.ok()) << what;
          if (next.ok()) continue;
          EXPECT_EQ(next.status().code(), StatusCode::kPermissionDenied) << what;
          EXPECT_NE(next.status().message().find(w.role_name(it->second.second)), std::string::npos);
        } else {
          EXPECT_TRUE(next.ok()) << what << ": " << next.status().ToString();
          if (next.ok()) {
            EXPECT_EQ(*next, it->second.first) << what;
          }
          ++legal;
        }
      }
  for (S s : w.states) EXPECT_EQ(*w.ParseState(w.state_name(s)), s);
  for (A a : w.actions) EXPECT_EQ(*w.ParseAction(w.action_name(a)), a);
  EXPECT_FALSE(w.ParseAction("approve").ok());
  return legal;
}

TEST(OfficeWorkflows, CreditRecordEveryMove) {
  using S = CreditState;
  using A = CreditAction;
  using R = CreditRole;
  std::map<std::pair<S, A>, std::pair<S, R>> m;
  m[{S::kDecided, A::kNotify}] = {S::kNotified, R::kOffice};
  m[{S::kNotified, A::kFileStatement}] = {S::kStatementFiled, R::kSubject};
  m[{S::kNotified, A::kList}] = {S::kListed, R::kOffice};
  m[{S::kStatementFiled, A::kList}] = {S::kListed, R::kOffice};
  m[{S::kListed, A::kRequestRepair}] = {S::kRepairRequested, R::kSubject};
  m[{S::kRepairRequested, A::kGrantRepair}] = {S::kRepaired, R::kOffice};
  m[{S::kRepairRequested, A::kRefuseRepair}] = {S::kListed, R::kOffice};
  m[{S::kListed, A::kExpire}] = {S::kExpired, R::kOffice};
  for (S s : {S::kDecided, S::kNotified, S::kStatementFiled, S::kListed, S::kRepairRequested})
    m[{s, A::kRevoke}] = {S::kRevoked, R::kOffice};
  EXPECT_EQ(CheckEveryMove(CreditWorkflow(), m, {R::kOffice, R::kSubject}), static_cast<int>(m.size()));
  for (S s : {S::kRepaired, S::kExpired, S::kRevoked}) EXPECT_TRUE(CreditWorkflow().IsFinal(s));
  EXPECT_EQ(CreditWorkflow().Next(S::kDecided, A::kList, R::kOffice).status().message(),
            "cannot list a credit record that is decided; allowed: notify, revoke");
}

TEST(OfficeWorkflows, ComplaintAndCaseEveryMove) {
  {
    using S = ComplaintState;
    using A = ComplaintAction;
    std::map<std::pair<S, A>, std::pair<S, ComplaintRole>> m;
    const auto o = ComplaintRole::kOffice;
    m[{S::kReceived, A::kAccept}] = {S::kAccepted, o};
    m[{S::kReceived, A::kRefuse}] = {S::kNotAccepted, o};
    m[{S::kAccepted, A::kMediate}] = {S::kMediation, o};
    m[{S::kAccepted, A::kCheckClue}] = {S::kClueCheck, o};
    for (S s : {S::kAccepted, S::kMediation, S::kClueCheck}) {
      m[{s, A::kOpenCase}] = {S::kCaseOpened, o};
      m[{s, A::kClose}] = {S::kClosed, o};
    }
    EXPECT_EQ(CheckEveryMove(ComplaintWorkflow(), m, {o}), static_cast<int>(m.size()));
    EXPECT_EQ(ComplaintStageDeadline(S::kReceived)->working_days, 5);
    EXPECT_FALSE(ComplaintStageDeadline(S::kAccepted).has_value());
  }
  {
    using S = CaseState;
    using A = CaseAction;
    const auto o = CaseRole::kOffice;
    std::map<std::pair<S, A>, std::pair<S, CaseRole>> m;
    m[{S::kOpen, A::kDecide}] = {S::kDecided, o};
    m[{S::kOpen, A::kTerminate}] = {S::kClosed, o};
    m[{S::kDecided, A::kClose}] = {S::kClosed, o};
    EXPECT_EQ(CheckEveryMove(CaseWorkflow(), m, {o}), 3);
  }
}

WorkingCalendar Cn2026() {
  auto text = patnav::testing::ReadFile(patnav::testing::TestData().parent_path().parent_path() / "data" /
                                        "calendars" / "cn-2026.json");
  Result<WorkingCalendar> cal = WorkingCalendar::Parse(text, "cn-2026.json");
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return cal.ok() ? *cal : WorkingCalendar();
}

struct Office {
  ScratchDir dir;
  std::unique_ptr<OperationsDb> ops = OpenOps(dir.path());
  WorkingCalendar calendar = Cn2026();

  static CreditRecordInput Record(std::string number, std::string category = "abnormal_patent_application") {
    CreditRecordInput in;
    in.province = "北京市";
    in.subject_name = "某某专利代理有限公司";
    in.subject_code = "91110108MA00000001";
    in.category = std::move(category);
    in.measures = {"key_supervision", "no_fee_reduction"};
    in.organ = "北京市知识产权局";
    in.decision_number = std::move(number);
    in.decided_on = "2026-01-05";
    in.facts = "批量提交非正常专利申请";
    return in;
  }
  Result<CreditRecord> Step(int64_t id, CreditAction a, CreditRole r, std::string on, std::string comment = "") {
    CreditStep s;
    s.action = a;
    s.role = r;
    s.actor = r == CreditRole::kOffice ? "reviewer" : "subject";
    s.on = std::move(on);
    s.comment = std::move(comment);
    return StepCreditRecord(*ops, id, s);
  }
  std::string Dump() { return DumpOperations(dir.path()); }
};

TEST(CreditRecords, ThroughStatementListingRepairAndThePublicList) {
  Office o;
  Result<CreditRecord> r = CreateCreditRecord(*o.ops, Office::Record("京知信〔2026〕1号"), "reviewer");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, CreditState::kDecided);
  const int64_t id = r->id;
  ASSERT_TRUE(o.Step(id, CreditAction::kNotify, CreditRole::kOffice, "2026-01-06").ok());
  ASSERT_TRUE(o.Step(id, CreditAction::kFileStatement, CreditRole::kSubject, "2026-01-08", "申请均有真实研发背景").ok());
  Result<CreditRecord> listed = o.Step(id, CreditAction::kList, CreditRole::kOffice, "2026-01-20");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  EXPECT_EQ(listed->listed_until, "2027-01-20");  // 12 months
  EXPECT_EQ(listed->statement, "申请均有真实研发背景");
  EXPECT_EQ(RepairOpensOn(*listed), "2026-07-20");  // 6 months

  // The gate and the public list.
  EXPECT_FALSE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-01-19"));
  EXPECT_TRUE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-01-20"));
  EXPECT_TRUE(*HasActiveCreditRecord(*o.ops, "某某专利代理有限公司", "2026-06-01"));
  EXPECT_FALSE(*HasActiveCreditRecord(*o.ops, "91110108MA00000002", "2026-06-01"));
  EXPECT_EQ(PublicCreditList(*o.ops, "2026-06-01")->size(), 1u);
  EXPECT_TRUE(PublicCreditList(*o.ops, "2026-01-19")->empty());

  // A repair request before the minimum period: refused, nothing written.
  std::string before = o.Dump();
  Result<CreditRecord> early = o.Step(id, CreditAction::kRequestRepair, CreditRole::kSubject, "2026-07-19", "已整改");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(early.status().message().find("from 2026-07-20"), std::string::npos) << early.status().message();
  EXPECT_EQ(o.Dump(), before);
  // The office cannot request a repair for the subject; the subject cannot grant it.
  EXPECT_EQ(o.Step(id, CreditAction::kRequestRepair, CreditRole::kOffice, "2026-08-01", "x").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(o.Step(id, CreditAction::kRequestRepair, CreditRole::kSubject, "2026-08-01").status().code(),
            StatusCode::kInvalidArgument);  // no reasons
  EXPECT_EQ(o.Dump(), before);

  ASSERT_TRUE(o.Step(id, CreditAction::kRequestRepair, CreditRole::kSubject, "2026-07-20", "已撤回全部申请并整改").ok());
  ASSERT_TRUE(o.Step(id, CreditAction::kRefuseRepair, CreditRole::kOffice, "2026-07-25", "整改材料不完整").ok());
  ASSERT_TRUE(o.Step(id, CreditAction::kRequestRepair, CreditRole::kSubject, "2026-08-03", "补充材料").ok());
  Result<CreditRecord> repaired = o.Step(id, CreditAction::kGrantRepair, CreditRole::kOffice, "2026-08-10", "准予修复");
  ASSERT_TRUE(repaired.ok()) << repaired.status().ToString();
  EXPECT_EQ(repaired->state, CreditState::kRepaired);
  EXPECT_EQ(repaired->ended_on, "2026-08-10");
  EXPECT_TRUE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-08-09"));
  EXPECT_FALSE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-08-10"));
  EXPECT_TRUE(PublicCreditList(*o.ops, "2026-08-10")->empty());
  EXPECT_EQ(PublicCreditList(*o.ops, "2026-08-09")->size(), 1u);
  std::vector<OfficeEvent> h = *CreditHistory(*o.ops, id);
  ASSERT_EQ(h.size(), 8u);
  EXPECT_EQ(h[0].action, "create");
  EXPECT_EQ(h[5].action, "refuse_repair");
  EXPECT_EQ(h[5].to_state, "listed");
  EXPECT_EQ(h[7].on, "2026-08-10");
  EXPECT_FALSE(o.ops->db().Exec("DELETE FROM office_event").ok());
}

TEST(CreditRecords, PublicityExpiryRevocationAndBadInput) {
  Office o;
  // A summary-procedure penalty is never public, though active.
  Result<CreditRecord> quiet = CreateCreditRecord(*o.ops, Office::Record("京知罚〔2026〕2号", "administrative_penalty_summary"), "r");
  ASSERT_TRUE(quiet.ok());
  ASSERT_TRUE(o.Step(quiet->id, CreditAction::kNotify, CreditRole::kOffice, "2026-01-06").ok());
  ASSERT_TRUE(o.Step(quiet->id, CreditAction::kList, CreditRole::kOffice, "2026-01-10").ok());
  EXPECT_TRUE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-02-01"));
  EXPECT_TRUE(PublicCreditList(*o.ops, "2026-02-01")->empty());
  // Expiry: refused before the listing period ends (3 months), then allowed.
  Result<CreditRecord> early = o.Step(quiet->id, CreditAction::kExpire, CreditRole::kOffice, "2026-04-09");
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(early.status().message().find("2026-04-10"), std::string::npos);
  EXPECT_FALSE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-04-10"));  // over, even before the step
  ASSERT_TRUE(o.Step(quiet->id, CreditAction::kExpire, CreditRole::kOffice, "2026-04-12").ok());
  EXPECT_EQ(FindCreditRecord(*o.ops, quiet->id)->ended_on, "2026-04-10");

  // Revoked: never active, never public.
  CreditRecordInput other = Office::Record("京知信〔2026〕3号", "refusal_to_execute");
  other.subject_code = "91110108MA00000009";
  Result<CreditRecord> wrong = CreateCreditRecord(*o.ops, other, "r");
  ASSERT_TRUE(wrong.ok());
  ASSERT_TRUE(o.Step(wrong->id, CreditAction::kNotify, CreditRole::kOffice, "2026-01-06").ok());
  ASSERT_TRUE(o.Step(wrong->id, CreditAction::kList, CreditRole::kOffice, "2026-01-07").ok());
  EXPECT_EQ(PublicCreditList(*o.ops, "2026-03-01")->size(), 1u);
  EXPECT_EQ(o.Step(wrong->id, CreditAction::kRevoke, CreditRole::kOffice, "2026-03-01").status().code(),
            StatusCode::kInvalidArgument);  // no reason
  ASSERT_TRUE(o.Step(wrong->id, CreditAction::kRevoke, CreditRole::kOffice, "2026-03-01", "复议撤销").ok());
  EXPECT_FALSE(*HasActiveCreditRecord(*o.ops, "91110108MA00000009", "2026-02-01"));
  EXPECT_TRUE(*HasActiveCreditRecord(*o.ops, "91110108MA00000001", "2026-02-01"));  // the expired one, then
  EXPECT_TRUE(PublicCreditList(*o.ops, "2026-02-01")->empty());

  std::string before = o.Dump();
  CreditRecordInput bad = Office::Record("京知信〔2026〕3号");
  EXPECT_EQ(CreateCreditRecord(*o.ops, bad, "r").status().code(), StatusCode::kAlreadyExists);
  bad.decision_number = "new";
  bad.category = "lying";
  EXPECT_NE(CreateCreditRecord(*o.ops, bad, "r").status().message().find("abnormal_patent_application"), std::string::npos);
  bad.category = "false_materials";
  bad.measures = {"flogging"};
  EXPECT_NE(CreateCreditRecord(*o.ops, bad, "r").status().message().find("measures:"), std::string::npos);
  bad.measures = {};
  EXPECT_EQ(CreateCreditRecord(*o.ops, bad, "r").status().code(), StatusCode::kInvalidArgument);
  bad.measures = {"key_supervision"};
  bad.member = "无此成员";
  EXPECT_NE(CreateCreditRecord(*o.ops, bad, "r").status().message().find("member:"), std::string::npos);
  bad.member = "";
  bad.decided_on = "2026-13-01";
  EXPECT_EQ(CreateCreditRecord(*o.ops, bad, "r").status().code(), StatusCode::kInvalidArgument);
  // A step dated before the previous one.
  EXPECT_EQ(o.Step(wrong->id, CreditAction::kNotify, CreditRole::kOffice, "2025-01-01").status().code(),
            StatusCode::kFailedPrecondition);  // revoked is final
  EXPECT_EQ(o.Dump(), before);
}

TEST(Complaints, DeadlinesInWorkingDaysAcrossHolidaysAndOverdue) {
  Office o;
  ComplaintInput in{"北京市", "infringement_adjudication", "甲公司", "乙公司", "91110000000000000X", "CN112345678A",
                    "乙公司制造销售侵权产品", "2026-09-30"};
  Result<Complaint> c = CreateComplaint(*o.ops, in, o.calendar, "reviewer");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->due_on, "2026-10-13");  // National Day, then the worked Saturday 10 October
  EXPECT_EQ(ComplaintDeadline(*c, o.calendar, "2026-10-13")->overdue_working_days, 0);
  std::optional<DeadlineStatus> late = ComplaintDeadline(*c, o.calendar, "2026-10-16");
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->duty, "decide_acceptance");
  EXPECT_EQ(late->overdue_working_days, 3);
  // Weekends only: the same complaint would have been due on 7 October.
  EXPECT_EQ(CreateComplaint(*o.ops, in, WorkingCalendar(), "r")->due_on, "2026-10-07");

  ASSERT_TRUE(StepComplaint(*o.ops, c->id, {ComplaintAction::kAccept, "r", "2026-10-09", ""}, o.calendar).ok());
  Result<Complaint> m = StepComplaint(*o.ops, c->id, {ComplaintAction::kMediate, "r", "2026-12-31", ""}, o.calendar);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->due_on, *o.calendar.AddWorkingDays("2026-12-31", 30));
  EXPECT_EQ(m->due_on, "2027-02-11");  // past the calendar's year: weekends only

  std::string before = o.Dump();
  Result<Complaint> wrong = StepComplaint(*o.ops, c->id, {ComplaintAction::kAccept, "r", "2027-01-04", ""}, o.calendar);
  EXPECT_EQ(wrong.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(wrong.status().message().find("allowed: open_case, close"), std::string::npos) << wrong.status().message();
  EXPECT_EQ(StepComplaint(*o.ops, c->id, {ComplaintAction::kClose, "r", "2027-01-04", ""}, o.calendar).status().code(),
            StatusCode::kInvalidArgument);  // no outcome
  EXPECT_EQ(StepComplaint(*o.ops, c->id, {ComplaintAction::kClose, "r", "2026-12-01", "x"}, o.calendar).status().code(),
            StatusCode::kInvalidArgument);  // before the stage began
  EXPECT_EQ(StepComplaint(*o.ops, c->id, {ComplaintAction::kOpenCase, "r", "2027-01-04", ""}, o.calendar).status().code(),
            StatusCode::kInvalidArgument);  // with a case file only
  in.kind = "gossip";
  EXPECT_NE(CreateComplaint(*o.ops, in, o.calendar, "r").status().message().find("other"), std::string::npos);
  EXPECT_EQ(o.Dump(), before);
}

TEST(EnforcementCases, OpenedFromAComplaintLinkedToARecordAndDecided) {
  Office o;
  Result<Complaint> c = CreateComplaint(
      *o.ops, {"北京市", "passing_off", "消费者", "丙公司", "", "", "产品标注已失效专利号", "2026-02-13"}, o.calendar, "r");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->due_on, "2026-02-27");  // the worked Saturday 14 February, Spring Festival
  ASSERT_TRUE(StepComplaint(*o.ops, c->id, {ComplaintAction::kAccept, "r", "2026-02-24", ""}, o.calendar).ok());
  Result<Complaint> check = StepComplaint(*o.ops, c->id, {ComplaintAction::kCheckClue, "r", "2026-02-24", ""}, o.calendar);
  EXPECT_EQ(check->due_on, "2026-03-16");  // 15 working days, the worked 28 February among them

  std::string before = o.Dump();
  CaseInput bad{"上海市", "沪知执〔2026〕1号", "passing_off", "丙公司假冒专利案", c->id, {"CN112345678A"}, "2026-03-02"};
  EXPECT_EQ(OpenCase(*o.ops, bad, o.calendar, "r").status().code(), StatusCode::kInvalidArgument);  // another province
  bad.province = "北京市";
  bad.kind = "burglary";
  EXPECT_EQ(OpenCase(*o.ops, bad, o.calendar, "r").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(o.Dump(), before);

  CaseInput in{"北京市", "京知执〔2026〕1号", "passing_off", "丙公司假冒专利案", c->id, {"CN112345678A"}, "2026-03-02"};
  Result<EnforcementCase> k = OpenCase(*o.ops, in, o.calendar, "r");
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->due_on, "2026-05-31");  // 90 days
  EXPECT_EQ(k->patents, std::vector<std::string>{"CN112345678A"});
  EXPECT_EQ(FindComplaint(*o.ops, c->id)->state, ComplaintState::kCaseOpened);
  EXPECT_EQ(OpenCase(*o.ops, in, o.calendar, "r").status().code(), StatusCode::kAlreadyExists);
  in.case_number = "京知执〔2026〕2号";
  EXPECT_EQ(OpenCase(*o.ops, in, o.calendar, "r").status().code(), StatusCode::kFailedPrecondition);  // complaint moved on

  CaseInput med{"北京市", "京知调〔2026〕1号", "mediation", "调解", 0, {}, "2026-09-30"};
  EXPECT_EQ(OpenCase(*o.ops, med, o.calendar, "r")->due_on, *o.calendar.AddWorkingDays("2026-09-30", 30));

  Result<CreditRecord> r = CreateCreditRecord(*o.ops, Office::Record("京知信〔2026〕9号"), "r");
  ASSERT_TRUE(LinkCreditRecord(*o.ops, k->id, r->id, "r").ok());
  EXPECT_EQ(LinkCreditRecord(*o.ops, k->id, r->id, "r").status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(FindCase(*o.ops, k->id)->credit_records, std::vector<int64_t>{r->id});
  EXPECT_EQ(StepCase(*o.ops, k->id, {CaseAction::kClose, "r", "2026-04-01", ""}).status().code(),
            StatusCode::kFailedPrecondition);
  Result<EnforcementCase> decided = StepCase(*o.ops, k->id, {CaseAction::kDecide, "r", "2026-04-01", "责令改正并罚款"});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->decided_on, "2026-04-01");
  EXPECT_EQ(StepCase(*o.ops, k->id, {CaseAction::kClose, "r", "2026-04-20", ""})->state, CaseState::kClosed);
  EXPECT_EQ(CaseHistory(*o.ops, k->id)->size(), 4u);  // create, link, decide, close
}

}  // namespace
}  // namespace patnav::domain
