// POST /api/v1/risk end to end against `patnav serve`: a product restating
// a patent's first claim finds that patent with every element evidenced; the
// HTML and XLSX downloads; an empty description and an unknown country are
// 400 naming the fault; a licensee (no patent search) is 403, an anonymous
// caller 401.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

TEST(ApiRisk, ScreeningReportAndBadInput) {
  PATNAV_REQUIRE_API();
  const std::string pn = api.publications()[0];
  TestResponse patent = api.Call("ana", "GET", "/api/v1/patents/" + pn);
  ASSERT_EQ(patent.status, 200) << patent.body;
  Json record = Body(patent);
  ASSERT_FALSE(record["claims"].empty());
  // The product restates claim 1, one sentence per element.
  std::string product = record["claims"][0]["text"];
  for (char& c : product)
    if (c == ';' || c == ':') c = '.';
  const std::string as_of = record.value("grant_date", record["publication_date"].get<std::string>());

  Json request = {{"product", product}, {"countries", {"us"}}, {"as_of", as_of}, {"candidates", 10}};
  TestResponse r = api.Call("ana", "POST", "/api/v1/risk", request);
  ASSERT_EQ(r.status, 200) << r.body;
  Json report = Body(r);
  EXPECT_EQ(report["as_of"], as_of);
  EXPECT_EQ(report["countries"], Json::array({"US"}));
  const Json* found = nullptr;
  for (const Json& p : report["patents"])
    if (p["publication_number"] == pn) found = &p;
  ASSERT_NE(found, nullptr) << r.body.substr(0, 2000);
  EXPECT_EQ((*found)["tier"], "high") << (*found)["reason"];
  EXPECT_EQ(report["patents"][0]["tier"], "high");
  EXPECT_FALSE(report["disclaimer"]["zh"].get<std::string>().empty());
  EXPECT_EQ(report["searches"].size(), 2u);

  TestResponse html = api.Call("anaA", "POST", "/api/v1/risk?format=html", request);
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_NE(html.body.find("专利风险筛查报告"), std::string::npos);
  EXPECT_NE(html.body.find(pn), std::string::npos);
  TestResponse xlsx = api.Call("memA", "POST", "/api/v1/risk?format=xlsx", request);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(api.Call("ana", "POST", "/api/v1/risk?format=pdf", request).status, 400);

  TestResponse empty = api.Call("ana", "POST", "/api/v1/risk", Json{{"product", "   "}, {"countries", {"US"}}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("product description is empty"), std::string::npos) << empty.body;
  TestResponse country = api.Call("ana", "POST", "/api/v1/risk", Json{{"product", product}, {"countries", {"US", "XX"}}});
  EXPECT_EQ(country.status, 400);
  EXPECT_NE(country.body.find("'XX' is not an ISO 3166-1 country code"), std::string::npos) << country.body;
  EXPECT_EQ(api.Call("ana", "POST", "/api/v1/risk", Json{{"product", product}}).status, 400);
  EXPECT_EQ(api.Call("licA", "POST", "/api/v1/risk", request).status, 403);
  EXPECT_EQ(api.Call("", "POST", "/api/v1/risk", request).status, 401);
}

}  // namespace
}  // namespace patnav::server::testing
