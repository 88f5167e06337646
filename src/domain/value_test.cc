// The value model: defaults and JSON weights, scores in range with
// contributions that add up, each indicator moving the score the way the
// documentation says, cohort-normalised forward citations from a real store,
// terms by kind, and rescoring a pool.
#include <cmath>

#include <gtest/gtest.h>

#include "domain/domain_testing.h"
#include "domain/patent_term.h"
#include "domain/value_context.h"
#include "domain/value_model.h"
#include "model/party.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

PatentRecord Grant(const std::string& number, const std::string& filed, const std::string& ipc) {
  PatentRecord r;
  r.country = "US";
  r.doc_number = number;
  r.kind = "B2";
  r.publication_number = "US" + number + "B2";
  r.filing_date = filed;
  r.publication_date = filed.substr(0, 4) == "2010" ? "2012-05-01" : "2018-05-01";
  r.grant_date = r.publication_date;
  r.ipc = {ipc};
  r.claims_count = 12;
  r.applicants = {MakeOrganisation("Acme Battery Co., Ltd.")};
  r.inventors = {PersonFromFullName("Wei Zhang"), PersonFromFullName("Anna Schmidt")};
  return r;
}

double Sum(const PatentValue& v, const std::string& dim) {
  double s = 0;
  for (const auto& i : v.indicators)
    if (dim.empty() || i.dimension == dim) s += dim.empty() ? i.overall_points : i.points;
  return s;
}

TEST(ValueModel, ScoresAreInRangeAndContributionsAddUp) {
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M 10/0525");
  ValueFacts f;
  f.as_of = "2025-03-31";
  f.forward_citations = 4;
  f.cohort_forward_mean = 2;
  f.countries = {"US", "CN", "DE"};
  f.pools = 1;
  f.licensees = 3;
  PatentValue v = ScorePatent(r, f, DefaultValueWeights());
  EXPECT_TRUE(v.in_force);
  EXPECT_EQ(v.expires_on, "2036-01-10");
  for (double d : {v.legal, v.technical, v.economic, v.overall}) {
    EXPECT_GE(d, 0);
    EXPECT_LE(d, 100);
  }
  EXPECT_NEAR(Sum(v, "legal"), v.legal, 1e-9);
  EXPECT_NEAR(Sum(v, "technical"), v.technical, 1e-9);
  EXPECT_NEAR(Sum(v, ""), v.overall, 1e-9);
  EXPECT_NEAR(v.overall, 0.35 * v.legal + 0.35 * v.technical + 0.30 * v.economic, 1e-9);
  EXPECT_EQ(v.indicators.size(), 14u);
}

TEST(ValueModel, IndicatorsMoveTheScoreAsDocumented) {
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M 10/0525");
  ValueFacts f;
  f.as_of = "2025-03-31";
  f.cohort_forward_mean = 2;
  PatentValue base = ScorePatent(r, f, DefaultValueWeights());
  ValueFacts cited = f;
  cited.forward_citations = 6;
  EXPECT_GT(ScorePatent(r, cited, DefaultValueWeights()).technical, base.technical);
  ValueFacts licensed = f;
  licensed.licensees = 5;
  licensed.pools = 1;
  EXPECT_GT(ScorePatent(r, licensed, DefaultValueWeights()).economic, base.economic);
  ValueFacts lapsed = f;
  lapsed.lapsed = true;
  PatentValue l = ScorePatent(r, lapsed, DefaultValueWeights());
  EXPECT_FALSE(l.in_force);
  EXPECT_LT(l.legal, base.legal);
  PatentRecord old = Grant("7000001", "2001-01-10", "H01M 10/0525");
  PatentValue expired = ScorePatent(old, f, DefaultValueWeights());
  EXPECT_FALSE(expired.in_force);
  EXPECT_EQ(expired.indicators[0].score, 0);  // remaining term
  PatentRecord pending = r;
  pending.kind = "A1";
  pending.grant_date.clear();
  EXPECT_LT(ScorePatent(pending, f, DefaultValueWeights()).legal, base.legal);
  PatentRecord university = r;
  university.applicants = {MakeOrganisation("清华大学")};
  EXPECT_LT(ScorePatent(university, f, DefaultValueWeights()).economic, base.economic);
}

TEST(ValueModel, WeightsFromJson) {
  Result<ValueWeights> w = ParseValueWeights(R"({"dimensions": {"economic": 0}, "technical": {"inventors": 0}})");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M 10/0525");
  ValueFacts f;
  f.as_of = "2025-03-31";
  PatentValue v = ScorePatent(r, f, *w);
  EXPECT_NEAR(v.overall, 0.5 * v.legal + 0.5 * v.technical, 1e-9);
  for (const auto& i : v.indicators)
    if (i.name == "inventors") {
      EXPECT_EQ(i.points, 0);
    }
  EXPECT_FALSE(ParseValueWeights("{").ok());
  EXPECT_NE(ParseValueWeights(R"({"legal": {"beauty": 1}})").status().message().find("beauty"), std::string::npos);
  EXPECT_FALSE(ParseValueWeights(R"({"dimensions": {"legal": -1}})").ok());
  EXPECT_FALSE(ParseValueWeights(R"({"dimensions": {"legal": 0, "technical": 0, "economic": 0}})").ok());
  EXPECT_FALSE(ParseValueWeights(R"({"style": {}})").ok());
}

TEST(PatentTerm, ByKindAndCountry) {
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M");
  EXPECT_EQ(StatutoryExpiry(r), "2036-01-10");
  PatentRecord design = r;
  design.kind = "S1";
  design.grant_date = "2016-03-01";
  EXPECT_EQ(StatutoryExpiry(design), "2031-03-01");
  design.grant_date = "2014-03-01";
  EXPECT_EQ(StatutoryExpiry(design), "2028-03-01");
  PatentRecord um = r;
  um.country = "CN";
  um.kind = "U";
  EXPECT_EQ(StatutoryExpiry(um), "2026-01-10");
  EXPECT_TRUE(IsGranted(r));
  PatentRecord app = r;
  app.kind = "A1";
  app.grant_date.clear();
  EXPECT_FALSE(IsGranted(app));
}

TEST(ValueContext, ForwardCitationsAreNormalisedByCohort) {
  ScratchDir dir;
  StoreOptions so;
  so.dir = dir.path() / "data";
  auto store = PatentStore::Open(so);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // Cohort H01M/2018: A is cited 3 times, B once. Cohort G06N/2018: C cited once, alone.
  std::vector<PatentRecord> records = {Grant("9000001", "2016-01-10", "H01M 10/0525"),
                                       Grant("9000002", "2016-02-10", "H01M 4/131"),
                                       Grant("9000003", "2016-03-10", "G06N 3/08")};
  records[0].family_id = "F1";
  for (int i = 0; i < 3; ++i) {
    PatentRecord citing = Grant(std::to_string(9500000 + i), "2019-01-01", "B60L 53/10");
    citing.citations.push_back({"US9000001B2", "US", "9000001", "B2", "", ""});
    if (i == 0) {
      citing.citations.push_back({"US9000002B2", "US", "9000002", "B2", "", ""});
      citing.citations.push_back({"US9000003B2", "US", "9000003", "B2", "", ""});
    }
    records.push_back(citing);
  }
  PatentRecord family = Grant("111", "2016-01-10", "H02J 7/00");
  family.country = "CN";
  family.publication_number = "CN111B";
  family.family_id = "F1";
  records.push_back(family);
  ASSERT_TRUE((*store)->BeginBatch().ok());
  for (const auto& r : records) ASSERT_TRUE((*store)->Put(r).ok());
  ASSERT_TRUE((*store)->CommitBatch().ok());

  Result<ValueContext> ctx = ValueContext::Build(**store, nullptr, "2025-03-31");
  ASSERT_TRUE(ctx.ok()) << ctx.status().ToString();
  ValueFacts a = ctx->FactsFor(records[0]), b = ctx->FactsFor(records[1]), c = ctx->FactsFor(records[2]);
  EXPECT_EQ(a.forward_citations, 3);
  EXPECT_EQ(b.forward_citations, 1);
  EXPECT_DOUBLE_EQ(a.cohort_forward_mean, 2.0);
  EXPECT_DOUBLE_EQ(c.cohort_forward_mean, 1.0);
  EXPECT_EQ(a.countries, (std::vector<std::string>{"US", "CN"}));
  // One citation is average in G06N but below average in H01M.
  auto fc = [](const PatentValue& v) {
    for (const auto& i : v.indicators)
      if (i.name == "forward_citations") return i.score;
    return -1.0;
  };
  PatentValue vb = ScorePatent(records[1], b, DefaultValueWeights()), vc = ScorePatent(records[2], c, DefaultValueWeights());
  EXPECT_NEAR(fc(vc), 0.5, 1e-9);
  EXPECT_NEAR(fc(vb), (1 / 2.0) / (1 + 1 / 2.0), 1e-9);
}

TEST(ValueContext, RescorePoolSavesScoresForDistribution) {
  ScratchDir dir;
  StoreOptions so;
  so.dir = dir.path() / "data";
  auto store = PatentStore::Open(so);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->BeginBatch().ok());
  ASSERT_TRUE((*store)->Put(Grant("9000001", "2016-01-10", "H01M 10/0525")).ok());
  ASSERT_TRUE((*store)->Put(Grant("9000002", "2010-01-10", "H01M 4/131")).ok());
  ASSERT_TRUE((*store)->CommitBatch().ok());
  auto ops = testing::OpenOps(dir.path() / "data");
  ASSERT_TRUE(CreateAlliance(*ops, {"A", "X", "business", ""}).ok());
  ASSERT_TRUE(AddMember(*ops, {"", "Acme", "industry", "2020-01-01", ""}).ok());
  ASSERT_TRUE(CreatePool(*ops, {"", "P", "", "", "", "EUR", 0}).ok());
  ASSERT_TRUE(ContributeFromStore(*ops, **store, "P", "Acme", {"US9000001", "US-9000002-B2"}, "2024-01-01", {"de"}).ok());
  Result<std::vector<Contribution>> cs = Contributions(*ops, "P");
  ASSERT_TRUE(cs.ok());
  ASSERT_EQ(cs->size(), 2u);
  EXPECT_EQ((*cs)[0].publication_number, "US9000001B2");
  EXPECT_EQ((*cs)[0].countries, (std::vector<std::string>{"DE", "US"}));
  EXPECT_EQ((*cs)[1].expires_on, "2030-01-10");
  Result<int64_t> n = RescorePool(*ops, **store, "P", DefaultValueWeights(), "2025-03-31");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  Result<int64_t> newer = ops->db().QueryInt64("SELECT overall_centi FROM patent_value WHERE publication_number = 'US9000001B2'");
  Result<int64_t> older = ops->db().QueryInt64("SELECT overall_centi FROM patent_value WHERE publication_number = 'US9000002B2'");
  ASSERT_TRUE(newer.ok() && older.ok());
  EXPECT_GT(*newer, *older);  // more remaining term
  EXPECT_GT(*older, 0);
}

}  // namespace
}  // namespace patnav::domain

namespace patnav::domain {
namespace {

TEST(ValueModel, LegalDimensionFollowsTheStatusEngine) {
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M 10/0525");
  ValueFacts f;
  f.as_of = "2025-03-31";
  PatentValue base = ScorePatent(r, f, DefaultValueWeights());
  ValueFacts adjusted = f;
  adjusted.legal_state = "in_force";
  adjusted.legal_expiry = "2037-09-01";  // term adjustment past the statutory 2036-01-10
  adjusted.legal_rule = "US utility: 20 years from filing plus term adjustment";
  PatentValue a = ScorePatent(r, adjusted, DefaultValueWeights());
  EXPECT_EQ(a.expires_on, "2037-09-01");
  EXPECT_TRUE(a.in_force);
  EXPECT_GT(a.legal, base.legal);
  EXPECT_NE(a.indicators[1].basis.find("status: in_force"), std::string::npos) << a.indicators[1].basis;
  ValueFacts lapsed = f;
  lapsed.legal_state = "lapsed";
  lapsed.legal_expiry = "2036-01-10";
  PatentValue l = ScorePatent(r, lapsed, DefaultValueWeights());
  EXPECT_FALSE(l.in_force) << "a right the engine says lapsed is not in force, though its term runs";
  EXPECT_LT(l.legal, base.legal);
  EXPECT_EQ(l.indicators[1].basis.substr(0, 6), "lapsed");
}

TEST(ValueContext, FactsCarryTheStatusFromStoredEvents) {
  ScratchDir dir;
  StoreOptions so;
  so.dir = dir.path() / "data";
  auto store = PatentStore::Open(so);
  ASSERT_TRUE(store.ok());
  PatentRecord r = Grant("9000001", "2016-01-10", "H01M 10/0525");
  LegalEvent lapse;
  lapse.subject = LegalSubject("US", "9000001");
  lapse.territory = "US";
  lapse.event_date = "2022-06-06";  // the 3.5-year fee of the 2018 grant unpaid
  lapse.inpadoc_office = "US";
  lapse.inpadoc_code = "LAPS";
  ClassifyLegalEvent(lapse);
  lapse.sources.push_back({"test", "EXP.", "Patent Expired for Failure to Pay Maintenance Fees"});
  ASSERT_TRUE((*store)->BeginBatch().ok());
  ASSERT_TRUE((*store)->Put(r).ok());
  ASSERT_TRUE((*store)->PutLegalEvent(lapse).ok());
  ASSERT_TRUE((*store)->CommitBatch().ok());
  Result<ValueContext> ctx = ValueContext::Build(**store, nullptr, "2025-03-31");
  ASSERT_TRUE(ctx.ok()) << ctx.status().ToString();
  ValueFacts f = ctx->FactsFor(r);
  EXPECT_EQ(f.legal_state, "lapsed");
  EXPECT_FALSE(f.legal_expiry.empty());
  EXPECT_FALSE(ScorePatent(r, f, DefaultValueWeights()).in_force);
  Result<ValueContext> before = ValueContext::Build(**store, nullptr, "2019-06-30");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->FactsFor(r).legal_state, "in_force");
}

}  // namespace
}  // namespace patnav::domain
