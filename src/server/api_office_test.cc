// The IP office's records over HTTP: a reviewer of 北京市 records a
// dishonesty decision about an alliance member, notifies and lists it; the
// member's own user sees it and files a repair request, refused before the
// minimum period with the first allowed date named; a reviewer of 上海市 and
// another member get 404 exactly as for a missing record; complaints and a
// case file on a patent in the store with working-day deadlines, more
// patents linked after it is opened; the public lists (JSON and CSV) without
// signing in; every change in the audit trail.
#include "api_fixture.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

std::string NewUser(ApiFixture& api, const std::string& name, const Json& grant) {
  Json add = {{"username", name}, {"password", kPassword}, {"grants", Json::array({grant})}};
  EXPECT_EQ(api.Call("admin", "POST", "/api/v1/users", add).status, 201) << name;
  std::string token = api.Login(name);
  EXPECT_FALSE(token.empty()) << name;
  return "Cookie: patnav_session=" + token;
}

TEST(ApiOffice, CredibilityRecordsByProvinceAndSubject) {
  PATNAV_REQUIRE_API();
  const std::string sh = NewUser(api, "offShanghai", {{"role", "reviewer"}, {"province", "上海市"}});
  auto as = [&](const std::string& cookie, const std::string& method, const std::string& path, const Json& body = nullptr) {
    return api.Call("", method, path, body.is_null() ? "" : body.dump(), {cookie});
  };
  Json in = {{"province", "北京市"},
             {"subject_name", "Acme"},
             {"subject_code", "91110000ACME00001X"},
             {"member", "Acme"},
             {"category", "abnormal_patent_application"},
             {"measures", {"key_supervision", "no_demonstration_status"}},
             {"organ", "北京市知识产权局"},
             {"decision_number", "京知信〔2026〕101号"},
             {"decided_on", "2026-01-05"}};
  EXPECT_EQ(as(sh, "POST", "/api/v1/credit-records", in).status, 404) << "another province";
  EXPECT_EQ(api.Call("opA", "POST", "/api/v1/credit-records", in).status, 403) << "not an office";
  Json bad = in;
  bad["category"] = "lying";
  TestResponse refused = api.Call("rev", "POST", "/api/v1/credit-records", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(Body(refused)["detail"].get<std::string>().find("abnormal_patent_application"), std::string::npos);
  TestResponse made = api.Call("rev", "POST", "/api/v1/credit-records", in);
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string rec = "/api/v1/credit-records/" + std::to_string(Body(made)["id"].get<int64_t>());
  EXPECT_EQ(Body(made)["category"]["name_zh"], "不以保护创新为目的的非正常专利申请行为");
  EXPECT_EQ(Body(made)["allowed_actions"], Json::array({"notify", "revoke"}));

  // Another province's reviewer and another member: 404 as a missing record.
  TestResponse other = as(sh, "GET", rec);
  TestResponse missing = as(sh, "GET", "/api/v1/credit-records/999999");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  std::string d1 = Body(other)["detail"], d2 = Body(missing)["detail"];
  EXPECT_EQ(d1.substr(0, d1.rfind(' ')), d2.substr(0, d2.rfind(' ')));
  EXPECT_EQ(as(sh, "POST", rec + "/notify", Json::object()).status, 404);
  EXPECT_EQ(api.Call("opB", "GET", rec).status, 404);
  EXPECT_EQ(api.Call("", "GET", rec).status, 401);

  ASSERT_EQ(api.Call("rev", "POST", rec + "/notify", Json{{"on", "2026-01-06"}}).status, 200);
  TestResponse early = api.Call("rev", "POST", rec + "/expire", Json{{"on", "2026-01-07"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(Body(early)["detail"].get<std::string>().find("allowed: file_statement, list, revoke"), std::string::npos);
  // The subject's own user sees it and states its case (today).
  TestResponse mine = api.Call("memA", "GET", rec);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Body(mine)["allowed_actions"], Json::array({"file_statement"}));
  EXPECT_EQ(api.Call("memA", "POST", rec + "/list", Json::object()).status, 403) << "listing is the office's";
  TestResponse stated = api.Call("memA", "POST", rec + "/file_statement", Json{{"comment", "申请均有研发背景"}});
  ASSERT_EQ(stated.status, 200) << stated.body;
  EXPECT_EQ(Body(stated)["statement"], "申请均有研发背景");
  // Listed today: the repair request is refused before six months.
  TestResponse listed = api.Call("rev", "POST", rec + "/list", Json::object());
  ASSERT_EQ(listed.status, 200) << listed.body;
  const std::string opens = Body(listed)["repair_opens_on"];
  TestResponse too_early = api.Call("memA", "POST", rec + "/request_repair", Json{{"comment", "已整改"}});
  EXPECT_EQ(too_early.status, 409);
  EXPECT_NE(Body(too_early)["detail"].get<std::string>().find("from " + opens), std::string::npos) << too_early.body;
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/credit-records").status, 200);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/credit-records")).size(), 1u);
  EXPECT_EQ(Body(as(sh, "GET", "/api/v1/credit-records")).size(), 0u);
  EXPECT_EQ(as(sh, "GET", "/api/v1/credit-records?province=" + Encode("北京市")).status, 404);

  // The gate and the public list (no sign-in), JSON and CSV.
  TestResponse gate = api.Call("rev", "GET", "/api/v1/credit-records/gate?subject=91110000ACME00001X");
  ASSERT_EQ(gate.status, 200) << gate.body;
  EXPECT_EQ(Body(gate)["has_active_record"], true);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/credit-records/gate?subject=x").status, 403);
  TestResponse pub = api.Call("", "GET", "/api/v1/public/dishonesty");
  ASSERT_EQ(pub.status, 200) << pub.body;
  ASSERT_EQ(Body(pub).size(), 1u);
  EXPECT_EQ(Body(pub)[0]["decision_number"], "京知信〔2026〕101号");
  EXPECT_EQ(Body(pub)[0].count("facts"), 0u);
  TestResponse csv = api.Call("", "GET", "/api/v1/public/dishonesty.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv.body.find("京知信〔2026〕101号"), std::string::npos);
  EXPECT_EQ(Body(api.Call("", "GET", "/api/v1/public/dishonesty?date=2025-12-31")).size(), 0u);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/public/dishonesty?date=soon").status, 400);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/public/alliances").status, 200);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/public/library.csv").status, 200);

  TestResponse revoked = api.Call("rev", "POST", rec + "/revoke", Json{{"comment", "复议撤销"}});
  ASSERT_EQ(revoked.status, 200);
  EXPECT_EQ(Body(api.Call("", "GET", "/api/v1/public/dishonesty")).size(), 0u) << "a revoked record leaves the list";

  TestResponse trail = api.Call("admin", "GET", "/api/v1/audit?action=actOnCreditRecord&limit=100");
  ASSERT_EQ(trail.status, 200);
  int ok = 0, no = 0;
  const Json page = Body(trail);
  for (const auto& e : page["entries"]) (e["outcome"] == "ok" ? ok : no) += 1;
  EXPECT_EQ(ok, 4) << trail.body;
  EXPECT_GE(no, 4);
}

TEST(ApiOffice, ComplaintsAndCasesWithDeadlines) {
  PATNAV_REQUIRE_API();
  const std::string sh = NewUser(api, "offShanghai2", {{"role", "reviewer"}, {"province", "上海市"}});
  auto as = [&](const std::string& cookie, const std::string& method, const std::string& path, const Json& body = nullptr) {
    return api.Call("", method, path, body.is_null() ? "" : body.dump(), {cookie});
  };
  const std::string pn = api.publications().at(0);
  Json c = {{"province", "北京市"}, {"kind", "infringement_adjudication"}, {"complainant", "Acme"},
            {"respondent", "某公司"},  {"patent", pn},                       {"summary", "制造销售侵权产品"},
            {"received_on", "2026-03-02"}};
  Json unknown = c;
  unknown["patent"] = "CN999999999A";
  EXPECT_EQ(api.Call("rev", "POST", "/api/v1/complaints", unknown).status, 400) << "the patent is not in the store";
  TestResponse filed = api.Call("rev", "POST", "/api/v1/complaints", c);
  ASSERT_EQ(filed.status, 201) << filed.body;
  const int64_t id = Body(filed)["id"];
  EXPECT_EQ(Body(filed)["due_on"], "2026-03-09");  // five working days, weekends only here (no calendar in the data dir)
  EXPECT_EQ(Body(filed)["deadline"]["overdue_working_days"].get<int>() > 0, true) << "long past";
  EXPECT_FALSE(Body(filed)["warnings"].empty());
  const std::string cp = "/api/v1/complaints/" + std::to_string(id);
  EXPECT_EQ(as(sh, "GET", cp).status, 404);
  EXPECT_EQ(as(sh, "POST", cp + "/accept", Json::object()).status, 404);
  EXPECT_EQ(api.Call("memA", "GET", cp).status, 403);
  ASSERT_EQ(api.Call("rev", "POST", cp + "/accept", Json{{"on", "2026-03-04"}}).status, 200);
  TestResponse overdue = api.Call("rev", "GET", "/api/v1/complaints?overdue=true");
  ASSERT_EQ(overdue.status, 200);
  const Json overdue_list = Body(overdue);
  for (const auto& x : overdue_list) EXPECT_NE(x["id"], id) << "accepted: no deadline now";

  Json k = {{"province", "北京市"},        {"case_number", "京知裁〔2026〕7号"}, {"kind", "infringement_adjudication"},
            {"title", "Acme 诉某公司"},     {"complaint_id", id},                 {"patents", {pn}},
            {"opened_on", "2026-03-10"}};
  EXPECT_EQ(as(sh, "POST", "/api/v1/cases", k).status, 404);
  TestResponse opened = api.Call("rev", "POST", "/api/v1/cases", k);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(Body(opened)["due_on"], "2026-06-10");
  EXPECT_EQ(Body(api.Call("rev", "GET", cp))["state"], "case_opened");
  const std::string cs = "/api/v1/cases/" + std::to_string(Body(opened)["id"].get<int64_t>());
  TestResponse wrong = api.Call("rev", "POST", cs + "/close", Json::object());
  EXPECT_EQ(wrong.status, 409);
  EXPECT_NE(Body(wrong)["detail"].get<std::string>().find("allowed: decide, terminate"), std::string::npos);

  // More patents after opening: the case's province only, from the store,
  // each once, while the case is open.
  const std::string pn2 = api.publications().at(1), pn3 = api.publications().at(2);
  EXPECT_EQ(as(sh, "POST", cs + "/patents", Json{{"patents", {pn2}}}).status, 404);
  EXPECT_EQ(api.Call("memA", "POST", cs + "/patents", Json{{"patents", {pn2}}}).status, 403);
  EXPECT_EQ(api.Call("rev", "POST", cs + "/patents", Json{{"patents", Json::array()}}).status, 400);
  TestResponse absent = api.Call("rev", "POST", cs + "/patents", Json{{"patents", {pn2, "CN999999999A"}}});
  EXPECT_EQ(absent.status, 400);
  EXPECT_NE(Body(absent)["detail"].get<std::string>().find("CN999999999A"), std::string::npos) << absent.body;
  EXPECT_EQ(api.Call("rev", "POST", cs + "/patents", Json{{"patents", {pn2, pn}}}).status, 409) << "linked already";
  TestResponse linked = api.Call("rev", "POST", cs + "/patents", Json{{"patents", {pn2, pn3}}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(Body(linked)["patents"].size(), 3u) << "the two refused requests linked nothing";
  EXPECT_EQ(Body(linked)["history"].size(), 2u);
  EXPECT_EQ(Body(linked)["history"][1]["action"], "link");

  TestResponse decided = api.Call("rev", "POST", cs + "/decide", Json{{"on", "2026-05-20"}, {"comment", "侵权成立，责令停止"}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(Body(decided)["state"], "decided");
  EXPECT_EQ(Body(decided)["history"].size(), 3u);
  EXPECT_EQ(api.Call("rev", "POST", cs + "/patents", Json{{"patents", {api.publications().at(3)}}}).status, 409)
      << "decided: no more patents";
}

}  // namespace
}  // namespace patnav::server::testing
