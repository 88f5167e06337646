// The server's life: SIGTERM lets a request in flight finish; kill -9 in the
// middle of a distribution close leaves all of it or none of it.
#include <signal.h>

#include <chrono>
#include <thread>

#include "api_fixture.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

TEST(ApiLifecycle, KillDuringDistributionCloseLeavesNoneOrAll) {
  PATNAV_REQUIRE_API();
  ASSERT_EQ(api.Call("opA", "POST", "/api/v1/alliances/Alpha/pools/PA/rescore", Json::object()).status, 200);
  const std::vector<std::string> periods = {"2024Q1", "2024Q2", "2024Q3", "2024Q4"};
  int closed_before_kill = 0, lost_to_kill = 0;
  for (size_t i = 0; i < periods.size(); ++i) {
    const std::string& period = periods[i];
    TestResponse filed = api.Call("opA", "POST", "/api/v1/alliances/Alpha/royalty-reports",
                                  Json{{"licensee", "BYD"}, {"programme", "GA"}, {"period", period},
                                       {"lines", {{{"country", "CN"}, {"figure", "1000"}}}}});
    ASSERT_EQ(filed.status, 201) << filed.body;
    // Send the close and kill the server a little later each round.
    HttpTestClient client(static_cast<uint16_t>(api.port()));
    std::string body = Json{{"pool", "PA"}, {"period", period}, {"close", true}}.dump();
    ASSERT_TRUE(client
                    .SendRequest("POST", "/api/v1/alliances/Alpha/distributions",
                                 {"Cookie: patnav_session=" + api.Token("opA"), "X-Requested-With: patnav",
                                  "Content-Type: application/json"},
                                 body)
                    .ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(3 * i));
    api.server().Signal(SIGKILL, true);
    ASSERT_TRUE(api.Restart()) << api.error();
    TestResponse pool = api.Call("opA", "GET", "/api/v1/alliances/Alpha/pools/PA");
    ASSERT_EQ(pool.status, 200) << pool.body;
    bool closed = pool.body.find("\"" + period + "\"") != std::string::npos;
    EXPECT_EQ(api.Call("opA", "GET", "/api/v1/alliances/Alpha/ledger/check").status, 200) << period;
    if (closed) {
      ++closed_before_kill;
      // All of it: the statements of the period add up to what was distributed.
      TestResponse again = api.Call("opA", "POST", "/api/v1/alliances/Alpha/distributions",
                                    Json{{"pool", "PA"}, {"period", period}, {"close", true}});
      EXPECT_NE(again.status / 100, 2) << "a closed period was closed twice: " << again.body;
    } else {
      ++lost_to_kill;
      // None of it: the period closes now, whole.
      TestResponse now = api.Call("opA", "POST", "/api/v1/alliances/Alpha/distributions",
                                  Json{{"pool", "PA"}, {"period", period}, {"close", true}});
      EXPECT_EQ(now.status, 200) << now.body;
      EXPECT_EQ(Body(now)["closed"], true) << now.body;
    }
    TestResponse statement =
        api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Acme/statement?period=" + period);
    EXPECT_EQ(statement.status, 200) << statement.body;
  }
  EXPECT_EQ(closed_before_kill + lost_to_kill, 4);
  EXPECT_EQ(api.Call("opA", "GET", "/api/v1/alliances/Alpha/ledger/check").status, 200);
}

TEST(ApiLifecycle, SigtermFinishesTheRequestInFlight) {
  PATNAV_REQUIRE_API();
  std::string xml = patnav::testing::ReadFile(api.dir() / "corpus.xml");
  std::string upload = xml.substr(0, xml.find("<?xml", 1));
  HttpTestClient client(static_cast<uint16_t>(api.port()), std::chrono::milliseconds(30000));
  std::string head = "POST /api/v1/ingest?filename=one.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: patnav_session=" +
                     api.Token("ana") +
                     "\r\nX-Requested-With: patnav\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                     std::to_string(upload.size()) + "\r\n\r\n";
  ASSERT_TRUE(client.SendRaw(head + upload.substr(0, upload.size() / 2)).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  api.server().Signal(SIGTERM, false);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // New connections are refused while the request in flight goes on.
  HttpTestClient late(static_cast<uint16_t>(api.port()), std::chrono::milliseconds(2000));
  Result<TestResponse> refused = late.Request("GET", "/healthz");
  EXPECT_FALSE(refused.ok() && refused->status == 200);
  ASSERT_TRUE(client.SendRaw(upload.substr(upload.size() / 2)).ok());
  Result<TestResponse> r = client.ReadResponse();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 202) << r->body;
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_EQ(api.server().Signal(0, true), 0) << api.server().Stderr();
  ASSERT_TRUE(api.Restart()) << api.error();
  EXPECT_EQ(api.Call("ana", "GET", "/api/v1/me").status, 200);  // sessions survive a restart
}

}  // namespace
}  // namespace patnav::server::testing

namespace patnav::server::testing {
namespace {

TEST(ApiLifecycle, RequestRateLimitAnswers429WithRetryAfter) {
  PATNAV_REQUIRE_API();
  ScratchDir logs;
  ServerProcess limited;
  ASSERT_TRUE(limited.Start(api.data(), logs.path(), {"--rate-limit", "1"})) << limited.error();
  int refused = 0, answered = 0;
  std::string retry_after;
  for (int i = 0; i < 260; ++i) {
    HttpTestClient c(static_cast<uint16_t>(limited.port()));
    Result<TestResponse> r = c.Request("GET", "/api/v1/openapi.json");
    ASSERT_TRUE(r.ok());
    if (r->status == 429) {
      ++refused;
      retry_after = r->Header("retry-after");
      EXPECT_EQ(Json::parse(r->body)["code"], "resource_exhausted");
    } else {
      ++answered;
    }
  }
  EXPECT_GE(answered, 200);  // the burst
  EXPECT_LE(answered, 215);
  EXPECT_GT(refused, 0);
  EXPECT_FALSE(retry_after.empty());
  // Health checks are not API requests: never limited.
  HttpTestClient c(static_cast<uint16_t>(limited.port()));
  EXPECT_EQ(c.Request("GET", "/healthz")->status, 200);
}

}  // namespace
}  // namespace patnav::server::testing
