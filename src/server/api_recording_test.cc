// The recording workflow over HTTP: an alliance's operator drafts and
// submits, the reviewer of the province it was submitted to returns,
// accepts and recommends, the administrator records; each step for its role
// only, another tenant's operator and another province's reviewer get 404
// exactly as for a missing alliance, the offices' queues show only their
// province, the library its levels, and every change is in the audit trail.
// The materials' files: uploaded by the operator (raw or multipart), refused
// when too large, of another type or named like a path, served to the
// operator and the reviewing province only (404 to everyone else).
#include "api_fixture.h"
#include "domain/period.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

// A user of its own with one grant, signed in; the cookie header.
std::string NewUser(ApiFixture& api, const std::string& name, const Json& grant) {
  Json add = {{"username", name}, {"password", kPassword}, {"grants", Json::array({grant})}};
  EXPECT_EQ(api.Call("admin", "POST", "/api/v1/users", add).status, 201) << name;
  std::string token = api.Login(name);
  EXPECT_FALSE(token.empty()) << name;
  return "Cookie: patnav_session=" + token;
}

TEST(ApiRecording, WorkflowByRoleTenantAndProvince) {
  PATNAV_REQUIRE_API();
  // Alpha (cooperative, 北京市海淀区, members Acme and Tsinghua) applies;
  // its charter gets the items it lacks. No alliance or member is added, so
  // the other tests' fixtures stay as they were.
  const std::string a = "/api/v1/alliances/Alpha", rec = a + "/recording";
  for (int i = 2; i <= 9; ++i)
    ASSERT_EQ(api.Call("opA", "PUT", a + "/charter/" + std::to_string(i), Json{{"text", "条款"}}).status, 200);
  const std::string sh = NewUser(api, "revShanghai", {{"role", "reviewer"}, {"province", "上海市"}});
  auto as = [&](const std::string& cookie, const std::string& method, const std::string& path, const Json& body = nullptr) {
    return api.Call("", method, path, body.is_null() ? "" : body.dump(), {cookie});
  };

  Json form = {{"province", "北京市"},       {"industry", "储能"},        {"industry_category", "ip_intensive"},
               {"industry_stage", "growing"}, {"lead_unit", "Acme"},      {"secretary_general_unit", "Tsinghua"},
               {"operator", "Acme"},          {"third_party_operator", true},      {"contact_person", "李四"}, {"contact_phone", "010-1"},
               {"lead_licence", true},        {"secretary_licence", true}, {"charter_signed", true}};
  TestResponse started = api.Call("opA", "POST", rec, form);
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_EQ(Body(started)["state"], "draft");
  EXPECT_EQ(Body(started)["failing_rules"].size(), 0u) << started.body;
  EXPECT_EQ(Body(started)["allowed_actions"], Json::array({"submit", "withdraw"}));
  EXPECT_EQ(Body(started)["priority_circumstances"][1]["met"], false) << "no trading centre among the members";
  EXPECT_EQ(Body(started)["priority_circumstances"][2]["met"], true) << "a third-party operator";

  // Other tenants: 404 exactly as a missing alliance; the province's
  // reviewer does not see a draft.
  TestResponse other = api.Call("opB", "GET", rec);
  TestResponse missing = api.Call("opB", "GET", "/api/v1/alliances/NoSuch/recording");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  std::string d1 = Body(other)["detail"], d2 = Body(missing)["detail"];
  EXPECT_EQ(d1.replace(d1.find("Alpha"), 5, "X"), d2.replace(d2.find("NoSuch"), 6, "X"));
  EXPECT_EQ(api.Call("opB", "POST", rec + "/submit", Json::object()).status, 404);
  EXPECT_EQ(api.Call("opB", "PUT", rec, form).status, 404);
  EXPECT_EQ(api.Call("memA", "GET", rec).status, 200) << "the alliance's members may read its application";
  EXPECT_EQ(api.Call("memA", "POST", rec + "/submit", Json::object()).status, 403);
  EXPECT_EQ(api.Call("rev", "GET", rec).status, 404) << "a draft is the alliance's own";
  EXPECT_EQ(api.Call("", "GET", rec).status, 401);

  // The materials' files while the application is a draft.
  const std::string pdf = "%PDF-1.4\n% 联盟章程\n%%EOF\n";
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "IHDR-licence";
  const std::string pdf_type = "Content-Type: application/pdf";
  TestResponse up = api.Call("opA", "POST", rec + "/materials/charter/files?filename=" + Encode("章程.pdf"), pdf, {pdf_type});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(Body(up)["content_type"], "application/pdf");
  EXPECT_EQ(Body(up)["label"], "章程.pdf");
  const std::string file = a + "/recording/files/" + std::to_string(Body(up)["id"].get<int64_t>());
  const std::string mp = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.png\"\r\n"
                         "Content-Type: image/png\r\n\r\n" + png + "\r\n--b1--\r\n";
  const std::string mp_type = "Content-Type: multipart/form-data; boundary=b1";
  TestResponse up2 = api.Call("opA", "POST", rec + "/materials/licences/files", mp, {mp_type});
  ASSERT_EQ(up2.status, 201) << up2.body;
  EXPECT_EQ(Body(up2)["content_type"], "image/png");
  const std::string file2 = a + "/recording/files/" + std::to_string(Body(up2)["id"].get<int64_t>());
  std::string big = pdf;
  big.resize((10u << 20) + 1, ' ');
  TestResponse too_big = api.Call("opA", "POST", rec + "/materials/charter/files?filename=big.pdf", big, {pdf_type});
  EXPECT_EQ(too_big.status, 400) << too_big.body;
  EXPECT_NE(Body(too_big)["detail"].get<std::string>().find("over the limit"), std::string::npos);
  EXPECT_EQ(api.Call("opA", "POST", rec + "/materials/charter/files?filename=x.pdf", "<html></html>", {pdf_type}).status,
            415);
  for (const char* name : {"../../operations.db", "..%2F..%2Fx.pdf", "a%5Cb.pdf"})
    EXPECT_EQ(api.Call("opA", "POST", rec + "/materials/charter/files?filename=" + name, pdf, {pdf_type}).status, 400)
        << name;
  std::string trick = mp;
  trick.replace(trick.find("licence.png"), 11, "../../../licence.png");
  EXPECT_EQ(api.Call("opA", "POST", rec + "/materials/licences/files", trick, {mp_type}).status, 400);
  EXPECT_EQ(api.Call("opA", "POST", rec + "/materials/photos/files?filename=a.pdf", pdf, {pdf_type}).status, 400);
  EXPECT_EQ(api.Call("memA", "POST", rec + "/materials/charter/files?filename=a.pdf", pdf, {pdf_type}).status, 403);
  EXPECT_EQ(api.Call("opB", "POST", rec + "/materials/charter/files?filename=a.pdf", pdf, {pdf_type}).status, 404);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/materials/charter/files?filename=a.pdf", pdf, {pdf_type}).status, 404);
  TestResponse got = api.Call("opA", "GET", file);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(got.Header("content-type"), "application/pdf");
  EXPECT_EQ(got.Header("content-disposition").find(".."), std::string::npos);
  for (const char* who : {"memA", "opB", "rev"}) EXPECT_EQ(api.Call(who, "GET", file).status, 404) << who;
  EXPECT_EQ(as(sh, "GET", file).status, 404);
  EXPECT_EQ(api.Call("", "GET", file).status, 401);
  EXPECT_EQ(api.Call("opA", "GET", a + "/recording/files/999").status, 404);
  EXPECT_EQ(api.Call("opB", "GET", "/api/v1/alliances/Beta/recording/files/" +
                                       std::to_string(Body(up)["id"].get<int64_t>())).status, 404)
      << "another alliance's path to the same id";
  EXPECT_EQ(api.Call("memA", "DELETE", file2).status, 404);
  ASSERT_EQ(api.Call("opA", "DELETE", file2).status, 204);
  EXPECT_EQ(api.Call("opA", "GET", file2).status, 404);
  TestResponse shown = api.Call("opA", "GET", rec);
  ASSERT_EQ(Body(shown)["materials"][1]["material"], "charter");
  ASSERT_EQ(Body(shown)["materials"][1]["files"].size(), 1u) << shown.body;
  EXPECT_EQ(Body(shown)["materials"][1]["files"][0]["label"], "章程.pdf");
  EXPECT_EQ(Body(shown)["materials"][2]["files"].size(), 0u);

  ASSERT_EQ(api.Call("opA", "POST", rec + "/submit", Json::object()).status, 200);
  EXPECT_EQ(api.Call("rev", "GET", rec).status, 200);
  TestResponse reviewed = api.Call("rev", "GET", file);
  EXPECT_EQ(reviewed.status, 200) << "the reviewing province reads the files once submitted";
  EXPECT_EQ(reviewed.body, pdf);
  EXPECT_EQ(as(sh, "GET", file).status, 404) << "another province's reviewer";
  EXPECT_EQ(api.Call("memA", "GET", file).status, 404);
  EXPECT_EQ(api.Call("rev", "DELETE", file).status, 403);
  EXPECT_EQ(api.Call("opA", "DELETE", file).status, 409) << "submitted: files are frozen";
  EXPECT_EQ(api.Call("opA", "POST", rec + "/materials/charter/files?filename=late.pdf", pdf, {pdf_type}).status, 409);
  EXPECT_EQ(as(sh, "GET", rec).status, 404) << "another province's reviewer";
  EXPECT_EQ(as(sh, "POST", rec + "/accept", Json::object()).status, 404);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/withdraw", Json::object()).status, 403) << "withdrawal is the operator's";
  TestResponse early = api.Call("rev", "POST", rec + "/record", Json::object());
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_NE(Body(early)["detail"].get<std::string>().find("allowed: return, accept, withdraw"), std::string::npos);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/return", Json::object()).status, 400) << "a return says what to correct";
  EXPECT_EQ(api.Call("rev", "POST", rec + "/approve", Json::object()).status, 400) << "no such action";
  TestResponse returned = api.Call("rev", "POST", rec + "/return", Json{{"comment", "补充联系人"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(Body(returned)["state"], "needs_correction");
  EXPECT_EQ(Body(returned)["allowed_actions"], Json::array()) << "the reviewer can do nothing now";

  form["contact_email"] = "li@example.cn";
  ASSERT_EQ(api.Call("opA", "PUT", rec, form).status, 200);
  ASSERT_EQ(api.Call("opA", "POST", rec + "/resubmit", Json::object()).status, 200);
  ASSERT_EQ(api.Call("rev", "POST", rec + "/accept", Json::object()).status, 200);
  ASSERT_EQ(api.Call("rev", "POST", rec + "/recommend", Json::object()).status, 200);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/record", Json::object()).status, 403) << "recording is the national office's";
  TestResponse recorded = api.Call("admin", "POST", rec + "/record", Json{{"recorded_on", "2026-05-01"}});
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  Json r = Body(recorded);
  EXPECT_EQ(r["state"], "recorded");
  EXPECT_EQ(r["recorded_on"], "2026-05-01");
  EXPECT_EQ(r["record_number"].get<std::string>().rfind("IPA-2026-", 0), 0u);
  EXPECT_EQ(r["form"]["contact_email"], "li@example.cn");
  ASSERT_EQ(r["history"].size(), 11u) << "8 steps and the files' 2 uploads and 1 removal";
  EXPECT_EQ(r["history"][1]["action"], "upload_file");
  EXPECT_EQ(r["history"][3]["action"], "remove_file");
  EXPECT_EQ(r["history"][5]["actor"], "rev");
  EXPECT_EQ(r["history"][5]["comment"], "补充联系人");
  EXPECT_EQ(r["history"][10]["role"], "national_reviewer");

  // Queues: a reviewer sees its province's only.
  auto names = [&](const TestResponse& t) {
    std::vector<std::string> out;
    const Json list = Body(t);
    for (const auto& x : list) out.push_back(x["alliance"]);
    return out;
  };
  TestResponse q = api.Call("rev", "GET", "/api/v1/recordings?province=" + Encode("北京市"));
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(names(q), std::vector<std::string>{"Alpha"});
  TestResponse qsh = as(sh, "GET", "/api/v1/recordings");
  ASSERT_EQ(qsh.status, 200);
  EXPECT_TRUE(names(qsh).empty()) << qsh.body;
  EXPECT_EQ(as(sh, "GET", "/api/v1/recordings?province=" + Encode("北京市")).status, 404);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/recordings").status, 200);
  EXPECT_EQ(names(api.Call("opA", "GET", "/api/v1/recordings")), std::vector<std::string>{"Alpha"});
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/recordings").status, 403);
  EXPECT_EQ(names(api.Call("opB", "GET", "/api/v1/recordings")), std::vector<std::string>{});

  // The library: each level kept by its office.
  EXPECT_EQ(api.Call("rev", "POST", a + "/library", Json{{"level", "national"}}).status, 403);
  EXPECT_EQ(as(sh, "POST", a + "/library", Json{{"level", "上海市"}}).status, 404);
  TestResponse entered = api.Call("rev", "POST", a + "/library", Json{{"level", "北京市"}});
  ASSERT_EQ(entered.status, 201) << entered.body;
  EXPECT_EQ(Body(entered)["priority_count"], 1);
  ASSERT_EQ(api.Call("admin", "POST", a + "/library", Json{{"level", "national"}}).status, 201);
  TestResponse national = api.Call("opA", "GET", "/api/v1/recordings/library?level=national");
  ASSERT_EQ(national.status, 200) << national.body;
  EXPECT_EQ(names(national), std::vector<std::string>{"Alpha"});
  EXPECT_EQ(as(sh, "GET", "/api/v1/recordings/library?level=" + Encode("北京市")).status, 404);
  EXPECT_EQ(names(api.Call("rev", "GET", "/api/v1/recordings/library?level=" + Encode("北京市"))),
            std::vector<std::string>{"Alpha"});

  // The library's annual review: by its keeper only; a warning says why; one a year.
  const int year = std::stoi(domain::TodayUtc().substr(0, 4));  // entered today
  const Json warning = {{"level", "北京市"}, {"year", year}, {"decision", "warning"}, {"reason", "年度报告质量不高"}};
  EXPECT_EQ(api.Call("opA", "POST", a + "/library/reviews", warning).status, 403) << "sees it, does not keep the library";
  EXPECT_EQ(as(sh, "POST", a + "/library/reviews", warning).status, 404);
  EXPECT_EQ(api.Call("rev", "POST", a + "/library/reviews",
                     Json{{"level", "national"}, {"year", year}, {"decision", "retain"}}).status, 403);
  EXPECT_EQ(api.Call("rev", "POST", a + "/library/reviews",
                     Json{{"level", "北京市"}, {"year", year}, {"decision", "warning"}}).status, 400);
  TestResponse warned = api.Call("rev", "POST", a + "/library/reviews", warning);
  ASSERT_EQ(warned.status, 201) << warned.body;
  EXPECT_EQ(Body(warned)["decision"], "warning");
  EXPECT_EQ(Body(warned)["reviewed_by"], "rev");
  EXPECT_EQ(api.Call("rev", "POST", a + "/library/reviews", warning).status, 409) << "one review a year";
  TestResponse reviews = api.Call("rev", "GET", "/api/v1/recordings/library/reviews?level=" + Encode("北京市"));
  ASSERT_EQ(reviews.status, 200) << reviews.body;
  ASSERT_EQ(Body(reviews).size(), 1u);
  EXPECT_EQ(Body(reviews)[0]["reason"], "年度报告质量不高");
  EXPECT_EQ(as(sh, "GET", "/api/v1/recordings/library/reviews?level=" + Encode("北京市")).status, 404);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/recordings/library/reviews?level=national").status, 404);
  EXPECT_EQ(names(api.Call("rev", "GET", "/api/v1/recordings/library?level=" + Encode("北京市"))),
            std::vector<std::string>{"Alpha"}) << "a warning keeps the entry";

  // After recording (on 2026-05-01): reports by the operator, a
  // rectification ordered by the province, reported on and closed.
  const std::string after = rec + "/reports";
  TestResponse none = api.Call("memA", "GET", after);
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(Body(none)["annual_reports"].size(), 0u) << "recorded this year: nothing due yet";
  EXPECT_EQ(api.Call("opB", "GET", after).status, 404);
  EXPECT_EQ(as(sh, "GET", after).status, 404);
  Json annual = {{"year", 2026}, {"summary", "2026 年度报告"}};
  EXPECT_EQ(api.Call("memA", "POST", rec + "/annual-reports", annual).status, 403);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/annual-reports", annual).status, 403);
  EXPECT_EQ(api.Call("opB", "POST", rec + "/annual-reports", annual).status, 404);
  EXPECT_EQ(api.Call("opA", "POST", rec + "/annual-reports", Json{{"year", 2025}, {"summary", "x"}}).status, 400);
  TestResponse filed = api.Call("opA", "POST", rec + "/annual-reports", annual);
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(Body(filed)["reports"][0]["due_on"], "2027-03-31");
  EXPECT_EQ(api.Call("opA", "POST", rec + "/annual-reports", annual).status, 409);
  TestResponse change = api.Call("opA", "POST", rec + "/major-changes",
                                 Json{{"change_kind", "operator"}, {"changed_on", "2026-05-10"},
                                      {"summary", "运营机构变更"}, {"filed_on", "2026-07-01"}});
  ASSERT_EQ(change.status, 201) << change.body;
  EXPECT_EQ(Body(change)["reports"][0]["kind"], "major_change") << "filed earlier than the annual report";
  EXPECT_EQ(Body(change)["reports"][0]["late"], true);
  Json order = {{"text", "成员名单不实"}, {"on", "2026-07-02"}, {"due_on", "2026-08-02"}};
  EXPECT_EQ(api.Call("opA", "POST", rec + "/rectification/order", order).status, 403);
  EXPECT_EQ(as(sh, "POST", rec + "/rectification/order", order).status, 404);
  TestResponse ordered = api.Call("rev", "POST", rec + "/rectification/order", order);
  ASSERT_EQ(ordered.status, 200) << ordered.body;
  EXPECT_EQ(Body(ordered)["rectifications"][0]["overdue"], true) << "long past its due date";
  EXPECT_FALSE(Body(ordered)["warnings"].empty());
  TestResponse early_close = api.Call("rev", "POST", rec + "/rectification/close", Json{{"text", "x"}});
  EXPECT_EQ(early_close.status, 409);
  EXPECT_NE(Body(early_close)["detail"].get<std::string>().find("allowed: report, remove"), std::string::npos);
  EXPECT_EQ(api.Call("rev", "POST", rec + "/rectification/report", Json{{"text", "x"}}).status, 403);
  ASSERT_EQ(api.Call("opA", "POST", rec + "/rectification/report", Json{{"text", "已更正名单"}, {"on", "2026-07-20"}}).status,
            200);
  TestResponse closed = api.Call("rev", "POST", rec + "/rectification/close", Json{{"text", "整改到位"}, {"on", "2026-07-25"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Body(closed)["rectifications"][0]["state"], "closed");
  EXPECT_EQ(Body(closed)["recording"]["removed_on"], "");

  // Every change audited, refusals included.
  TestResponse trail = api.Call("admin", "GET", "/api/v1/audit?action=actOnRecording&limit=100");
  ASSERT_EQ(trail.status, 200);
  const Json page = Body(trail);
  int ok = 0, refused = 0;
  for (const auto& e : page["entries"]) {
    if (e["alliance"] != "Alpha") continue;
    (e["outcome"] == "ok" ? ok : refused) += 1;
  }
  EXPECT_EQ(ok, 6);
  EXPECT_GE(refused, 8);
  TestResponse uploads = api.Call("admin", "GET", "/api/v1/audit?action=uploadRecordingFile&limit=100");
  ASSERT_EQ(uploads.status, 200);
  ok = refused = 0;
  const Json upload_page = Body(uploads);
  for (const auto& e : upload_page["entries"]) (e["outcome"] == "ok" ? ok : refused) += 1;
  EXPECT_EQ(ok, 2) << uploads.body;
  EXPECT_GE(refused, 9);
}

}  // namespace
}  // namespace patnav::server::testing
