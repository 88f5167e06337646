// The current owner from recorded transfers (domain/ownership.h): chains of
// assignments, mergers and changes of name end at the right owner; security
// interests, releases and licences leave it; the order is the date each
// transfer took effect; a transfer not yet recorded on the date asked is not
// known; chain breaks are noted.
#include "domain/ownership.h"

#include <gtest/gtest.h>

namespace patnav::domain {
namespace {

LegalEvent Conveyed(const char* reference, const char* recorded, const char* effective, const char* kind,
                    const char* from, const char* to) {
  LegalEvent e;
  e.subject = "US9000001";
  e.territory = "US";
  e.event_date = recorded;
  e.effective_date = effective;
  e.inpadoc_office = "US";
  e.inpadoc_code = "AS";
  e.reference = reference;
  e.conveyance = kind;
  e.parties = {{"assignor", from, "", ""}, {"assignee", to, "", ""}};
  e.sources.push_back({"uspto-assignment", kind, kind});
  return e;
}

PatentRecord Patent() {
  PatentRecord r;
  r.publication_number = "US9000001B2";
  r.country = "US";
  Party p;
  p.name = "Alpha Inc.";
  r.assignees.push_back(p);
  return r;
}

TEST(Ownership, ChainEndsAtTheLastTransferAndEncumbrancesDoNotMoveIt) {
  std::vector<LegalEvent> events = {
      Conveyed("000001/0001", "2010-03-01", "2010-02-15", "assignment", "INVENTOR, ANN", "ALPHA INC."),
      Conveyed("000002/0001", "2015-01-01", "2014-12-20", "security_interest", "BETA CORP.", "BANK"),
      Conveyed("000003/0001", "2014-06-10", "2014-06-01", "merger", "ALPHA INC.", "BETA CORP."),
      Conveyed("000004/0001", "2016-05-05", "2016-05-01", "change_of_name", "BETA CORP.", "GAMMA CORP."),
      Conveyed("000005/0001", "2017-07-07", "", "licence", "GAMMA CORP.", "DELTA LLC"),
      Conveyed("000006/0001", "2018-08-08", "", "release", "BANK", "GAMMA CORP."),
  };
  Ownership o = CurrentOwnership(Patent(), events, "2020-01-01");
  EXPECT_EQ(o.current, std::vector<std::string>{"GAMMA CORP."});
  ASSERT_EQ(o.chain.size(), 3u);
  EXPECT_EQ(o.chain[1].conveyance, "merger");
  EXPECT_EQ(o.encumbrances.size(), 3u);
  EXPECT_NE(o.basis.find("000004/0001"), std::string::npos) << o.basis;
  for (const std::string& n : o.notes) EXPECT_EQ(n.find("chain break"), std::string::npos) << n;
  EXPECT_EQ(CurrentOwnership(Patent(), events, "2015-06-01").current, std::vector<std::string>{"BETA CORP."});
  EXPECT_EQ(CurrentOwnership(Patent(), events, "2010-02-20").current, std::vector<std::string>{"Alpha Inc."});
}

TEST(Ownership, NuncProTuncOrderedByEffectDateAndChainBreaksNoted) {
  std::vector<LegalEvent> events = {
      Conveyed("000010/0001", "2016-03-10", "2016-03-01", "merger", "ALPHA INC.", "OMEGA AG"),
      Conveyed("000011/0001", "2019-01-01", "2011-01-01", "nunc_pro_tunc", "INVENTOR, ANN", "ALPHA INC."),
      Conveyed("000012/0001", "2019-05-01", "2019-04-01", "assignment", "STRANGER LTD", "ZETA"),
  };
  Ownership o = CurrentOwnership(Patent(), events, "2020-01-01");
  ASSERT_EQ(o.chain.size(), 3u);
  EXPECT_EQ(o.chain[0].conveyance, "nunc_pro_tunc");
  EXPECT_EQ(o.current, std::vector<std::string>{"ZETA"});
  ASSERT_EQ(o.notes.size(), 1u);
  EXPECT_NE(o.notes[0].find("chain break"), std::string::npos);
}

TEST(Ownership, WithoutTransfersTheOwnerIsAsPublished) {
  Ownership o = CurrentOwnership(Patent(), {}, "2020-01-01");
  EXPECT_EQ(o.current, std::vector<std::string>{"Alpha Inc."});
  EXPECT_NE(o.basis.find("as published"), std::string::npos);
}

}  // namespace
}  // namespace patnav::domain
