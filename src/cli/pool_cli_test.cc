// End-to-end tests of the alliance and pool commands through the patnav
// binary: a whole period from alliance creation to closed distribution and
// statements, refusals with exit status 2 and nothing written, and the value
// command by publication and by query.
#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;
using testing::WriteFile;

using Outcome = testing::CommandOutcome;

class PoolCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
    fs::path corpus = dir_.path() / "corpus.xml";
    ASSERT_EQ(Run({"generate", "--docs", "40", "--seed", "7", "--out", corpus.string()}).code, 0);
    Outcome in = Run({"ingest", "--db", db_, "--no-progress", corpus.string()});
    ASSERT_EQ(in.code, 0) << in.err;
    std::istringstream lines(Run({"export", "--db", db_}).out);
    for (std::string l; std::getline(lines, l);)
      if (!l.empty()) pubs_.push_back(nlohmann::json::parse(l)["publication_number"].get<std::string>());
    ASSERT_GE(pubs_.size(), 12u);
  }
  Outcome Run(const std::vector<std::string>& args) { return testing::RunPatnav(dir_, args); }
  // Runs with --db appended; expects success.
  std::string Ok(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    Outcome r = Run(args);
    EXPECT_EQ(r.code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
    return r.out;
  }
  // Runs with --db appended; expects refusal (2) with `words` and no change to operations.db.
  void Refused(std::vector<std::string> args, const std::string& words) {
    std::string before = ReadFile(fs::path(db_) / "operations.db") + ReadFile(fs::path(db_) / "operations.db-wal");
    args.push_back("--db");
    args.push_back(db_);
    Outcome r = Run(args);
    EXPECT_EQ(r.code, 2) << args[0] << ": " << r.out << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
    std::string after = ReadFile(fs::path(db_) / "operations.db") + ReadFile(fs::path(db_) / "operations.db-wal");
    EXPECT_EQ(before, after) << "a refused command wrote";
  }
  void SetUpPool() {
    Ok({"alliance", "create", "储能产业知识产权联盟", "--form", "social", "--address", "合肥"});
    Ok({"member", "add", "Acme", "--type", "industry", "--joined", "2020-01-01"});
    Ok({"member", "add", "中国科学院", "--type", "研", "--joined", "2020-01-01"});
    Ok({"pool", "create", "ESS", "--currency", "EUR", "--fee", "12.5"});
    std::vector<std::string> a = {"pool", "contribute", "--pool", "ESS", "--member", "Acme", "--date", "2024-01-01",
                                  "--countries", "DE,FR"};
    a.insert(a.end(), pubs_.begin(), pubs_.begin() + 6);
    Ok(a);
    std::vector<std::string> b = {"pool", "contribute", "--pool", "ESS", "--member", "中国科学院", "--date", "2024-01-01"};
    b.insert(b.end(), pubs_.begin() + 6, pubs_.begin() + 10);
    Ok(b);
    Ok({"programme", "create", "ESS-Run", "--pool", "ESS", "--basis", "net-sales", "--rate", "2.5", "--country-rate", "FR=1"});
    Ok({"licensee", "add", "Volt GmbH", "--country", "DE"});
    Ok({"agreement", "add", "--licensee", "Volt GmbH", "--programme", "ESS-Run", "--territories", "DE,FR,US",
        "--from", "2024-06-01"});
    fs::path csv = dir_.path() / "royalties.csv";
    WriteFile(csv, "licensee,programme,period,country,net_sales,currency\n"
                   "Volt GmbH,ESS-Run,2025Q1,DE,1000000.00,EUR\n"
                   "Volt GmbH,ESS-Run,2025Q1,FR,333333.33,EUR\n"
                   "Volt GmbH,ESS-Run,2025Q1,US,12345.67,EUR\n");
    Ok({"royalty", "report", "--file", csv.string()});
    Ok({"pool", "rescore", "--pool", "ESS", "--as-of", "2025-03-31"});
  }
  ScratchDir dir_;
  std::string db_;
  std::vector<std::string> pubs_;
};

TEST_F(PoolCliTest, AWholePeriodFromAllianceToStatements) {
  SetUpPool();
  std::string preview = Ok({"distribute", "--pool", "ESS", "--period", "2025Q1", "--method", "blend", "--weight", "0.7",
                            "--format", "json"});
  nlohmann::json p = nlohmann::json::parse(preview);
  EXPECT_FALSE(p["closed"].get<bool>());
  // DE 25000.00 + FR 3333.33 + US 308.64 = 28641.97; 12.5% fee.
  EXPECT_EQ(p["gross_minor"].get<int64_t>(), 2864197);
  EXPECT_EQ(p["fee_minor"].get<int64_t>(), 358025);
  EXPECT_EQ(p["distributable_minor"].get<int64_t>() + p["undistributed_minor"].get<int64_t>() + p["fee_minor"].get<int64_t>(),
            2864197);
  std::string closed = Ok({"distribute", "--pool", "ESS", "--period", "2025Q1", "--method", "value", "--close", "--format", "json"});
  nlohmann::json c = nlohmann::json::parse(closed);
  EXPECT_TRUE(c["closed"].get<bool>());
  int64_t statements = 0;
  for (const char* m : {"Acme", "中国科学院"}) {
    nlohmann::json s = nlohmann::json::parse(Ok({"statement", "--member", m, "--period", "2025Q1"}));
    ASSERT_EQ(s["pools"].size(), 1u);
    for (const auto& country : s["pools"][0]["countries"]) {
      EXPECT_FALSE(country["royalty_reports"].empty());
      int64_t sum = 0;
      for (const auto& patent : country["patents"]) sum += patent["amount_minor"].get<int64_t>();
      EXPECT_EQ(sum, country["member_minor"].get<int64_t>());
    }
    statements += s["pools"][0]["total_minor"].get<int64_t>();
    std::string csv = Ok({"statement", "--member", m, "--period", "2025Q1", "--format", "csv"});
    EXPECT_EQ(csv.rfind("pool,period,currency,country,publication_number", 0), 0u);
  }
  EXPECT_EQ(statements, c["distributable_minor"].get<int64_t>());
  // Only Acme's patents are in force in DE and FR: the academy is paid in the US only.
  nlohmann::json academy = nlohmann::json::parse(Ok({"statement", "--member", "中国科学院", "--period", "2025Q1"}));
  for (const auto& country : academy["pools"][0]["countries"]) EXPECT_EQ(country["country"], "US");
  EXPECT_NE(Ok({"ledger", "check"}).find("ledger balanced"), std::string::npos);
  nlohmann::json balances = nlohmann::json::parse(Ok({"ledger", "balance", "--format", "json"}));
  int64_t total = 0;
  for (const auto& b : balances) total += b["balance_minor"].get<int64_t>();
  EXPECT_EQ(total, 0);

  // Closing is final.
  Refused({"distribute", "--pool", "ESS", "--period", "2025Q1", "--close"}, "already closed");
  Refused({"royalty", "report", "--licensee", "Volt GmbH", "--programme", "ESS-Run", "--period", "2025Q1", "--line", "DE=10.00"},
          "closed");
  nlohmann::json charter = nlohmann::json::parse(Ok({"alliance", "show", "--format", "json"}));
  EXPECT_EQ(charter["form"], "social_organization");
  EXPECT_EQ(charter["charter_complete_percent"], 11);
}

TEST_F(PoolCliTest, BadInputIsRefusedAndNothingWritten) {
  SetUpPool();
  Refused({"pool", "contribute", "--pool", "ESS", "--member", "Nobody", pubs_[11]}, "unknown member 'Nobody'");
  Refused({"pool", "contribute", "--pool", "ESS", "--member", "Acme", "US9999999B2"}, "unknown patent");
  Refused({"pool", "contribute", "--pool", "ESS", "--member", "Acme", pubs_[11], pubs_[0]}, "already in pool");
  Refused({"royalty", "report", "--licensee", "Volt GmbH", "--programme", "ESS-Run", "--period", "2025Q2", "--line", "DE=-5"},
          "negative");
  Refused({"royalty", "report", "--licensee", "Volt GmbH", "--programme", "ESS-Run", "--period", "2025Q2", "--currency", "USD",
           "--line", "DE=5"},
          "currency mismatch");
  Refused({"agreement", "add", "--licensee", "Volt GmbH", "--programme", "ESS-Run", "--territories", "FR", "--from",
           "2025-01-01"},
          "overlapping agreements");
  Refused({"fund", "contribute", "--member", "Acme", "--amount", "-5", "--currency", "EUR"}, "negative");
  Refused({"member", "add", "Acme", "--type", "industry"}, "already exists");
}

TEST_F(PoolCliTest, ValueByPublicationAndByQuery) {
  Outcome r = Run({"value", "--db", db_, pubs_[0], "--format", "json", "--as-of", "2025-01-01"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json v = nlohmann::json::parse(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["publication_number"], pubs_[0]);
  EXPECT_EQ(v[0]["indicators"].size(), 14u);
  double overall = v[0]["overall"].get<double>();
  EXPECT_GT(overall, 0);
  EXPECT_LE(overall, 100);
  fs::path weights = dir_.path() / "weights.json";
  WriteFile(weights, R"({"dimensions": {"legal": 1, "technical": 0, "economic": 0}})");
  r = Run({"value", "--db", db_, pubs_[0], "--format", "json", "--as-of", "2025-01-01", "--weights", weights.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json legal_only = nlohmann::json::parse(r.out);
  EXPECT_NEAR(legal_only[0]["overall"].get<double>(), legal_only[0]["legal"].get<double>(), 0.011);
  r = Run({"value", "--db", db_, "--query", "PD>=1990", "--limit", "5"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("overall"), std::string::npos);
  r = Run({"value", "--db", db_, "US9999999B2"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown patent"), std::string::npos);
}

TEST_F(PoolCliTest, LicensingBookLists) {
  SetUpPool();
  Ok({"licensee", "add", "Acme Licensing", "--country", "US", "--member", "Acme"});
  Ok({"agreement", "add", "--licensee", "Acme Licensing", "--programme", "ESS-Run", "--from", "2025-01-01", "--to",
      "2025-12-31"});

  nlohmann::json programmes = nlohmann::json::parse(Ok({"programme", "list", "--format", "json"}));
  ASSERT_EQ(programmes.size(), 1u);
  EXPECT_EQ(programmes[0]["name"], "ESS-Run");
  EXPECT_EQ(programmes[0]["pool"], "ESS");
  EXPECT_EQ(programmes[0]["basis"], "net_sales");
  EXPECT_EQ(programmes[0]["currency"], "EUR");
  EXPECT_TRUE(programmes[0]["country_rates"].contains("FR"));
  EXPECT_TRUE(programmes[0]["member_rate"].is_null());
  std::string text = Ok({"programme", "list", "--pool", "ESS"});
  EXPECT_NE(text.find("ESS-Run"), std::string::npos) << text;
  EXPECT_NE(text.find("1 programme"), std::string::npos) << text;

  nlohmann::json licensees = nlohmann::json::parse(Ok({"licensee", "list", "--format", "json"}));
  ASSERT_EQ(licensees.size(), 2u);
  EXPECT_EQ(licensees[0]["name"], "Acme Licensing");
  EXPECT_EQ(licensees[0]["member"], "Acme");
  EXPECT_EQ(licensees[1]["name"], "Volt GmbH");
  EXPECT_TRUE(licensees[1]["member"].is_null());

  nlohmann::json all = nlohmann::json::parse(Ok({"agreement", "list", "--format", "json"}));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["licensee"], "Acme Licensing");
  EXPECT_EQ(all[0]["effective_to"], "2025-12-31");
  EXPECT_EQ(all[1]["territories"], "DE,FR,US");
  EXPECT_TRUE(all[1]["effective_to"].is_null());
  nlohmann::json volt = nlohmann::json::parse(Ok({"agreement", "list", "--licensee", "Volt GmbH", "--format", "json"}));
  ASSERT_EQ(volt.size(), 1u);
  EXPECT_EQ(volt[0]["programme"], "ESS-Run");

  Refused({"programme", "list", "--pool", "NOPE"}, "NOPE");
  Refused({"agreement", "list", "--licensee", "Nobody"}, "Nobody");
}

TEST_F(PoolCliTest, TwoAlliancesKeepTheirObjectsApart) {
  SetUpPool();
  Ok({"alliance", "create", "Other", "--form", "business"});
  Ok({"member", "add", "Zed", "--type", "industry", "--alliance", "Other", "--joined", "2020-01-01"});
  Ok({"pool", "create", "OP", "--currency", "USD", "--alliance", "Other"});
  // With two alliances, one must be named.
  Refused({"pool", "create", "P2", "--currency", "USD"}, "name one with --alliance");
  // Another alliance's pool, member or licensee is as unknown as a name never used.
  Refused({"pool", "show", "OP", "--alliance", "储能产业知识产权联盟"}, "unknown pool 'OP'");
  Refused({"pool", "contribute", "--pool", "ESS", "--member", "Zed", "--alliance", "储能产业知识产权联盟", pubs_[11]},
          "unknown member 'Zed'");
  Refused({"agreement", "list", "--licensee", "Volt GmbH", "--alliance", "Other"}, "unknown licensee 'Volt GmbH'");
  nlohmann::json pools = nlohmann::json::parse(Ok({"pool", "list", "--alliance", "Other", "--format", "json"}));
  ASSERT_EQ(pools.size(), 1u);
  EXPECT_EQ(pools[0]["name"], "OP");
  nlohmann::json none = nlohmann::json::parse(Ok({"licensee", "list", "--alliance", "Other", "--format", "json"}));
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace patnav
