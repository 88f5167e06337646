// Reads bounded by what is asked, not by the store: the ownership
// transactions dated in a window (PatentStore::ForEachTransferBetween, by
// date, with their parties, other events and other dates left out, the
// plan using the index of transactions by date), and the publications of an
// applicant or assignee by grouping key (PublicationsOfParty).
#include <gtest/gtest.h>

#include "model/party.h"
#include "store/patent_store.h"
#include "store/sqlite_store.h"
#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

using testing::ScratchDir;

LegalEvent Transfer(const std::string& subject, const std::string& date, const std::string& reference,
                    const std::string& from, const std::string& to) {
  LegalEvent e;
  e.subject = subject;
  e.territory = "US";
  e.event_date = date;
  e.inpadoc_office = "US";
  e.inpadoc_code = "AS";
  e.event_class = 'R';
  e.sources.push_back({"uspto-assignment", "assignment", "ASSIGNMENT OF ASSIGNORS INTEREST"});
  e.reference = reference;
  e.conveyance = "assignment";
  e.parties = {{"assignor", from, date, ""}, {"assignee", to, "", ""}};
  return e;
}

LegalEvent Fee(const std::string& subject, const std::string& date) {
  LegalEvent e;
  e.subject = subject;
  e.territory = "US";
  e.event_date = date;
  e.inpadoc_office = "US";
  e.inpadoc_code = "PMFP";
  e.sources.push_back({"uspto-maintfee", "M1551", "Payment of Maintenance Fee"});
  return e;
}

TEST(LegalEventWindow, TransfersDatedInTheWindowByDateWithTheirParties) {
  ScratchDir dir;
  StoreOptions o;
  o.dir = dir.path() / "data";
  std::unique_ptr<PatentStore> store = std::move(PatentStore::Open(o).value());
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(*store->PutLegalEvent(Transfer("US7000003", "2021-05-01", "000003/0001", "BETA CORP.", "GAMMA LLC")));
  ASSERT_TRUE(*store->PutLegalEvent(Transfer("US7000001", "2020-03-01", "000001/0001", "ALPHA INC.", "BETA CORP.")));
  ASSERT_TRUE(*store->PutLegalEvent(Fee("US7000001", "2020-06-01")));  // in the window, not a transfer
  ASSERT_TRUE(*store->PutLegalEvent(Transfer("US7000002", "2019-12-31", "000002/0001", "ALPHA INC.", "BETA CORP.")));
  ASSERT_TRUE(*store->PutLegalEvent(Transfer("US7000004", "2021-12-31", "000004/0001", "GAMMA LLC", "ALPHA INC.")));
  ASSERT_TRUE(store->CommitBatch().ok());

  std::vector<LegalEvent> seen;
  ASSERT_TRUE(store->ForEachTransferBetween("2020-01-01", "2021-12-31", [&](int64_t, const LegalEvent& e) {
                       seen.push_back(e);
                       return true;
                     }).ok());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].subject, "US7000001");  // by date, not storage order
  EXPECT_EQ(seen[1].subject, "US7000003");
  EXPECT_EQ(seen[2].subject, "US7000004");  // the last day is in
  EXPECT_EQ(seen[0].parties.size(), 2u);
  EXPECT_EQ(seen[0].parties[1].name, "BETA CORP.");
  EXPECT_EQ(seen[0].conveyance, "assignment");
  EXPECT_EQ(seen[0].sources.size(), 1u);

  seen.clear();
  ASSERT_TRUE(store->ForEachTransferBetween("2020-01-01", "2021-12-31", [&](int64_t, const LegalEvent& e) {
                       seen.push_back(e);
                       return false;
                     }).ok());
  EXPECT_EQ(seen.size(), 1u);
  seen.clear();
  ASSERT_TRUE(store->ForEachTransferBetween("2022-01-01", "2022-12-31", [&](int64_t, const LegalEvent& e) {
                       seen.push_back(e);
                       return true;
                     }).ok());
  EXPECT_TRUE(seen.empty());

  // The plan reads the index of transactions by date, not the whole table.
  auto* sqlite = dynamic_cast<SqliteStore*>(store.get());
  ASSERT_NE(sqlite, nullptr);
  Result<Statement> plan = sqlite->db().Prepare(
      "EXPLAIN QUERY PLAN SELECT e.id FROM legal_event e JOIN legal_event_source s ON s.event_id = e.id "
      "WHERE e.conveyance IS NOT NULL AND e.event_date >= '2020-01-01' AND e.event_date <= '2021-12-31' "
      "ORDER BY e.event_date, e.id, s.format, s.code");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::string details;
  for (;;) {
    Result<bool> row = plan->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    details += std::string(plan->ColumnText(3)) + "\n";
  }
  EXPECT_NE(details.find("legal_event_transfer_date"), std::string::npos) << details;
}

PatentRecord Grant(const std::string& doc_number, const std::string& applicant, const std::string& assignee) {
  PatentRecord r;
  r.country = "US";
  r.doc_number = doc_number;
  r.kind = "B2";
  r.publication_date = "2020-01-07";
  r.title = {{"en", "A battery"}};
  if (!applicant.empty()) r.applicants.push_back(MakeOrganisation(applicant));
  if (!assignee.empty()) r.assignees.push_back(MakeOrganisation(assignee));
  r.source = {"uspto-xml", "test.xml", 0};
  FinishRecord(r);
  return r;
}

TEST(LegalEventWindow, PublicationsOfAPartyByGroupingKey) {
  ScratchDir dir;
  StoreOptions o;
  o.dir = dir.path() / "data";
  std::unique_ptr<PatentStore> store = std::move(PatentStore::Open(o).value());
  ASSERT_TRUE(store->BeginBatch().ok());
  const PatentRecord own = Grant("9000001", "Acme Corp.", "");
  const PatentRecord assigned = Grant("9000002", "Other Ltd.", "ACME CORPORATION");  // a spelling variant
  const PatentRecord others = Grant("9000003", "Other Ltd.", "");
  const PatentRecord twice = Grant("9000004", "Acme Corp", "Acme Corp.");  // listed once
  for (const PatentRecord* r : {&own, &assigned, &others, &twice}) ASSERT_TRUE(store->Put(*r).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  const std::string key = NormalizeOrganisation("Acme Corp.");
  ASSERT_EQ(NormalizeOrganisation("ACME CORPORATION"), key) << "the test needs the variants to group";
  std::vector<std::string> got = store->PublicationsOfParty(key).value();
  EXPECT_EQ(got, (std::vector<std::string>{own.publication_number, assigned.publication_number,
                                            twice.publication_number}));
  EXPECT_TRUE(store->PublicationsOfParty("no such holder").value().empty());
}

}  // namespace
}  // namespace patnav
