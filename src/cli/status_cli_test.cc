// patnav status end to end: text and JSON for a real grant, exit codes of
// bad requests.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

using testing::RunPatnav;
using testing::ScratchDir;

TEST(StatusCli, ExpiryStateAndBasis) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  auto ingest = RunPatnav(dir, {"ingest", "--db", db, (testing::SharedData() / "uspto/xml2014").string()});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  auto json = RunPatnav(dir, {"status", "--db", db, "US8927118", "--as-of", "2029-01-01", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["publication_number"], "US8927118B2");
  EXPECT_EQ(j["state"], "expired");
  EXPECT_EQ(j["expiry"], "2028-10-17");
  EXPECT_EQ(j["term_start"], "2008-10-17");
  auto text = RunPatnav(dir, {"status", "--db", db, "US8930553", "--as-of", "2024-01-01"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("in_force"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("2033-02-15"), std::string::npos) << text.out;
  auto show = RunPatnav(dir, {"show", "--db", db, "US8930553"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("Expiry             2033-02-15"), std::string::npos) << show.out;

  auto bad_date = RunPatnav(dir, {"status", "--db", db, "US8930553", "--as-of", "2024-02-30"});
  EXPECT_NE(bad_date.code, 0);
  EXPECT_NE(bad_date.err.find("is not a date"), std::string::npos) << bad_date.err;
  auto missing = RunPatnav(dir, {"status", "--db", db, "US1234567"});
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("not in the store"), std::string::npos) << missing.err;
}

// An EP patent from the Register: one line per designated state in text, the
// same in JSON; an unknown code in an ingested file is a warning, not a
// rejection (exit 0).
TEST(StatusCli, EpStatePerDesignatedCountry) {
  PATNAV_REQUIRE_SHARED_DATA();
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  auto ingest = RunPatnav(dir, {"ingest", "--db", db, (testing::SharedData() / "legal/ep-register").string()});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  EXPECT_NE(ingest.out.find("legal events 137 (new 128)"), std::string::npos) << ingest.out;
  auto text = RunPatnav(dir, {"status", "--db", db, "EP2400812", "--as-of", "2025-01-01"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("In DE        in_force\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("In FR        lapsed since 2020-06-30\n"), std::string::npos) << text.out;
  auto json = RunPatnav(dir, {"status", "--db", db, "EP2400812", "--country", "GB", "--format", "json",
                              "--as-of", "2025-01-01"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["state"], "in_force");
  EXPECT_EQ(j["expiry"], "2030-06-24");

  testing::WriteFile(dir.path() / "odd.xml",
                     "<?xml version=\"1.0\"?><ops:world-patent-data xmlns:ops=\"http://ops.epo.org\">"
                     "<ops:register-search><ops:query>publication=EP2400812</ops:query><reg:register-documents>"
                     "<reg:register-document><reg:events-data><reg:dossier-event><reg:event-date><reg:date>20210101"
                     "</reg:date></reg:event-date><reg:event-code>EPIDOSQQQ1</reg:event-code><reg:event-text>New kind"
                     "</reg:event-text></reg:dossier-event></reg:events-data></reg:register-document>"
                     "</reg:register-documents></ops:register-search></ops:world-patent-data>");
  auto odd = RunPatnav(dir, {"ingest", "--db", db, (dir.path() / "odd.xml").string()});
  EXPECT_EQ(odd.code, 0) << odd.err;
  EXPECT_NE(odd.err.find("'EPIDOSQQQ1' (New kind) has no known INPADOC meaning: kept unclassified"), std::string::npos)
      << odd.err;
  EXPECT_NE(odd.out.find("legal events 1 (new 1)"), std::string::npos) << odd.out;
}

}  // namespace
}  // namespace patnav
