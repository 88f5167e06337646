// The watch and inbox routes end to end against `patnav serve` (issue 14):
// create, read, list, preview, delete; another user's watch is 404 and a
// watch shared with an alliance is visible to its members only; a query that
// does not parse is a 400 naming the column, nothing saved; an ingest job
// evaluates the watches after its batches commit and fills the owner's inbox,
// whose unread count and read marks are the caller's own; the server's
// monitoring timer POSTs an immediate watch's alert to a webhook, signed.
#include <chrono>
#include <thread>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <gtest/gtest.h>

#include "api_fixture.h"
#include "http_receiver.h"

namespace patnav::server::testing {
namespace {

Json Body(const TestResponse& r) { return Json::parse(r.body, nullptr, false); }

std::string HmacSha256Hex(const std::string& key, const std::string& body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), mac, &len);
  std::string hex;
  char b[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", mac[i]);
    hex += b;
  }
  return hex;
}

TEST(ApiWatches, HappyPathTenancyAndInbox) {
  PATNAV_REQUIRE_API();
  // A bad query: 400 with its column, and nothing saved.
  TestResponse bad = api.Call("memA", "POST", "/api/v1/watches",
                              Json{{"name", "broken"}, {"kind", "query"}, {"query", "TI=(battery AND"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("column"), std::string::npos) << bad.body;
  TestResponse none = api.Call("memA", "GET", "/api/v1/watches");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(Body(none).empty()) << none.body;
  // A body field the schema does not name is refused.
  EXPECT_EQ(api.Call("memA", "POST", "/api/v1/watches", Json{{"name", "x"}, {"kind", "query"}, {"bogus", 1}}).status,
            400);

  TestResponse made = api.Call("memA", "POST", "/api/v1/watches",
                               Json{{"name", "all US"}, {"kind", "query"}, {"query", "CC=US"}, {"rate", "daily"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t id = Body(made)["id"];
  EXPECT_EQ(Body(made)["rate"], "daily");
  const std::string path = "/api/v1/watches/" + std::to_string(id);
  EXPECT_EQ(api.Call("memA", "GET", path).status, 200);
  EXPECT_EQ(api.Call("memT", "GET", path).status, 404);
  EXPECT_EQ(api.Call("opB", "GET", path).status, 404);
  EXPECT_EQ(api.Call("memT", "DELETE", path).status, 404);
  EXPECT_EQ(api.Call("", "GET", path).status, 401);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/watches/999999").status, 404);
  EXPECT_EQ(Body(api.Call("memT", "GET", "/api/v1/watches")).size(), 0u);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/watches")).size(), 1u);

  // Shared with Alpha: Alpha's members see it, Beta's operator does not.
  TestResponse shared = api.Call("opA", "POST", "/api/v1/watches",
                                 Json{{"name", "shared"}, {"kind", "technology"}, {"classes", {"H01M"}},
                                      {"alliance", "Alpha"}});
  ASSERT_EQ(shared.status, 201) << shared.body;
  const std::string shared_path = "/api/v1/watches/" + std::to_string(Body(shared)["id"].get<int64_t>());
  EXPECT_EQ(api.Call("memT", "GET", shared_path).status, 200);
  EXPECT_EQ(api.Call("opB", "GET", shared_path).status, 404);
  EXPECT_EQ(api.Call("opB", "POST", "/api/v1/watches",
                     Json{{"name", "intrude"}, {"kind", "query"}, {"query", "battery"}, {"alliance", "Alpha"}})
                .status,
            404);
  // The shared applicant-less watch is no competitor: Alpha's dashboard is
  // empty but answers; Beta's operator does not see Alpha's.
  TestResponse rivals = api.Call("memA", "GET", "/api/v1/alliances/Alpha/competitors?months=24");
  ASSERT_EQ(rivals.status, 200) << rivals.body;
  EXPECT_EQ(Body(rivals)["alliance"], "Alpha");
  EXPECT_TRUE(Body(rivals)["competitors"].empty()) << rivals.body;
  EXPECT_EQ(api.Call("opB", "GET", "/api/v1/alliances/Alpha/competitors").status, 404);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/alliances/Alpha/competitors?months=0").status, 400);

  // Only its owner removes it.
  EXPECT_EQ(api.Call("memT", "DELETE", shared_path).status, 403);
  EXPECT_EQ(api.Call("opA", "DELETE", shared_path).status, 200);
  EXPECT_EQ(api.Call("memT", "GET", shared_path).status, 404);

  TestResponse preview =
      api.Call("memA", "POST", "/api/v1/watches/preview", Json{{"kind", "query"}, {"query", "battery"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_TRUE(Body(preview).contains("hits"));
  EXPECT_EQ(Body(preview)["cap"], 1000);

  // An immediate watch of the analyst's with a webhook to a receiver this
  // test runs: the server's monitoring timer POSTs the alert, signed.
  patnav::testing::HttpReceiver receiver;
  TestResponse ana_watch = api.Call("ana", "POST", "/api/v1/watches",
                                    Json{{"name", "ana US"}, {"kind", "query"}, {"query", "CC=US"}});
  ASSERT_EQ(ana_watch.status, 201) << ana_watch.body;
  // A query saved only (the search workspace's saved queries): listed, never
  // evaluated, so the counts below are those of the two active watches.
  TestResponse saved = api.Call("ana", "POST", "/api/v1/watches",
                                Json{{"name", "ana saved"}, {"kind", "query"}, {"query", "CC=US"}, {"rate", "weekly"},
                                     {"active", false}});
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(Body(saved)["active"], false);
  EXPECT_EQ(Body(made)["active"], true);
  TestResponse ana_hook = api.Call("ana", "POST", "/api/v1/webhooks", Json{{"url", receiver.url("/ana")}});
  ASSERT_EQ(ana_hook.status, 201) << ana_hook.body;
  const std::string ana_secret = Body(ana_hook)["secret"];

  // New publications ingested by the command line: the evaluation runs after
  // the batches commit and the owner's inbox gets one notification.
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/inbox/unread-count"))["unread"], 0);
  ScratchDir scratch;
  const std::string file = (scratch.path() / "more.xml").string();
  auto gen = patnav::testing::RunPatnav(scratch, {"generate", "--docs", "12", "--seed", "4242", "--no-full-text",
                                                   "--out", file});
  ASSERT_EQ(gen.code, 0) << gen.err;
  // Through an ingest job: its summary carries the evaluation.
  TestResponse started = api.Call("ana", "POST", "/api/v1/ingest?filename=more.xml",
                                  patnav::testing::ReadFile(file), {"Content-Type: application/octet-stream"});
  ASSERT_EQ(started.status, 202) << started.body;
  const std::string job_id = Body(started)["id"];
  Json job;
  for (int i = 0; i < 600; ++i) {
    job = Body(api.Call("ana", "GET", "/api/v1/jobs/" + job_id));
    if (job["state"] != "queued" && job["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(job["state"], "succeeded") << job.dump();
  const int64_t changed = job["summary"]["new"].get<int64_t>() + job["summary"]["merged"].get<int64_t>();
  ASSERT_GT(changed, 0);
  ASSERT_TRUE(job["summary"].contains("watches")) << job.dump();
  EXPECT_EQ(job["summary"]["watches"]["hits"], 2 * changed);  // both active watches are CC=US: every changed record
  EXPECT_EQ(job["summary"]["watches"]["notifications"], 2);  // memA's daily watch and ana's, none for the saved one
  for (int i = 0; i < 200 && receiver.requests().empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::vector<patnav::testing::ReceivedRequest> posted = receiver.requests();
  ASSERT_EQ(posted.size(), 1u) << "the monitoring timer did not deliver the webhook";
  EXPECT_EQ(posted[0].target, "/ana");
  EXPECT_EQ(posted[0].headers["x-patnav-signature"], "sha256=" + HmacSha256Hex(ana_secret, posted[0].body));
  Json payload = Json::parse(posted[0].body);
  EXPECT_EQ(payload["type"], "notification");
  EXPECT_EQ(payload["watch"]["name"], "ana US");
  EXPECT_EQ(payload["notification"]["hit_count"], changed);
  const std::string ana_log =
      "/api/v1/webhooks/" + std::to_string(Body(ana_hook)["id"].get<int64_t>()) + "/deliveries";
  Json delivered;
  for (int i = 0; i < 100; ++i) {  // the log is written just after the POST is answered
    delivered = Body(api.Call("ana", "GET", ana_log));
    if (!delivered.empty() && delivered[0]["status"] == "delivered") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_EQ(delivered[0]["status"], "delivered");
  EXPECT_EQ(delivered[0]["attempts"], 1);
  EXPECT_EQ(std::to_string(delivered[0]["id"].get<int64_t>()), posted[0].headers["x-patnav-delivery"]);
  TestResponse inbox = api.Call("memA", "GET", "/api/v1/inbox");
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  Json items = Body(inbox);
  ASSERT_EQ(items.size(), 1u) << inbox.body;
  EXPECT_EQ(items[0]["watch_id"], id);
  EXPECT_EQ(items[0]["hit_count"], changed);
  EXPECT_EQ(items[0]["read"], false);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/inbox/unread-count"))["unread"], 1);
  EXPECT_EQ(Body(api.Call("opB", "GET", "/api/v1/inbox")).size(), 0u);
  // The same alerts as an Atom feed, read with an API token.
  TestResponse token = api.Call("memA", "POST", "/api/v1/tokens",
                                Json{{"role", "member"}, {"alliance", "Alpha"}, {"member", "Acme"}, {"days", 1}});
  ASSERT_EQ(token.status, 201) << token.body;
  const std::string bearer = "Authorization: Bearer " + Body(token)["token"].get<std::string>();
  TestResponse feed = api.Call("", "GET", "/api/v1/inbox.atom", "", {bearer});
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_NE(feed.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos) << feed.body;
  EXPECT_NE(feed.body.find("<id>urn:patnav:notification:" + std::to_string(items[0]["id"].get<int64_t>()) + "</id>"),
            std::string::npos)
      << feed.body;
  EXPECT_NE(feed.body.find("<title>all US: " + std::to_string(changed) + " new hit"), std::string::npos) << feed.body;
  EXPECT_EQ(api.Call("", "GET", "/api/v1/inbox.atom").status, 401);
  EXPECT_EQ(api.Call("opB", "GET", "/api/v1/inbox.atom").body.find("<entry>"), std::string::npos);
  // One watch's feed: the same entry under the watch's own id and link;
  // another tenant's watch is 404.
  const std::string watch_feed = path + "/feed.atom";
  TestResponse one = api.Call("", "GET", watch_feed, "", {bearer});
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_NE(one.body.find("<id>urn:patnav:watch:" + std::to_string(id) + "</id>"), std::string::npos) << one.body;
  EXPECT_NE(one.body.find(watch_feed + "\""), std::string::npos) << one.body;
  EXPECT_NE(one.body.find("<id>urn:patnav:notification:" + std::to_string(items[0]["id"].get<int64_t>()) + "</id>"),
            std::string::npos)
      << one.body;
  EXPECT_EQ(api.Call("opB", "GET", watch_feed).status, 404);
  EXPECT_EQ(api.Call("", "GET", watch_feed).status, 401);

  const std::string read = "/api/v1/inbox/" + std::to_string(items[0]["id"].get<int64_t>()) + "/read";
  EXPECT_EQ(api.Call("opB", "POST", read).status, 404);
  EXPECT_EQ(api.Call("memA", "POST", read).status, 200);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/inbox/unread-count"))["unread"], 0);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/inbox?unread=true")).size(), 0u);

  // A daily watch: its notification waits for the day's digest (made by
  // the server's timer once the day has ended, none yet).
  TestResponse digests = api.Call("memA", "GET", path + "/digests");
  ASSERT_EQ(digests.status, 200) << digests.body;
  EXPECT_TRUE(Body(digests).empty()) << digests.body;
  EXPECT_EQ(api.Call("memT", "GET", path + "/digests").status, 404);

  // Webhooks: only http(s), the secret in the creating answer only, the
  // delivery log the owner's.
  TestResponse ftp = api.Call("memA", "POST", "/api/v1/webhooks", Json{{"url", "ftp://127.0.0.1/x"}});
  EXPECT_EQ(ftp.status, 400) << ftp.body;
  EXPECT_NE(ftp.body.find("http:// or https://"), std::string::npos) << ftp.body;
  TestResponse hook = api.Call("memA", "POST", "/api/v1/webhooks",
                               Json{{"url", "http://127.0.0.1:9/hook"}, {"watch_id", id}});
  ASSERT_EQ(hook.status, 201) << hook.body;
  const std::string secret = Body(hook)["secret"];
  EXPECT_GE(secret.size(), 32u);
  TestResponse hooks = api.Call("memA", "GET", "/api/v1/webhooks");
  ASSERT_EQ(hooks.status, 200);
  EXPECT_EQ(Body(hooks).size(), 1u);
  EXPECT_EQ(hooks.body.find(secret), std::string::npos) << hooks.body;
  EXPECT_TRUE(Body(api.Call("memT", "GET", "/api/v1/webhooks")).empty());
  const std::string hook_path = "/api/v1/webhooks/" + std::to_string(Body(hook)["id"].get<int64_t>());
  TestResponse log = api.Call("memA", "GET", hook_path + "/deliveries");
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_TRUE(Body(log).empty());
  EXPECT_EQ(api.Call("memT", "GET", hook_path + "/deliveries").status, 404);
  EXPECT_EQ(api.Call("memT", "DELETE", hook_path).status, 404);
  EXPECT_EQ(api.Call("memT", "POST", hook_path + "/enable").status, 404);
  TestResponse enabled = api.Call("memA", "POST", hook_path + "/enable");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(Body(enabled)["active"], true);
  EXPECT_EQ(enabled.body.find(secret), std::string::npos) << enabled.body;
  EXPECT_EQ(api.Call("opB", "POST", "/api/v1/webhooks", Json{{"url", "http://127.0.0.1:9/x"}, {"watch_id", id}}).status,
            404);
  EXPECT_EQ(api.Call("memA", "DELETE", hook_path).status, 200);
  TestResponse bad_mail = api.Call("memA", "POST", "/api/v1/email-recipients", Json{{"address", "Ana <a@b.org>"}});
  EXPECT_EQ(bad_mail.status, 400) << bad_mail.body;
  TestResponse mail = api.Call("memA", "POST", "/api/v1/email-recipients",
                               Json{{"address", "ana@example.org"}, {"watch_id", id}});
  ASSERT_EQ(mail.status, 201) << mail.body;
  EXPECT_EQ(Body(mail)["channel"], "email");
  EXPECT_EQ(api.Call("memA", "DELETE", "/api/v1/webhooks/" + std::to_string(Body(mail)["id"].get<int64_t>())).status,
            200);

  // Deleted with its alerts.
  EXPECT_EQ(api.Call("memA", "DELETE", path).status, 200);
  EXPECT_EQ(Body(api.Call("memA", "GET", "/api/v1/inbox")).size(), 0u);
  EXPECT_EQ(api.Call("memA", "GET", path).status, 404);
}

}  // namespace
}  // namespace patnav::server::testing
