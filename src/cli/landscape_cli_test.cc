// End-to-end tests of `patnav landscape`: generate → ingest (which indexes)
// → landscape over a query and over the whole store; the JSON keys, trend
// rows (year, count), top_applicants rows (name, normalized, count), a query
// subset smaller than the store, --only, --members, the snapshot file, usage
// errors, and the HTML/XLSX forms.
#include <sys/wait.h>

#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;

int PatnavExit(const ScratchDir& dir, const std::vector<std::string>& args, std::string* err = nullptr) {
  const testing::CommandOutcome r = testing::RunPatnav(dir, args);
  if (err) *err = r.err;
  return r.code;
}

class LandscapeCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (testing::PatnavBinary().empty()) return;
    dir_ = new ScratchDir();
    db_ = (dir_->path() / "db").string();
    const std::string corpus = (dir_->path() / "corpus.xml").string();
    ASSERT_EQ(PatnavExit(*dir_, {"generate", "--docs", "400", "--seed", "3", "--no-full-text", "--out", corpus}), 0);
    ASSERT_EQ(PatnavExit(*dir_, {"ingest", "--db", db_, corpus}), 0);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (testing::PatnavBinary().empty()) GTEST_SKIP() << "the patnav binary is unknown";
  }
  nlohmann::json Landscape(const std::vector<std::string>& extra) {
    const std::string out = (dir_->path() / "landscape.json").string();
    std::vector<std::string> args = {"landscape", "--db", db_, "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    std::string err;
    EXPECT_EQ(PatnavExit(*dir_, args, &err), 0) << err;
    return nlohmann::json::parse(ReadFile(out));
  }
  static ScratchDir* dir_;
  static std::string db_;
};
ScratchDir* LandscapeCliTest::dir_ = nullptr;
std::string LandscapeCliTest::db_;

TEST_F(LandscapeCliTest, WholeStoreHasEveryAnalysis) {
  const nlohmann::json j = Landscape({"*"});
  for (const char* key : {"meta", "trend", "top_applicants", "applicant_types", "technology", "competitor_matrix",
                          "geography", "lifecycle", "legal_status", "concentration", "core_patents",
                          "citation_flows", "collaboration", "inventors", "emerging_terms", "white_space"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_FALSE(j.contains("members_vs_others"));
  EXPECT_EQ(j["meta"]["patents"], 400);
  EXPECT_EQ(j["meta"]["format_version"], 1);
  EXPECT_EQ(j["meta"]["analyses"].size(), 15u);
  EXPECT_EQ(j["legal_status"]["patents"], 400);
  int filings = 0, previous_year = 0;
  for (const auto& row : j["trend"]) {
    ASSERT_TRUE(row["year"].is_number_integer());
    ASSERT_TRUE(row["count"].is_number_integer());
    EXPECT_GT(row["year"].get<int>(), previous_year);
    previous_year = row["year"];
    filings += row["count"].get<int>();
  }
  EXPECT_EQ(filings, 400);  // every generated patent has a filing date
  ASSERT_FALSE(j["top_applicants"].empty());
  int previous_count = INT32_MAX;
  for (const auto& row : j["top_applicants"]) {
    EXPECT_TRUE(row["name"].is_string());
    EXPECT_TRUE(row["normalized"].is_string());
    EXPECT_LE(row["count"].get<int>(), previous_count);
    previous_count = row["count"];
  }
  EXPECT_TRUE(fs::exists(fs::path(db_) / "analytics" / "snapshot.bin"));
}

TEST_F(LandscapeCliTest, QuerySubsetOnlyAndMembers) {
  const nlohmann::json all = Landscape({"*", "--only", "top_applicants"});
  const std::string top = all["top_applicants"][0]["name"];
  const std::string members = (dir_->path() / "members.txt").string();
  testing::WriteFile(members, "\xEF\xBB\xBF# alliance\n" + top + "\r\nNobody Such Corp\n\n");
  const nlohmann::json j = Landscape({"IPC=H01M", "--only", "trend,members_vs_others", "--members", members});
  EXPECT_TRUE(j.contains("trend"));
  EXPECT_FALSE(j.contains("top_applicants"));
  EXPECT_GT(j["meta"]["patents"].get<int>(), 0);
  EXPECT_LT(j["meta"]["patents"].get<int>(), 400);
  EXPECT_EQ(j["members_vs_others"]["members"], nlohmann::json::array({top}));
  EXPECT_EQ(j["members_vs_others"]["not_found"], nlohmann::json::array({"Nobody Such Corp"}));
  EXPECT_FALSE(j["members_vs_others"]["rows"].empty());
}

TEST_F(LandscapeCliTest, UsageErrors) {
  std::string err;
  EXPECT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "*", "--only", "nonsense"}, &err), 2);
  EXPECT_NE(err.find("unknown analysis 'nonsense'"), std::string::npos) << err;
  EXPECT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "*", "--only", "members_vs_others"}, &err), 2);
  EXPECT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "TI=(", "--out", (dir_->path() / "x.json").string()}, &err), 2);
  EXPECT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "*", "--format", "pdf"}, &err), 2);
  // No store: NotFound (base/status_table.h).
  EXPECT_EQ(PatnavExit(*dir_, {"landscape", "--db", (dir_->path() / "absent").string(), "*"}, &err), 2);
}

TEST_F(LandscapeCliTest, HtmlAndXlsx) {
  const fs::path html = dir_->path() / "report.html", xlsx = dir_->path() / "report.xlsx";
  std::string err;
  ASSERT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "*", "--format", "html", "--out", html.string()}, &err), 0) << err;
  EXPECT_NE(ReadFile(html).find("<html"), std::string::npos);
  ASSERT_EQ(PatnavExit(*dir_, {"landscape", "--db", db_, "*", "--format", "xlsx", "--out", xlsx.string()}, &err), 0) << err;
  EXPECT_EQ(ReadFile(xlsx).substr(0, 2), "PK");
}

}  // namespace
}  // namespace patnav
