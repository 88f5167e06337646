// Webhooks end to end through the application layer, to a receiver on
// 127.0.0.1 that the test runs (tests/http_receiver.h): the signature
// verified with the secret (HMAC computed here with OpenSSL), a receiver
// failing twice retried with backoff and then delivered with the same body
// and delivery id, a receiver that never answers timed out and recorded as
// failed, a digest delivered by the server's monitoring timer, URLs that are
// not http(s) refused with nothing saved, the secret never listed, another
// user's webhook not found, a webhook disabled after failures re-enabled.
#include "app/webhooks.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "app/digests.h"
#include "app/ingest.h"
#include "app/monitoring_timer.h"
#include "app/patent_corpus_testing.h"
#include "app/watches.h"
#include "domain/period.h"
#include "domain/platform_clock.h"
#include "http_receiver.h"
#include "testing.h"

namespace patnav::app {
namespace {

using patnav::testing::HttpReceiver;
using patnav::testing::ScratchDir;

constexpr int64_t kT0 = 4102444800;  // 2100-01-01T00:00:00Z: after any notification the test makes

std::string HmacHex(const std::string& key, const std::string& body) {
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

// The Standard Webhooks signature, computed here from the spec: the key is
// the base64 after "whsec_", the content "id.timestamp.body".
std::string StandardSignature(const std::string& secret, const std::string& id, const std::string& timestamp,
                              const std::string& body) {
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u) << secret;
  const std::string b64 = secret.substr(6);
  std::string key(b64.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(key.data()), reinterpret_cast<const unsigned char*>(b64.data()),
                          static_cast<int>(b64.size()));
  EXPECT_GT(n, 0);
  key.resize(static_cast<size_t>(n) - std::count(b64.begin(), b64.end(), '='));
  const std::string content = id + "." + timestamp + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(content.data()),
       content.size(), mac, &len);
  std::string out(4 * ((len + 2) / 3), '\0');
  out.resize(static_cast<size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(len))));
  return "v1," + out;
}

class WebhooksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "db";
    testing::WriteCorpus(dir_.path() / "a.xml", 40, 0, 20);
    testing::WriteCorpus(dir_.path() / "b.xml", 40, 20, 20);
    ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = data_});
    ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "a.xml").string()}).ok());
  }

  domain::Watch AddUsWatch(const std::string& rate) {
    WatchRequest r;
    r.name = "us " + rate;
    r.kind = "query";
    r.rate = rate;
    r.params.query = "CC=US";
    Result<domain::Watch> w = AddWatch(Caller::Local(), *ws_, r);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() ? *w : domain::Watch{};
  }

  void IngestSecondPart() { ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "b.xml").string()}).ok()); }

  std::vector<domain::Delivery> Log(int64_t webhook) {
    Result<std::vector<domain::Delivery>> log = ListWebhookDeliveries(Caller::Local(), *ws_, webhook);
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    return log.ok() ? *log : std::vector<domain::Delivery>{};
  }

  ScratchDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(WebhooksTest, SignedDeliveryRetriedAfterTwoFailuresThenDelivered) {
  HttpReceiver receiver({500, 500});
  domain::Watch w = AddUsWatch("immediate");
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = receiver.url(), .watch_id = w.id});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  ASSERT_EQ(hook->secret.size(), 6u + 44u);  // whsec_ + base64 of 32 bytes
  IngestSecondPart();

  DeliverySummary first = DeliverDueWebhooks(*ws_, kT0).value();
  EXPECT_EQ(first.attempted, 1);
  EXPECT_EQ(first.retrying, 1);
  // Not due again before its backoff (30 s), however often the timer runs.
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 29).value().attempted, 0);
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 30).value().retrying, 1);
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 30 + 59).value().attempted, 0);  // then 60 s
  DeliverySummary third = DeliverDueWebhooks(*ws_, kT0 + 90).value();
  EXPECT_EQ(third.delivered, 1);
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 10000).value().attempted, 0);

  std::vector<patnav::testing::ReceivedRequest> got = receiver.requests();
  ASSERT_EQ(got.size(), 3u);
  for (const auto& r : got) {
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.target, "/hook");
    EXPECT_EQ(r.body, got[0].body);
    EXPECT_EQ(r.headers.at("x-patnav-delivery"), got[0].headers.at("x-patnav-delivery"));
    EXPECT_EQ(r.headers.at("x-patnav-signature"), "sha256=" + HmacHex(hook->secret, r.body));
    EXPECT_NE(r.headers.at("x-patnav-signature"), "sha256=" + HmacHex(hook->secret + "x", r.body));
    EXPECT_EQ(r.headers.at("content-type"), "application/json");
    // The Standard Webhooks form of the same: id, timestamp, signature.
    EXPECT_EQ(r.headers.at("webhook-id"), r.headers.at("x-patnav-delivery"));
    EXPECT_EQ(r.headers.at("webhook-timestamp"), r.headers.at("x-patnav-timestamp"));
    EXPECT_EQ(r.headers.at("webhook-signature"),
              StandardSignature(hook->secret, r.headers.at("webhook-id"), r.headers.at("webhook-timestamp"), r.body));
    EXPECT_NE(r.headers.at("webhook-signature"),
              StandardSignature(hook->secret, r.headers.at("webhook-id"), "1", r.body));
  }
  EXPECT_EQ(got[0].headers.at("x-patnav-timestamp"), std::to_string(kT0));
  EXPECT_EQ(got[2].headers.at("x-patnav-timestamp"), std::to_string(kT0 + 90));
  nlohmann::json body = nlohmann::json::parse(got[0].body);
  EXPECT_EQ(body["type"], "notification");
  EXPECT_EQ(body["watch"]["id"], w.id);
  const int64_t hits = body["notification"]["hit_count"];
  EXPECT_GT(hits, 0);
  EXPECT_EQ(static_cast<int64_t>(body["notification"]["hits"].size()), hits);
  for (const auto& h : body["notification"]["hits"])
    EXPECT_EQ(h["publication_number"].get<std::string>().substr(0, 2), "US");

  std::vector<domain::Delivery> log = Log(hook->webhook.id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, domain::DeliveryStatus::kDelivered);
  EXPECT_EQ(log[0].attempts, 3);
  EXPECT_EQ(log[0].last_http_status, 200);
  EXPECT_EQ(log[0].last_error, "");
  EXPECT_EQ(std::to_string(log[0].id), got[0].headers.at("x-patnav-delivery"));
  // The secret is never listed again.
  const std::string listed = WebhookJson(ListWebhooks(Caller::Local(), *ws_)->at(0)).dump();
  EXPECT_EQ(listed.find(hook->secret), std::string::npos) << listed;
  EXPECT_EQ(listed.find("secret"), std::string::npos) << listed;
}

TEST_F(WebhooksTest, ANeverAnsweringReceiverTimesOutAndIsRecordedFailed) {
  HttpReceiver silent({}, /*hang=*/true);
  domain::Watch w = AddUsWatch("immediate");
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = silent.url(), .watch_id = w.id});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  IngestSecondPart();
  DeliveryOptions o;
  o.timeout_ms = 300;
  o.max_attempts = 2;
  o.backoff_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0, o).value().retrying, 1);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  std::vector<domain::Delivery> log = Log(hook->webhook.id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, domain::DeliveryStatus::kPending);
  EXPECT_NE(log[0].last_error.find("timed out after 300 ms"), std::string::npos) << log[0].last_error;
  EXPECT_EQ(log[0].next_attempt_at, domain::FormatIsoUtc(kT0 + 1));
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 1, o).value().failed, 1);
  log = Log(hook->webhook.id);
  EXPECT_EQ(log[0].status, domain::DeliveryStatus::kFailed);
  EXPECT_EQ(log[0].attempts, 2);
  EXPECT_EQ(log[0].last_http_status, 0);
  EXPECT_NE(log[0].last_error.find("timed out"), std::string::npos);
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 100000, o).value().attempted, 0);  // failed for good
  EXPECT_EQ(silent.requests().size(), 2u);
}

TEST_F(WebhooksTest, AWebhookFailingRepeatedlyIsDisabledWithTheReason) {
  HttpReceiver broken({500, 500, 500, 500, 500, 500});
  AddUsWatch("immediate");
  WatchRequest r;
  r.name = "everything";
  r.kind = "query";
  r.params.query = "CC=US OR CC=CN OR CC=EP OR CC=JP OR CC=WO OR CC=KR OR CC=DE";
  ASSERT_TRUE(AddWatch(Caller::Local(), *ws_, r).ok());
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = broken.url()});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  IngestSecondPart();  // two watches: two notifications, two deliveries
  DeliveryOptions o;
  o.max_attempts = 1;
  o.disable_after = 2;
  DeliverySummary sent = DeliverDueWebhooks(*ws_, kT0, o).value();
  EXPECT_EQ(sent.failed, 2);
  EXPECT_EQ(sent.disabled, 1);
  domain::Webhook listed = ListWebhooks(Caller::Local(), *ws_)->at(0);
  EXPECT_FALSE(listed.active);
  EXPECT_EQ(listed.consecutive_failures, 2);
  EXPECT_NE(listed.disabled_reason.find("disabled after 2 deliveries failed in a row"), std::string::npos)
      << listed.disabled_reason;
  EXPECT_NE(listed.disabled_reason.find("HTTP 500"), std::string::npos) << listed.disabled_reason;
  EXPECT_EQ(WebhookJson(listed)["active"], false);
  // Nothing more is sent to it.
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 100000, o)->attempted, 0);
  EXPECT_EQ(broken.requests().size(), 2u);
}

TEST_F(WebhooksTest, ADisabledWebhookReEnabledReceivesTheNextAlerts) {
  HttpReceiver receiver({500});  // then 200
  AddUsWatch("immediate");
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = receiver.url()});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  testing::WriteCorpus(dir_.path() / "c.xml", 80, 40, 20);
  testing::WriteCorpus(dir_.path() / "d.xml", 80, 60, 20);
  DeliveryOptions o;
  o.max_attempts = 1;
  o.disable_after = 1;
  IngestSecondPart();
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0, o)->disabled, 1);
  EXPECT_FALSE(ListWebhooks(Caller::Local(), *ws_)->at(0).active);
  // Alerts made while it is disabled are not queued for it.
  ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "c.xml").string()}).ok());
  EXPECT_EQ(Log(hook->webhook.id).size(), 1u);

  EXPECT_EQ(EnableWebhook(Caller::Local(), *ws_, hook->webhook.id + 100).status().code(), StatusCode::kNotFound);
  Result<domain::Webhook> enabled = EnableWebhook(Caller::Local(), *ws_, hook->webhook.id);
  ASSERT_TRUE(enabled.ok()) << enabled.status().ToString();
  EXPECT_TRUE(enabled->active);
  EXPECT_EQ(enabled->consecutive_failures, 0);
  EXPECT_EQ(enabled->disabled_reason, "");
  EXPECT_TRUE(ListWebhooks(Caller::Local(), *ws_)->at(0).active);

  ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "d.xml").string()}).ok());
  DeliverySummary sent = DeliverDueWebhooks(*ws_, kT0 + 10, o).value();
  EXPECT_EQ(sent.attempted, 1);
  EXPECT_EQ(sent.delivered, 1);
  std::vector<domain::Delivery> log = Log(hook->webhook.id);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].status, domain::DeliveryStatus::kDelivered);  // newest first
  EXPECT_EQ(log[1].status, domain::DeliveryStatus::kFailed);
  EXPECT_EQ(receiver.requests().size(), 2u);
  EXPECT_TRUE(ListWebhooks(Caller::Local(), *ws_)->at(0).active);
}

TEST_F(WebhooksTest, TheMonitoringTimerDeliversADailyDigestOnce) {
  HttpReceiver receiver;
  domain::Watch daily = AddUsWatch("daily");
  domain::Watch now = AddUsWatch("immediate");
  // A webhook for every watch of the owner.
  Result<CreatedWebhook> hook = AddWebhook(Caller::Local(), *ws_, {.url = receiver.url("/all")});
  ASSERT_TRUE(hook.ok()) << hook.status().ToString();
  IngestSecondPart();
  domain::ManualClock clock(kT0);
  {
    MonitoringTimer timer(*ws_, clock, std::chrono::milliseconds(20));
    for (int i = 0; i < 250 && receiver.requests().size() < 2; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a few more rounds: nothing more is sent
  }
  std::vector<patnav::testing::ReceivedRequest> got = receiver.requests();
  ASSERT_EQ(got.size(), 2u);
  std::map<std::string, nlohmann::json> by_type;
  for (const auto& r : got) {
    nlohmann::json b = nlohmann::json::parse(r.body);
    by_type[b["type"]] = b;
  }
  ASSERT_TRUE(by_type.count("digest") && by_type.count("notification"));
  EXPECT_EQ(by_type["digest"]["watch"]["id"], daily.id);
  // Named for the day its news arrived (today), though collected long after.
  EXPECT_EQ(by_type["digest"]["digest"]["period"], domain::TodayUtc());
  EXPECT_EQ(by_type["digest"]["digest"]["hit_count"], by_type["notification"]["notification"]["hit_count"]);
  EXPECT_EQ(by_type["digest"]["digest"]["hits"], by_type["notification"]["notification"]["hits"]);
  EXPECT_EQ(by_type["notification"]["watch"]["id"], now.id);
  EXPECT_EQ(ListWatchDigests(Caller::Local(), *ws_, daily.id)->size(), 1u);
}

TEST_F(WebhooksTest, OnlyHttpUrlsAreAcceptedAndOthersWebhooksAreNotFound) {
  for (const char* url : {"ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "example.org/hook",
                          "http://", "http://user@127.0.0.1/", "http://a b/"}) {
    Result<CreatedWebhook> r = AddWebhook(Caller::Local(), *ws_, {.url = url});
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << url;
    EXPECT_NE(r.status().message().find("http:// or https://"), std::string::npos) << r.status().message();
  }
  EXPECT_TRUE(ListWebhooks(Caller::Local(), *ws_)->empty());
  EXPECT_TRUE(AddWebhook(Caller::Local(), *ws_, {.url = "HTTPS://example.org/hook"}).ok());

  Caller alice;
  alice.user_id = 7;
  alice.username = "alice";
  alice.grants.push_back({0, domain::Role::kAnalyst, "", "", "", ""});
  Caller bob = alice;
  bob.user_id = 8;
  bob.username = "bob";
  Result<CreatedWebhook> mine = AddWebhook(alice, *ws_, {.url = "https://example.org/a", .secret = "0123456789abcdef"});
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(mine->secret, "0123456789abcdef");
  EXPECT_EQ(AddWebhook(alice, *ws_, {.url = "https://example.org/a", .secret = "short"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ListWebhooks(alice, *ws_)->size(), 1u);
  EXPECT_TRUE(ListWebhooks(bob, *ws_)->empty());
  EXPECT_EQ(ListWebhookDeliveries(bob, *ws_, mine->webhook.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(RemoveWebhook(bob, *ws_, mine->webhook.id).code(), StatusCode::kNotFound);
  // A webhook on someone else's watch: that watch is not found for bob.
  WatchRequest r;
  r.name = "alice's";
  r.kind = "query";
  r.params.query = "battery";
  Result<domain::Watch> w = AddWatch(alice, *ws_, r);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(AddWebhook(bob, *ws_, {.url = "https://example.org/b", .watch_id = w->id}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(AddWebhook(Caller::Anonymous(), *ws_, {.url = "https://example.org/b"}).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_TRUE(RemoveWebhook(alice, *ws_, mine->webhook.id).ok());
  EXPECT_TRUE(ListWebhooks(alice, *ws_)->empty());
}

TEST_F(WebhooksTest, AWebhookPointingBackAtThisServerIsRefused) {
  ws_->SetServedPort(8123);
  for (const char* self : {"http://127.0.0.1:8123/hook", "http://localhost:8123", "https://LOCALHOST.:8123/x?y",
                           "http://[::1]:8123/hook", "http://0.0.0.0:8123/", "http://127.1.2.3:8123/"}) {
    Result<CreatedWebhook> refused = AddWebhook(Caller::Local(), *ws_, {.url = self});
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << self;
    EXPECT_NE(refused.status().message().find("this patnav server itself"), std::string::npos)
        << refused.status().ToString();
  }
  // Another port on the same machine, or the same port elsewhere, is another service.
  for (const char* other : {"http://127.0.0.1:8124/hook", "https://hooks.example.org:8123/x"})
    EXPECT_TRUE(AddWebhook(Caller::Local(), *ws_, {.url = other}).ok()) << other;
  ws_->SetServedPort(443);
  EXPECT_EQ(AddWebhook(Caller::Local(), *ws_, {.url = "https://localhost/hook"}).status().code(),
            StatusCode::kInvalidArgument);
  // Not serving (the command line): nothing is refused for being local.
  ws_->SetServedPort(0);
  EXPECT_TRUE(AddWebhook(Caller::Local(), *ws_, {.url = "http://127.0.0.1:8123/hook2"}).ok());
  Result<std::vector<domain::Webhook>> all = ListWebhooks(Caller::Local(), *ws_);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u) << "nothing saved for the refused ones";
}

}  // namespace
}  // namespace patnav::app
