// The IP office's records through the patnav binary: a calendar file in the
// data directory makes complaint deadlines skip National Day and count the
// worked Saturday; a credibility record decided, notified and listed shows
// on the public list (JSON and CSV) and in the gate; a repair request before
// the minimum period exits 2 naming the first allowed date and writes
// nothing; an illegal step names the allowed ones; a case file opened from
// the complaint moves it on.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/operations_cli_testing.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;

using OfficeCliTest = OperationsCliTest;

TEST_F(OfficeCliTest, CalendarDeadlinesRecordsPublicListAndCases) {
  fs::create_directories(fs::path(db_) / "calendars");
  fs::copy_file(testing::TestData().parent_path().parent_path() / "data" / "calendars" / "cn-2026.json",
                fs::path(db_) / "calendars" / "cn-2026.json");
  nlohmann::json c = Json({"complaint", "file", "--province", "北京市", "--kind", "passing_off", "--complainant", "消费者",
                           "--respondent", "丙公司", "--summary", "标注失效专利号", "--received", "2026-09-30"});
  ASSERT_TRUE(c.is_object());
  EXPECT_EQ(c["due_on"], "2026-10-13");
  const std::string cid = std::to_string(c["id"].get<int64_t>());
  testing::CommandOutcome wrong = Run({"complaint", "close", cid, "--comment", "x"});
  EXPECT_EQ(wrong.code, 2) << wrong.err;
  EXPECT_NE(wrong.err.find("allowed: accept, refuse"), std::string::npos) << wrong.err;
  EXPECT_EQ(Json({"complaint", "accept", cid, "--on", "2026-10-12"})["state"], "accepted");
  EXPECT_EQ(Json({"complaint", "check_clue", cid, "--on", "2026-10-12"})["due_on"], "2026-11-02");

  nlohmann::json r = Json({"credit", "add", "--province", "北京市", "--subject", "丙公司", "--code", "91110000C0000001",
                           "--category", "administrative_penalty", "--measure", "key_supervision", "--organ",
                           "北京市知识产权局", "--number", "京知罚〔2026〕5号", "--date", "2026-10-20"});
  const std::string rid = std::to_string(r["id"].get<int64_t>());
  Json({"credit", "notify", rid, "--on", "2026-10-21"});
  nlohmann::json listed = Json({"credit", "list", rid, "--on", "2026-11-02"});
  EXPECT_EQ(listed["listed_until"], "2027-11-02");
  EXPECT_EQ(listed["repair_opens_on"], "2027-02-02");
  std::string before = Operations();
  testing::CommandOutcome early = Run({"credit", "request_repair", rid, "--on", "2027-01-05", "--comment", "已整改"});
  EXPECT_EQ(early.code, 2) << early.err;
  EXPECT_NE(early.err.find("from 2027-02-02"), std::string::npos) << early.err;
  EXPECT_EQ(Operations(), before);
  nlohmann::json gate = Json({"credit", "gate", "91110000C0000001", "--date", "2026-12-01"});
  EXPECT_EQ(gate["has_active_record"], true);
  EXPECT_EQ(Json({"credit", "gate", "91110000C0000001", "--date", "2026-11-01"})["has_active_record"], false);
  nlohmann::json pub = Json({"public", "dishonesty", "--date", "2026-12-01"});
  ASSERT_EQ(pub.size(), 1u);
  EXPECT_EQ(pub[0]["category_zh"], "受到知识产权行政处罚（一般程序）");
  testing::CommandOutcome csv = Run({"public", "dishonesty", "--date", "2026-12-01", "--format", "csv"});
  EXPECT_EQ(csv.code, 0);
  EXPECT_NE(csv.out.find("subject_name,subject_code"), std::string::npos);
  EXPECT_NE(csv.out.find("京知罚〔2026〕5号"), std::string::npos);
  EXPECT_EQ(Json({"public", "dishonesty", "--date", "2028-01-01"}).size(), 0u);

  nlohmann::json k = Json({"case", "open", "--province", "北京市", "--number", "京知执〔2026〕9号", "--kind", "passing_off",
                           "--title", "丙公司假冒专利案", "--complaint", cid, "--opened", "2026-10-20"});
  EXPECT_EQ(k["due_on"], "2027-01-18");
  Json({"case", "link", std::to_string(k["id"].get<int64_t>()), "--record", rid});
  const std::string kid = std::to_string(k["id"].get<int64_t>());
  testing::CommandOutcome absent = Run({"case", "link", kid, "--patent", "CN1234567A"});
  EXPECT_EQ(absent.code, 2) << absent.err;
  EXPECT_NE(absent.err.find("'CN1234567A' is not in the store"), std::string::npos) << absent.err;
  EXPECT_EQ(Run({"case", "link", kid}).code, 2) << "--record or --patent";
  EXPECT_EQ(Json({"complaint", "show", cid})["state"], "case_opened");
  EXPECT_EQ(Json({"case", "show", std::to_string(k["id"].get<int64_t>())})["credit_records"][0], r["id"]);
  EXPECT_NE(Run({"credit", "categories"}).out.find("abnormal_patent_application"), std::string::npos);
}

}  // namespace
}  // namespace patnav
