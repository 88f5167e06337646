// The recording workflow over HTTP: an alliance's operator drafts and
// submits, the reviewer of the province it was submitted to returns,
// accepts and recommends, the administrator records; each step for its role
// only, another tenant's operator and another province's reviewer get 404
// exactly as for a missing alliance, the offices' queues show only their
// province, the library its levels, and every change is in the audit trail.
#include "api_fixture.h"

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

  ASSERT_EQ(api.Call("opA", "POST", rec + "/submit", Json::object()).status, 200);
  EXPECT_EQ(api.Call("rev", "GET", rec).status, 200);
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
  ASSERT_EQ(r["history"].size(), 8u);
  EXPECT_EQ(r["history"][2]["actor"], "rev");
  EXPECT_EQ(r["history"][2]["comment"], "补充联系人");
  EXPECT_EQ(r["history"][7]["role"], "national_reviewer");

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
}

}  // namespace
}  // namespace patnav::server::testing
