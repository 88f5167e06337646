// RecordQueryMatcher against the search index: over the shared test corpus,
// every query of a list covering the query language (words and stems,
// fields, boolean terms, phrases, NEAR, CJK, wildcards, date ranges, NOT)
// matches exactly the records the full index matches -- with documents
// built without positions and without descriptions whenever Needs says the
// query allows it, and with the query gate (query_gate.h) skipping what cannot match.
#include "index/record_query_matcher.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "index/document_builder.h"
#include "index/index_schema.h"
#include "index/patent_set_query.h"
#include "index/query_builder.h"
#include "index/query_gate.h"
#include "index/query_limits.h"
#include "index/search_test_corpus.h"

namespace patnav::index {
namespace {

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> q = {
      "graphene",
      "TI=graphene",
      "TAC=(wind AND turbine) AND NOT TI=bearing",
      "turbine OR 锂离子电池",
      "\"wind turbine blade\"",
      "TAC=(microwave NEAR/3 emitters)",
      "TI=锂离子电池",
      "隔膜",
      "TI=turb*",
      "IPC=F03D",
      "IPC=H01M AND PD>=2019",
      "CC=US AND TI=(heat OR thermal)",
      "PD>=2020-01-01 AND PD<=2020-12-31",
      "PA=\"Boreal Windpower\"",
      "NOT CC=US",
      "de-icing",
      "FT=turbine",
      "FT=(blade AND NOT TI=blade)",
      "FT=\"wind turbine\"",
      "FT=turb*",
  };
  return q;
}

// Every stored publication of the corpus with its id (= docid).
std::vector<std::pair<uint32_t, PatentRecord>> StoredRecords(testcorpus::Corpus& c) {
  std::vector<std::pair<uint32_t, PatentRecord>> records;
  EXPECT_TRUE(c.store->ForEachChangedSince(0, [&](const ChangedPublication& p) {
                       records.push_back({static_cast<uint32_t>(p.id), *p.record});
                       return true;
                     }, false).ok());
  return records;
}

TEST(RecordQueryMatcher, MatchesExactlyWhatTheIndexMatches) {
  testcorpus::Corpus& c = testcorpus::Shared();
  std::map<uint32_t, std::string> pn_of;
  std::vector<std::pair<uint32_t, PatentRecord>> records;
  ASSERT_TRUE(c.store->ForEachChangedSince(0, [&](const ChangedPublication& p) {
                       pn_of[static_cast<uint32_t>(p.id)] = p.record->publication_number;
                       records.push_back({static_cast<uint32_t>(p.id), *p.record});
                       return true;
                     }, false).ok());
  ASSERT_GT(records.size(), 100u);
  // [positions][descriptions]
  RecordQueryMatcher lean(false, false), positions_only(true, false), descriptions_only(false, true), full(true, true);
  RecordQueryMatcher* by_needs[2][2] = {{&lean, &descriptions_only}, {&positions_only, &full}};
  for (const auto& [id, r] : records)
    for (RecordQueryMatcher* m : {&lean, &positions_only, &descriptions_only, &full}) ASSERT_TRUE(m->Add(id, r).ok());
  int positional = 0, full_text = 0;
  for (const std::string& q : Queries()) {
    Result<std::vector<uint32_t>> expected = MatchingDocids(c.dir.path(), q);
    ASSERT_TRUE(expected.ok()) << q << ": " << expected.status().ToString();
    Result<RecordQueryMatcher::QueryNeeds> needs = RecordQueryMatcher::Needs(q);
    ASSERT_TRUE(needs.ok()) << q;
    positional += needs->positions;
    full_text += needs->descriptions;
    Result<std::vector<uint32_t>> got = by_needs[needs->positions][needs->descriptions]->Match(q);
    ASSERT_TRUE(got.ok()) << q << ": " << got.status().ToString();
    EXPECT_EQ(*got, *expected) << q;
    // What a query does not need never changes its answer.
    EXPECT_EQ(*full.Match(q), *expected) << q;
  }
  EXPECT_GE(positional, 4) << "phrases, NEAR and CJK words need positions";
  EXPECT_EQ(full_text, 4) << "exactly the FT= queries search descriptions";
  EXPECT_FALSE(RecordQueryMatcher::Needs("TI=graphene AND IPC=H05K")->positions);
  EXPECT_FALSE(RecordQueryMatcher::Needs("TI=graphene AND IPC=H05K")->descriptions);
  EXPECT_TRUE(RecordQueryMatcher::Needs("\"heat spreader\"")->positions);
  EXPECT_EQ(RecordQueryMatcher::Needs("TI=(").status().code(), StatusCode::kInvalidArgument);
}

// A matcher planned for a set of queries lays out only their terms, and
// still answers those queries -- and any other -- as the index does, asked
// by their text or compiled once.
TEST(RecordQueryMatcher, APlannedMatcherAnswersItsQueriesAndOthersAsTheIndexDoes) {
  testcorpus::Corpus& c = testcorpus::Shared();
  std::vector<std::pair<uint32_t, PatentRecord>> records = StoredRecords(c);
  RecordQueryMatcher::Plan plan = RecordQueryMatcher::PlanFor(Queries());
  ASSERT_NE(plan.terms, nullptr);
  EXPECT_TRUE(plan.positions);
  EXPECT_TRUE(plan.descriptions);
  EXPECT_GT(plan.terms->size(), 10u);
  EXPECT_LT(plan.terms->size(), 200u) << "only the queries' terms";
  RecordQueryMatcher planned(plan);
  for (const auto& [id, r] : records) ASSERT_TRUE(planned.Add(id, r).ok());
  std::vector<std::string> asked = Queries();
  for (const char* other : {"TI=rotor", "CC=EP AND NOT IPC=H01M", "PA=Boreal"}) asked.push_back(other);
  for (const std::string& q : asked) {
    Result<std::vector<uint32_t>> expected = MatchingDocids(c.dir.path(), q);
    ASSERT_TRUE(expected.ok()) << q;
    Result<std::vector<uint32_t>> got = planned.Match(q);
    ASSERT_TRUE(got.ok()) << q << ": " << got.status().ToString();
    EXPECT_EQ(*got, *expected) << q;
    // Compiled once, the same answer (phrases, NEAR and wildcards included,
    // which go on to the documents' database).
    Result<std::shared_ptr<const RecordQueryMatcher::Compiled>> compiled = RecordQueryMatcher::Compile(q, plan);
    ASSERT_TRUE(compiled.ok()) << q << ": " << compiled.status().ToString();
    Result<std::vector<uint32_t>> again = planned.Match(**compiled);
    ASSERT_TRUE(again.ok()) << q << ": " << again.status().ToString();
    EXPECT_EQ(*again, *expected) << q;
  }
  EXPECT_EQ(RecordQueryMatcher::Compile("TI=(", plan).status().code(), StatusCode::kInvalidArgument);
  // A query that does not parse keeps everything in the plan.
  RecordQueryMatcher::Plan whole = RecordQueryMatcher::PlanFor({"TI=graphene", "TI=("});
  EXPECT_EQ(whole.terms, nullptr);
  EXPECT_TRUE(whole.positions && whole.descriptions);
}

// A plan leaves out the fields none of its terms is in (Plan::skip): over
// random sets of queries each reading a few fields, a matcher from the plan
// answers every query of the pool -- planned or not -- as a matcher that
// lays everything out.
TEST(RecordQueryMatcher, APlanSkipsOnlyFieldsItsQueriesDoNotRead) {
  testcorpus::Corpus& c = testcorpus::Shared();
  std::vector<std::pair<uint32_t, PatentRecord>> records = StoredRecords(c);
  const std::vector<std::string> pool = {
      "TI=turbine",        "AB=blade",          "CL=(wind AND rotor)", "TA=graphene",      "turbine",
      "PA=Boreal",         "PA=\"Boreal Windpower\"", "IN=anna",        "IPC=F03D",         "IPC=H01M AND TI=cell",
      "CPC=Y02E",          "CC=US",             "KD=B2 AND TI=battery", "NOT CC=US",       "TI=锂离子电池",
      "PD>=2019 AND TI=wind", "TAC=(wind AND turbine) AND NOT TI=bearing", "IPC=H01M10 OR CC=EP",
  };
  RecordQueryMatcher full(true, true);
  for (const auto& [id, r] : records) ASSERT_TRUE(full.Add(id, r).ok());
  std::map<std::string, std::vector<uint32_t>> expected;
  for (const std::string& q : pool) {
    Result<std::vector<uint32_t>> e = full.Match(q);
    ASSERT_TRUE(e.ok()) << q << ": " << e.status().ToString();
    expected[q] = *e;
  }
  RecordQueryMatcher::Plan title_only = RecordQueryMatcher::PlanFor({"TI=turbine"});
  ASSERT_NE(title_only.skip, nullptr);
  for (std::string_view prefix : {kAbstract, kClaims, kDescription, kApplicantText, kIpc, kCitation})
    EXPECT_NE(std::find(title_only.skip->begin(), title_only.skip->end(), prefix), title_only.skip->end()) << prefix;
  EXPECT_EQ(std::find(title_only.skip->begin(), title_only.skip->end(), kTitle), title_only.skip->end());
  std::mt19937 rng(14);
  size_t skipped_fields = 0;
  for (int round = 0; round < 25; ++round) {
    std::vector<std::string> asked;
    const size_t n = 1 + rng() % 3;
    for (size_t i = 0; i < n; ++i) asked.push_back(pool[rng() % pool.size()]);
    RecordQueryMatcher::Plan plan = RecordQueryMatcher::PlanFor(asked);
    ASSERT_NE(plan.skip, nullptr);
    skipped_fields += plan.skip->size();
    RecordQueryMatcher planned(plan);
    for (const auto& [id, r] : records) ASSERT_TRUE(planned.Add(id, r).ok());
    for (const std::string& q : pool) {
      Result<std::shared_ptr<const RecordQueryMatcher::Compiled>> compiled = RecordQueryMatcher::Compile(q, plan);
      ASSERT_TRUE(compiled.ok()) << q;
      Result<std::vector<uint32_t>> got = planned.Match(**compiled);
      ASSERT_TRUE(got.ok()) << q << ": " << got.status().ToString();
      EXPECT_EQ(*got, expected[q]) << q << " (round " << round << ", planned for " << asked[0] << ")";
    }
  }
  EXPECT_GT(skipped_fields, 0u);
  size_t nonempty = 0;
  for (const auto& [q, ids] : expected) nonempty += !ids.empty();
  EXPECT_GE(nonempty, pool.size() / 2) << "the pool's queries must match something to tell";
}

// The shared corpus has no descriptions; here every third record gets one
// naming a word none of the records' other fields hold, so FT= finds them
// by their description alone: a matcher without descriptions misses them,
// and answers every query that does not search descriptions the same.
TEST(RecordQueryMatcher, LeavesDescriptionsOutOnlyForQueriesThatDoNotSearchThem) {
  testcorpus::Corpus& c = testcorpus::Shared();
  std::vector<std::pair<uint32_t, PatentRecord>> records = StoredRecords(c);
  std::vector<uint32_t> described;
  for (size_t i = 0; i < records.size(); i += 3) {
    records[i].second.description = "The zymurgical housing encloses the rotor of the wind turbine.";
    described.push_back(records[i].first);
  }
  std::sort(described.begin(), described.end());
  RecordQueryMatcher lean(false, false), full(true, true);
  for (const auto& [id, r] : records) {
    ASSERT_TRUE(lean.Add(id, r).ok());
    ASSERT_TRUE(full.Add(id, r).ok());
  }
  EXPECT_TRUE(RecordQueryMatcher::Needs("FT=zymurgical")->descriptions);
  EXPECT_EQ(*full.Match("FT=zymurgical"), described);
  EXPECT_TRUE(lean.Match("FT=zymurgical")->empty());
  EXPECT_TRUE(full.Match("zymurgical")->empty()) << "plain words search title, abstract and claims only";
  for (const std::string& q : Queries()) {
    Result<RecordQueryMatcher::QueryNeeds> needs = RecordQueryMatcher::Needs(q);
    ASSERT_TRUE(needs.ok()) << q;
    if (needs->descriptions || needs->positions) continue;
    EXPECT_EQ(*lean.Match(q), *full.Match(q)) << q;
  }
}

// With each record's legal status given, LS= and EX= match as in an index
// whose documents carry the same status; without it they match nothing.
TEST(RecordQueryMatcher, LegalStatusQueriesMatchAsTheIndexDoes) {
  testcorpus::Corpus& c = testcorpus::Shared();
  std::vector<std::pair<uint32_t, PatentRecord>> records = StoredRecords(c);
  const char* states[] = {"in_force", "pending", "lapsed", "expired", "in_force", "withdrawn", "refused"};
  std::vector<IndexedLegalStatus> status;
  for (size_t i = 0; i < records.size(); ++i)
    status.push_back({states[i % 7], i % 5 == 0 ? "" : std::to_string(2024 + i % 13) + "-06-30"});
  const std::vector<std::string> queries = {"LS=live", "LS=dead", "LS=lapsed OR LS=pending", "EX>=2030",
                                            "LS=live AND EX<2028", "TI=turbine AND NOT LS=dead", "LS=有效"};
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  RecordQueryMatcher planned(RecordQueryMatcher::PlanFor(queries)), blind(RecordQueryMatcher::PlanFor(queries));
  for (size_t i = 0; i < records.size(); ++i) {
    db.replace_document(records[i].first, BuildDocument(records[i].second, 0, &status[i]));
    ASSERT_TRUE(planned.Add(records[i].first, records[i].second, 0, &status[i]).ok());
    ASSERT_TRUE(blind.Add(records[i].first, records[i].second).ok());
  }
  db.commit();
  for (const std::string& q : queries) {
    Result<Xapian::Query> built = ParseAndBuild(q, QueryLimits{}, db);
    ASSERT_TRUE(built.ok()) << q;
    Xapian::Enquire enquire(db);
    enquire.set_query(*built);
    std::vector<uint32_t> expected;
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) expected.push_back(*it);
    std::sort(expected.begin(), expected.end());
    ASSERT_FALSE(expected.empty()) << q;
    EXPECT_EQ(*planned.Match(q), expected) << q;
    if (q.find("NOT") == std::string::npos) {
      EXPECT_TRUE(blind.Match(q)->empty()) << q;
    }
    EXPECT_TRUE(RecordQueryMatcher::Needs(q)->legal_status) << q;
  }
  EXPECT_TRUE(RecordQueryMatcher::PlanFor(queries).legal_status);
  EXPECT_FALSE(RecordQueryMatcher::PlanFor(Queries()).legal_status);
  EXPECT_FALSE(RecordQueryMatcher::Needs("TI=turbine AND PD>=2019")->legal_status);
}

std::optional<std::vector<std::string>> GateOf(const std::string& q) {
  Result<Xapian::Query> built = ParseAndBuild(q, QueryLimits{});
  EXPECT_TRUE(built.ok()) << q;
  return built.ok() ? QueryGate(*built) : std::nullopt;
}

TEST(QueryGate, EveryMatchHoldsAGateTermAndBroadFieldsAreAvoided) {
  // AND: one child's gate; the country is the broad one, the word is kept.
  std::optional<std::vector<std::string>> and_gate = GateOf("TI=graphene AND CC=US");
  ASSERT_TRUE(and_gate.has_value());
  for (const std::string& t : *and_gate) EXPECT_NE(t.rfind("XCC", 0), 0u) << t;
  // OR: both sides.
  std::optional<std::vector<std::string>> or_gate = GateOf("TI=graphene OR IPC=F03D");
  ASSERT_TRUE(or_gate.has_value());
  bool ipc = false;
  for (const std::string& t : *or_gate) ipc = ipc || t.rfind("XIPC", 0) == 0;
  EXPECT_TRUE(ipc);
  EXPECT_GT(or_gate->size(), and_gate->size());
  // No gate where a document without any particular term may match.
  EXPECT_FALSE(GateOf("PD>=2020").has_value());
  EXPECT_FALSE(GateOf("TI=graphene OR PD>=2020").has_value());
  EXPECT_FALSE(GateOf("NOT CC=US").has_value());
  // A range inside an AND leaves the other side as the gate.
  EXPECT_TRUE(GateOf("PD>=2020 AND TI=graphene").has_value());

  // The property itself, over the corpus: every match of every query holds
  // at least one term of the query's gate.
  testcorpus::Corpus& c = testcorpus::Shared();
  for (const std::string& q : Queries()) {
    std::optional<std::vector<std::string>> gate = GateOf(q);
    if (!gate) continue;
    std::set<std::string> terms(gate->begin(), gate->end());
    Result<std::vector<uint32_t>> hits = MatchingDocids(c.dir.path(), q);
    ASSERT_TRUE(hits.ok());
    ASSERT_TRUE(c.store->ForEachChangedSince(0, [&](const ChangedPublication& p) {
                         if (!std::binary_search(hits->begin(), hits->end(), static_cast<uint32_t>(p.id))) return true;
                         Xapian::Document doc = BuildDocument(*p.record, 0);
                         bool holds = false;
                         for (auto t = doc.termlist_begin(); t != doc.termlist_end() && !holds; ++t)
                           holds = terms.count(*t) > 0;
                         EXPECT_TRUE(holds) << q << " matched " << p.record->publication_number
                                            << " holding no gate term";
                         return true;
                       }, false).ok());
  }
}

}  // namespace
}  // namespace patnav::index

namespace patnav::index {
namespace {

TEST(DocumentTerms, EveryTermOfTheDocumentAndNoOther) {
  testcorpus::Corpus& c = testcorpus::Shared();
  ASSERT_FALSE(c.records.empty());
  size_t checked = 0;
  for (const PatentRecord& r : c.records) {
    std::set<std::string> from_document, from_terms;
    Xapian::Document doc = BuildDocument(r, 3);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) from_document.insert(*t);
    ForEachDocumentTerm(r, [&](const std::string& t) { from_terms.insert(t); });
    ASSERT_EQ(from_terms, from_document) << r.publication_number;
    // Without positions or data the terms are the same.
    std::set<std::string> lean;
    Xapian::Document lean_doc = BuildDocument(r, 3, nullptr, {.positions = false, .data = false});
    for (auto t = lean_doc.termlist_begin(); t != lean_doc.termlist_end(); ++t) lean.insert(*t);
    EXPECT_EQ(lean, from_document) << r.publication_number;
    EXPECT_EQ(lean_doc.termlist_begin().positionlist_count(), 0u) << r.publication_number;
    checked += from_document.size();
  }
  EXPECT_GT(checked, 10000u);
}

}  // namespace
}  // namespace patnav::index
