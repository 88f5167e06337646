// The OpenAPI document against the server: every route is described, the
// document is valid enough for tools (3.1, operation ids unique), and real
// responses of every GET route and the main writes conform to the schemas it
// gives for them.
#include <regex>
#include <set>

#include "api_fixture.h"
#include "server/api_routes.h"

namespace patnav::server::testing {
namespace {

// A small JSON Schema checker: type (one or a list), required, properties,
// items, enum, additionalProperties: false. Appends what does not conform.
void Conform(const Json& schema, const Json& v, const std::string& at, std::vector<std::string>* errors) {
  if (schema.contains("type")) {
    std::vector<std::string> types;
    if (schema["type"].is_array())
      for (const auto& t : schema["type"]) types.push_back(t);
    else
      types.push_back(schema["type"]);
    bool ok = false;
    for (const std::string& t : types) {
      ok |= (t == "object" && v.is_object()) || (t == "array" && v.is_array()) || (t == "string" && v.is_string()) ||
            (t == "integer" && v.is_number_integer()) || (t == "number" && v.is_number()) ||
            (t == "boolean" && v.is_boolean()) || (t == "null" && v.is_null());
    }
    if (!ok) {
      errors->push_back(at + ": expected " + schema["type"].dump() + ", got " + v.dump().substr(0, 80));
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found |= e == v;
    if (!found) errors->push_back(at + ": " + v.dump() + " not in " + schema["enum"].dump());
  }
  if (v.is_object()) {
    if (schema.contains("required"))
      for (const auto& r : schema["required"])
        if (!v.contains(r.get<std::string>())) errors->push_back(at + ": missing " + r.get<std::string>());
    if (schema.contains("properties"))
      for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
        if (v.contains(it.key())) Conform(it.value(), v[it.key()], at + "." + it.key(), errors);
    if (schema.contains("additionalProperties") && schema["additionalProperties"] == false)
      for (auto it = v.begin(); it != v.end(); ++it)
        if (!schema["properties"].contains(it.key())) errors->push_back(at + ": unexpected " + it.key());
    if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object())
      for (auto it = v.begin(); it != v.end(); ++it)
        Conform(schema["additionalProperties"], it.value(), at + "." + it.key(), errors);
  }
  if (v.is_array() && schema.contains("items"))
    for (size_t i = 0; i < v.size(); ++i) Conform(schema["items"], v[i], at + "[" + std::to_string(i) + "]", errors);
}

// The document's path template that `path` matches.
std::string Template(const Json& doc, const std::string& path) {
  for (auto it = doc["paths"].begin(); it != doc["paths"].end(); ++it) {
    std::string re = "^" + std::regex_replace(it.key(), std::regex(R"(\{[^}]+\})"), "[^/]+") + "$";
    if (std::regex_match(path, std::regex(re))) return it.key();
  }
  return "";
}

Json Fetch(ApiFixture& api) {
  TestResponse r = api.Call("", "GET", "/api/v1/openapi.json");
  EXPECT_EQ(r.status, 200);
  return Json::parse(r.body, nullptr, false);
}

TEST(ApiOpenApi, DescribesEveryRoute) {
  PATNAV_REQUIRE_API();
  Json doc = Fetch(api);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> ids;
  for (const Route& r : ApiRoutes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(doc["paths"].contains(r.pattern)) << r.pattern;
    ASSERT_TRUE(doc["paths"][r.pattern].contains(method)) << r.method << " " << r.pattern;
    const Json& op = doc["paths"][r.pattern][method];
    EXPECT_TRUE(ids.insert(op["operationId"].get<std::string>()).second) << op["operationId"];
    EXPECT_TRUE(op["responses"].contains(std::to_string(r.success_status))) << r.pattern;
    EXPECT_TRUE(op["responses"].contains("400"));
    if (!r.body.empty()) {
      EXPECT_EQ(op["requestBody"]["content"]["application/json"]["schema"]["additionalProperties"], false);
    }
  }
  EXPECT_GE(ids.size(), 60u);
}

TEST(ApiOpenApi, RealResponsesConformToTheDocument) {
  PATNAV_REQUIRE_API();
  Json doc = Fetch(api);
  const std::string pn = api.publications()[0];
  // Every GET route once, with concrete names, as the administrator.
  const std::vector<std::string> gets = {
      "/api/v1/me", "/api/v1/users", "/api/v1/tokens", "/api/v1/audit?limit=5", "/api/v1/stats",
      "/api/v1/search?q=battery&facets=true&limit=3", "/api/v1/patents/" + pn, "/api/v1/patents/" + pn + "/value", "/api/v1/patents/" + pn + "/links", "/api/v1/patents/" + pn + "/status?as_of=2024-01-01",
      "/api/v1/similar?pn=" + pn + "&limit=3", "/api/v1/alliances", "/api/v1/alliances/Alpha",
      "/api/v1/alliances/Alpha/members", "/api/v1/alliances/Alpha/experts", "/api/v1/alliances/Alpha/pools",
      "/api/v1/alliances/Alpha/pools/PA", "/api/v1/alliances/Alpha/programmes", "/api/v1/alliances/Alpha/licensees",
      "/api/v1/alliances/Alpha/agreements", "/api/v1/alliances/Alpha/royalty-reports",
      "/api/v1/alliances/Alpha/statements?period=2025Q1", "/api/v1/alliances/Alpha/members/Acme/statement?period=2025Q1",
      "/api/v1/alliances/Alpha/members/Acme/balance", "/api/v1/alliances/Alpha/ledger",
      "/api/v1/alliances/Alpha/ledger/check", "/api/v1/alliances/Alpha/fund",
      "/api/v1/alliances/Alpha/landscapes"};
  for (const std::string& g : gets) EXPECT_EQ(api.Call("admin", "GET", g).status, 200) << g;
  api.Call("admin", "POST", "/api/v1/landscapes", Json{{"only", {"trend"}}});
  EXPECT_EQ(api.Call("admin", "POST", "/api/v1/risk",
                     Json{{"product", "A battery with a carbon nanotube electrode."}, {"countries", {"US"}}})
                .status,
            200);
  std::vector<std::string> errors;
  int checked = 0;
  std::set<std::string> covered;
  for (const auto& seen : api.seen()) {
    if (seen.status < 200 || seen.status >= 300 || seen.content_type.rfind("application/json", 0) != 0) {
      if (seen.status >= 400 && seen.content_type != "application/problem+json" && seen.status != 413 &&
          seen.status != 431)
        errors.push_back(seen.method + " " + seen.path + ": error without problem+json (" + seen.content_type + ")");
      if (seen.status >= 400) {
        Json problem = Json::parse(seen.body, nullptr, false);
        Conform(doc["components"]["schemas"]["Problem"], problem, seen.method + " " + seen.path, &errors);
      }
      continue;
    }
    std::string tpl = Template(doc, seen.path);
    if (tpl.empty()) {
      errors.push_back(seen.path + ": no path in the document");
      continue;
    }
    std::string method = seen.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const Json& op = doc["paths"][tpl][method];
    const std::string status = std::to_string(seen.status);
    if (!op["responses"].contains(status)) {
      errors.push_back(seen.method + " " + tpl + ": status " + status + " not documented");
      continue;
    }
    Json body = Json::parse(seen.body, nullptr, false);
    Conform(op["responses"][status]["content"]["application/json"]["schema"], body, seen.method + " " + tpl, &errors);
    covered.insert(seen.method + " " + tpl);
    ++checked;
  }
  EXPECT_GE(checked, 25);
  EXPECT_GE(covered.size(), 25u);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  EXPECT_EQ(all, "");
}

}  // namespace
}  // namespace patnav::server::testing
