// The alliance's shared landscape reports over HTTP: an analyst of the
// alliance shares, members open the frozen JSON and the HTML and XLSX reports,
// another alliance and licensees do not see them, a bad body stores nothing,
// and only the sharer or the operator removes one.
#include "api_fixture.h"

namespace patnav::server::testing {
namespace {

constexpr const char* kList = "/api/v1/alliances/Alpha/landscapes";

size_t Count(ApiFixture& api, const std::string& who) {
  TestResponse r = api.Call(who, "GET", kList);
  EXPECT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body, nullptr, false);
  return j.is_array() ? j.size() : 0;
}

TEST(ApiSharedLandscapes, ShareListOpenDownloadAndRemove) {
  PATNAV_REQUIRE_API();
  const size_t before = Count(api, "opA");
  TestResponse made = api.Call("anaA", "POST", kList,
                               Json{{"title", "电池 landscape"}, {"query", "*"}, {"only", {"trend", "top_applicants"}}});
  ASSERT_EQ(made.status, 201) << made.body;
  Json shared = Json::parse(made.body);
  const int64_t id = shared["id"];
  EXPECT_EQ(shared["title"], "电池 landscape");
  EXPECT_EQ(shared["shared_by"], "anaA");
  EXPECT_EQ(shared["analyses"], Json({"trend", "top_applicants"}));
  EXPECT_GT(shared["patents"].get<int64_t>(), 0);
  EXPECT_EQ(shared["patents"], shared["store_patents"]);  // '*' is the whole store
  EXPECT_EQ(shared["shared_at"].get<std::string>().size(), 20u);

  // The member sees it in the list and opens the frozen JSON: the same
  // figures as a landscape run now over the same set.
  TestResponse list = api.Call("memA", "GET", kList);
  ASSERT_EQ(list.status, 200);
  Json items = Json::parse(list.body);
  ASSERT_EQ(items.size(), before + 1);
  EXPECT_EQ(items[0]["id"], id);  // newest first
  const std::string one = std::string(kList) + "/" + std::to_string(id);
  TestResponse open = api.Call("memA", "GET", one);
  ASSERT_EQ(open.status, 200) << open.body;
  Json body = Json::parse(open.body);
  TestResponse fresh = api.Call("opA", "POST", "/api/v1/landscapes", Json{{"only", {"trend", "top_applicants"}}});
  ASSERT_EQ(fresh.status, 200);
  Json now = Json::parse(fresh.body);
  EXPECT_EQ(body["landscape"]["trend"], now["trend"]);
  EXPECT_EQ(body["landscape"]["top_applicants"], now["top_applicants"]);
  EXPECT_FALSE(body["landscape"].contains("geography"));
  EXPECT_EQ(body["presentation"]["sections"].size(), 2u);

  TestResponse html = api.Call("memT", "GET", one + "?format=html&lang=zh");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("申请趋势"), std::string::npos);
  TestResponse xlsx = api.Call("memA", "GET", one + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(api.Call("memA", "GET", one + "?format=pdf").status, 400);

  // Tenancy: Beta's operator gets 404 for the list and the report, worded as
  // a missing one; a licensee of Alpha is refused; a member cannot remove it.
  EXPECT_EQ(api.Call("opB", "GET", kList).status, 404);
  TestResponse other = api.Call("opB", "GET", one);
  EXPECT_EQ(other.status, 404);
  TestResponse beta_own = api.Call("opB", "GET", "/api/v1/alliances/Beta/landscapes/" + std::to_string(id));
  EXPECT_EQ(beta_own.status, 404);
  EXPECT_NE(Json::parse(beta_own.body)["detail"].get<std::string>().find("unknown shared landscape"),
            std::string::npos);
  EXPECT_EQ(api.Call("licA", "GET", kList).status, 403);
  EXPECT_EQ(api.Call("licA", "GET", one).status, 403);
  EXPECT_EQ(api.Call("memA", "POST", kList, Json{{"title", "x"}}).status, 403);
  EXPECT_EQ(api.Call("ana", "POST", kList, Json{{"title", "x"}}).status, 404);
  EXPECT_EQ(api.Call("memA", "DELETE", one).status, 403);

  // The operator removes what the analyst shared; then it is gone.
  EXPECT_EQ(api.Call("opA", "DELETE", one).status, 204);
  EXPECT_EQ(api.Call("memA", "GET", one).status, 404);
  EXPECT_EQ(Count(api, "memA"), before);
}

TEST(ApiSharedLandscapes, OnlyTheSharerOrTheOperatorRemoves) {
  PATNAV_REQUIRE_API();
  TestResponse made = api.Call("opA", "POST", kList, Json{{"title", "operator's"}, {"only", {"trend"}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string one = std::string(kList) + "/" + std::to_string(Json::parse(made.body)["id"].get<int64_t>());
  EXPECT_EQ(api.Call("anaA", "DELETE", one).status, 403);
  EXPECT_EQ(api.Call("opA", "GET", one).status, 200);
  EXPECT_EQ(api.Call("opA", "DELETE", one).status, 204);
  EXPECT_EQ(api.Call("opA", "DELETE", one).status, 404);
}

TEST(ApiSharedLandscapes, BadBodyNamesTheFieldAndStoresNothing) {
  PATNAV_REQUIRE_API();
  const size_t before = Count(api, "opA");
  struct Case {
    Json body;
    std::string field;
  };
  const std::vector<Case> cases = {
      {Json{{"query", "*"}}, "title"},
      {Json{{"title", "   "}}, "title"},
      {Json{{"title", "t"}, {"only", {"trend", "no_such_analysis"}}}, "only"},
      {Json{{"title", "t"}, {"query", "TI=(battery AND"}}, "query"},
      {Json{{"title", "t"}, {"unexpected", 1}}, "unexpected"},
  };
  for (const Case& c : cases) {
    TestResponse r = api.Call("anaA", "POST", kList, c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump() << " " << r.body;
    Json problem = Json::parse(r.body, nullptr, false);
    EXPECT_EQ(problem.value("field", ""), c.field) << c.body.dump() << " " << r.body;
  }
  EXPECT_EQ(Count(api, "opA"), before);
}

}  // namespace
}  // namespace patnav::server::testing
