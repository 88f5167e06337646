// Measures computed from patnav's own data for a stored round
// (ComputeObservations): a store of generated CN, US and WO records with
// applicants' provinces and cities, lapses, transfers, licences, pledges and
// PCT parents, counted per region and per alliance member against a
// straightforward loop over the same records written here independently;
// the credibility gate against the active records; an existing office
// figure kept unless replace; another province's reviewer and a subject's
// user refused with nothing written.
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/caller_testing.h"
#include "app/evaluation.h"
#include "app/evaluation_rounds.h"
#include "app/members.h"
#include "app/workspace.h"
#include "domain/credit_record.h"
#include "domain/domain_testing.h"
#include "model/inpadoc_codes.h"
#include "model/legal_event.h"
#include "store/patent_store.h"
#include "testing.h"

namespace patnav::app {
namespace {

using domain::Role;

constexpr const char* kSystem = R"json({
  "code": "patnav-measures", "version": "1", "name_zh": "自有数据指标", "source": "constructed for tests",
  "measures": [
    {"code": "valid_invention_patents"}, {"code": "high_value_invention_patents"}, {"code": "pct_filings"},
    {"code": "recorded_transfers"}, {"code": "recorded_licences"}, {"code": "recorded_pledges"},
    {"code": "active_dishonesty_records"}, {"code": "pop"}
  ],
  "nodes": [
    {"code": "A", "name_zh": "创造与运用", "weight": 1},
    {"code": "A1", "parent": "A", "name_zh": "有效发明专利", "weight": 0.3, "formula": "valid_invention_patents",
     "normaliser": {"method": "min_max"}},
    {"code": "A2", "parent": "A", "name_zh": "每万人口高价值发明专利", "weight": 0.2,
     "formula": "high_value_invention_patents / pop * 10000", "normaliser": {"method": "min_max"}},
    {"code": "A3", "parent": "A", "name_zh": "PCT", "weight": 0.2, "formula": "pct_filings",
     "normaliser": {"method": "min_max"}},
    {"code": "A4", "parent": "A", "name_zh": "转让许可质押", "weight": 0.3,
     "formula": "recorded_transfers + recorded_licences + recorded_pledges", "normaliser": {"method": "min_max"}},
    {"code": "G", "name_zh": "信用", "kind": "gate", "formula": "active_dishonesty_records",
     "direction": "lower_better", "threshold": 0}
  ]
})json";

// One generated record with what the independent count needs to know.
struct Generated {
  PatentRecord record;
  std::string entity;    // "Acme", "Other" or "Zeta": who applied
  std::string province, city;
  std::vector<LegalEvent> events;
  std::string owner_at_end;  // after a recorded assignment by the period's end
};

LegalEvent Event(const PatentRecord& r, const std::string& code, const std::string& date) {
  LegalEvent e;
  e.subject = LegalSubject(r.country, r.doc_number);
  e.territory = r.country;
  e.event_date = date;
  e.inpadoc_office = r.country;
  e.inpadoc_code = code;
  if (const InpadocCode* c = FindInpadocCode(r.country, code)) {
    e.event_class = c->event_class;
    e.influence = c->influence;
  }
  e.sources = {{"test", code, ""}};
  return e;
}

std::vector<Generated> Generate() {
  std::mt19937 rng(20241231);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::string> entities = {"Acme", "Other", "Zeta"};
  const std::vector<std::pair<std::string, std::string>> places = {{"浙江省", "杭州市"}, {"浙江省", "宁波市"}, {"广东省", "深圳市"}};
  std::vector<Generated> out;
  for (int i = 0; i < 240; ++i) {
    Generated g;
    PatentRecord& r = g.record;
    const int kind = i % 10;
    r.country = kind == 0 ? "WO" : kind == 1 ? "US" : "CN";
    r.doc_number = std::to_string(1000000 + i);
    r.kind = r.country == "WO" ? "A1" : r.country == "US" ? "B2" : std::vector<std::string>{"B", "B", "U", "S"}[pick(4)];
    r.publication_number = r.country + r.doc_number + r.kind;
    const int year = r.country == "WO" ? 2023 + pick(3) : 2005 + pick(18);
    r.filing_date = std::to_string(year) + "-03-15";
    r.application_number = r.country == "WO" ? "PCT/CN" + std::to_string(year) + "/" + std::to_string(500 + i)
                                             : r.country + std::to_string(year) + std::to_string(i);
    if (r.country != "WO") r.grant_date = std::to_string(std::min(year + 2, 2024)) + "-06-01";
    r.publication_date = r.country == "WO" ? std::to_string(year) + "-09-15" : r.grant_date;
    if (i % 3 == 0) r.family_id = "F" + std::to_string(i % 21);
    g.entity = entities[pick(3)];
    const auto& place = places[pick(3)];
    g.province = place.first;
    g.city = place.second;
    Party p;
    p.name = g.entity == "Acme" && pick(2) ? "Acme Co., Ltd." : g.entity;
    p.province = r.country == "CN" ? g.province : "";
    p.city = r.country == "CN" ? g.city : "";
    r.applicants = {p};
    g.owner_at_end = g.entity;
    if (r.country == "CN" && pick(4) == 0) {
      // A PCT parent: some the application of a generated WO record.
      const int year_p = 2023 + pick(2);
      r.parent_applications = {{"pct", "WO", "PCT/CN" + std::to_string(year_p) + "/" + std::to_string(500 + 10 * pick(24)),
                                std::to_string(year_p) + "-02-01"}};
    }
    if (r.country == "CN") {
      const int e = pick(8);
      if (e == 0) g.events.push_back(Event(r, "CF01", "2023-05-01"));
      if (e == 1) g.events.push_back(Event(r, "CF01", "2025-05-01"));
      if (e == 2) g.events.push_back(Event(r, "TR01", pick(2) ? "2024-04-01" : "2023-04-01"));
      if (e == 3) g.events.push_back(Event(r, "EE01", pick(2) ? "2024-07-01" : "2025-07-01"));
      if (e == 4) g.events.push_back(Event(r, "PE01", "2024-08-01"));
      if (e == 5) g.events.push_back(Event(r, "PC01", "2024-08-01"));  // a pledge released: none
    }
    if (r.country == "US" && pick(3) == 0) {
      LegalEvent a = Event(r, "AS", pick(2) ? "2024-02-01" : "2025-02-01");
      a.conveyance = "assignment";
      a.reference = "0" + std::to_string(i) + "/0001";
      const std::string to = g.entity == "Acme" ? "Other" : "Acme";
      a.parties = {{"assignor", g.entity, "", ""}, {"assignee", to, "", ""}};
      if (a.event_date <= "2024-12-31") g.owner_at_end = to;
      g.events.push_back(a);
    }
    out.push_back(std::move(g));
  }
  return out;
}

// The independent count, by the definitions of docs/evaluation.md.
std::map<std::string, double> BruteForce(const std::vector<Generated>& all, const std::string& region,
                                         const std::string& entity) {
  auto in = [](const std::string& d) { return d >= "2024-01-01" && d <= "2024-12-31"; };
  std::map<std::string, std::set<std::string>> family;
  for (const Generated& g : all)
    if (!g.record.family_id.empty() && g.record.country != "WO") family[g.record.family_id].insert(g.record.country);
  std::map<std::string, double> v;
  std::set<std::string> pct;
  for (const Generated& g : all) {
    const PatentRecord& r = g.record;
    const bool place = !region.empty() && r.country == "CN" && (g.province == region || g.city == region);
    const bool applied = place || (!entity.empty() && g.entity == entity);
    const bool owns = place || (!entity.empty() && g.owner_at_end == entity);
    bool lapsed = false;
    for (const LegalEvent& e : g.events) lapsed = lapsed || (e.inpadoc_code == "CF01" && e.event_date <= "2024-12-31");
    const bool invention = r.country == "US" || (r.country == "CN" && r.kind == "B");
    if (owns && invention && !lapsed) {
      ++v["valid_invention_patents"];
      const bool overseas = !r.family_id.empty() && family[r.family_id].size() > 1;
      if (overseas || r.filing_date < "2014-12-31") ++v["high_value_invention_patents"];
    }
    if (applied && r.country == "WO" && in(r.filing_date)) pct.insert(r.application_number);
    if (applied)
      for (const auto& p : r.parent_applications)
        if (in(p.date)) pct.insert(p.doc_number);
    for (const LegalEvent& e : g.events) {
      if (!in(e.event_date)) continue;
      bool party = false;
      for (const auto& p : e.parties) party = party || (!entity.empty() && p.name == entity);
      if (!(owns || applied || party)) continue;
      if (e.inpadoc_code == "TR01" || e.conveyance == "assignment") ++v["recorded_transfers"];
      if (e.inpadoc_code == "EE01") ++v["recorded_licences"];
      if (e.inpadoc_code == "PE01") ++v["recorded_pledges"];
    }
  }
  v["pct_filings"] = static_cast<double>(pct.size());
  return v;
}

class RoundMeasures : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = std::make_unique<Workspace>(Workspace::Options{dir_.path(), false});
    const Caller local = Caller::Local();
    ASSERT_TRUE(CreateAlliance(local, *ws_, {"A", "杭州市", "social", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Acme", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(AddMember(local, *ws_, {"A", "Other", "research", "2020-01-01", ""}).ok());
    corpus_ = Generate();
    Status put = ws_->WithStore([&](PatentStore& store) -> Status {
      RETURN_IF_ERROR(store.BeginBatch());
      for (const Generated& g : corpus_) {
        RETURN_IF_ERROR(store.Put(g.record).status());
        for (const LegalEvent& e : g.events) RETURN_IF_ERROR(store.PutLegalEvent(e).status());
      }
      return store.CommitBatch();
    }, /*create=*/true);
    ASSERT_TRUE(put.ok()) << put.ToString();
    // Acme's record, listed in 2024 (active at the year's end), and an older
    // one of Other's that ran out in January 2024.
    Status credit = ws_->WithOperations([&](domain::OperationsDb& ops) -> Status {
      for (const auto& [name, code, listed] : {std::tuple{"Acme 公司", "91330100MA00000001", "2024-03-01"},
                                               std::tuple{"Other", "91330100MA00000002", "2023-01-02"}}) {
        domain::CreditRecordInput in;
        in.province = "浙江省";
        in.subject_name = name;
        in.subject_code = code;
        in.category = "abnormal_patent_application";
        in.measures = {"key_supervision"};
        in.organ = "浙江省知识产权局";
        in.decision_number = std::string("浙知信〔") + listed + "〕1号";
        in.decided_on = std::string(listed).replace(8, 2, "01");
        in.facts = "非正常专利申请";
        ASSIGN_OR_RETURN(domain::CreditRecord r, domain::CreateCreditRecord(ops, in, "reviewer"));
        for (auto [action, on] : {std::pair{domain::CreditAction::kNotify, in.decided_on},
                                  std::pair{domain::CreditAction::kList, std::string(listed)}}) {
          domain::CreditStep s;
          s.action = action;
          s.role = domain::CreditRole::kOffice;
          s.actor = "reviewer";
          s.on = on;
          RETURN_IF_ERROR(domain::StepCreditRecord(ops, r.id, s).status());
        }
      }
      return Status::OK();
    });
    ASSERT_TRUE(credit.ok()) << credit.ToString();
    ASSERT_TRUE(StoreIndicatorSystem(zhejiang_, *ws_, {kSystem, "m.json"}).ok());
    Result<RoundView> opened =
        OpenRound(zhejiang_, *ws_, {"patnav-measures", "1", "2024 年度评价", "浙江省", "2024", "city", "fixed"});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    id_ = opened->round.id;
    Result<RoundView> added = AddRoundSubjects(zhejiang_, *ws_, id_,
                                               {{"ZJ", "浙江省", "", "", ""},
                                                {"HZ", "杭州市", "", "", ""},
                                                {"GD", "广东省", "", "", ""},
                                                {"ACME", "Acme 公司", "", "Acme", ""},
                                                {"OTHER", "Other", "", "Other", ""}});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  std::map<std::string, double> Stored(const std::string& subject) {
    std::map<std::string, double> v;
    Result<ObservationsView> listed = ListObservations(zhejiang_, *ws_, id_, subject);
    EXPECT_TRUE(listed.ok()) << listed.status().ToString();
    if (listed.ok())
      for (const auto& o : listed->observations) v[o.measure] = o.value;
    return v;
  }
  std::string Dump() { return domain::testing::DumpOperations(dir_.path()); }

  patnav::testing::ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
  std::vector<Generated> corpus_;
  int64_t id_ = 0;
  const Caller zhejiang_ = WithGrant(Role::kReviewer, "浙江省");
  const Caller guangdong_ = WithGrant(Role::kReviewer, "广东省");
  const Caller acme_ = WithGrant(Role::kMember, "", "A", "Acme");
};

TEST_F(RoundMeasures, PatentCountsMatchAnIndependentLoopPerRegionAndMember) {
  Result<ComputedObservationsView> done = ComputeObservations(zhejiang_, *ws_, id_, false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->observations.changed, 5 * 7);
  EXPECT_EQ(done->computed.size(), 7u);
  EXPECT_EQ(done->computed.at("valid_invention_patents"), 5);
  EXPECT_EQ(done->kept, 0);
  const std::vector<std::string> patent = {"valid_invention_patents", "high_value_invention_patents", "pct_filings",
                                           "recorded_transfers",      "recorded_licences",            "recorded_pledges"};
  for (const auto& [code, region, entity] : {std::tuple{"ZJ", "浙江省", ""}, std::tuple{"HZ", "杭州市", ""},
                                             std::tuple{"GD", "广东省", ""}, std::tuple{"ACME", "", "Acme"},
                                             std::tuple{"OTHER", "", "Other"}}) {
    std::map<std::string, double> want = BruteForce(corpus_, region, entity);
    std::map<std::string, double> got = Stored(code);
    for (const std::string& m : patent) EXPECT_EQ(got[m], want[m]) << code << " " << m;
    EXPECT_FALSE(got.count("pop")) << "pop is not patnav's to compute";
  }
  // The corpus exercises every measure.
  std::map<std::string, double> zj = BruteForce(corpus_, "浙江省", ""), acme = BruteForce(corpus_, "", "Acme");
  for (const std::string& m : patent) EXPECT_GT(zj[m] + acme[m], 0) << m;
  EXPECT_LT(zj["high_value_invention_patents"], zj["valid_invention_patents"]);
  Result<ObservationsView> zj_obs = ListObservations(zhejiang_, *ws_, id_, "ZJ");
  ASSERT_TRUE(zj_obs.ok());
  EXPECT_EQ(zj_obs->observations.size(), 7u);
  for (const auto& o : zj_obs->observations) {
    EXPECT_EQ(o.source, "patnav");
    EXPECT_EQ(o.state, domain::ObservationState::kEntered);
  }
}

TEST_F(RoundMeasures, TheCitiesTemplatesOwnCodesGetTheSumsOfTheComputedMeasures) {
  std::ifstream in(patnav::testing::TestData().parent_path().parent_path() / "data" / "indicators" /
                   "cities-ip-advantage.json");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_TRUE(StoreIndicatorSystem(zhejiang_, *ws_, {text.str(), "cities-ip-advantage.json"}).ok());
  Result<RoundView> opened =
      OpenRound(zhejiang_, *ws_, {"cities-ip-advantage", "2016.1", "2024 年度强市", "浙江省", "2024", "city", "fixed"});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const int64_t id = opened->round.id;
  ASSERT_TRUE(AddRoundSubjects(zhejiang_, *ws_, id, {{"ZJ", "浙江省", "", "", ""}, {"HZ", "杭州市", "", "", ""},
                                                     {"ACME", "Acme 公司", "", "Acme", ""}}).ok());
  Result<ComputedObservationsView> done = ComputeObservations(zhejiang_, *ws_, id, false);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->computed.size(), 4u);
  for (const auto& [code, region, entity] : {std::tuple{"ZJ", "浙江省", ""}, std::tuple{"HZ", "杭州市", ""},
                                             std::tuple{"ACME", "", "Acme"}}) {
    std::map<std::string, double> want = BruteForce(corpus_, region, entity), got;
    Result<ObservationsView> listed = ListObservations(zhejiang_, *ws_, id, code);
    ASSERT_TRUE(listed.ok()) << listed.status().ToString();
    for (const auto& o : listed->observations) got[o.measure] = o.value;
    std::string seen;
    for (const auto& [m, v] : got) seen += m + "=" + std::to_string(v) + " ";
    EXPECT_EQ(got["hv_invention_patents"], want["high_value_invention_patents"]) << code;
    EXPECT_EQ(got["licences_transfers"], want["recorded_licences"] + want["recorded_transfers"]) << code;
    EXPECT_EQ(got["pct_filings"], want["pct_filings"]) << code;
    EXPECT_EQ(got.count("serious_violations"), 1u) << code;
    EXPECT_EQ(got["serious_violations"], std::string(code) == "ACME" ? 1 : 0) << code << ": Acme's active record";
    EXPECT_EQ(got.size(), 4u) << code << ": the template's other measures are not patnav's: " << seen;
  }
}

TEST_F(RoundMeasures, TheCredibilityGateCountsTheActiveRecords) {
  ASSERT_TRUE(ComputeObservations(zhejiang_, *ws_, id_, false).ok());
  std::map<std::string, size_t> active;
  Status check = ws_->WithOperations([&](domain::OperationsDb& ops) -> Status {
    for (const auto& [code, name] : {std::pair{"ACME", "Acme 公司"}, std::pair{"OTHER", "Other"}, std::pair{"ZJ", "浙江省"}}) {
      ASSIGN_OR_RETURN(auto records, domain::ActiveCreditRecords(ops, name, "2024-12-31"));
      active[code] = records.size();
    }
    return Status::OK();
  }, false);
  ASSERT_TRUE(check.ok()) << check.ToString();
  for (const auto& [code, n] : active) EXPECT_EQ(Stored(code)["active_dishonesty_records"], static_cast<double>(n)) << code;
  EXPECT_EQ(Stored("ACME")["active_dishonesty_records"], 1);
  EXPECT_EQ(Stored("OTHER")["active_dishonesty_records"], 0) << "listed until 2024-01-02";
}

TEST_F(RoundMeasures, AnOfficeFigureIsKeptUnlessReplaced) {
  ASSERT_TRUE(EnterObservations(zhejiang_, *ws_, id_, {{"ZJ", "valid_invention_patents", "2024", 999, "统计年报"}}).ok());
  Result<ComputedObservationsView> kept = ComputeObservations(zhejiang_, *ws_, id_, false);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->kept, 1);
  EXPECT_EQ(kept->computed.at("valid_invention_patents"), 4);
  EXPECT_EQ(Stored("ZJ")["valid_invention_patents"], 999);
  // Computing again rewrites patnav's own entered figures, still keeps the office's.
  Result<ComputedObservationsView> again = ComputeObservations(zhejiang_, *ws_, id_, false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kept, 1);
  EXPECT_EQ(again->observations.changed, 5 * 7 - 1);
  Result<ComputedObservationsView> replaced = ComputeObservations(zhejiang_, *ws_, id_, true);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->kept, 0);
  EXPECT_EQ(Stored("ZJ")["valid_invention_patents"], BruteForce(corpus_, "浙江省", "")["valid_invention_patents"]);
}

TEST_F(RoundMeasures, AnotherProvinceAndASubjectAreRefusedWithNothingWritten) {
  const std::string before = Dump();
  Result<ComputedObservationsView> other = ComputeObservations(guangdong_, *ws_, id_, false);
  EXPECT_EQ(other.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(other.status().message(), "unknown round " + std::to_string(id_));
  EXPECT_EQ(ComputeObservations(acme_, *ws_, id_, false).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(ComputeObservations(Caller::Anonymous(), *ws_, id_, false).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Dump(), before);
}

}  // namespace
}  // namespace patnav::app
