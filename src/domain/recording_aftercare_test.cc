// After recording: annual reports due 31 March of the next year and
// major-change reports due 30 days after the change, late or overdue on
// fixed dates; bad reports refused writing nothing; the rectification
// workflow's every (state, action, role) against a table written out here,
// and removal taking the alliance out of the record's libraries; the
// library's annual review (retain, warning, remove), bad reviews refused
// writing nothing.
#include <map>
#include <tuple>

#include <gtest/gtest.h>

#include "domain/domain_testing.h"
#include "domain/members.h"
#include "domain/period.h"
#include "domain/rectification.h"
#include "domain/recording.h"
#include "domain/recording_library.h"
#include "domain/recording_reports.h"
#include "domain/recording_testing.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;
using testing::DumpOperations;
using testing::OpenOps;

// An alliance recorded on `recorded_on` by 北京市.
struct Recorded {
  ScratchDir dir;
  std::unique_ptr<OperationsDb> ops = OpenOps(dir.path());
  Recording rec;

  explicit Recorded(const std::string& recorded_on = "2023-05-01") { rec = *testing::DraftRecording(*ops); }
  Status Move(RecordingAction a, RecordingRole role, std::string on = "") {
    TransitionInput in{a, role, "x", "", "", on};
    Result<Recording> r = TransitionRecording(*ops, rec.id, in);
    if (r.ok()) rec = *r;
    return r.status();
  }
  void Record(const std::string& on = "2023-05-01") {
    ASSERT_TRUE(Move(RecordingAction::kSubmit, RecordingRole::kOperator).ok());
    ASSERT_TRUE(Move(RecordingAction::kAccept, RecordingRole::kProvinceReviewer).ok());
    ASSERT_TRUE(Move(RecordingAction::kRecommend, RecordingRole::kProvinceReviewer).ok());
    ASSERT_TRUE(Move(RecordingAction::kRecord, RecordingRole::kNationalReviewer, on).ok());
  }
  Result<RecordingReport> Annual(int year, const std::string& filed_on, const std::string& summary = "年度报告") {
    return FileAnnualReport(*ops, rec.id, {year, summary, filed_on, "op"});
  }
};

TEST(RecordingReports, AnnualReportsFiledLateOrOverdueOnFixedDates) {
  Recorded f;
  EXPECT_EQ(f.Annual(2023, "2024-03-01").status().code(), StatusCode::kFailedPrecondition) << "a draft reports nothing";
  f.Record("2023-05-01");
  Result<RecordingReport> on_time = f.Annual(2023, "2024-03-31");
  ASSERT_TRUE(on_time.ok()) << on_time.status().ToString();
  EXPECT_EQ(on_time->due_on, "2024-03-31");
  EXPECT_FALSE(on_time->late());
  Result<RecordingReport> late = f.Annual(2024, "2025-04-01");
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->late());
  std::vector<RecordingReport> reports = *ListRecordingReports(*f.ops, f.rec.id);
  ASSERT_EQ(reports.size(), 2u);

  // (as of, {year: state}) written out by hand.
  const std::vector<std::pair<std::string, std::map<int, std::string>>> expected = {
      {"2023-12-31", {}},
      {"2024-03-31", {{2023, "filed"}}},
      {"2025-03-31", {{2023, "filed"}, {2024, "due"}}},
      {"2025-04-01", {{2023, "filed"}, {2024, "filed_late"}}},
      {"2026-03-31", {{2023, "filed"}, {2024, "filed_late"}, {2025, "due"}}},
      {"2026-04-01", {{2023, "filed"}, {2024, "filed_late"}, {2025, "overdue"}}},
  };
  for (const auto& [on, states] : expected) {
    std::vector<AnnualObligation> got = AnnualObligations(f.rec, reports, on);
    std::map<int, std::string> seen;
    for (const AnnualObligation& o : got) {
      seen[o.year] = o.state;
      EXPECT_EQ(o.due_on, std::to_string(o.year + 1) + "-03-31");
    }
    EXPECT_EQ(seen, states) << on;
    int late_or_overdue = 0;
    for (const auto& [year, state] : states) late_or_overdue += state == "filed_late" || state == "overdue";
    EXPECT_EQ(LateAnnualReports(got), late_or_overdue) << on;
  }
  std::vector<AnnualObligation> before_filing = AnnualObligations(f.rec, reports, "2024-03-30");
  ASSERT_EQ(before_filing.size(), 1u);
  EXPECT_EQ(before_filing[0].state, "due") << "a report filed later is not counted before it was filed";
  EXPECT_TRUE(before_filing[0].filed_on.empty());
}

TEST(RecordingReports, BadReportsAreRefusedWritingNothing) {
  Recorded f;
  f.Record("2023-05-01");
  ASSERT_TRUE(f.Annual(2023, "2024-03-01").ok());
  const std::string before = DumpOperations(f.dir.path());
  auto code = [&](const Result<RecordingReport>& r) { return r.status().code(); };
  EXPECT_EQ(code(f.Annual(2023, "2024-03-02")), StatusCode::kAlreadyExists);
  EXPECT_EQ(code(f.Annual(2022, "2024-03-02")), StatusCode::kInvalidArgument) << "before the recording year";
  EXPECT_EQ(code(f.Annual(2025, "2024-03-02")), StatusCode::kInvalidArgument) << "after the filing year";
  EXPECT_EQ(code(f.Annual(2024, "2024-13-01")), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(f.Annual(2024, "2999-01-01")), StatusCode::kInvalidArgument) << "in the future";
  EXPECT_EQ(code(f.Annual(2024, "2023-04-30")), StatusCode::kInvalidArgument) << "before recording";
  EXPECT_EQ(code(f.Annual(2024, "2025-01-10", "  ")), StatusCode::kInvalidArgument);
  auto change = [&](std::string kind, std::string changed_on, std::string filed_on) {
    return FileMajorChange(*f.ops, f.rec.id, {kind, changed_on, "秘书长单位变更", filed_on, "op"});
  };
  EXPECT_EQ(code(change("colour", "2024-06-01", "2024-06-10")), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(change("secretary_general_unit", "2023-04-01", "2024-06-10")), StatusCode::kInvalidArgument)
      << "before recording";
  EXPECT_EQ(code(change("secretary_general_unit", "2024-06-11", "2024-06-10")), StatusCode::kInvalidArgument)
      << "after filing";
  EXPECT_EQ(code(change("secretary_general_unit", "2024-06-31", "2024-07-10")), StatusCode::kInvalidArgument);
  EXPECT_EQ(DumpOperations(f.dir.path()), before);

  Result<RecordingReport> in_time = change("secretary_general_unit", "2024-06-01", "2024-07-01");
  ASSERT_TRUE(in_time.ok()) << in_time.status().ToString();
  EXPECT_EQ(in_time->due_on, "2024-07-01");
  EXPECT_FALSE(in_time->late());
  Result<RecordingReport> late = change("members", "2024-06-01", "2024-07-02");
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->late());
  EXPECT_FALSE(f.ops->db().Exec("DELETE FROM recording_report").ok()) << "filed reports are immutable";
  std::vector<RecordingEvent> h = *RecordingHistory(*f.ops, f.rec.id);
  EXPECT_EQ(h.back().action, "major_change");
  EXPECT_EQ(h.back().comment, "members on 2024-06-01 (late)");
}

TEST(Rectification, EveryStateActionAndRoleAgainstTheTable) {
  using R = RecordingRole;
  // (state, action) -> (next, office?), written out independently.
  const std::map<std::pair<std::string, std::string>, std::pair<std::string, bool>> table = {
      {{"ordered", "report"}, {"reported", false}},
      {{"reported", "close"}, {"closed", true}},
      {{"ordered", "remove"}, {"removed", true}},
      {{"reported", "remove"}, {"removed", true}},
  };
  for (const std::string state : {"ordered", "reported"})
    for (const std::string action : {"report", "close", "remove", "reopen"})
      for (R role : {R::kOperator, R::kProvinceReviewer, R::kNationalReviewer}) {
        Recorded f;
        f.Record();
        ASSERT_TRUE(OrderRectification(*f.ops, f.rec.id, {"未按期报送年度报告", "2024-01-10", "2024-03-10", "rev",
                                                          R::kProvinceReviewer}).ok());
        if (state == "reported")
          ASSERT_TRUE(StepRectification(*f.ops, f.rec.id, {"report", "已补报", "2024-02-01", "op", R::kOperator}).ok());
        const std::string what = state + " " + action + " by " + RecordingRoleName(role);
        const std::string before = DumpOperations(f.dir.path());
        Result<Rectification> r = StepRectification(*f.ops, f.rec.id, {action, "说明", "2024-02-20", "x", role});
        auto it = table.find({state, action});
        if (it == table.end()) {
          EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition) << what;
          EXPECT_NE(r.status().message().find("allowed:"), std::string::npos) << r.status().message();
          EXPECT_EQ(DumpOperations(f.dir.path()), before) << what;
        } else if (it->second.second != (role != R::kOperator)) {
          EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied) << what;
          EXPECT_EQ(DumpOperations(f.dir.path()), before) << what;
        } else {
          ASSERT_TRUE(r.ok()) << what << ": " << r.status().ToString();
          EXPECT_EQ(r->state, it->second.first) << what;
          EXPECT_EQ(ListRectifications(*f.ops, f.rec.id)->back().state, it->second.first);
          if (it->second.first != "reported")
            EXPECT_EQ(StepRectification(*f.ops, f.rec.id, {"close", "x", "", "x", R::kNationalReviewer}).status().code(),
                      StatusCode::kFailedPrecondition)
                << "nothing open after " << what;
        }
      }
}

TEST(Rectification, OrderedOverdueThenRemovedFromTheRecordAndItsLibraries) {
  Recorded f;
  f.Record();
  ASSERT_TRUE(EnterLibrary(*f.ops, f.rec, kNationalLibrary, "admin").ok());
  ASSERT_TRUE(EnterLibrary(*f.ops, f.rec, "北京市", "rev").ok());
  const std::string before = DumpOperations(f.dir.path());
  EXPECT_EQ(OrderRectification(*f.ops, f.rec.id, {"", "2024-01-10", "2024-03-10", "rev", RecordingRole::kProvinceReviewer})
                .status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(OrderRectification(*f.ops, f.rec.id, {"原因", "2024-01-10", "2024-01-10", "rev", RecordingRole::kProvinceReviewer})
                .status().code(), StatusCode::kInvalidArgument) << "due after the order";
  EXPECT_EQ(DumpOperations(f.dir.path()), before);
  Result<Rectification> ordered =
      OrderRectification(*f.ops, f.rec.id, {"成员名单不实", "2024-01-10", "2024-03-10", "rev", RecordingRole::kProvinceReviewer});
  ASSERT_TRUE(ordered.ok()) << ordered.status().ToString();
  EXPECT_FALSE(ordered->overdue_on("2024-03-10"));
  EXPECT_TRUE(ordered->overdue_on("2024-03-11"));
  EXPECT_EQ(OrderRectification(*f.ops, f.rec.id, {"再次", "2024-02-01", "2024-04-01", "rev", RecordingRole::kProvinceReviewer})
                .status().code(), StatusCode::kFailedPrecondition) << "one open at a time";
  EXPECT_EQ(StepRectification(*f.ops, f.rec.id, {"remove", "逾期未整改", "2024-01-01", "rev", RecordingRole::kProvinceReviewer})
                .status().code(), StatusCode::kInvalidArgument) << "before the order";
  Result<Rectification> removed =
      StepRectification(*f.ops, f.rec.id, {"remove", "逾期未整改", "2024-03-20", "rev", RecordingRole::kProvinceReviewer});
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_FALSE(removed->overdue_on("2024-04-01")) << "decided";
  Recording r = *FindRecording(*f.ops, f.rec.id);
  EXPECT_EQ(r.removed_on, "2024-03-20");
  EXPECT_EQ(r.removal_reason, "逾期未整改");
  EXPECT_EQ(r.state, RecordingState::kRecorded) << "the record stays, marked removed";
  EXPECT_TRUE(ListLibrary(*f.ops, kNationalLibrary)->empty());
  EXPECT_TRUE(ListLibrary(*f.ops, "北京市")->empty());
  EXPECT_EQ(FileAnnualReport(*f.ops, f.rec.id, {2024, "报告", "2024-05-01", "op"}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(OrderRectification(*f.ops, f.rec.id, {"再次", "2024-04-01", "2024-05-01", "rev", RecordingRole::kProvinceReviewer})
                .status().code(), StatusCode::kFailedPrecondition);
  std::vector<AnnualObligation> o = AnnualObligations(r, {}, "2026-06-01");
  ASSERT_EQ(o.size(), 1u) << "obligations end with the removal";
  EXPECT_EQ(o[0].year, 2023);
  std::vector<RecordingEvent> h = *RecordingHistory(*f.ops, f.rec.id);
  EXPECT_EQ(h[h.size() - 2].action, "order_rectification");
  EXPECT_EQ(h.back().action, "remove");
  EXPECT_EQ(h.back().role, "province_reviewer");
}

TEST(ManagementLibrary, AnnualReviewRetainsWarnsOrRemovesAndBadReviewsWriteNothing) {
  Recorded f;
  f.Record();
  ASSERT_TRUE(EnterLibrary(*f.ops, f.rec, kNationalLibrary, "admin").ok());
  ASSERT_TRUE(EnterLibrary(*f.ops, f.rec, "北京市", "rev").ok());
  const Alliance a = *FindAlliance(*f.ops, f.rec.alliance);
  const int year = std::stoi(TodayUtc().substr(0, 4));  // entered this year
  auto review = [&](std::string level, int y, std::string decision, std::string reason, std::string on = "") {
    return ReviewLibraryEntry(*f.ops, a, {level, y, decision, reason, on, "admin"});
  };

  const std::string before = DumpOperations(f.dir.path());
  Status other = review(kNationalLibrary, year, "keep", "").status();
  EXPECT_EQ(other.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(other.message().find("retain, warning, remove"), std::string::npos) << other.message();
  EXPECT_EQ(review(kNationalLibrary, year, "warning", " ").status().code(), StatusCode::kInvalidArgument) << "a warning says why";
  EXPECT_EQ(review(kNationalLibrary, year, "remove", "").status().code(), StatusCode::kInvalidArgument);
  Status early = review(kNationalLibrary, year - 1, "retain", "").status();
  EXPECT_EQ(early.code(), StatusCode::kInvalidArgument) << "before it was entered";
  EXPECT_NE(early.message().find("outside"), std::string::npos) << early.message();
  EXPECT_EQ(review(kNationalLibrary, year + 1, "retain", "").status().code(), StatusCode::kInvalidArgument)
      << "a year after the review's";
  EXPECT_EQ(review(kNationalLibrary, year, "retain", "", "2026/12/01").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(review("上海市", year, "retain", "").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(DumpOperations(f.dir.path()), before);

  Result<LibraryReview> kept = review(kNationalLibrary, year, "retain", "");
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->reviewed_on, TodayUtc());
  const std::string once = DumpOperations(f.dir.path());
  EXPECT_EQ(review(kNationalLibrary, year, "remove", "again").status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(DumpOperations(f.dir.path()), once);
  ASSERT_TRUE(review("北京市", year, "warning", "年度报告逾期").ok());
  EXPECT_EQ(ListLibrary(*f.ops, "北京市")->size(), 1u) << "a warning keeps the entry";

  // The next year's review removes it from the national library only.
  const std::string next = std::to_string(year + 1) + "-03-01";
  Result<LibraryReview> removed = review(kNationalLibrary, year + 1, "remove", "连续两年未开展活动", next);
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_TRUE(ListLibrary(*f.ops, kNationalLibrary)->empty());
  EXPECT_EQ(ListLibrary(*f.ops, "北京市")->size(), 1u);
  EXPECT_EQ(review(kNationalLibrary, year + 1, "retain", "", next).status().code(), StatusCode::kNotFound)
      << "no longer in that library";
  std::vector<LibraryReview> national = *ListLibraryReviews(*f.ops, kNationalLibrary);
  ASSERT_EQ(national.size(), 2u) << "the reviews outlive the entry";
  EXPECT_EQ(national[0].year, year + 1);
  EXPECT_EQ(national[0].decision, "remove");
  EXPECT_EQ(national[1].decision, "retain");
  EXPECT_EQ(ListLibraryReviews(*f.ops, "北京市")->at(0).reason, "年度报告逾期");
  EXPECT_FALSE(f.ops->db().Exec("DELETE FROM library_review").ok()) << "append-only";
}

}  // namespace
}  // namespace patnav::domain
