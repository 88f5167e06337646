// Stored evaluation rounds over HTTP: a reviewer of 北京市 stores an
// indicator system (frozen: the same text again is already stored, another
// text under the version 409), opens a round and adds two subjects, one linked to
// Alpha's member Acme; Acme's user enters and submits its own figures, the
// office imports the other's from CSV, returns one figure and verifies; an
// illegal move is 409 naming the allowed ones; the round is scored,
// published, an outcome applied and the ranking workbook downloaded; computing
// patnav's own measures is the office's (403 for a member, 404 for another
// province); a reviewer of 上海市 gets 404 exactly as for a missing round.
#include "api_fixture.h"

#include "domain/evaluation/evaluation_testing.h"

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

Json Figures(const std::string& subject, double scale) {
  Json out = Json::array();
  const std::vector<std::pair<const char*, double>> values = {
      {"hv", 1200 * scale}, {"pop", 1e6}, {"pct", 40 * scale}, {"ip_share", 6 + scale}, {"pledge", 3 * scale},
      {"lag", 20 / scale},  {"violations", 0}, {"awards", 1}};
  for (const auto& [m, v] : values)
    out.push_back({{"subject", subject}, {"measure", m}, {"period", "2024"}, {"value", v}, {"source", "统计年鉴"}});
  return out;
}

TEST(ApiEvaluation, ARoundFromSystemToPublishedRanking) {
  PATNAV_REQUIRE_API();
  const std::string sh = NewUser(api, "evalShanghai", {{"role", "reviewer"}, {"province", "上海市"}});
  auto as = [&](const std::string& cookie, const std::string& method, const std::string& path, const Json& body = nullptr) {
    return api.Call("", method, path, body.is_null() ? "" : body.dump(), {cookie});
  };
  Json system = domain::evaluation::testing::SmallSystem();
  system["code"] = "api-cities";
  EXPECT_EQ(api.Call("memA", "POST", "/api/v1/indicator-systems", Json{{"system", system}}).status, 403);
  TestResponse stored = api.Call("rev", "POST", "/api/v1/indicator-systems", Json{{"system", system}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(Body(stored)["system"]["nodes"].size(), 9u);
  TestResponse again = api.Call("rev", "POST", "/api/v1/indicator-systems", Json{{"system", system}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(Body(again)["already_stored"], true);
  Json changed = system;
  changed["name_en"] = "Changed";
  EXPECT_EQ(api.Call("rev", "POST", "/api/v1/indicator-systems", Json{{"system", changed}}).status, 409);
  Json unknown = system;
  unknown["version"] = "2";
  domain::evaluation::testing::NodeOf(unknown, "A2")["formula"] = "pct / gdp";
  TestResponse bad = api.Call("rev", "POST", "/api/v1/indicator-systems", Json{{"system", unknown}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(Body(bad)["detail"].get<std::string>().find("gdp"), std::string::npos) << bad.body;
  ASSERT_EQ(api.Call("memA", "GET", "/api/v1/indicator-systems/api-cities/1").status, 200);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/indicator-systems/api-cities/2").status, 404);

  Json spec = {{"system_code", "api-cities"}, {"system_version", "1"}, {"name", "2024 年度考核"},
               {"province", "北京市"},         {"period", "2024"},         {"subject_kind", "city"}};
  EXPECT_EQ(as(sh, "POST", "/api/v1/rounds", spec).status, 404) << "another province";
  TestResponse opened = api.Call("rev", "POST", "/api/v1/rounds", spec);
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string round = "/api/v1/rounds/" + std::to_string(Body(opened)["id"].get<int64_t>());
  Json subjects = {{"subjects", {{{"code", "C01"}, {"name", "海淀"}, {"member", "Acme"}}, {{"code", "C02"}, {"name", "朝阳"}}}}};
  ASSERT_EQ(api.Call("rev", "POST", round + "/subjects", subjects).status, 200);

  TestResponse other = as(sh, "GET", round);
  TestResponse missing = as(sh, "GET", "/api/v1/rounds/999999");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  std::string d1 = Body(other)["detail"], d2 = Body(missing)["detail"];
  EXPECT_EQ(d1.substr(0, d1.rfind(' ')), d2.substr(0, d2.rfind(' ')));
  EXPECT_EQ(as(sh, "POST", round + "/open_self_assessment", Json::object()).status, 404);
  EXPECT_EQ(api.Call("memT", "GET", round).status, 404);
  EXPECT_EQ(api.Call("", "GET", round).status, 401);
  TestResponse illegal = api.Call("rev", "POST", round + "/publish", Json::object());
  EXPECT_EQ(illegal.status, 409);
  EXPECT_NE(Body(illegal)["detail"].get<std::string>().find("allowed: open_self_assessment"), std::string::npos);
  ASSERT_EQ(api.Call("rev", "POST", round + "/open_self_assessment", Json{{"comment", "数据填报"}}).status, 200);

  // patnav's own measures: the office only, {} for the defaults; of this
  // system's measures only hv (high-value invention patents) is patnav's,
  // computed for both subjects from the store.
  EXPECT_EQ(api.Call("memA", "POST", round + "/observations/compute", Json::object()).status, 403);
  EXPECT_EQ(as(sh, "POST", round + "/observations/compute", Json::object()).status, 404);
  TestResponse computed = api.Call("rev", "POST", round + "/observations/compute", Json::object());
  ASSERT_EQ(computed.status, 200) << computed.body;
  EXPECT_EQ(Body(computed)["changed"], 2);
  EXPECT_EQ(Body(computed)["kept"], 0);
  EXPECT_EQ(Body(computed)["computed"], Json({{"hv", 2}})) << computed.body;
  EXPECT_EQ(api.Call("rev", "POST", round + "/observations/compute", Json{{"replace", "yes"}}).status, 400);

  // Acme's user: its own subject only.
  TestResponse mine = api.Call("memA", "GET", round);
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(Body(mine)["subjects"].size(), 1u);
  EXPECT_EQ(Body(mine)["office"], false);
  EXPECT_EQ(api.Call("memA", "POST", round + "/observations", Json{{"observations", Figures("C02", 1)}}).status, 400);
  TestResponse entered = api.Call("memA", "POST", round + "/observations", Json{{"observations", Figures("C01", 2)}});
  ASSERT_EQ(entered.status, 200) << entered.body;
  EXPECT_EQ(Body(entered)["changed"], 8);
  ASSERT_EQ(api.Call("memA", "POST", round + "/subjects/C01/submit").status, 200);
  EXPECT_EQ(api.Call("memA", "POST", round + "/subjects/C01/verify", Json::object()).status, 403);

  // The office imports C02 from CSV: a figure outside the round refuses the file.
  std::string csv = "subject,measure,period,value,source\n";
  for (const auto& o : Figures("C02", 1))
    csv += "C02," + o["measure"].get<std::string>() + ",2024," + std::to_string(o["value"].get<double>()) + ",统计年鉴\n";
  TestResponse outside = api.Call("rev", "POST", round + "/observations/import?filename=c02.csv",
                                  csv + "C02,hv,2019,1,x\n", {"Content-Type: text/csv"});
  EXPECT_EQ(outside.status, 400);
  EXPECT_NE(Body(outside)["detail"].get<std::string>().find("period 2019 is outside the round"), std::string::npos)
      << outside.body;
  TestResponse imported = api.Call("rev", "POST", round + "/observations/import?filename=c02.csv", csv,
                                   {"Content-Type: text/csv"});
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(Body(imported)["changed"], 8);
  TestResponse returned = api.Call("rev", "POST", round + "/subjects/C01/return",
                                   Json{{"reason", "人口口径有误"}, {"measures", {"pop"}}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  TestResponse own = api.Call("memA", "GET", round + "/observations");
  ASSERT_EQ(own.status, 200);
  ASSERT_EQ(Body(own)["observations"].size(), 8u);
  ASSERT_EQ(api.Call("memA", "POST", round + "/observations",
                     Json{{"observations", {{{"subject", "C01"}, {"measure", "pop"}, {"period", "2024"}, {"value", 1.1e6}}}}})
                .status, 200);
  ASSERT_EQ(api.Call("memA", "POST", round + "/subjects/C01/submit").status, 200);
  ASSERT_EQ(api.Call("rev", "POST", round + "/subjects/C01/verify", Json::object()).status, 200);
  ASSERT_EQ(api.Call("rev", "POST", round + "/subjects/C02/verify", Json::object()).status, 200);
  EXPECT_EQ(api.Call("memA", "POST", round + "/observations/verify").status, 403);
  TestResponse nothing_left = api.Call("rev", "POST", round + "/observations/verify");
  EXPECT_EQ(nothing_left.status, 409) << nothing_left.body;
  EXPECT_NE(nothing_left.body.find("no entered or submitted observation"), std::string::npos) << nothing_left.body;

  EXPECT_EQ(api.Call("rev", "POST", round + "/score").status, 409) << "not in review yet";
  ASSERT_EQ(api.Call("rev", "POST", round + "/close_self_assessment", Json::object()).status, 200);
  TestResponse scored = api.Call("rev", "POST", round + "/score");
  ASSERT_EQ(scored.status, 200) << scored.body;
  ASSERT_EQ(Body(scored)["ranking"].size(), 2u);
  EXPECT_EQ(Body(scored)["ranking"][0]["subject"], "C01");
  EXPECT_TRUE(Body(scored)["round"].contains("sensitivity"));
  TestResponse explained = api.Call("rev", "GET", round + "/subjects/C01");
  ASSERT_EQ(explained.status, 200);
  EXPECT_FALSE(Body(explained)["result"]["explanation"].empty());
  EXPECT_TRUE(Body(api.Call("memA", "GET", round + "/subjects/C01"))["result"].is_null()) << "before publicity";
  ASSERT_EQ(api.Call("rev", "POST", round + "/send_to_experts", Json::object()).status, 200);
  ASSERT_EQ(api.Call("rev", "POST", round + "/publish", Json{{"comment", "公示七天"}}).status, 200);
  TestResponse published = api.Call("memA", "GET", round + "/results");
  ASSERT_EQ(published.status, 200);
  ASSERT_EQ(Body(published)["ranking"].size(), 1u);
  EXPECT_FALSE(Body(published).contains("round"));

  EXPECT_EQ(api.Call("memA", "POST", round + "/subjects/C02/outcome", Json{{"rule", "withdraw"}, {"reason", "x"}}).status, 403);
  TestResponse outcome = api.Call("rev", "POST", round + "/subjects/C02/outcome",
                                  Json{{"rule", "withdraw"}, {"reason", "低于 60 分"}});
  ASSERT_EQ(outcome.status, 201) << outcome.body;
  EXPECT_EQ(Body(outcome)["ban_years"], 2);
  TestResponse xlsx = api.Call("rev", "GET", round + "/ranking.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(api.Call("memA", "GET", round + "/ranking.xlsx").status, 403);
  ASSERT_EQ(api.Call("rev", "POST", round + "/finalise", Json::object()).status, 200);
  TestResponse listed = api.Call("rev", "GET", "/api/v1/rounds?state=final");
  ASSERT_EQ(listed.status, 200);
  EXPECT_GE(Body(listed).size(), 1u);
  EXPECT_EQ(Body(as(sh, "GET", "/api/v1/rounds")).size(), 0u);
}

}  // namespace
}  // namespace patnav::server::testing
