// A round of the shipped alliance annual evaluation computes its measures
// from the alliances' own records (domain/alliance_measures.h): members and
// element types on the period's last day, pooled patents not withdrawn or
// expired, licence agreements in effect, royalties reported for the
// period's quarters and annual reports late or overdue, each against a loop
// over the constructed records written here; and each shipped template gets
// exactly the measures patnav can compute filled, under the template's own
// codes.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "app/caller_testing.h"
#include "app/evaluation_rounds.h"
#include "app/workspace.h"
#include "domain/alliance.h"
#include "domain/domain_testing.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/pool.h"
#include "domain/recording.h"
#include "domain/recording_reports.h"
#include "domain/royalty.h"
#include "store/patent_store.h"
#include "testing.h"

namespace patnav::app {
namespace {

using domain::Role;
namespace fs = std::filesystem;

std::string Template(const std::string& name) {
  std::ifstream in(patnav::testing::TestData().parent_path().parent_path() / "data" / "indicators" / name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct MemberRow { std::string alliance, name, type, joined, left; };
struct ContributionRow { std::string pool, member, publication, on, withdrawn, expires; };
struct AgreementRow { std::string licensee, from, to; };

const std::vector<MemberRow> kMembers = {
    {"甲联盟", "m1", "industry", "2020-01-01", ""},      {"甲联盟", "m2", "university", "2024-06-01", ""},
    {"甲联盟", "m3", "research", "2020-01-01", "2024-10-01"}, {"甲联盟", "m4", "finance", "2025-02-01", ""},
    {"甲联盟", "m5", "industry", "2021-01-01", ""},      {"乙联盟", "b1", "intermediary", "2020-01-01", ""},
};
const std::vector<ContributionRow> kContributions = {
    {"P1", "m1", "CN1000001B", "2023-01-01", "", "2040-01-01"},
    {"P2", "m1", "CN1000001B", "2023-01-01", "", "2040-01-01"},  // the same patent in two pools: once
    {"P1", "m1", "CN1000002B", "2024-03-01", "2024-11-01", "2040-01-01"},
    {"P1", "m3", "CN1000003B", "2022-01-01", "", "2024-06-30"},
    {"P1", "m2", "CN1000004B", "2024-07-01", "", "2035-01-01"},
    {"P1", "m5", "CN1000005B", "2024-12-31", "", "2036-01-01"},
};
const std::vector<AgreementRow> kAgreements = {
    {"L1", "2023-01-01", "2023-12-31"}, {"L1", "2024-02-01", ""}, {"L2", "2024-12-31", "2025-12-31"},
    {"L3", "2025-01-01", ""},
};

class AllianceRound : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    ASSERT_TRUE(ws_->WithStore([](PatentStore&) { return Status::OK(); }, /*create=*/true).ok());
    Status built = ws_->WithOperations([&](domain::OperationsDb& ops) -> Status {
      RETURN_IF_ERROR(domain::CreateAlliance(ops, {"甲联盟", "北京市海淀区", "social", "储能"}).status());
      RETURN_IF_ERROR(domain::CreateAlliance(ops, {"乙联盟", "北京市朝阳区", "business", "储能"}).status());
      for (const MemberRow& m : kMembers) {
        RETURN_IF_ERROR(domain::AddMember(ops, {m.alliance, m.name, m.type, m.joined, "联系人"}).status());
        if (!m.left.empty()) RETURN_IF_ERROR(domain::MemberLeaves(ops, m.name, m.left));
      }
      for (const char* pool : {"P1", "P2"})
        RETURN_IF_ERROR(domain::CreatePool(ops, {"甲联盟", pool, "储能", "", "", "CNY", 0}).status());
      for (const ContributionRow& c : kContributions) {
        RETURN_IF_ERROR(domain::Contribute(ops, {{c.pool, c.member, c.publication, c.on, {"CN"}, c.expires}}));
        if (!c.withdrawn.empty()) RETURN_IF_ERROR(domain::Withdraw(ops, c.pool, c.publication, c.withdrawn));
      }
      domain::ProgrammeInput prog;
      prog.pool = "P1";
      prog.name = "P1 许可";
      prog.basis = domain::RoyaltyBasis::kPerUnit;
      prog.rate = 150;  // 1.50 CNY a unit
      RETURN_IF_ERROR(domain::CreateProgramme(ops, prog).status());
      for (const char* l : {"L1", "L2", "L3"})
        RETURN_IF_ERROR(domain::AddLicensee(ops, {l, "CN", "", "甲联盟"}).status());
      for (const AgreementRow& a : kAgreements)
        RETURN_IF_ERROR(domain::AddAgreement(ops, {a.licensee, "P1 许可", {"*"}, a.from, a.to}).status());
      // Reports of 2023Q4 (outside), 2024Q1, 2024Q3 and 2025Q1 (outside).
      for (const auto& [licensee, period, units] :
           {std::tuple{"L1", "2023Q4", 100}, std::tuple{"L1", "2024Q1", 0}, std::tuple{"L1", "2024Q3", 1234},
            std::tuple{"L2", "2025Q1", 50}}) {
        domain::RoyaltyReportInput in{licensee, "P1 许可", period, "", "test", {{"CN", units, std::nullopt, 0}}};
        ASSIGN_OR_RETURN(auto outcome, domain::ReportRoyalties(ops, {in}));
        for (const auto& o : outcome)
          if (std::string(period).rfind("2024", 0) == 0) income_minor_ += o.total_minor;
      }
      // 甲 recorded in 2022: its 2022 report on time, 2023's never filed.
      ApplicationFormInputs();
      ASSIGN_OR_RETURN(domain::Alliance a, domain::FindAlliance(ops, "甲联盟"));
      for (int i = 2; i <= 9; ++i) RETURN_IF_ERROR(domain::SetCharterItem(ops, "甲联盟", i, "条款"));
      ASSIGN_OR_RETURN(domain::Recording r, domain::CreateRecording(ops, a, "北京市", form_, "op"));
      using A = domain::RecordingAction;
      using R = domain::RecordingRole;
      for (auto [action, role, on] : {std::tuple{A::kSubmit, R::kOperator, ""}, std::tuple{A::kAccept, R::kProvinceReviewer, ""},
                                      std::tuple{A::kRecommend, R::kProvinceReviewer, ""},
                                      std::tuple{A::kRecord, R::kNationalReviewer, "2022-05-01"}})
        RETURN_IF_ERROR(domain::TransitionRecording(ops, r.id, {action, role, "x", "", "", on}).status());
      return domain::FileAnnualReport(ops, r.id, {2022, "2022 年度报告", "2023-03-01", "op"}).status();
    });
    ASSERT_TRUE(built.ok()) << built.ToString();
  }
  void ApplicationFormInputs() {
    form_.industry = "储能";
    form_.industry_category = "ip_intensive";
    form_.industry_stage = "growing";
    form_.lead_unit = "m1";
    form_.secretary_general_unit = "m5";
    form_.operator_name = "m1";
    form_.contact_person = "李四";
    form_.contact_phone = "010-1";
    form_.lead_licence = form_.secretary_licence = form_.charter_signed = true;
  }
  // Opens a round of `file` in 北京市 for 2024 with `subjects`; its id.
  int64_t Open(const std::string& file, const std::string& code, const std::string& kind,
               const std::vector<domain::RoundSubjectInput>& subjects) {
    Result<SystemView> stored = StoreIndicatorSystem(office_, *ws_, {Template(file), file});
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    Result<RoundView> opened = OpenRound(office_, *ws_, {code, stored.ok() ? stored->stored.version : "", "2024 年度",
                                                         "北京市", "2024", kind, "fixed"});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    if (!opened.ok()) return 0;
    EXPECT_TRUE(AddRoundSubjects(office_, *ws_, opened->round.id, subjects).ok());
    return opened->round.id;
  }
  std::map<std::string, double> Stored(int64_t id, const std::string& subject) {
    std::map<std::string, double> v;
    Result<ObservationsView> listed = ListObservations(office_, *ws_, id, subject);
    EXPECT_TRUE(listed.ok()) << listed.status().ToString();
    if (listed.ok())
      for (const auto& o : listed->observations) v[o.measure] = o.value;
    return v;
  }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  domain::ApplicationFormInput form_;
  int64_t income_minor_ = 0;
  const Caller office_ = WithGrant(Role::kReviewer, "北京市");
};

// The alliance measures of 2024 from the rows above, by plain loops.
std::map<std::string, double> Expected(const std::string& alliance, int64_t income_minor) {
  const std::string first = "2024-01-01", last = "2024-12-31";
  std::map<std::string, double> v;
  std::set<std::string> types, active;
  for (const MemberRow& m : kMembers)
    if (m.alliance == alliance && m.joined <= last && (m.left.empty() || m.left > last)) {
      active.insert(m.name);
      types.insert(m.type);
    }
  v["members"] = static_cast<double>(active.size());
  v["element_types"] = static_cast<double>(types.size());
  std::set<std::string> pooled;
  for (const ContributionRow& c : kContributions) {
    std::string owner_alliance;
    for (const MemberRow& m : kMembers)
      if (m.name == c.member) owner_alliance = m.alliance;
    if (owner_alliance == alliance && c.on <= last && (c.withdrawn.empty() || c.withdrawn > last) && c.expires > last)
      pooled.insert(c.publication);
  }
  v["pooled_patents"] = static_cast<double>(pooled.size());
  int licences = 0;
  for (const AgreementRow& a : kAgreements)
    licences += alliance == "甲联盟" && a.from <= last && (a.to.empty() || a.to >= first);
  v["licences"] = licences;
  v["royalty_income"] = alliance == "甲联盟" ? static_cast<double>(income_minor) / 100 : 0;
  // 2022 filed by 2023-03-31; 2023 due 2024-03-31, not filed: overdue on 2024-12-31.
  v["late_annual_reports"] = alliance == "甲联盟" ? 1 : 0;
  v["active_dishonesty_records"] = 0;
  return v;
}

TEST_F(AllianceRound, AllianceMeasuresMatchALoopOverTheirRecords) {
  const int64_t id = Open("alliance-annual.json", "alliance-annual", "alliance",
                          {{"JIA", "甲联盟", "", "", "甲联盟"}, {"YI", "乙联盟", "", "", "乙联盟"}});
  ASSERT_NE(id, 0);
  Result<ComputedObservationsView> done = ComputeObservations(office_, *ws_, id, false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  for (const std::string alliance : {"甲联盟", "乙联盟"}) {
    std::map<std::string, double> want = Expected(alliance, income_minor_);
    std::map<std::string, double> got = Stored(id, alliance == "甲联盟" ? "JIA" : "YI");
    EXPECT_EQ(got, want) << alliance;
  }
  std::map<std::string, double> jia = Expected("甲联盟", 0);
  for (const char* m : {"members", "element_types", "pooled_patents", "licences", "late_annual_reports"})
    EXPECT_GT(jia[m], 0) << m << ": the fixture exercises it";
  EXPECT_GT(income_minor_, 0);
  EXPECT_LT(jia["members"], 5) << "one has left and one joins later";
}

TEST_F(AllianceRound, EveryShippedTemplateGetsItsComputableMeasuresUnderItsOwnCodes) {
  // Written out from the templates' measure lists and sources: what patnav's
  // data decides (patent store, credibility records, the alliance's records).
  const std::map<std::string, std::set<std::string>> computable = {
      {"alliance-annual.json",
       {"members", "element_types", "pooled_patents", "licences", "royalty_income", "active_dishonesty_records",
        "late_annual_reports"}},
      {"cities-ip-advantage.json", {"licences_transfers", "hv_invention_patents", "pct_filings", "serious_violations"}},
      {"national-plan-2021-2035.json", {"hv_invention_patents"}},
  };
  for (const auto& [file, want] : computable) {
    const std::string code = file.substr(0, file.size() - 5);
    const bool alliance = code == "alliance-annual";
    const int64_t id = Open(file, code, alliance ? "alliance" : "city",
                            {alliance ? domain::RoundSubjectInput{"JIA", "甲联盟", "", "", "甲联盟"}
                                      : domain::RoundSubjectInput{"BJ", "北京市", "", "", ""}});
    ASSERT_NE(id, 0) << file;
    Result<ComputedObservationsView> done = ComputeObservations(office_, *ws_, id, false);
    ASSERT_TRUE(done.ok()) << file << ": " << done.status().ToString();
    std::set<std::string> got;
    for (const auto& [measure, n] : done->computed) {
      got.insert(measure);
      EXPECT_EQ(n, 1) << file << " " << measure;
    }
    EXPECT_EQ(got, want) << file;
  }
}

}  // namespace
}  // namespace patnav::app
