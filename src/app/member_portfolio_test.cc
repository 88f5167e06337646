// A member's portfolio for "cites our portfolio" watches counts the patents
// it received by a recorded transfer and still holds, beside those naming it:
// checked against a brute force over every stored record and every
// transferred patent (named as applicant or assignee, or among the current
// owners by the recorded transfers).
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/alliances.h"
#include "app/members.h"
#include "app/patent_corpus_testing.h"
#include "app/watches.h"
#include "domain/ownership.h"
#include "domain/period.h"
#include "domain/watch_evaluation.h"
#include "index/document_builder.h"
#include "model/party.h"
#include "model/record_json.h"
#include "testing.h"

namespace patnav::app {
namespace {

constexpr char kAssign[] = "ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).";

// Every subject the member holds on `as_of`, by brute force: each stored
// record and each patent named by a transfer, asked whether the member is
// named on it or among its current owners.
std::set<std::string> BruteForce(PatentStore& store, const std::string& member, const std::string& as_of) {
  const std::string key = NormalizeOrganisation(member);
  std::map<std::string, PatentRecord> subjects;
  EXPECT_TRUE(store
                  .ForEach([&](const PatentRecord& r) {
                    subjects[r.country + r.doc_number] = r;
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(store
                  .ForEachTransferBetween("0000-01-01", "9999-12-31",
                                          [&](int64_t, const LegalEvent& e) {
                                            subjects.try_emplace(e.subject);
                                            return true;
                                          })
                  .ok());
  std::set<std::string> out;
  for (const auto& [subject, r] : subjects) {
    bool held = false;
    for (const auto* list : {&r.applicants, &r.assignees})
      for (const Party& p : *list) held = held || index::ApplicantKey(p) == key;
    std::vector<LegalEvent> events = store.LegalEventsOf(subject).value();
    for (const std::string& owner : domain::CurrentOwnership(r, events, as_of).current)
      held = held || NormalizeOrganisation(owner) == key;
    if (held) out.insert(subject);
  }
  return out;
}

TEST(MemberPortfolio, CountsPatentsReceivedByARecordedTransferAsABruteForceDoes) {
  patnav::testing::ScratchDir dir;
  Workspace ws({.dir = dir.path() / "db"});
  std::string lines;
  for (const auto& [number, owner] : std::vector<std::pair<std::string, std::string>>{{"9000001", "Acme Corp."},
                                                                                       {"9000002", "Other Inc."},
                                                                                       {"9000003", "Other Inc."},
                                                                                       {"9000004", "Other Inc."},
                                                                                       {"9000006", "Other Inc."}}) {
    lines += testing::WidgetGrantLine(number, owner);
  }
  patnav::testing::WriteFile(dir.path() / "patents.jsonl", lines);
  const std::string transfers =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<us-patent-assignments dtd-version=\"1.0\"><patent-assignments>\n" +
      testing::AssignmentXml("70001/1", "20240301", kAssign, "OTHER INC.", "ACME CORP", "9000002") +   // received, held
      testing::AssignmentXml("70002/2", "20240301", kAssign, "OTHER INC.", "ACME CORP", "9000003") +   // received...
      testing::AssignmentXml("70003/3", "20250301", kAssign, "ACME CORP", "NEWCO LLC", "9000003") +    // ...and sold on
      testing::AssignmentXml("70004/4", "20240401", "SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).", "OTHER INC.", "ACME CORP",
               "9000004") +                                                                // a pledge moves nothing
      testing::AssignmentXml("70005/5", "20240501", kAssign, "OTHER INC.", "ACME CORPORATION", "9000005") +  // not stored: held
      testing::AssignmentXml("70006/6", "20260101", "MERGER (SEE DOCUMENT FOR DETAILS).", "OTHER INC.", "ACME CORP",
               "9000006") +  // after the first date asked
      "</patent-assignments></us-patent-assignments>\n";
  patnav::testing::WriteFile(dir.path() / "ad.xml", transfers);
  Result<IngestResult> in =
      testing::IngestPaths(ws, {(dir.path() / "patents.jsonl").string(), (dir.path() / "ad.xml").string()});
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  ASSERT_EQ(in->legal_events_new, 6u);

  for (const std::string& as_of : std::vector<std::string>{"2025-06-30", domain::TodayUtc()}) {
    std::set<std::string> got, expected;
    ASSERT_TRUE(ws.WithStore([&](PatentStore& store) -> Status {
                    ASSIGN_OR_RETURN(got, domain::MemberPatentSubjects(store, "Acme Corp", as_of));
                    expected = BruteForce(store, "Acme Corp", as_of);
                    return Status::OK();
                  }).ok());
    EXPECT_EQ(got, expected) << as_of;
    std::set<std::string> named = {"US9000001", "US9000002", "US9000005"};
    if (as_of >= "2026-01-01") named.insert("US9000006");
    EXPECT_EQ(got, named) << as_of;
  }

  // The portfolio a cites-portfolio watch naming the member is evaluated with.
  const Caller local = Caller::Local();
  ASSERT_TRUE(CreateAlliance(local, ws, {"Alpha", "", "business_entity", ""}).ok());
  ASSERT_TRUE(AddMember(local, ws, {"Alpha", "Acme Corp", "industry", "2020-01-01", ""}).ok());
  domain::WatchInput w;
  w.kind = domain::WatchKind::kCitesPortfolio;
  w.params.alliance = "Alpha";
  w.params.member = "Acme Corp";
  Result<domain::Portfolios> portfolios = PortfoliosOf(ws, {&w});
  ASSERT_TRUE(portfolios.ok()) << portfolios.status().ToString();
  EXPECT_EQ(portfolios->at(domain::PortfolioKey("Alpha", "Acme Corp")),
            (std::set<std::string>{"US9000001", "US9000002", "US9000005", "US9000006"}));
}

}  // namespace
}  // namespace patnav::app
