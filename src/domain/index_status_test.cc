// LS= and EX= against brute force: publications of every office, kind and
// age, some with lapse and revival events, indexed with the status the
// engine gives them (index_status.h); each query's matches in an in-memory
// Xapian database equal the publications whose EvaluatePatentStatus meets it.
#include "domain/index_status.h"

#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "base/random.h"
#include "domain/patent_status.h"
#include "index/document_builder.h"
#include "index/legal_state_lookup.h"
#include "index/query_builder.h"
#include "index/query_parser.h"

namespace patnav::domain {
namespace {

constexpr std::string_view kAsOf = "2026-06-30";

struct Corpus {
  std::vector<PatentRecord> records;
  std::vector<std::vector<LegalEvent>> events;
};

LegalEvent Event(const PatentRecord& r, const std::string& date, const char* code) {
  LegalEvent e;
  e.subject = LegalSubject(r.country, r.doc_number);
  e.territory = r.country;
  e.event_date = date;
  e.inpadoc_office = r.country;
  e.inpadoc_code = code;
  ClassifyLegalEvent(e);
  e.sources.push_back({"test", code, ""});
  return e;
}

std::string Iso(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Corpus MakeCorpus(int n) {
  Corpus c;
  Random rng(20261206);
  const char* countries[] = {"US", "CN", "EP", "JP", "DE"};
  for (int i = 0; i < n; ++i) {
    PatentRecord r;
    r.country = countries[rng.Uniform(5)];
    r.doc_number = std::to_string(1000000 + i);
    int year = 1995 + static_cast<int>(rng.Uniform(31));
    r.filing_date = Iso(year, 1 + static_cast<int>(rng.Uniform(12)), 1 + static_cast<int>(rng.Uniform(28)));
    bool granted = rng.Uniform(3) != 0;
    r.kind = r.country == "CN" ? (granted ? (rng.Uniform(4) == 0 ? "U" : "B") : "A") : granted ? "B1" : "A1";
    int pub_year = std::min(year + 1 + static_cast<int>(rng.Uniform(4)), 2026);
    r.publication_date = Iso(pub_year, 3, 15);
    if (granted) r.grant_date = r.publication_date;
    r.publication_number = r.country + r.doc_number + r.kind;
    std::vector<LegalEvent> events;
    const char* lapse = r.country == "CN" ? "CF01" : r.country == "US" ? "LAPS" : r.country == "DE" ? "R119" : "";
    const char* withdrawal = r.country == "CN" ? "WD01" : r.country == "EP" ? "18D" : r.country == "JP" ? "A045" : "";
    if (granted && *lapse && rng.Uniform(3) == 0) events.push_back(Event(r, Iso(pub_year + 2, 5, 1), lapse));
    if (!granted && *withdrawal && rng.Uniform(3) == 0) events.push_back(Event(r, Iso(pub_year, 9, 1), withdrawal));
    c.records.push_back(std::move(r));
    c.events.push_back(std::move(events));
  }
  return c;
}

std::set<std::string> Search(const Xapian::Database& db, std::string_view query) {
  Result<index::QueryAst> ast = index::ParseQuery(query);
  EXPECT_TRUE(ast.ok()) << query << ": " << ast.status().ToString();
  if (!ast.ok()) return {};
  Result<Xapian::Query> q = index::BuildQuery(*ast, index::QueryLimits{}, &db);
  EXPECT_TRUE(q.ok()) << query << ": " << q.status().ToString();
  if (!q.ok()) return {};
  Xapian::Enquire enquire(db);
  enquire.set_query(*q);
  std::set<std::string> out;
  Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.insert(it.get_document().get_value(100));
  return out;
}

TEST(IndexStatus, LsAndExMatchTheStatusEngine) {
  Corpus c = MakeCorpus(600);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<PatentStatus> truth;
  for (size_t i = 0; i < c.records.size(); ++i) {
    std::optional<index::IndexedLegalStatus> s = IndexedStatusOf(c.records[i], c.events[i], kAsOf);
    Xapian::Document doc = index::BuildDocument(c.records[i], 0, s ? &*s : nullptr);
    doc.add_value(100, c.records[i].publication_number);
    db.add_document(doc);
    truth.push_back(EvaluatePatentStatus(c.records[i], c.events[i], "", kAsOf));
  }
  db.commit();
  auto expect = [&](std::string_view query, const std::function<bool(const PatentStatus&)>& pred) {
    std::set<std::string> want;
    for (size_t i = 0; i < truth.size(); ++i)
      if (pred(truth[i])) want.insert(c.records[i].publication_number);
    EXPECT_EQ(Search(db, query), want) << query;
    return want.size();
  };
  auto dead = [](const PatentStatus& s) {
    return s.state == LegalState::kLapsed || s.state == LegalState::kExpired || s.state == LegalState::kRevoked ||
           s.state == LegalState::kWithdrawn || s.state == LegalState::kRefused;
  };
  EXPECT_GT(expect("LS=live", [](const PatentStatus& s) { return s.state == LegalState::kInForce; }), 50u);
  EXPECT_GT(expect("LS=dead", dead), 50u);
  EXPECT_GT(expect("LS=pending", [](const PatentStatus& s) { return s.state == LegalState::kPending; }), 20u);
  EXPECT_GT(expect("LS=lapsed", [](const PatentStatus& s) { return s.state == LegalState::kLapsed; }), 5u);
  EXPECT_GT(expect("LS=withdrawn", [](const PatentStatus& s) { return s.state == LegalState::kWithdrawn; }), 2u);
  expect("LS=有效", [](const PatentStatus& s) { return s.state == LegalState::kInForce; });
  EXPECT_GT(expect("EX>=2030", [](const PatentStatus& s) { return !s.expiry.empty() && s.expiry >= "2030-01-01"; }),
            50u);
  expect("EX<2030-06", [](const PatentStatus& s) { return !s.expiry.empty() && s.expiry < "2030-06-01"; });
  expect("EX=[2028 TO 2031]",
         [](const PatentStatus& s) { return s.expiry >= "2028-01-01" && s.expiry <= "2031-12-31"; });
  expect("LS=live AND EX<=2027", [](const PatentStatus& s) {
    return s.state == LegalState::kInForce && !s.expiry.empty() && s.expiry <= "2027-12-31";
  });
  expect("CC=CN AND NOT LS=dead", [&](const PatentStatus& s) { return s.publication_number.starts_with("CN") && !dead(s); });
}

TEST(IndexStatus, ReadBackPerDocumentAsIndexed) {
  Corpus c = MakeCorpus(400);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<std::optional<index::IndexedLegalStatus>> indexed;
  for (size_t i = 0; i < c.records.size(); ++i) {
    indexed.push_back(IndexedStatusOf(c.records[i], c.events[i], kAsOf));
    db.add_document(index::BuildDocument(c.records[i], 0, indexed.back() ? &*indexed.back() : nullptr));
  }
  db.commit();
  // Every third document (the lookup skips through the lists) and all of
  // them plus one past the end (it walks the lists).
  for (const size_t step : {size_t{3}, size_t{1}}) {
    std::vector<uint32_t> docids;
    for (uint32_t d = 1; d <= c.records.size(); d += static_cast<uint32_t>(step)) docids.push_back(d);
    if (step == 1) docids.push_back(static_cast<uint32_t>(c.records.size() + 1));
    const index::IndexedLegalFacts facts = index::IndexedLegalFactsIn(db, docids);
    ASSERT_EQ(facts.state.size(), docids.size());
    size_t in_force = 0;
    for (size_t k = 0; k < docids.size(); ++k) {
      const size_t i = docids[k] - 1;
      SCOPED_TRACE(std::to_string(docids[k]));
      if (i >= c.records.size() || !indexed[i]) {
        EXPECT_EQ(facts.state[k], "");
        EXPECT_EQ(facts.expiry[k], 0u);
        continue;
      }
      EXPECT_EQ(facts.state[k], indexed[i]->state);
      std::string digits;
      for (char ch : indexed[i]->expiry) if (ch != '-') digits.push_back(ch);
      EXPECT_EQ(facts.expiry[k], digits.empty() ? 0u : static_cast<uint32_t>(std::stoul(digits)));
      in_force += facts.state[k] == "in_force";
    }
    EXPECT_GT(in_force, 20u);
  }
}

TEST(IndexStatus, NeverLiveAfterItsExpiry) {
  Corpus c = MakeCorpus(300);
  for (size_t i = 0; i < c.records.size(); ++i) {
    std::optional<index::IndexedLegalStatus> s = IndexedStatusOf(c.records[i], c.events[i], kAsOf);
    ASSERT_TRUE(s.has_value()) << c.records[i].publication_number;
    if (s->state == "in_force") EXPECT_GE(s->expiry, std::string(kAsOf)) << c.records[i].publication_number;
  }
}

}  // namespace
}  // namespace patnav::domain
