// The API's own parsers: routes and path parameters, closed-schema JSON
// bodies, multipart uploads, problem documents.
#include <gtest/gtest.h>

#include "server/json_body.h"
#include "server/multipart.h"
#include "server/problem.h"
#include "server/request_rate.h"
#include "server/route.h"
#include "server/router.h"

namespace patnav::server {
namespace {

Router TestRouter() {
  Router r;
  for (auto [method, pattern] : std::vector<std::pair<const char*, const char*>>{
           {"GET", "/api/v1/alliances"},
           {"POST", "/api/v1/alliances"},
           {"GET", "/api/v1/alliances/{alliance}/members"},
           {"GET", "/api/v1/patents/{publication_number}"}}) {
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.operation_id = std::string(method) + pattern;
    r.Add(route);
  }
  return r;
}

TEST(Router, MatchesAndDecodesParameters) {
  Router r = TestRouter();
  RouteMatch m = r.Match("GET", "/api/v1/alliances/%E6%96%B0%E8%83%BD%E6%BA%90/members");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("alliance"), "新能源");
  m = r.Match("GET", "/api/v1/patents/US-2015112182-A1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("publication_number"), "US-2015112182-A1");
}

TEST(Router, TraversalIsANameNotAPath) {
  Router r = TestRouter();
  RouteMatch m = r.Match("GET", "/api/v1/alliances/..%2F..%2Fetc/members");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("alliance"), "../../etc");  // looked up as a name: unknown alliance
  RouteMatch dots = r.Match("GET", "/api/v1/alliances/../members");
  ASSERT_NE(dots.route, nullptr);
  EXPECT_EQ(dots.params.at("alliance"), "..");  // a name, never resolved as a path
  EXPECT_EQ(r.Match("GET", "/api/v1/alliances/a/b/members").route, nullptr);
}

TEST(Router, UnknownPathAndWrongMethod) {
  Router r = TestRouter();
  RouteMatch none = r.Match("GET", "/api/v1/nothing");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_FALSE(none.path_known);
  RouteMatch wrong = r.Match("DELETE", "/api/v1/alliances");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_EQ(wrong.allow, "GET, HEAD, POST");
  EXPECT_NE(r.Match("HEAD", "/api/v1/alliances").route, nullptr);
}

TEST(Router, BadEscapesDoNotMatch) {
  Router r = TestRouter();
  EXPECT_EQ(r.Match("GET", "/api/v1/patents/%G1").route, nullptr);
  EXPECT_EQ(r.Match("GET", "/api/v1/patents/%00").route, nullptr);
  EXPECT_EQ(r.Match("GET", "/api/v1/patents/abc%2").route, nullptr);
  std::string out;
  EXPECT_TRUE(DecodePathSegment("a%20b", &out));
  EXPECT_EQ(out, "a b");
}

const FieldSpec kFields[] = {
    {"username", FieldType::kString, true, ""},
    {"limit", FieldType::kInteger, false, ""},
    {"tags", FieldType::kStringArray, false, ""},
};

BodyError Refusal(std::string_view body) {
  BodyError e;
  ParseBody(body, kFields, &e, 64);
  return e;
}

TEST(PathId, OnlyPositiveDecimalIdsUpToEighteenDigits) {
  HttpRequest http;
  ApiRequest r{http, {}, {}, {}, {}};
  auto id = [&](const std::string& text) {
    r.params["id"] = text;
    return r.Id("id");
  };
  EXPECT_EQ(id("7"), 7);
  EXPECT_EQ(id("000123"), 123);
  EXPECT_EQ(id("999999999999999999"), 999999999999999999);
  for (const char* bad : {"", "0", "-5", "+5", " 5", "5 ", "5x", "0x10", "1e3", "9999999999999999999"})
    EXPECT_EQ(id(bad), 0) << "'" << bad << "'";
}

TEST(JsonBody, AcceptsAConformingObject) {
  BodyError e;
  nlohmann::json j = ParseBody(R"({"username":"张三","limit":5,"tags":["a","b"]})", kFields, &e);
  ASSERT_TRUE(e.status.ok()) << e.status.message();
  EXPECT_EQ(j["username"], "张三");
  j = ParseBody(R"({"username":"x","limit":null})", kFields, &e);
  EXPECT_TRUE(e.status.ok());
}

TEST(JsonBody, RefusesWithTheFieldAndTheReason) {
  BodyError e = Refusal(R"({"username":"x",)");
  EXPECT_EQ(e.status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(e.status.message().find("not valid JSON"), std::string::npos);
  EXPECT_EQ(e.field, "");
  e = Refusal("[1,2]");
  EXPECT_NE(e.status.message().find("must be a JSON object"), std::string::npos);
  e = Refusal(R"({"limit":5})");
  EXPECT_EQ(e.field, "username");
  EXPECT_EQ(e.status.message(), "field 'username' is required");
  e = Refusal(R"({"username":5})");
  EXPECT_EQ(e.field, "username");
  EXPECT_EQ(e.status.message(), "field 'username' must be a string");
  e = Refusal(R"({"username":"x","limit":"5"})");
  EXPECT_EQ(e.field, "limit");
  e = Refusal(R"({"username":"x","limit":1.5})");
  EXPECT_EQ(e.field, "limit");
  e = Refusal(R"({"username":"x","tags":["a",1]})");
  EXPECT_EQ(e.field, "tags");
  e = Refusal(R"({"username":"x","admin":true})");
  EXPECT_EQ(e.field, "admin");
  EXPECT_EQ(e.status.message(), "unknown field 'admin'");
  e = Refusal(R"({"username":")" + std::string(65, 'x') + R"("})");
  EXPECT_EQ(e.field, "username");
  e = Refusal("{\"username\":\"\xC3\x28\"}");  // invalid UTF-8
  EXPECT_FALSE(e.status.ok());
}

TEST(JsonBody, SchemaIsClosed) {
  nlohmann::ordered_json s = FieldsSchema(kFields);
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(s["required"], nlohmann::ordered_json::array({"username"}));
  EXPECT_EQ(s["properties"]["tags"]["items"]["type"], "string");
}

TEST(Multipart, SplitsFiles) {
  std::string body =
      "preamble\r\n--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a;b.xml\"\r\n"
      "Content-Type: application/xml\r\n\r\n<x>1</x>\r\n--b1\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
      "hello\r\n--b1--\r\n";
  Result<std::vector<FormPart>> parts = ParseMultipart(body, "b1");
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "file");
  EXPECT_EQ((*parts)[0].filename, "a;b.xml");
  EXPECT_EQ((*parts)[0].data, "<x>1</x>");
  EXPECT_EQ((*parts)[1].name, "note");
  EXPECT_EQ((*parts)[1].data, "hello");
}

TEST(Multipart, RefusesBrokenBodies) {
  EXPECT_FALSE(ParseMultipart("no boundary here", "b1").ok());
  EXPECT_FALSE(ParseMultipart("--b1\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ncut", "b1").ok());
  EXPECT_FALSE(ParseMultipart("--b1\r\nX: y\r\n\r\ndata\r\n--b1--", "b1").ok());
  EXPECT_FALSE(
      ParseMultipart("--b1\r\nContent-Disposition: form-data; name=\"f\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     "ZGF0YQ==\r\n--b1--",
                     "b1")
          .ok());
  Result<std::string> b = MultipartBoundary("multipart/form-data; boundary=\"abc\"");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, "abc");
  EXPECT_FALSE(MultipartBoundary("application/json").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
}

TEST(Problem, NamesTheCodeAndTheField) {
  HttpResponse r = Problem(Status::NotFound("unknown pool 'X'"), "pool");
  EXPECT_EQ(r.status, 404);
  nlohmann::json j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["code"], "not_found");
  EXPECT_EQ(j["detail"], "unknown pool 'X'");
  EXPECT_EQ(j["field"], "pool");
  EXPECT_EQ(j["status"], 404);
  EXPECT_EQ(j["title"], "Not Found");
  bool problem_type = false;
  for (const auto& [k, v] : r.headers) problem_type |= (k == "Content-Type" && v == "application/problem+json");
  EXPECT_TRUE(problem_type);
  EXPECT_EQ(Problem(Status::PermissionDenied("no")).status, 403);
  EXPECT_EQ(Problem(Status::Unauthenticated("no")).status, 401);
}

}  // namespace
}  // namespace patnav::server

namespace patnav::server {
namespace {

TEST(RequestRate, BurstThenSteadyRatePerAddress) {
  RequestRate rate(10, 3);  // 10 a second, bursts of 3
  auto t0 = std::chrono::steady_clock::now();
  int retry = 0;
  EXPECT_TRUE(rate.AllowAt("1.1.1.1", t0, &retry));
  EXPECT_TRUE(rate.AllowAt("1.1.1.1", t0, &retry));
  EXPECT_TRUE(rate.AllowAt("1.1.1.1", t0, &retry));
  EXPECT_FALSE(rate.AllowAt("1.1.1.1", t0, &retry));
  EXPECT_GE(retry, 1);
  EXPECT_TRUE(rate.AllowAt("2.2.2.2", t0, &retry));  // another client is not held up
  EXPECT_TRUE(rate.AllowAt("1.1.1.1", t0 + std::chrono::milliseconds(110), &retry));  // one token back
  EXPECT_FALSE(rate.AllowAt("1.1.1.1", t0 + std::chrono::milliseconds(120), &retry));
  RequestRate off(0, 0);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(off.AllowAt("1.1.1.1", t0, &retry));
}

}  // namespace
}  // namespace patnav::server
