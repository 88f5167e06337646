// The status engine: terms by country and kind, US maintenance fees (EXP.
// ends the right at the unpaid fee's anniversary, EXPX cancels it), EP lapses
// per country, and a property test: never "in force" after the expiry it
// reports.
#include "domain/patent_status.h"
#include "domain/period.h"

#include <gtest/gtest.h>

#include "base/random.h"
#include "model/uspto_maintfee_codes.h"

namespace patnav::domain {
namespace {

PatentRecord UsGrant() {
  PatentRecord r;
  r.publication_number = "US8926509B2";
  r.country = "US";
  r.doc_number = "8926509";
  r.kind = "B2";
  r.filing_date = "2008-06-05";
  r.grant_date = r.publication_date = "2015-01-06";
  r.application_number = "12134151";
  r.term_extension_days = 605;
  return r;
}

LegalEvent FeeEvent(const std::string& date, const std::string& code) {
  const MaintFeeCode* c = FindMaintFeeCode(code);
  EXPECT_NE(c, nullptr) << code;
  LegalEvent e;
  e.subject = "US8926509";
  e.territory = "US";
  e.event_date = date;
  e.inpadoc_office = "US";
  e.inpadoc_code = c->inpadoc_code;
  ClassifyLegalEvent(e);
  e.sources.push_back({"uspto-maintfee", code, c->text});
  return e;
}

TEST(PatentStatus, UsTermWithAdjustmentAndNextFee) {
  PatentStatus s = EvaluatePatentStatus(UsGrant(), {}, "", "2016-01-01");
  EXPECT_EQ(s.state, LegalState::kInForce);
  EXPECT_EQ(s.term_start, "2008-06-05");
  EXPECT_EQ(s.expiry, "2030-01-31");
  ASSERT_TRUE(s.next_fee.has_value());
  EXPECT_EQ(s.next_fee->due, "2018-07-06");
  EXPECT_EQ(s.next_fee->grace_ends, "2019-01-06");
  EXPECT_EQ(EvaluatePatentStatus(UsGrant(), {}, "US", "2030-01-31").state, LegalState::kInForce);
  EXPECT_EQ(EvaluatePatentStatus(UsGrant(), {}, "US", "2030-02-01").state, LegalState::kExpired);
  EXPECT_EQ(EvaluatePatentStatus(UsGrant(), {}, "US", "2014-12-31").state, LegalState::kPending);
  EXPECT_EQ(EvaluatePatentStatus(UsGrant(), {}, "DE", "2016-01-01").state, LegalState::kUnknown);
}

TEST(PatentStatus, ContinuationStartsTheTermAndProvisionalsDoNot) {
  PatentRecord r = UsGrant();
  r.term_extension_days.reset();
  r.filing_date = "2012-01-12";
  r.priority_date = "2007-01-01";  // a provisional: never the term start
  r.parent_applications = {{"continuation", "US", "13173486", "2011-06-30"},
                           {"continuation", "US", "12253586", "2008-10-17"}};
  PatentStatus s = EvaluatePatentStatus(r, {}, "US", "2020-01-01");
  EXPECT_EQ(s.term_start, "2008-10-17");
  EXPECT_EQ(s.expiry, "2028-10-17");
  EXPECT_NE(s.rule.find("continuation of US 12253586"), std::string::npos) << s.rule;
}

TEST(PatentStatus, ExpiredForNonPaymentThenReinstated) {
  std::vector<LegalEvent> events = {FeeEvent("2018-06-01", "M1551"), FeeEvent("2023-02-20", "EXP.")};
  PatentStatus lapsed = EvaluatePatentStatus(UsGrant(), events, "US", "2023-03-01");
  EXPECT_EQ(lapsed.state, LegalState::kLapsed);
  EXPECT_EQ(lapsed.ended_on, "2023-01-06");  // the 8-year anniversary of the unpaid 7.5-year fee
  EXPECT_EQ(lapsed.expiry, "2030-01-31");
  EXPECT_FALSE(lapsed.next_fee.has_value());
  EXPECT_EQ(lapsed.events.size(), 2u);
  // Before the expiry was entered, the fee was still due.
  PatentStatus before = EvaluatePatentStatus(UsGrant(), events, "US", "2022-08-01");
  EXPECT_EQ(before.state, LegalState::kInForce);
  ASSERT_TRUE(before.next_fee.has_value());
  EXPECT_EQ(before.next_fee->due, "2022-07-06");

  events.push_back(FeeEvent("2023-05-02", "M1552"));
  events.push_back(FeeEvent("2023-05-02", "EXPX"));
  PatentStatus revived = EvaluatePatentStatus(UsGrant(), events, "US", "2023-06-01");
  EXPECT_EQ(revived.state, LegalState::kInForce);
  EXPECT_TRUE(revived.ended_on.empty());
  ASSERT_TRUE(revived.next_fee.has_value());
  EXPECT_EQ(revived.next_fee->due, "2026-07-06");  // 11.5 years
}

TEST(PatentStatus, DesignChinaAndEuropeanLapses) {
  PatentRecord d;
  d.publication_number = "USD435854S1";
  d.country = "US";
  d.doc_number = "D435854";
  d.kind = "S1";
  d.filing_date = "1999-01-06";
  d.grant_date = "2001-01-02";
  EXPECT_EQ(EvaluatePatentStatus(d, {}, "", "2010-01-01").expiry, "2015-01-02");
  d.filing_date = "2015-06-01";
  d.grant_date = "2016-03-01";
  EXPECT_EQ(EvaluatePatentStatus(d, {}, "", "2020-01-01").expiry, "2031-03-01");
  EXPECT_FALSE(EvaluatePatentStatus(d, {}, "", "2020-01-01").next_fee.has_value());  // no maintenance fees

  PatentRecord cn;
  cn.publication_number = "CN201234567U";
  cn.country = "CN";
  cn.doc_number = "201234567";
  cn.kind = "U";
  cn.filing_date = "2012-03-04";
  EXPECT_EQ(EvaluatePatentStatus(cn, {}, "", "2013-01-01").expiry, "2022-03-04");
  cn.kind = "B";
  EXPECT_EQ(EvaluatePatentStatus(cn, {}, "", "2013-01-01").expiry, "2032-03-04");
  cn.kind = "S";
  cn.filing_date = "2021-06-01";
  EXPECT_EQ(EvaluatePatentStatus(cn, {}, "", "2022-01-01").expiry, "2036-06-01");

  PatentRecord ep;
  ep.publication_number = "EP1000000B1";
  ep.country = "EP";
  ep.doc_number = "1000000";
  ep.kind = "B1";
  ep.filing_date = "1999-11-10";
  ep.grant_date = "2003-04-02";
  LegalEvent pg25;
  pg25.subject = "EP1000000";
  pg25.territory = "DE";
  pg25.event_date = "2004-01-30";
  pg25.effective_date = "2003-04-02";
  pg25.inpadoc_office = "EP";
  pg25.inpadoc_code = "PG25";
  ClassifyLegalEvent(pg25);
  pg25.sources.push_back({"epo-ops", "PG25", "lapsed in a contracting state"});
  EXPECT_EQ(EvaluatePatentStatus(ep, {pg25}, "DE", "2005-01-01").state, LegalState::kLapsed);
  EXPECT_EQ(EvaluatePatentStatus(ep, {pg25}, "DE", "2005-01-01").ended_on, "2003-04-02");
  EXPECT_EQ(EvaluatePatentStatus(ep, {pg25}, "FR", "2005-01-01").state, LegalState::kInForce);
  EXPECT_EQ(EvaluatePatentStatus(ep, {pg25}, "FR", "2019-11-11").state, LegalState::kExpired);
}

LegalEvent EpEvent(const std::string& territory, const std::string& date, const std::string& code,
                   const std::string& effective = "") {
  LegalEvent e;
  e.subject = "EP2000000";
  e.territory = territory;
  e.event_date = date;
  e.effective_date = effective;
  e.inpadoc_office = "EP";
  e.inpadoc_code = code;
  ClassifyLegalEvent(e);
  e.sources.push_back({"epo-ops", code, code});
  return e;
}

PatentRecord EpApplication() {
  PatentRecord ep;
  ep.publication_number = "EP2000000A1";
  ep.country = "EP";
  ep.doc_number = "2000000";
  ep.kind = "A1";
  ep.filing_date = "2008-03-01";
  ep.publication_date = "2009-09-02";
  return ep;
}

TEST(PatentStatus, EpStatesFollowDesignationsGrantEventsAndEpWideRevocation) {
  const PatentRecord ep = EpApplication();  // the A1 only: the grant is known from events
  std::vector<LegalEvent> events = {
      EpEvent("DE", "2009-09-02", "AK"), EpEvent("FR", "2009-09-02", "AK"), EpEvent("GB", "2009-09-02", "AK"),
      EpEvent("EP", "2012-05-02", "GRAA"),
      EpEvent("FR", "2013-06-01", "PG25", "2012-05-02"),
  };
  EXPECT_EQ(EvaluatePatentStatus(ep, events, "DE", "2011-01-01").state, LegalState::kPending);
  PatentStatus de = EvaluatePatentStatus(ep, events, "DE", "2014-01-01");
  EXPECT_EQ(de.state, LegalState::kInForce);
  EXPECT_EQ(de.expiry, "2028-03-01");
  EXPECT_EQ(EvaluatePatentStatus(ep, events, "FR", "2014-01-01").state, LegalState::kLapsed);
  PatentStatus it = EvaluatePatentStatus(ep, events, "IT", "2014-01-01");
  EXPECT_EQ(it.state, LegalState::kUnknown);
  EXPECT_NE(it.rule.find("does not designate IT"), std::string::npos) << it.rule;

  // The EP view lists every designated state.
  PatentStatus whole = EvaluatePatentStatus(ep, events, "EP", "2014-01-01");
  EXPECT_EQ(whole.state, LegalState::kInForce);
  ASSERT_EQ(whole.countries.size(), 3u);
  EXPECT_EQ(whole.countries[0].country, "DE");
  EXPECT_EQ(whole.countries[0].state, LegalState::kInForce);
  EXPECT_EQ(whole.countries[1].country, "FR");
  EXPECT_EQ(whole.countries[1].state, LegalState::kLapsed);
  EXPECT_EQ(whole.countries[1].ended_on, "2012-05-02");
  EXPECT_NE(whole.countries[1].basis.find("PG25"), std::string::npos);

  // Revoked after opposition (EP 27W, territory EP): ended in every state.
  events.push_back(EpEvent("EP", "2015-02-01", "27W"));
  PatentStatus gb = EvaluatePatentStatus(ep, events, "GB", "2016-01-01");
  EXPECT_EQ(gb.state, LegalState::kRevoked);
  EXPECT_EQ(gb.ended_on, "2015-02-01");
  PatentStatus after = EvaluatePatentStatus(ep, events, "EP", "2016-01-01");
  EXPECT_EQ(after.state, LegalState::kRevoked);
  for (const CountryState& c : after.countries) EXPECT_NE(c.state, LegalState::kInForce) << c.country;
}

TEST(PatentStatus, EpLapsedInEveryStateIsLapsedAsAWhole) {
  const PatentRecord ep = EpApplication();
  std::vector<LegalEvent> events = {
      EpEvent("DE", "2009-09-02", "AK"), EpEvent("FR", "2009-09-02", "AK"), EpEvent("EP", "2012-05-02", "GRAA"),
      EpEvent("FR", "2013-06-01", "PG25", "2012-05-02"), EpEvent("DE", "2015-06-01", "PG25", "2015-03-01"),
  };
  PatentStatus whole = EvaluatePatentStatus(ep, events, "EP", "2016-01-01");
  EXPECT_EQ(whole.state, LegalState::kLapsed);
  EXPECT_EQ(whole.ended_on, "2015-03-01");
  EXPECT_EQ(EvaluatePatentStatus(ep, events, "EP", "2014-01-01").state, LegalState::kInForce);
  // Two sources for one lapse, the national one later: the earliest end stands.
  events.push_back(EpEvent("DE", "2016-02-01", "PG25", "2016-01-15"));
  EXPECT_EQ(EvaluatePatentStatus(ep, events, "DE", "2017-01-01").ended_on, "2015-03-01");
}

// Whatever the record and events, the engine never says "in force" on a date
// after the expiry it reports, nor on a date after the right ended.
TEST(PatentStatus, NeverInForceAfterItsExpiry) {
  Random rng(20261206);
  const char* codes[] = {"M1551", "M2552", "M1553", "EXP.", "EXPX", "REM.", "M1554"};
  auto date = [&](int from_year, int span) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", from_year + static_cast<int>(rng.Uniform(span)),
                  1 + static_cast<int>(rng.Uniform(12)), 1 + static_cast<int>(rng.Uniform(28)));
    return std::string(buf);
  };
  for (int i = 0; i < 3000; ++i) {
    PatentRecord r = UsGrant();
    const char* countries[] = {"US", "CN", "EP", "JP"};
    r.country = countries[rng.Uniform(4)];
    const char* kinds[] = {"B2", "A1", "U", "S1", "B1"};
    r.kind = kinds[rng.Uniform(5)];
    r.filing_date = date(1990, 30);
    r.grant_date = rng.Uniform(3) ? AddDays(r.filing_date, static_cast<int>(rng.Uniform(3000))) : "";
    r.term_extension_days = static_cast<int>(rng.Uniform(1500));
    if (rng.Uniform(2)) r.parent_applications = {{"continuation", "US", "1", date(1985, 30)}};
    std::vector<LegalEvent> events;
    for (int k = static_cast<int>(rng.Uniform(6)); k > 0; --k) {
      LegalEvent e = FeeEvent(date(1995, 40), codes[rng.Uniform(7)]);
      e.territory = r.country;
      events.push_back(e);
    }
    if (r.country == "EP")
      for (const char* code : {"AK", "PG25", "GRAA", "27W"})
        if (rng.Uniform(2)) events.push_back(EpEvent(rng.Uniform(2) ? "DE" : "EP", date(1995, 40), code));
    std::string as_of = date(1990, 50);
    const char* asked = r.country == "EP" && rng.Uniform(2) ? "DE" : "";
    PatentStatus s = EvaluatePatentStatus(r, events, asked, as_of);
    // The bulk mode answers the same, without the basis.
    PatentStatus lean = EvaluatePatentStatus(r, events, asked, as_of, StatusDetail::kStateOnly);
    EXPECT_EQ(lean.state, s.state) << r.country << r.kind << " " << r.filing_date << " on " << as_of;
    EXPECT_EQ(lean.expiry, s.expiry);
    EXPECT_EQ(lean.ended_on, s.ended_on);
    EXPECT_EQ(lean.next_fee.has_value(), s.next_fee.has_value());
    if (lean.next_fee && s.next_fee) {
      EXPECT_EQ(lean.next_fee->due, s.next_fee->due);
    }
    ASSERT_EQ(lean.countries.size(), s.countries.size());
    for (size_t c = 0; c < s.countries.size(); ++c) EXPECT_EQ(lean.countries[c].state, s.countries[c].state);
    EXPECT_TRUE(lean.notes.empty());
    EXPECT_TRUE(lean.events.empty());
    for (const CountryState& c : s.countries) {
      if (!s.expiry.empty() && as_of > s.expiry) {
        EXPECT_NE(c.state, LegalState::kInForce);
      }
    }
    if (s.state == LegalState::kInForce) {
      ASSERT_FALSE(s.expiry.empty());
      EXPECT_LE(as_of, s.expiry) << r.country << r.kind << " " << r.filing_date;
      if (!s.ended_on.empty()) {
        EXPECT_GT(s.ended_on, as_of);
      }
    }
    if (!s.expiry.empty() && as_of > s.expiry) {
      EXPECT_EQ(s.state, LegalState::kExpired);
    }
  }
}

}  // namespace
}  // namespace patnav::domain
