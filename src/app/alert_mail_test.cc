// Alerts by e-mail through a fake SMTP server on 127.0.0.1 that the test
// runs (tests/smtp_sink.h): one message per immediate alert and one batched
// message per digest of each slower rate, each multipart plain + HTML in
// UTF-8 with the Chinese watch name intact in the encoded subject; a server
// that refuses is retried (the inbox keeps the alert); no server configured
// is recorded as the reason; addresses that are not one plain address are
// refused.
#include "app/alert_mail.h"

#include <openssl/evp.h>

#include <map>
#include <regex>

#include <gtest/gtest.h>

#include "app/digests.h"
#include "app/patent_corpus_testing.h"
#include "app/watches.h"
#include "app/webhooks.h"
#include "domain/digest_period.h"
#include "domain/platform_clock.h"
#include "smtp_sink.h"
#include "testing.h"

namespace patnav::app {
namespace {

using patnav::testing::ScratchDir;
using patnav::testing::SmtpSink;

constexpr int64_t kT0 = 4102444800;  // 2100-01-01T00:00:00Z (a Friday)

std::string Unbase64(std::string in) {
  in.erase(std::remove_if(in.begin(), in.end(), [](char c) { return c == '\r' || c == '\n'; }), in.end());
  std::string out(in.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  if (n < 0) return "";
  size_t pad = 0;
  if (!in.empty() && in.back() == '=') ++pad;
  if (in.size() > 1 && in[in.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::string Header(const std::string& message, const std::string& name) {
  std::smatch m;
  if (std::regex_search(message, m, std::regex("(^|\r\n)" + name + ": ([^\r\n]*)"))) return m[2];
  return "";
}

// The decoded body of the part with `content_type`.
std::string Part(const std::string& message, const std::string& content_type) {
  const size_t at = message.find("Content-Type: " + content_type);
  if (at == std::string::npos) return "";
  const size_t start = message.find("\r\n\r\n", at) + 4;
  const size_t end = message.find("--patnav-alt-", start);
  return Unbase64(message.substr(start, end - start));
}

class AlertMailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteCorpus(dir_.path() / "a.xml", 40, 0, 20);
    testing::WriteCorpus(dir_.path() / "b.xml", 40, 20, 20);
    ws_ = std::make_unique<Workspace>(Workspace::Options{.dir = dir_.path() / "db"});
    ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "a.xml").string()}).ok());
  }

  domain::Watch Add(const std::string& rate) {
    WatchRequest r;
    r.name = "锂电池 " + rate;
    r.kind = "query";
    r.rate = rate;
    r.params.query = "CC=US";
    Result<domain::Watch> w = AddWatch(Caller::Local(), *ws_, r);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return w.ok() ? *w : domain::Watch{};
  }

  void IngestSecondPart() { ASSERT_TRUE(testing::IngestPaths(*ws_, {(dir_.path() / "b.xml").string()}).ok()); }

  ScratchDir dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(AlertMailTest, OneMessagePerImmediateAlertAndOneBatchedMessagePerRate) {
  SmtpSink sink;
  for (const char* rate : {"immediate", "daily", "weekly", "monthly"}) Add(rate);
  Result<domain::Webhook> to = AddEmailRecipient(Caller::Local(), *ws_, {.address = "analyst@example.org"});
  ASSERT_TRUE(to.ok()) << to.status().ToString();
  EXPECT_EQ(to->channel, domain::Channel::kEmail);
  IngestSecondPart();
  ASSERT_EQ(CollectDigestsNow(*ws_, kT0)->size(), 3u);
  DeliveryOptions o;
  o.mail = MailSettings{.url = sink.url(), .from = "patnav@example.org"};
  DeliverySummary sent = DeliverDueWebhooks(*ws_, kT0, o).value();
  EXPECT_EQ(sent.delivered, 4);
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 3600, o)->attempted, 0);

  std::vector<patnav::testing::ReceivedMail> mails = sink.mails();
  ASSERT_EQ(mails.size(), 4u);
  std::map<std::string, std::string> by_subject;
  int64_t hits = -1;
  for (const auto& m : mails) {
    EXPECT_EQ(m.from, "patnav@example.org");
    EXPECT_EQ(m.to, std::vector<std::string>{"analyst@example.org"});
    EXPECT_EQ(Header(m.data, "From"), "patnav@example.org");
    EXPECT_EQ(Header(m.data, "To"), "analyst@example.org");
    EXPECT_EQ(Header(m.data, "Date"), "Fri, 01 Jan 2100 00:00:00 +0000");
    const std::string encoded = Header(m.data, "Subject");
    ASSERT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u) << encoded;
    const std::string subject = Unbase64(encoded.substr(10, encoded.size() - 12));
    by_subject[subject] = m.data;
    const std::string text = Part(m.data, "text/plain; charset=utf-8");
    const std::string html = Part(m.data, "text/html; charset=utf-8");
    std::smatch count;
    ASSERT_TRUE(std::regex_search(subject, count, std::regex("(\\d+) new hits"))) << subject;
    const int64_t n = std::stoll(count[1]);
    if (hits < 0) hits = n;
    EXPECT_EQ(n, hits) << "every rate sees the same second part";
    EXPECT_EQ(static_cast<int64_t>(std::count(text.begin(), text.end(), '\n')) - 2, n) << text;
    EXPECT_NE(html.find("<h2>锂电池 "), std::string::npos) << html;
    EXPECT_NE(html.find("<li><b>US"), std::string::npos) << html;
  }
  EXPECT_GT(hits, 0);
  const std::string n = std::to_string(hits);
  EXPECT_TRUE(by_subject.count("[patnav] 锂电池 immediate: " + n + " new hits"));
  // Each digest is named for the period its news arrived in (today), though
  // it was collected long after.
  const int64_t today = domain::SystemClock().Now();
  auto key = [&](domain::WatchRate rate) { return domain::PeriodContaining(rate, today).key; };
  EXPECT_TRUE(by_subject.count("[patnav] 锂电池 daily: " + key(domain::WatchRate::kDaily) + ", " + n + " new hits"));
  EXPECT_TRUE(by_subject.count("[patnav] 锂电池 weekly: " + key(domain::WatchRate::kWeekly) + ", " + n + " new hits"));
  EXPECT_TRUE(
      by_subject.count("[patnav] 锂电池 monthly: " + key(domain::WatchRate::kMonthly) + ", " + n + " new hits"));
}

TEST_F(AlertMailTest, ARefusingServerIsRetriedAndTheInboxKeepsTheAlert) {
  SmtpSink refusing(/*refuse_recipients=*/true);
  domain::Watch w = Add("immediate");
  Result<domain::Webhook> to = AddEmailRecipient(Caller::Local(), *ws_, {.address = "gone@example.org", .watch_id = w.id});
  ASSERT_TRUE(to.ok()) << to.status().ToString();
  IngestSecondPart();
  DeliveryOptions o;
  o.mail = MailSettings{.url = refusing.url(), .from = "patnav@example.org"};
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0, o)->retrying, 1);
  EXPECT_EQ(refusing.refused(), 1);
  std::vector<domain::Delivery> log = ListWebhookDeliveries(Caller::Local(), *ws_, to->id).value();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, domain::DeliveryStatus::kPending);
  EXPECT_NE(log[0].last_error.find("refused"), std::string::npos) << log[0].last_error;
  EXPECT_EQ(log[0].next_attempt_at, domain::FormatIsoUtc(kT0 + 30));
  EXPECT_EQ(ListInbox(Caller::Local(), *ws_, {})->size(), 1u);

  // With no server configured the attempt says so.
  o.mail = MailSettings{};
  EXPECT_EQ(DeliverDueWebhooks(*ws_, kT0 + 30, o)->retrying, 1);
  log = ListWebhookDeliveries(Caller::Local(), *ws_, to->id).value();
  EXPECT_NE(log[0].last_error.find("no SMTP server is configured"), std::string::npos) << log[0].last_error;
  EXPECT_EQ(log[0].attempts, 2);
}

TEST_F(AlertMailTest, OnlyOnePlainAddressIsAccepted) {
  for (const char* bad : {"", "analyst", "a@b", "@example.org", "x@@example.org", "Ana <ana@example.org>",
                          "a@example.org, b@example.org", "a@example.org\r\nBcc: c@example.org"}) {
    Result<domain::Webhook> r = AddEmailRecipient(Caller::Local(), *ws_, {.address = bad});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_TRUE(ListWebhooks(Caller::Local(), *ws_)->empty());
  EXPECT_EQ(CheckMailSettings({.url = "http://mail.example.org"}).code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckMailSettings({.url = "smtp://127.0.0.1:2525", .from = "patnav@example.org"}).ok());
}

}  // namespace
}  // namespace patnav::app
