// The API end to end: `patnav serve` on 127.0.0.1, real HTTP. Sessions,
// CSRF, throttling, the bad inputs of issue 10, jobs, exports, security
// headers, and the audit trail. The tenancy matrix and the OpenAPI check are
// in api_tenancy_test.cc and api_openapi_test.cc.
#include <signal.h>

#include <thread>

#include "api_fixture.h"
#include "store/sqlite_db.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

TEST(ApiE2E, HealthAndReadiness) {
  PATNAV_REQUIRE_API();
  EXPECT_EQ(api.Call("", "GET", "/healthz").status, 200);
  TestResponse ready = api.Call("", "GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(Body(ready)["status"], "ready");
}

TEST(ApiE2E, SecurityHeadersAndNoBanner) {
  PATNAV_REQUIRE_API();
  TestResponse r = api.Call("ana", "GET", "/api/v1/me");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.Header("content-security-policy").find("unsafe-inline' ;"), std::string::npos);
  EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_FALSE(r.HasHeader("server"));
  EXPECT_FALSE(r.HasHeader("x-patnav-user"));
  TestResponse missing = api.Call("ana", "GET", "/api/v1/nothing-here");
  EXPECT_EQ(missing.Header("x-content-type-options"), "nosniff");
}

TEST(ApiE2E, LoginMeLogoutAndReplay) {
  PATNAV_REQUIRE_API();
  TestResponse login = api.Call("", "POST", "/api/v1/session", Json{{"username", "ana"}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(Body(login)["user"]["username"], "ana");
  EXPECT_EQ(login.body.find(kPassword), std::string::npos);
  EXPECT_EQ(login.body.find("$argon2"), std::string::npos);
  std::string token = cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
  EXPECT_GE(token.size(), 43u);
  const std::string c = "Cookie: patnav_session=" + token;
  TestResponse me = api.Call("", "GET", "/api/v1/me", "", {c});
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Body(me)["username"], "ana");
  EXPECT_EQ(Body(me)["grants"][0]["role"], "analyst");
  TestResponse out = api.Call("", "DELETE", "/api/v1/session", "", {c});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {c}).status, 401);
  TestResponse replay = api.Call("", "DELETE", "/api/v1/session", "", {c});
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(Body(replay)["code"], "unauthenticated");
}

TEST(ApiE2E, ForgedSessionAndNoFixation) {
  PATNAV_REQUIRE_API();
  const std::string forged = "Cookie: patnav_session=" + std::string(43, 'A');
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {forged}).status, 401);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/search?q=battery", "", {forged}).status, 401);
  // A login with a planted cookie gets a fresh token; the planted one stays dead.
  TestResponse login = api.Call("", "POST", "/api/v1/session", Json{{"username", "anaA"}, {"password", kPassword}}.dump(),
                                {forged});
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Header("set-cookie").find(std::string(43, 'A')), std::string::npos);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {forged}).status, 401);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me").status, 401);  // no credentials at all
}

TEST(ApiE2E, WrongPasswordThenThrottled) {
  PATNAV_REQUIRE_API();
  Json add = {{"username", "victim"}, {"password", kPassword}, {"grants", Json::array({{{"role", "analyst"}}})}};
  ASSERT_EQ(api.Call("admin", "POST", "/api/v1/users", add).status, 201);
  for (int i = 0; i < 5; ++i) {
    TestResponse r = api.Call("", "POST", "/api/v1/session", Json{{"username", "victim"}, {"password", "wrong-password!"}});
    EXPECT_EQ(r.status, 401) << i;
    EXPECT_EQ(Body(r)["detail"], "wrong username or password");
  }
  TestResponse unknown = api.Call("", "POST", "/api/v1/session", Json{{"username", "nobody-here"}, {"password", "x1234567890"}});
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(Body(unknown)["detail"], "wrong username or password");
  TestResponse throttled = api.Call("", "POST", "/api/v1/session", Json{{"username", "victim"}, {"password", kPassword}});
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(throttled.Header("retry-after").empty());
  EXPECT_GT(std::stoi(throttled.Header("retry-after")), 0);
  EXPECT_EQ(Body(throttled)["code"], "resource_exhausted");
}

TEST(ApiE2E, PasswordsAreStoredAsArgon2id) {
  PATNAV_REQUIRE_API();
  auto db = SqliteDb::Open(api.data() / "platform.db", true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto st = (*db)->Prepare("SELECT username, password_hash FROM user");
  ASSERT_TRUE(st.ok());
  int users = 0;
  while (true) {
    Result<bool> row = st->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    ++users;
    EXPECT_EQ(std::string(st->ColumnText(1)).rfind("$argon2id$", 0), 0u) << st->ColumnText(0);
    EXPECT_EQ(std::string(st->ColumnText(1)).find(kPassword), std::string::npos);
  }
  EXPECT_GE(users, 9);
  // Nor in the server's log.
  EXPECT_EQ(api.server().Stderr().find(kPassword), std::string::npos);
  EXPECT_EQ(patnav::testing::ReadFile(api.dir() / "access.log").find(kPassword), std::string::npos);
}

TEST(ApiE2E, CsrfDefences) {
  PATNAV_REQUIRE_API();
  const std::string target = "/api/v1/alliances/Alpha/members";
  Json body = {{"name", "Csrf Co"}, {"type", "industry"}};
  TestResponse no_header = api.Call("opA", "POST", target, body.dump(), {"NO-CSRF"});
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(Body(no_header)["code"], "permission_denied");
  TestResponse cross_origin = api.Call("opA", "POST", target, body.dump(), {"Origin: https://evil.example"});
  EXPECT_EQ(cross_origin.status, 403);
  TestResponse cross_site = api.Call("opA", "POST", target, body.dump(), {"Sec-Fetch-Site: cross-site"});
  EXPECT_EQ(cross_site.status, 403);
  // Nothing was written.
  TestResponse members = api.Call("opA", "GET", target);
  ASSERT_EQ(members.status, 200);
  EXPECT_EQ(members.body.find("Csrf Co"), std::string::npos);
  // A login is a state change too (login CSRF).
  EXPECT_EQ(api.Call("", "POST", "/api/v1/session", Json{{"username", "ana"}, {"password", kPassword}}.dump(),
                     {"NO-CSRF"}).status, 403);
}

TEST(ApiE2E, BearerTokensAreScopedAndNeedNoCsrfHeader) {
  PATNAV_REQUIRE_API();
  TestResponse created = api.Call("opA", "POST", "/api/v1/tokens",
                                  Json{{"role", "operator"}, {"alliance", "Alpha"}, {"days", 1}, {"name", "script"}});
  ASSERT_EQ(created.status, 201) << created.body;
  std::string token = Body(created)["token"];
  EXPECT_EQ(token.rfind("pnt_", 0), 0u);
  const std::string auth = "Authorization: Bearer " + token;
  TestResponse members = api.Call("", "GET", "/api/v1/alliances/Alpha/members", "", {auth});
  EXPECT_EQ(members.status, 200);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/alliances/Beta/members", "", {auth}).status, 404);
  TestResponse write = api.Call("", "POST", "/api/v1/alliances/Alpha/experts",
                                Json{{"name", "Token Expert"}, {"field", "batteries"}}.dump(), {auth, "NO-CSRF"});
  EXPECT_EQ(write.status, 201) << write.body;
  int64_t id = Body(created)["id"];
  EXPECT_EQ(api.Call("opA", "DELETE", "/api/v1/tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/alliances/Alpha/members", "", {auth}).status, 401);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {"Authorization: Bearer pnt_forged"}).status, 401);
}

TEST(ApiE2E, BadBodiesAreRefusedWithTheField) {
  PATNAV_REQUIRE_API();
  const std::string t = "/api/v1/alliances/Alpha/members";
  auto check = [&](const std::string& body, int status, const std::string& field, const std::string& headers = "") {
    std::vector<std::string> h;
    if (!headers.empty()) h.push_back(headers);
    TestResponse r = api.Call("opA", "POST", t, body, h);
    EXPECT_EQ(r.status, status) << body << " -> " << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << body;
    Json j = Body(r);
    if (!field.empty()) {
      EXPECT_EQ(j["field"], field) << body;
    }
    EXPECT_FALSE(j["detail"].get<std::string>().empty());
  };
  check(R"({"name": "X", )", 400, "");                                   // malformed JSON
  check(R"({"name": 5, "type": "industry"})", 400, "name");              // wrong type
  check(R"({"type": "industry"})", 400, "name");                         // missing field
  check(R"({"name": "X", "type": "industry", "admin": true})", 400, "admin");  // unknown field (closed schema)
  check(R"(["name"])", 400, "");                                         // not an object
  check(R"({"name":"X","type":"industry"})", 415, "", "Content-Type: text/plain");
  check("{\"name\":\"" + std::string(2 << 20, 'x') + "\",\"type\":\"industry\"}", 413, "");  // over 1 MiB
  TestResponse members = api.Call("opA", "GET", t);
  EXPECT_EQ(members.body.find("\"X\""), std::string::npos);  // nothing written
}

TEST(ApiE2E, UnknownRouteAndWrongMethod) {
  PATNAV_REQUIRE_API();
  TestResponse none = api.Call("ana", "GET", "/api/v1/no/such/thing");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(Body(none)["code"], "not_found");
  TestResponse wrong = api.Call("ana", "PATCH", "/api/v1/search");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET, HEAD");
}

TEST(ApiE2E, SearchShowSimilarStats) {
  PATNAV_REQUIRE_API();
  TestResponse s = api.Call("ana", "GET", "/api/v1/search?q=" + Encode("PD>=2000") + "&limit=5&facets=true");
  ASSERT_EQ(s.status, 200) << s.body;
  Json j = Body(s);
  EXPECT_GT(j["total"].get<int>(), 5);
  EXPECT_EQ(j["hits"].size(), 5u);
  for (const char* f : {"applicants", "countries", "ipc_subclasses", "years"}) EXPECT_TRUE(j["facets"].contains(f)) << f;
  const std::string pn = j["hits"][0]["publication_number"];
  TestResponse p = api.Call("ana", "GET", "/api/v1/patents/" + Encode(pn));
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(Body(p)["publication_number"], pn);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/patents/US0000001B1").status, 404);
  TestResponse sim = api.Call("ana", "GET", "/api/v1/similar?pn=" + Encode(pn) + "&limit=3");
  ASSERT_EQ(sim.status, 200) << sim.body;
  EXPECT_LE(Body(sim)["hits"].size(), 3u);
  TestResponse text = api.Call("ana", "POST", "/api/v1/similar", Json{{"text", "a battery cell with a cooling plate"}});
  EXPECT_EQ(text.status, 200) << text.body;
  TestResponse stats = api.Call("ana", "GET", "/api/v1/stats");
  ASSERT_EQ(stats.status, 200);
  EXPECT_EQ(Body(stats)["publications"], 300);
}

TEST(ApiE2E, PatentLinksCitationsBothWaysEachSideNamingTheOther) {
  PATNAV_REQUIRE_API();
  TestResponse s = api.Call("ana", "GET", "/api/v1/search?q=" + Encode("PD>=1900") + "&limit=1&sort=citations");
  ASSERT_EQ(s.status, 200) << s.body;
  const std::string pn = Body(s)["hits"][0]["publication_number"];
  TestResponse l = api.Call("ana", "GET", "/api/v1/patents/" + Encode(pn) + "/links?cited_by_limit=3");
  ASSERT_EQ(l.status, 200) << l.body;
  Json links = Body(l);
  EXPECT_EQ(links["publication_number"], pn);
  ASSERT_GE(links["cited_by_total"].get<int>(), 1);
  ASSERT_EQ(links["cited_by"].size(), static_cast<size_t>(std::min(3, links["cited_by_total"].get<int>())));
  EXPECT_TRUE(links["family"].is_array());
  // Each citing publication's own citations name pn as a stored publication.
  for (const Json& citing : links["cited_by"]) {
    const std::string other = citing["publication_number"];
    TestResponse back = api.Call("ana", "GET", "/api/v1/patents/" + Encode(other) + "/links");
    ASSERT_EQ(back.status, 200) << back.body;
    const Json theirs = Body(back);
    bool names = false;
    for (const Json& c : theirs["cites"]) names |= c["stored"].is_object() && c["stored"]["publication_number"] == pn;
    EXPECT_TRUE(names) << other;
  }
  // The next page starts where the first ended.
  if (links["cited_by_total"].get<int>() > 1) {
    TestResponse next = api.Call("ana", "GET", "/api/v1/patents/" + Encode(pn) + "/links?cited_by_limit=1&cited_by_offset=1");
    ASSERT_EQ(next.status, 200) << next.body;
    EXPECT_EQ(Body(next)["cited_by_offset"], 1);
    ASSERT_EQ(Body(next)["cited_by"].size(), 1u);
    EXPECT_EQ(Body(next)["cited_by"][0]["publication_number"], links["cited_by"][1]["publication_number"]);
  }
  TestResponse bad = api.Call("ana", "GET", "/api/v1/patents/" + Encode(pn) + "/links?cited_by_limit=-1");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["field"], "cited_by_limit");
  TestResponse before = api.Call("ana", "GET", "/api/v1/patents/" + Encode(pn) + "/links?cited_by_offset=-1");
  EXPECT_EQ(before.status, 400);
  EXPECT_EQ(Body(before)["field"], "cited_by_offset");
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/patents/US0000001B1/links").status, 404);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/patents/" + Encode(pn) + "/links").status, 401);
}

TEST(ApiE2E, BadQueriesAndLimits) {
  PATNAV_REQUIRE_API();
  TestResponse bad = api.Call("ana", "GET", "/api/v1/search?q=" + Encode("TI=(battery"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Body(bad)["field"], "q");
  TestResponse big = api.Call("ana", "GET", "/api/v1/search?q=" + std::string(5000, 'a'));
  EXPECT_EQ(big.status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/search?q=battery&limit=abc").status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/search?q=battery&limit=0").status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/search?q=battery&limit=20000").status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/search").status, 400);  // q is required
}

TEST(ApiE2E, ExportStreamsEveryRecord) {
  PATNAV_REQUIRE_API();
  TestResponse all = api.Call("ana", "GET", "/api/v1/export?format=jsonl");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(all.chunked);
  EXPECT_GT(all.chunks.size(), 1u);
  EXPECT_EQ(std::count(all.body.begin(), all.body.end(), '\n'), 300);
  TestResponse csv = api.Call("ana", "GET", "/api/v1/export?format=csv&q=" + Encode("PD>=2000"));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  TestResponse xlsx = api.Call("ana", "GET", "/api/v1/export?format=xlsx&lang=zh&q=" + Encode("PD>=2000"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(xlsx.Header("content-disposition").find("patents.xlsx"), std::string::npos);
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/export?format=xlsx&lang=fr").status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/export?format=xml").status, 400);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/export?q=" + Encode("TI=(")).status, 400);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/export").status, 403);
}

TEST(ApiE2E, LandscapeJsonAndDownloads) {
  PATNAV_REQUIRE_API();
  TestResponse j = api.Call("ana", "POST", "/api/v1/landscapes", Json{{"query", "*"}, {"only", {"trend", "top_applicants"}}});
  ASSERT_EQ(j.status, 200) << j.body;
  Json land = Body(j);
  ASSERT_TRUE(land.is_object());
  // The report's words come with the data, in the report's order.
  const Json& sections = land["presentation"]["sections"];
  ASSERT_EQ(sections.size(), 2u) << land["presentation"].dump();
  EXPECT_EQ(sections[0]["name"], "trend");
  EXPECT_EQ(sections[0]["title_zh"], "申请趋势");
  EXPECT_EQ(sections[1]["name"], "top_applicants");
  const std::string top = land["top_applicants"][0]["name"];
  EXPECT_NE(sections[1]["reading_en"].get<std::string>().find("The largest applicant is " + top), std::string::npos);
  EXPECT_NE(sections[1]["reading_zh"].get<std::string>().find("最大的申请人是" + top), std::string::npos);
  EXPECT_EQ(land["presentation"]["labels"]["zh"]["count"], "数量");
  TestResponse html = api.Call("ana", "POST", "/api/v1/landscapes?format=html", Json{{"query", "*"}});
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<html"), std::string::npos);
  TestResponse xlsx = api.Call("ana", "POST", "/api/v1/landscapes?format=xlsx", Json{{"query", "*"}});
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(api.Call("ana", "POST", "/api/v1/landscapes", Json{{"only", {"no_such_analysis"}}}).status, 400);
}

// Uploads one file, waits for its job; the job's final view.
Json RunIngest(ApiFixture& api, const std::string& who, const std::string& name, const std::string& bytes) {
  TestResponse started = api.Call(who, "POST", "/api/v1/ingest?filename=" + Encode(name), bytes,
                                  {"Content-Type: application/octet-stream"});
  if (started.status != 202) return Json{{"http", started.status}, {"body", started.body}};
  std::string id = Body(started)["id"];
  for (int i = 0; i < 600; ++i) {
    Json job = Body(api.Call(who, "GET", "/api/v1/jobs/" + id));
    if (job["state"] != "queued" && job["state"] != "running") return job;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Json{{"timeout", true}};
}

TEST(ApiE2E, IngestJobWithProgressEventsAndRejections) {
  PATNAV_REQUIRE_API();
  std::string xml = patnav::testing::ReadFile(api.dir() / "corpus.xml");
  // Re-ingesting a slice of the same corpus: every record unchanged.
  size_t cut = xml.find("<?xml", 1);
  for (int i = 0; i < 5 && cut != std::string::npos; ++i) cut = xml.find("<?xml", cut + 1);
  std::string slice = xml.substr(0, cut);
  auto events_of = [&](const Json& j) {
    return api.Call("ana", "GET", "/api/v1/jobs/" + j["id"].get<std::string>() + "/events").body;
  };
  Json job = RunIngest(api, "ana", "../../etc/passwd.xml", slice);
  ASSERT_EQ(job["state"], "succeeded") << job.dump();
  EXPECT_EQ(job["summary"]["read"], 6);
  EXPECT_EQ(job["summary"]["unchanged"], 6);
  EXPECT_EQ(job["summary"]["rejected"], 0);
  // The job brought the analytics snapshot up to date for the next landscape.
  EXPECT_TRUE(job["summary"]["snapshot_seconds"].is_number()) << job["summary"].dump();
  EXPECT_NE(events_of(job).find("\"phase\":\"snapshot\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(api.data() / "uploads" / "etc"));
  // An upload of an unknown format: the job reports the rejection with its reason.
  Json bad = RunIngest(api, "ana", "notes.txt", "this is not a patent file at all\n");
  ASSERT_EQ(bad["state"], "succeeded") << bad.dump();
  EXPECT_EQ(bad["summary"]["rejected"], 1);
  ASSERT_EQ(bad["summary"]["rejections"].size(), 1u);
  EXPECT_EQ(bad["summary"]["rejections"][0]["file"], "notes.txt");
  EXPECT_FALSE(bad["summary"]["rejections"][0]["reason"].get<std::string>().empty());
  // Its events end with the outcome.
  TestResponse events = api.Call("ana", "GET", "/api/v1/jobs/" + bad["id"].get<std::string>() + "/events");
  ASSERT_EQ(events.status, 200);
  EXPECT_EQ(events.Header("content-type").rfind("text/event-stream", 0), 0u);
  EXPECT_NE(events.body.find("event: succeeded"), std::string::npos);
  // Someone else's job is not there; a finished job cannot be cancelled.
  EXPECT_EQ(api.Call("anaA", "GET", "/api/v1/jobs/" + bad["id"].get<std::string>()).status, 404);
  EXPECT_EQ(api.Call("ana", "DELETE", "/api/v1/jobs/" + bad["id"].get<std::string>()).status, 409);
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/jobs/0123456789").status, 404);
  // Uploads are removed once ingested.
  std::error_code ec;
  size_t left = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(api.data() / "uploads", ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); ++it)
    left += it->is_regular_file() ? 1 : 0;
  EXPECT_EQ(left, 0u);
  // Not for a licensee.
  EXPECT_EQ(RunIngest(api, "licA", "x.xml", slice)["http"], 403);
}

// An event stream on a job that has not started waits without polling (its
// keep-alive clock is 15 s) and still ends as soon as the job does: the job's
// events wake it.
TEST(ApiE2E, EventStreamsAreWokenByTheJobNotByAClock) {
  PATNAV_REQUIRE_API();
  std::string xml = patnav::testing::ReadFile(api.dir() / "corpus.xml");
  std::string busy;
  for (int i = 0; i < 3; ++i) busy += xml;
  TestResponse a = api.Call("ana", "POST", "/api/v1/ingest?filename=a.xml&index=false", busy,
                            {"Content-Type: application/octet-stream"});
  ASSERT_EQ(a.status, 202) << a.body;
  TestResponse b = api.Call("ana", "POST", "/api/v1/ingest?filename=b.txt", "not a patent file\n",
                            {"Content-Type: application/octet-stream"});
  ASSERT_EQ(b.status, 202) << b.body;
  std::string b_id = Body(b)["id"];
  EXPECT_EQ(Body(api.Call("ana", "GET", "/api/v1/jobs/" + b_id))["state"], "queued");
  auto t0 = std::chrono::steady_clock::now();
  TestResponse events = api.Call("ana", "GET", "/api/v1/jobs/" + b_id + "/events");
  auto waited = std::chrono::steady_clock::now() - t0;
  ASSERT_EQ(events.status, 200);
  EXPECT_NE(events.body.find("event: succeeded"), std::string::npos) << events.body;
  EXPECT_LT(waited, std::chrono::seconds(10));
  EXPECT_EQ(Body(api.Call("ana", "GET", "/api/v1/jobs/" + Body(a)["id"].get<std::string>()))["state"], "succeeded");
}

TEST(ApiE2E, PathTraversalInNamesIsJustAnUnknownName) {
  PATNAV_REQUIRE_API();
  EXPECT_EQ(api.Call("admin", "GET", "/api/v1/alliances/..%2F..%2Fetc%2Fpasswd/members").status, 404);
  EXPECT_EQ(api.Call("admin", "GET", "/api/v1/alliances/Alpha/pools/..%2FPA").status, 404);
  EXPECT_EQ(api.Call("admin", "GET", "/api/v1/patents/..%2F..%2Fpatnav.db").status, 400);
  EXPECT_EQ(api.Call("admin", "GET", "/api/v1/../../etc/passwd").status, 404);
}

TEST(ApiE2E, MoneyFlowsToTheRightPeople) {
  PATNAV_REQUIRE_API();
  TestResponse unscored = api.Call("opA", "POST", "/api/v1/alliances/Alpha/distributions",
                                   Json{{"pool", "PA"}, {"period", "2025Q1"}, {"method", "value"}});
  if (unscored.status != 200) {  // distribution by value needs the pool's value scores
    EXPECT_EQ(unscored.status, 400) << unscored.body;
    ASSERT_EQ(api.Call("opA", "POST", "/api/v1/alliances/Alpha/pools/PA/rescore", Json::object()).status, 200);
  }
  TestResponse preview = api.Call("opA", "POST", "/api/v1/alliances/Alpha/distributions",
                                  Json{{"pool", "PA"}, {"period", "2025Q1"}, {"method", "value"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  TestResponse own = api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Acme/statement?period=2025Q1");
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Tsinghua/statement?period=2025Q1").status, 404);
  TestResponse csv = api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Acme/statement?period=2025Q1&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u);
  TestResponse reports = api.Call("licA", "GET", "/api/v1/alliances/Alpha/royalty-reports?licensee=BYD");
  EXPECT_EQ(reports.status, 200) << reports.body;
  TestResponse file = api.Call("licA", "POST", "/api/v1/alliances/Alpha/royalty-reports",
                               Json{{"licensee", "BYD"}, {"programme", "GA"}, {"period", "2025Q2"},
                                    {"lines", {{{"country", "CN"}, {"figure", "10"}}}}});
  EXPECT_EQ(file.status, 201) << file.body;
  TestResponse other = api.Call("licA", "POST", "/api/v1/alliances/Beta/royalty-reports",
                                Json{{"licensee", "NIO"}, {"programme", "GB"}, {"period", "2025Q2"},
                                     {"lines", {{{"country", "CN"}, {"figure", "10"}}}}});
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/alliances/Alpha/ledger/check").status, 200);
}

// A preview of a royalty report: the royalty filing would record, refused
// alike, and nothing written (no report, no ledger transaction).
TEST(ApiE2E, RoyaltyPreviewComputesWithoutRecording) {
  PATNAV_REQUIRE_API();
  const std::string path = "/api/v1/alliances/Alpha/royalty-reports";
  const Json report{{"licensee", "BYD"}, {"programme", "GA"}, {"period", "2025Q4"},
                    {"lines", {{{"country", "CN"}, {"figure", "7"}}, {{"country", "US"}, {"figure", "5"}}}}};
  auto filed_in = [&](const std::string& period) {
    TestResponse list = api.Call("opA", "GET", "/api/v1/alliances/Alpha/royalty-reports?period=" + period);
    EXPECT_EQ(list.status, 200) << list.body;
    return Body(list).size();
  };
  TestResponse txns_before = api.Call("opA", "GET", "/api/v1/alliances/Alpha/ledger/check");
  ASSERT_EQ(txns_before.status, 200) << txns_before.body;

  TestResponse preview = api.Call("licA", "POST", path + "/preview", report);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(Body(preview)["recorded"], false);
  ASSERT_EQ(Body(preview)["reports"].size(), 1u) << preview.body;
  EXPECT_EQ(Body(preview)["reports"][0]["report_id"], 0);
  EXPECT_TRUE(Body(preview)["reports"][0]["ledger_transaction"].is_null());
  EXPECT_EQ(Body(preview)["lines"], 2);
  EXPECT_EQ(filed_in("2025Q4"), 0u);
  EXPECT_EQ(Body(api.Call("opA", "GET", "/api/v1/alliances/Alpha/ledger/check"))["transactions"],
            Body(txns_before)["transactions"]);

  // Filing the same records the royalty the preview showed.
  TestResponse filed = api.Call("licA", "POST", path, report);
  ASSERT_EQ(filed.status, 201) << filed.body;
  EXPECT_EQ(Body(filed)["recorded"], true);
  EXPECT_GT(Body(filed)["reports"][0]["report_id"].get<int64_t>(), 0);
  EXPECT_GT(Body(filed)["totals_minor"]["USD"].get<int64_t>(), 0);
  EXPECT_EQ(Body(filed)["totals_minor"], Body(preview)["totals_minor"]);
  EXPECT_EQ(Body(filed)["reports"][0]["total_minor"], Body(preview)["reports"][0]["total_minor"]);
  EXPECT_EQ(filed_in("2025Q4"), 1u);

  // A preview is refused as filing is: a country outside the agreement, and
  // another licensee's report.
  Json outside = report;
  outside["lines"] = {{{"country", "DE"}, {"figure", "1"}}};
  TestResponse refused = api.Call("licA", "POST", path + "/preview", outside);
  EXPECT_EQ(refused.status, 400) << refused.body;
  Json other = report;
  other["licensee"] = "NIO";
  EXPECT_EQ(api.Call("licA", "POST", path + "/preview", other).status, 404);
  EXPECT_EQ(filed_in("2025Q4"), 1u);
}

TEST(ApiE2E, EveryChangeIsAudited) {
  PATNAV_REQUIRE_API();
  ASSERT_EQ(api.Call("opA", "POST", "/api/v1/alliances/Alpha/experts", Json{{"name", "Audit Expert"}}).status, 201);
  EXPECT_EQ(api.Call("memA", "POST", "/api/v1/alliances/Alpha/experts", Json{{"name", "Refused Expert"}}).status, 403);
  TestResponse rows = api.Call("admin", "GET", "/api/v1/audit?action=addExpert&limit=50");
  ASSERT_EQ(rows.status, 200) << rows.body;
  Json page = Body(rows);
  bool ok_row = false, refused_row = false;
  for (const auto& e : page["entries"]) {
    if (e["actor"] == "opA" && e["outcome"] == "ok" && e["alliance"] == "Alpha") ok_row = true;
    if (e["actor"] == "memA" && e["outcome"] == "permission_denied") refused_row = true;
  }
  EXPECT_TRUE(ok_row) << page.dump();
  EXPECT_TRUE(refused_row) << page.dump();
  TestResponse logins = api.Call("admin", "GET", "/api/v1/audit?action=session.login&limit=5");
  EXPECT_GT(Body(logins)["total"].get<int>(), 0);
  // Operators read their alliance's rows only; members none.
  TestResponse op = api.Call("opB", "GET", "/api/v1/audit?limit=1000");
  ASSERT_EQ(op.status, 200) << op.body;
  for (const auto& e : Body(op)["entries"]) EXPECT_EQ(e["alliance"], "Beta");
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/audit").status, 403);
  // The trail cannot be rewritten.
  auto db = SqliteDb::Open(api.data() / "platform.db", false);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->Exec("DELETE FROM audit").ok());
  EXPECT_FALSE((*db)->Exec("UPDATE audit SET actor = 'x'").ok());
}

TEST(ApiE2E, DisablingAUserEndsItsSessionsAtOnce) {
  PATNAV_REQUIRE_API();
  Json add = {{"username", "leaver"}, {"password", kPassword}, {"grants", Json::array({{{"role", "analyst"}}})}};
  ASSERT_EQ(api.Call("admin", "POST", "/api/v1/users", add).status, 201);
  std::string token = api.Login("leaver");
  ASSERT_FALSE(token.empty());
  const std::string c = "Cookie: patnav_session=" + token;
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {c}).status, 200);
  EXPECT_EQ(api.Call("admin", "POST", "/api/v1/users/leaver/disable").status, 200);
  EXPECT_EQ(api.Call("", "GET", "/api/v1/me", "", {c}).status, 401);
  EXPECT_TRUE(api.Login("leaver").empty());
  EXPECT_EQ(api.Call("ana", "POST", "/api/v1/users/admin/disable").status, 403);
}

}  // namespace
}  // namespace patnav::server::testing

namespace patnav::server::testing {
namespace {

TEST(ApiE2E, ListsArePaginated) {
  PATNAV_REQUIRE_API();
  TestResponse all = api.Call("opA", "GET", "/api/v1/alliances/Alpha/members");
  ASSERT_EQ(all.status, 200);
  Json members = Json::parse(all.body);
  ASSERT_GE(members.size(), 2u);
  EXPECT_EQ(all.Header("x-total-count"), std::to_string(members.size()));
  TestResponse page = api.Call("opA", "GET", "/api/v1/alliances/Alpha/members?limit=1&offset=1");
  ASSERT_EQ(page.status, 200);
  Json one = Json::parse(page.body);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], members[1]);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/alliances/Alpha/members?limit=0").status, 400);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/alliances/Alpha/members?offset=-1").status, 400);
}

}  // namespace
}  // namespace patnav::server::testing
