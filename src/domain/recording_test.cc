// The recording workflow: every (state, action, role) of the state table
// legal or refused with the right status, generated from an independent
// list; legal moves stored with their history in one transaction; the
// submission rules named when they fail; the priority circumstances
// computed from member data; the management library.
#include <map>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "domain/domain_testing.h"
#include "domain/recording.h"
#include "domain/recording_library.h"
#include "domain/recording_materials.h"
#include "domain/recording_priority.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;
using testing::DumpOperations;
using testing::OpenOps;
using A = RecordingAction;
using R = RecordingRole;
using S = RecordingState;

const S kStates[] = {S::kDraft,          S::kSubmitted, S::kNeedsCorrection, S::kProvinceReview,
                     S::kNationalReview, S::kRecorded,  S::kRejected,        S::kWithdrawn};
const A kActions[] = {A::kSubmit, A::kReturn, A::kResubmit, A::kAccept, A::kRecommend, A::kRecord, A::kReject, A::kWithdraw};
const R kRoles[] = {R::kOperator, R::kProvinceReviewer, R::kNationalReviewer};

// The workflow as the issue states it, written out here independently of
// recording_states.cc: (from, action) -> (to, role).
std::map<std::pair<S, A>, std::pair<S, R>> Expected() {
  std::map<std::pair<S, A>, std::pair<S, R>> m;
  m[{S::kDraft, A::kSubmit}] = {S::kSubmitted, R::kOperator};
  m[{S::kSubmitted, A::kReturn}] = {S::kNeedsCorrection, R::kProvinceReviewer};
  m[{S::kNeedsCorrection, A::kResubmit}] = {S::kSubmitted, R::kOperator};
  m[{S::kSubmitted, A::kAccept}] = {S::kProvinceReview, R::kProvinceReviewer};
  m[{S::kProvinceReview, A::kRecommend}] = {S::kNationalReview, R::kProvinceReviewer};
  m[{S::kProvinceReview, A::kReject}] = {S::kRejected, R::kProvinceReviewer};
  m[{S::kNationalReview, A::kRecord}] = {S::kRecorded, R::kNationalReviewer};
  m[{S::kNationalReview, A::kReject}] = {S::kRejected, R::kNationalReviewer};
  for (S s : {S::kDraft, S::kSubmitted, S::kNeedsCorrection, S::kProvinceReview, S::kNationalReview})
    m[{s, A::kWithdraw}] = {S::kWithdrawn, R::kOperator};
  return m;
}

TEST(RecordingStates, EveryStateActionAndRoleAgainstTheWorkflow) {
  const auto expected = Expected();
  int legal = 0, refused = 0;
  for (S from : kStates)
    for (A action : kActions)
      for (R role : kRoles) {
        Result<S> next = NextRecordingState(from, action, role);
        auto it = expected.find({from, action});
        std::string what = std::string(RecordingStateName(from)) + " " + RecordingActionName(action) + " by " +
                           RecordingRoleName(role);
        if (it == expected.end()) {
          ASSERT_FALSE(next.ok()) << what;
          EXPECT_EQ(next.status().code(), StatusCode::kFailedPrecondition) << what;
          EXPECT_NE(next.status().message().find("allowed:"), std::string::npos) << next.status().message();
          ++refused;
        } else if (it->second.second != role) {
          ASSERT_FALSE(next.ok()) << what;
          EXPECT_EQ(next.status().code(), StatusCode::kPermissionDenied) << what;
          EXPECT_NE(next.status().message().find(RecordingRoleName(it->second.second)), std::string::npos);
          ++refused;
        } else {
          ASSERT_TRUE(next.ok()) << what << ": " << next.status().ToString();
          EXPECT_EQ(*next, it->second.first) << what;
          ++legal;
        }
      }
  EXPECT_EQ(legal, static_cast<int>(expected.size()));
  EXPECT_EQ(legal + refused, 8 * 8 * 3);
  for (S s : {S::kRecorded, S::kRejected, S::kWithdrawn}) {
    EXPECT_TRUE(IsFinal(s));
    EXPECT_TRUE(AllowedActions(s).empty());
  }
  Result<S> r = NextRecordingState(S::kSubmitted, A::kRecord, R::kNationalReviewer);
  EXPECT_EQ(r.status().message(), "cannot record a recording that is submitted; allowed: return, accept, withdraw");
  for (S s : kStates) EXPECT_EQ(*ParseRecordingState(RecordingStateName(s)), s);
  for (A a : kActions) EXPECT_EQ(*ParseRecordingAction(RecordingActionName(a)), a);
  EXPECT_FALSE(ParseRecordingAction("approve").ok());
}

// An alliance ready to submit: two members, the charter's nine items, a
// complete form.
struct Fixture {
  ScratchDir dir;
  std::unique_ptr<OperationsDb> ops = OpenOps(dir.path());
  Alliance alliance;

  explicit Fixture(const char* form = "social", int members = 2) {
    EXPECT_TRUE(CreateAlliance(*ops, {"储能联盟", "北京市海淀区", form, "储能"}).ok());
    alliance = *FindAlliance(*ops, "储能联盟");
    const char* types[] = {"industry", "university", "research", "finance", "intermediary", "application"};
    for (int i = 0; i < members; ++i)
      EXPECT_TRUE(AddMember(*ops, {"储能联盟", "成员" + std::to_string(i), types[i % 6], "2020-01-01", "张三 010-1"}).ok());
    for (int i = 2; i <= 9; ++i) EXPECT_TRUE(SetCharterItem(*ops, "储能联盟", i, "第" + std::to_string(i) + "项").ok());
  }
  static ApplicationFormInput Complete() {
    ApplicationFormInput f;
    f.industry = "储能 / energy storage";
    f.industry_category = "ip_intensive";
    f.industry_stage = "growing";
    f.lead_unit = "成员0";
    f.secretary_general_unit = "成员1";
    f.operator_name = "某运营公司";
    f.contact_person = "李四";
    f.contact_phone = "010-12345678";
    f.lead_licence = f.secretary_licence = f.charter_signed = true;
    return f;
  }
  Result<Recording> Move(int64_t id, A action, R role, std::string comment = "") {
    TransitionInput in;
    in.action = action;
    in.role = role;
    in.actor = RecordingRoleName(role);
    in.comment = std::move(comment);
    return TransitionRecording(*ops, id, in);
  }
};

TEST(Recording, LegalPathIsRecordedWithHistoryAndIllegalMovesWriteNothing) {
  Fixture f;
  Result<Recording> r = CreateRecording(*f.ops, f.alliance, "北京市", Fixture::Complete(), "op");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, S::kDraft);
  EXPECT_EQ(CreateRecording(*f.ops, f.alliance, "北京市", Fixture::Complete(), "op").status().code(),
            StatusCode::kAlreadyExists);
  const int64_t id = r->id;

  // Refusals leave every table as it was.
  std::string before = DumpOperations(f.dir.path());
  EXPECT_EQ(f.Move(id, A::kAccept, R::kProvinceReviewer).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(f.Move(id, A::kRecord, R::kNationalReviewer).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(f.Move(id, A::kSubmit, R::kProvinceReviewer).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(DumpOperations(f.dir.path()), before);

  ASSERT_TRUE(f.Move(id, A::kSubmit, R::kOperator).ok());
  EXPECT_EQ(f.Move(id, A::kReturn, R::kProvinceReviewer, "").status().code(), StatusCode::kInvalidArgument)
      << "a return says what to correct";
  ASSERT_EQ(f.Move(id, A::kReturn, R::kProvinceReviewer, "补充营业执照").value().state, S::kNeedsCorrection);
  ApplicationFormInput corrected = Fixture::Complete();
  corrected.contact_email = "li@example.cn";
  ASSERT_TRUE(EditRecording(*f.ops, id, "", corrected, "op").ok());
  ASSERT_EQ(f.Move(id, A::kResubmit, R::kOperator).value().state, S::kSubmitted);
  EXPECT_FALSE(EditRecording(*f.ops, id, "", corrected, "op").ok()) << "submitted: not editable";
  ASSERT_EQ(f.Move(id, A::kAccept, R::kProvinceReviewer).value().state, S::kProvinceReview);
  ASSERT_EQ(f.Move(id, A::kRecommend, R::kProvinceReviewer).value().state, S::kNationalReview);
  TransitionInput rec{A::kRecord, R::kNationalReviewer, "admin", "", "", "2026-03-01"};
  Result<Recording> done = TransitionRecording(*f.ops, id, rec);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->state, S::kRecorded);
  EXPECT_EQ(done->record_number, "IPA-2026-0001");
  EXPECT_EQ(done->recorded_on, "2026-03-01");
  EXPECT_EQ(done->form.contact_email, "li@example.cn");
  EXPECT_EQ(f.Move(id, A::kWithdraw, R::kOperator).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(CreateRecording(*f.ops, f.alliance, "北京市", Fixture::Complete(), "op").status().code(),
            StatusCode::kAlreadyExists);

  std::vector<RecordingEvent> h = *RecordingHistory(*f.ops, id);
  std::vector<std::string> actions, states;
  for (const auto& e : h) {
    actions.push_back(e.action);
    states.push_back(e.to_state);
    EXPECT_FALSE(e.at.empty());
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "return", "edit", "resubmit", "accept", "recommend",
                                               "record"}));
  EXPECT_EQ(states, (std::vector<std::string>{"draft", "submitted", "needs_correction", "needs_correction",
                                              "submitted", "province_review", "national_review", "recorded"}));
  EXPECT_EQ(h[2].comment, "补充营业执照");
  EXPECT_EQ(h[2].role, "province_reviewer");
  EXPECT_EQ(h[7].actor, "admin");
  EXPECT_FALSE(f.ops->db().Exec("DELETE FROM recording_event").ok()) << "the history is append-only";
  EXPECT_FALSE(f.ops->db().Exec("UPDATE recording_event SET comment = 'x'").ok());
}

TEST(Recording, RejectionNeedsAReasonAndAllowsANewApplication) {
  Fixture f;
  int64_t id = CreateRecording(*f.ops, f.alliance, "江苏省", Fixture::Complete(), "op")->id;
  ASSERT_TRUE(f.Move(id, A::kSubmit, R::kOperator).ok());
  ASSERT_TRUE(f.Move(id, A::kAccept, R::kProvinceReviewer).ok());
  EXPECT_EQ(f.Move(id, A::kReject, R::kProvinceReviewer).status().code(), StatusCode::kInvalidArgument);
  Result<Recording> rejected = f.Move(id, A::kReject, R::kProvinceReviewer, "产业不属于知识产权密集型");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->rejection_reason, "产业不属于知识产权密集型");
  Result<Recording> again = CreateRecording(*f.ops, f.alliance, "江苏省", Fixture::Complete(), "op");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(LatestRecording(*f.ops, f.alliance)->id, again->id);
  ASSERT_TRUE(f.Move(again->id, A::kWithdraw, R::kOperator).ok());
  EXPECT_EQ(LatestRecording(*f.ops, f.alliance)->state, S::kWithdrawn);
}

std::set<std::string> FailedRules(const Status& st) {
  std::set<std::string> out;
  for (const char* rule : {"at_least_two_members", "form_among_three", "industry_ip_intensive_or_dependent",
                           "industry_stage_germination_or_growing", "form_fields_complete", "charter_nine_items",
                           "charter_signed", "licences_provided"})
    if (st.message().find(rule) != std::string::npos) out.insert(rule);
  return out;
}

TEST(Recording, SubmissionNamesEveryFailingRuleAndWritesNothing) {
  Fixture f("business", /*members=*/1);
  ApplicationFormInput form = Fixture::Complete();
  form.industry_category = "other";
  form.industry_stage = "mature";
  form.lead_unit.clear();
  form.secretary_licence = false;
  int64_t id = CreateRecording(*f.ops, f.alliance, "北京市", form, "op")->id;
  std::string before = DumpOperations(f.dir.path());
  Result<Recording> r = f.Move(id, A::kSubmit, R::kOperator);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(FailedRules(r.status()),
            (std::set<std::string>{"at_least_two_members", "industry_ip_intensive_or_dependent",
                                   "industry_stage_germination_or_growing", "form_fields_complete",
                                   "licences_provided"}))
      << r.status().message();
  EXPECT_NE(r.status().message().find("missing: lead_unit"), std::string::npos);
  EXPECT_EQ(DumpOperations(f.dir.path()), before);

  // Fixing each fault in turn leaves the others named.
  ASSERT_TRUE(AddMember(*f.ops, {"储能联盟", "成员9", "finance", "2020-01-01", ""}).ok());
  form = Fixture::Complete();
  form.industry_stage = "declining";
  ASSERT_TRUE(EditRecording(*f.ops, id, "", form, "op").ok());
  EXPECT_EQ(FailedRules(f.Move(id, A::kSubmit, R::kOperator).status()),
            (std::set<std::string>{"industry_stage_germination_or_growing"}));
  form.industry_stage = "萌芽期";
  ASSERT_TRUE(EditRecording(*f.ops, id, "", form, "op").ok());
  EXPECT_EQ(f.Move(id, A::kSubmit, R::kOperator).value().state, S::kSubmitted);
}

TEST(Recording, CharterAndLicencesAreMaterialsChecked) {
  Fixture f;
  ASSERT_TRUE(CreateAlliance(*f.ops, {"空章程", "上海", "cooperative", ""}).ok());
  Alliance bare = *FindAlliance(*f.ops, "空章程");
  ASSERT_TRUE(AddMember(*f.ops, {"空章程", "甲", "industry", "2020-01-01", ""}).ok());
  ASSERT_TRUE(AddMember(*f.ops, {"空章程", "乙", "university", "2020-01-01", "王五"}).ok());
  ApplicationFormInput form = Fixture::Complete();
  form.charter_signed = false;
  Recording r = *CreateRecording(*f.ops, bare, "上海市", form, "op");
  EXPECT_EQ(FailedRules(f.Move(r.id, A::kSubmit, R::kOperator).status()),
            (std::set<std::string>{"charter_nine_items", "charter_signed"}));
  RecordingDossier d = *BuildDossier(*f.ops, r);
  std::vector<Material> m = RecordingMaterials(d);
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].code, "application_form");
  EXPECT_TRUE(m[0].complete);
  EXPECT_EQ(m[1].code, "charter");
  EXPECT_FALSE(m[1].complete);
  EXPECT_EQ(m[1].items.size(), 10u);
  EXPECT_TRUE(m[1].items[0].done) << "item 1 is the alliance's own name and address";
  EXPECT_FALSE(m[1].items[1].done);
  EXPECT_TRUE(m[2].complete);
  EXPECT_EQ(m[3].code, "member_list");
  ASSERT_EQ(m[3].items.size(), 2u);
  EXPECT_EQ(m[3].items[0].item, "乙");
  EXPECT_TRUE(m[3].items[0].done);
  EXPECT_FALSE(m[3].items[1].done) << "甲 has no contact";
  EXPECT_EQ(d.form.members_by_type.at("industry"), 1);
  EXPECT_EQ(d.form.members_by_type.at("finance"), 0);
  EXPECT_EQ(d.form.members, 2);
}

TEST(Recording, FormInputIsCheckedAndNormalised) {
  ApplicationFormInput in;
  in.industry_category = "知识产权依赖型";
  in.industry_stage = "成长期";
  Result<ApplicationFormInput> ok = CheckFormInput(in);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->industry_category, "ip_dependent");
  EXPECT_EQ(ok->industry_stage, "growing");
  in.industry_stage = "adolescent";
  Result<ApplicationFormInput> bad = CheckFormInput(in);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("industry stage 'adolescent'"), std::string::npos);
}

TEST(RecordingPriority, ComputedFromMemberData) {
  Alliance social{1, "A", "", "social_organization", "", ""};
  Alliance business{2, "B", "", "business_entity", "", ""};
  auto member = [](std::string name, std::string type, bool centre = false, std::string left = "") {
    Member m;
    m.name = std::move(name);
    m.type = std::move(type);
    m.joined_on = "2020-01-01";
    m.left_on = std::move(left);
    m.trading_centre = centre;
    return m;
  };
  std::vector<Member> five = {member("a", "industry"), member("b", "university"), member("c", "research"),
                              member("d", "finance"), member("e", "intermediary")};
  auto met = [](const std::vector<PriorityCircumstance>& c) {
    std::vector<bool> out;
    for (const auto& p : c) out.push_back(p.met);
    return out;
  };
  std::vector<PriorityCircumstance> p = PriorityCircumstances(social, five, false, "2026-01-01");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].code, "all_six_elements");
  EXPECT_EQ(met(p), (std::vector<bool>{false, false, false}));
  EXPECT_NE(p[0].basis.find("application"), std::string::npos);
  EXPECT_EQ(PriorityCount(p), 0);

  std::vector<Member> six = five;
  six.push_back(member("f", "application", /*centre=*/true));
  EXPECT_EQ(met(PriorityCircumstances(social, six, false, "2026-01-01")), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(PriorityCircumstances(social, six, false, "2026-01-01")[1].basis, "f");
  // A member who left counts for nothing, its type and its centre flag alike.
  six.back().left_on = "2025-06-30";
  EXPECT_EQ(met(PriorityCircumstances(social, six, false, "2026-01-01")), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(met(PriorityCircumstances(social, six, false, "2025-01-01")), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(met(PriorityCircumstances(social, five, true, "2026-01-01")), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(met(PriorityCircumstances(business, five, false, "2026-01-01")), (std::vector<bool>{false, false, true}));
}

TEST(RecordingLibrary, OnlyRecordedAlliancesAtTheirLevelsMostPriorityFirst) {
  Fixture f;
  Recording r = *CreateRecording(*f.ops, f.alliance, "北京市", Fixture::Complete(), "op");
  EXPECT_EQ(EnterLibrary(*f.ops, r, "national", "admin").status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(f.Move(r.id, A::kSubmit, R::kOperator).ok());
  ASSERT_TRUE(f.Move(r.id, A::kAccept, R::kProvinceReviewer).ok());
  ASSERT_TRUE(f.Move(r.id, A::kRecommend, R::kProvinceReviewer).ok());
  r = *f.Move(r.id, A::kRecord, R::kNationalReviewer);
  EXPECT_EQ(EnterLibrary(*f.ops, r, "上海市", "rev").status().code(), StatusCode::kFailedPrecondition);
  Result<LibraryEntry> e = EnterLibrary(*f.ops, r, "北京市", "rev");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(EnterLibrary(*f.ops, r, "北京市", "rev").status().code(), StatusCode::kAlreadyExists);
  ASSERT_TRUE(EnterLibrary(*f.ops, r, "national", "admin").ok());
  EXPECT_EQ(e->priority_count, 0);

  std::vector<LibraryEntry> national = *ListLibrary(*f.ops, "national");
  ASSERT_EQ(national.size(), 1u);
  EXPECT_EQ(national[0].record_number, r.record_number);
  EXPECT_EQ(national[0].priority_count, 0);
  // A trading centre joins: the library shows it at once, computed, not typed.
  ASSERT_TRUE(AddMember(*f.ops, {"储能联盟", "国家专利技术展示交易中心", "intermediary", "2021-01-01", "", true}).ok());
  national = *ListLibrary(*f.ops, "national");
  EXPECT_EQ(national[0].priority_count, 1);
  EXPECT_TRUE(national[0].priority[1].met);
  ASSERT_TRUE(SetTradingCentre(*f.ops, "国家专利技术展示交易中心", false).ok());
  EXPECT_EQ(ListLibrary(*f.ops, "national")->at(0).priority_count, 0);
  ASSERT_TRUE(SetTradingCentre(*f.ops, "成员0", true).ok());
  EXPECT_EQ(ListLibrary(*f.ops, "national")->at(0).priority[1].basis, "成员0");
  EXPECT_EQ(SetTradingCentre(*f.ops, "nobody", true).code(), StatusCode::kNotFound);
  EXPECT_TRUE(ListLibrary(*f.ops, "江苏省")->empty());
}

}  // namespace
}  // namespace patnav::domain
