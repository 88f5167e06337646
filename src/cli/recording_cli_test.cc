// The recording workflow through the patnav binary: an alliance started,
// refused at submission with the failing rules named (exit 2, nothing
// written), corrected, returned by the province, resubmitted, accepted,
// recommended, recorded and entered into the libraries, with the priority
// circumstances computed from the members.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/period.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::ScratchDir;

class RecordingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
  }
  testing::CommandOutcome Run(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    return testing::RunPatnav(dir_, args);
  }
  std::string Ok(std::vector<std::string> args) {
    testing::CommandOutcome r = Run(args);
    EXPECT_EQ(r.code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err;
    return r.out;
  }
  nlohmann::json Json(std::vector<std::string> args) {
    args.push_back("--format");
    args.push_back("json");
    return nlohmann::json::parse(Ok(args), nullptr, false);
  }
  std::string Operations() {
    return ReadFile(fs::path(db_) / "operations.db") + ReadFile(fs::path(db_) / "operations.db-wal");
  }
  ScratchDir dir_;
  std::string db_;
};

TEST_F(RecordingCliTest, FromDraftToTheLibrary) {
  Ok({"alliance", "create", "新能源汽车联盟", "--form", "social", "--address", "北京市海淀区"});
  Ok({"member", "add", "比亚迪", "--type", "产", "--contact", "王传福"});
  for (int i = 2; i <= 9; ++i) Ok({"alliance", "charter", "--item", std::to_string(i), "--text", "条款"});
  Ok({"recording", "start", "--province", "北京市", "--industry", "新能源汽车", "--category", "ip_intensive", "--stage",
      "mature", "--lead", "比亚迪", "--secretary", "清华大学", "--operator", "某运营机构", "--contact-person", "李四",
      "--contact-phone", "010-1", "--lead-licence", "--secretary-licence", "--charter-signed"});

  std::string before = Operations();
  testing::CommandOutcome refused = Run({"recording", "submit"});
  EXPECT_EQ(refused.code, 2) << refused.err;
  EXPECT_NE(refused.err.find("at_least_two_members"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("industry_stage_germination_or_growing"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find("licences_provided"), std::string::npos) << refused.err;
  EXPECT_EQ(Operations(), before) << "a refused submission wrote";
  testing::CommandOutcome wrong = Run({"recording", "record"});
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("allowed: submit, withdraw"), std::string::npos) << wrong.err;

  Ok({"member", "add", "清华大学", "--type", "学", "--contact", "张三"});
  Ok({"member", "add", "国家专利技术展示交易中心", "--type", "介", "--trading-centre"});
  Ok({"recording", "edit", "--industry", "新能源汽车", "--category", "ip_intensive", "--stage", "growing", "--lead",
      "比亚迪", "--secretary", "清华大学", "--operator", "某运营机构", "--contact-person", "李四", "--contact-phone",
      "010-1", "--lead-licence", "--secretary-licence", "--charter-signed", "--third-party-operator"});
  Ok({"recording", "submit"});
  Ok({"recording", "return", "--comment", "请补充成员联系人"});
  Ok({"recording", "resubmit"});
  Ok({"recording", "accept"});
  Ok({"recording", "recommend"});
  nlohmann::json rec = Json({"recording", "record", "--number", "京备-2026-001", "--date", "2026-04-01"});
  ASSERT_TRUE(rec.is_object());
  EXPECT_EQ(rec["state"], "recorded");
  EXPECT_EQ(rec["record_number"], "京备-2026-001");
  EXPECT_EQ(rec["history"].size(), 8u);
  EXPECT_EQ(rec["history"][3]["comment"], "请补充成员联系人");
  EXPECT_EQ(rec["application_form"]["members"], 3);
  EXPECT_EQ(rec["application_form"]["members_by_type"]["intermediary"], 1);
  std::vector<bool> met;
  for (const auto& p : rec["priority_circumstances"]) met.push_back(p["met"].get<bool>());
  EXPECT_EQ(met, (std::vector<bool>{false, true, true})) << rec["priority_circumstances"].dump();
  EXPECT_TRUE(rec["allowed_actions"].empty());

  std::string list = Ok({"recording", "list", "--province", "北京市"});
  EXPECT_NE(list.find("京备-2026-001"), std::string::npos) << list;
  EXPECT_NE(Ok({"recording", "library", "--level", "national", "--alliance", "新能源汽车联盟"}).find("priority 2"),
            std::string::npos);
  nlohmann::json lib = Json({"recording", "library", "--level", "北京市", "--alliance", "新能源汽车联盟"});
  ASSERT_EQ(lib.size(), 1u);
  EXPECT_EQ(lib[0]["record_number"], "京备-2026-001");
  EXPECT_EQ(Run({"recording", "library", "--level", "上海市", "--alliance", "新能源汽车联盟"}).code, 2);
  const std::string year = domain::TodayUtc().substr(0, 4);  // entered today
  EXPECT_EQ(Run({"recording", "library-review", "--level", "national", "--alliance", "新能源汽车联盟", "--year", year,
                 "--decision", "warning"}).code, 2) << "a warning says why";
  nlohmann::json reviewed = Json({"recording", "library-review", "--level", "national", "--alliance", "新能源汽车联盟",
                                  "--year", year, "--decision", "retain"});
  ASSERT_EQ(reviewed.size(), 1u);
  EXPECT_EQ(reviewed[0]["decision"], "retain");
  EXPECT_EQ(reviewed[0]["year"], std::stoi(year));

  // After recording (on 2026-04-01): a major change filed late, the annual
  // report on 2026, a rectification ordered, then the removal.
  nlohmann::json change = Json({"recording", "major-change", "--kind", "secretary_general_unit", "--changed-on",
                                "2026-05-01", "--summary", "秘书长单位变更", "--filed-on", "2026-06-15"});
  ASSERT_EQ(change["reports"].size(), 1u) << change.dump();
  EXPECT_EQ(change["reports"][0]["due_on"], "2026-05-31");
  EXPECT_EQ(change["reports"][0]["late"], true);
  before = Operations();
  testing::CommandOutcome early = Run({"recording", "annual-report", "--year", "2025", "--summary", "x"});
  EXPECT_EQ(early.code, 2) << "2025 is before the recording year: " << early.err;
  EXPECT_NE(early.err.find("year: 2025"), std::string::npos) << early.err;
  EXPECT_EQ(Run({"recording", "rectification-close", "--text", "x"}).code, 2) << "nothing open";
  EXPECT_EQ(Operations(), before);
  Json({"recording", "annual-report", "--year", "2026", "--summary", "2026 年度报告"});
  EXPECT_NE(Run({"recording", "annual-report", "--year", "2026", "--summary", "again"}).code, 0);
  Json({"recording", "rectification-order", "--text", "成员名单不实", "--on", "2026-07-01", "--due", "2026-08-01"});
  testing::CommandOutcome wrong_step = Run({"recording", "rectification-close", "--text", "x"});
  EXPECT_EQ(wrong_step.code, 2);
  EXPECT_NE(wrong_step.err.find("allowed: report, remove"), std::string::npos) << wrong_step.err;
  nlohmann::json removed = Json({"recording", "rectification-remove", "--text", "逾期未整改", "--on", "2026-08-10"});
  EXPECT_EQ(removed["recording"]["removed_on"], "2026-08-10");
  EXPECT_EQ(removed["rectifications"][0]["state"], "removed");
  EXPECT_EQ(Json({"recording", "library", "--level", "national"}).size(), 0u) << "removed from the library";
  std::string reports = Ok({"recording", "reports"});
  EXPECT_NE(reports.find("removed on 2026-08-10"), std::string::npos) << reports;
}

TEST_F(RecordingCliTest, MaterialFilesAddedReadAndRemoved) {
  Ok({"alliance", "create", "储能联盟", "--form", "social", "--address", "北京市海淀区"});
  Ok({"recording", "start", "--province", "北京市"});
  const fs::path pdf = dir_.path() / "章程.pdf", html = dir_.path() / "fake.pdf", out = dir_.path() / "back.pdf";
  const std::string content = "%PDF-1.4\n% charter\n%%EOF\n";
  std::ofstream(pdf, std::ios::binary) << content;
  std::ofstream(html, std::ios::binary) << "<html></html>";

  nlohmann::json added = Json({"recording", "file", "add", "--material", "charter", pdf.string()});
  ASSERT_TRUE(added.is_object());
  EXPECT_EQ(added["label"], "章程.pdf");
  EXPECT_EQ(added["content_type"], "application/pdf");
  const std::string id = std::to_string(added["id"].get<int64_t>());

  std::string before = Operations();
  testing::CommandOutcome wrong = Run({"recording", "file", "add", "--material", "charter", html.string()});
  EXPECT_NE(wrong.code, 0);
  EXPECT_NE(wrong.err.find("PDF, PNG or JPEG"), std::string::npos) << wrong.err;
  testing::CommandOutcome path = Run({"recording", "file", "add", "--material", "charter", "--name", "../x.pdf", pdf.string()});
  EXPECT_EQ(path.code, 2) << path.err;
  EXPECT_NE(path.err.find("a name, not a path"), std::string::npos) << path.err;
  EXPECT_EQ(Run({"recording", "file", "add", "--material", "photos", pdf.string()}).code, 2);
  EXPECT_EQ(Operations(), before) << "refusals write nothing";

  Ok({"recording", "file", "get", id, "--out", out.string()});
  EXPECT_EQ(ReadFile(out), content);
  EXPECT_NE(Ok({"recording", "show"}).find("file " + id + ": 章程.pdf (application/pdf"), std::string::npos);
  Ok({"recording", "file", "remove", id});
  EXPECT_NE(Run({"recording", "file", "get", id}).code, 0);
  EXPECT_EQ(std::distance(fs::directory_iterator(fs::path(db_) / "materials"), fs::directory_iterator()), 0);
}

}  // namespace
}  // namespace patnav
