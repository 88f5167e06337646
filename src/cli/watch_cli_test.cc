// patnav watch and patnav inbox end to end: a refused query (exit 2, the
// column named, nothing saved), a watch alerting on the next ingest once,
// the inbox read, marked and emptied, and a preview above the cap refused.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

using testing::RunPatnav;
using testing::ScratchDir;

TEST(WatchCli, AddIngestInboxMarkReadRemove) {
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string a = (dir.path() / "a.xml").string(), b = (dir.path() / "b.xml").string();
  ASSERT_EQ(RunPatnav(dir, {"generate", "--docs", "30", "--seed", "5", "--no-full-text", "--out", a}).code, 0);
  ASSERT_EQ(RunPatnav(dir, {"generate", "--docs", "20", "--seed", "6", "--no-full-text", "--out", b}).code, 0);
  ASSERT_EQ(RunPatnav(dir, {"ingest", "--db", db, a}).code, 0);

  auto bad = RunPatnav(dir, {"watch", "add", "--db", db, "--name", "q", "--kind", "query", "--query", "TI=(battery"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("column 12"), std::string::npos) << bad.err;
  auto none = RunPatnav(dir, {"watch", "list", "--db", db, "--format", "json"});
  ASSERT_EQ(none.code, 0) << none.err;
  EXPECT_TRUE(nlohmann::json::parse(none.out).empty()) << none.out;

  auto add = RunPatnav(dir, {"watch", "add", "--db", db, "--name", "us", "--kind", "query", "--query", "CC=US",
                             "--format", "json"});
  ASSERT_EQ(add.code, 0) << add.err;
  const int64_t id = nlohmann::json::parse(add.out)["id"];
  auto ingest = RunPatnav(dir, {"ingest", "--db", db, b});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  EXPECT_NE(ingest.out.find("watches: 1 evaluated, 20 new hits in 1 notifications"), std::string::npos) << ingest.out;
  EXPECT_EQ(RunPatnav(dir, {"ingest", "--db", db, b}).out.find("20 new hits"), std::string::npos);

  auto inbox = RunPatnav(dir, {"inbox", "--db", db, "--format", "json"});
  ASSERT_EQ(inbox.code, 0) << inbox.err;
  nlohmann::json items = nlohmann::json::parse(inbox.out);
  ASSERT_EQ(items.size(), 1u) << inbox.out;
  EXPECT_EQ(items[0]["watch_id"], id);
  EXPECT_EQ(items[0]["hit_count"], 20);
  EXPECT_EQ(items[0]["hits"].size(), 20u);
  const std::string nid = std::to_string(items[0]["id"].get<int64_t>());
  ASSERT_EQ(RunPatnav(dir, {"inbox", "--db", db, "--mark-read", nid}).code, 0);
  auto unread = RunPatnav(dir, {"inbox", "--db", db, "--unread", "--format", "json"});
  EXPECT_TRUE(nlohmann::json::parse(unread.out).empty()) << unread.out;
  EXPECT_EQ(RunPatnav(dir, {"inbox", "--db", db, "--mark-read", "99999"}).code, 2);

  auto run = RunPatnav(dir, {"watch", "run", "--db", db});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["hits"], 0);

  auto preview = RunPatnav(dir, {"watch", "preview", "--db", db, "--name", "p", "--kind", "query", "--query", "CC=US",
                                 "--today", "2026-01-01", "--cap", "1"});
  EXPECT_EQ(preview.code, 2);
  EXPECT_NE(preview.err.find("above the cap of 1"), std::string::npos) << preview.err;

  ASSERT_EQ(RunPatnav(dir, {"watch", "remove", "--db", db, std::to_string(id)}).code, 0);
  EXPECT_EQ(RunPatnav(dir, {"watch", "show", "--db", db, std::to_string(id)}).code, 2);
  EXPECT_TRUE(nlohmann::json::parse(RunPatnav(dir, {"inbox", "--db", db, "--format", "json"}).out).empty());
}

TEST(WatchCli, DailyWatchIsDigestedOnceAfterItsDayEnds) {
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string a = (dir.path() / "a.xml").string(), b = (dir.path() / "b.xml").string();
  ASSERT_EQ(RunPatnav(dir, {"generate", "--docs", "30", "--seed", "5", "--no-full-text", "--out", a}).code, 0);
  ASSERT_EQ(RunPatnav(dir, {"generate", "--docs", "20", "--seed", "6", "--no-full-text", "--out", b}).code, 0);
  ASSERT_EQ(RunPatnav(dir, {"ingest", "--db", db, a}).code, 0);
  auto add = RunPatnav(dir, {"watch", "add", "--db", db, "--name", "us daily", "--kind", "query", "--query", "CC=US",
                             "--rate", "daily", "--format", "json"});
  ASSERT_EQ(add.code, 0) << add.err;
  EXPECT_EQ(nlohmann::json::parse(add.out)["rate"], "daily");
  ASSERT_EQ(RunPatnav(dir, {"ingest", "--db", db, b}).code, 0);

  EXPECT_EQ(RunPatnav(dir, {"watch", "digest", "--db", db, "--now", "yesterday"}).code, 2);
  // The day of the ingest has not ended at its own start: nothing due.
  auto early = RunPatnav(dir, {"watch", "digest", "--db", db, "--now", "2000-01-01T00:00:00Z"});
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_TRUE(nlohmann::json::parse(early.out).empty()) << early.out;
  auto due = RunPatnav(dir, {"watch", "digest", "--db", db, "--now", "2100-01-01T00:00:00Z"});
  ASSERT_EQ(due.code, 0) << due.err;
  nlohmann::json made = nlohmann::json::parse(due.out);
  ASSERT_EQ(made.size(), 1u) << due.out;
  // Named for the day its news arrived, though collected long after.
  EXPECT_EQ(made[0]["period"], nlohmann::json::parse(due.out)[0]["period_start"].get<std::string>().substr(0, 10));
  EXPECT_EQ(made[0]["period_start"].get<std::string>().substr(0, 10),
            nlohmann::json::parse(add.out)["created_at"].get<std::string>().substr(0, 10));
  EXPECT_EQ(made[0]["notification_count"], 1);
  EXPECT_EQ(made[0]["hit_count"], 20);
  auto again = RunPatnav(dir, {"watch", "digest", "--db", db, "--now", "2100-01-01T00:05:00Z"});
  EXPECT_TRUE(nlohmann::json::parse(again.out).empty()) << again.out;
}

TEST(WatchCli, WebhooksRefuseOtherSchemesShowTheSecretOnceAndLogDeliveries) {
  ScratchDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string a = (dir.path() / "a.xml").string();
  ASSERT_EQ(RunPatnav(dir, {"generate", "--docs", "10", "--seed", "5", "--no-full-text", "--out", a}).code, 0);
  ASSERT_EQ(RunPatnav(dir, {"ingest", "--db", db, a}).code, 0);
  auto bad = RunPatnav(dir, {"watch", "webhook", "add", "--db", db, "--url", "ftp://127.0.0.1/x"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("http:// or https://"), std::string::npos) << bad.err;
  auto add = RunPatnav(dir, {"watch", "webhook", "add", "--db", db, "--url", "http://127.0.0.1:9/hook", "--secret",
                             "a-secret-of-20-chars"});
  ASSERT_EQ(add.code, 0) << add.err;
  nlohmann::json made = nlohmann::json::parse(add.out);
  EXPECT_EQ(made["secret"], "a-secret-of-20-chars");
  EXPECT_EQ(RunPatnav(dir, {"watch", "webhook", "email", "--db", db, "--to", "not-an-address"}).code, 2);
  auto email = RunPatnav(dir, {"watch", "webhook", "email", "--db", db, "--to", "analyst@example.org"});
  ASSERT_EQ(email.code, 0) << email.err;
  EXPECT_EQ(nlohmann::json::parse(email.out)["channel"], "email");
  auto list = RunPatnav(dir, {"watch", "webhook", "list", "--db", db});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(list.out.find("a-secret-of-20-chars"), std::string::npos) << list.out;
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 2u);
  const std::string id = std::to_string(made["id"].get<int64_t>());
  auto log = RunPatnav(dir, {"watch", "webhook", "log", "--db", db, id});
  ASSERT_EQ(log.code, 0) << log.err;
  EXPECT_TRUE(nlohmann::json::parse(log.out).empty());
  auto deliver = RunPatnav(dir, {"watch", "deliver", "--db", db});
  ASSERT_EQ(deliver.code, 0) << deliver.err;
  EXPECT_EQ(nlohmann::json::parse(deliver.out)["attempted"], 0);
  auto enable = RunPatnav(dir, {"watch", "webhook", "enable", "--db", db, id});
  ASSERT_EQ(enable.code, 0) << enable.err;
  EXPECT_EQ(nlohmann::json::parse(enable.out)["active"], true);
  EXPECT_EQ(nlohmann::json::parse(enable.out)["disabled_reason"], "");
  EXPECT_EQ(RunPatnav(dir, {"watch", "webhook", "remove", "--db", db, id}).code, 0);
  EXPECT_EQ(RunPatnav(dir, {"watch", "webhook", "log", "--db", db, id}).code, 2);
  auto gone = RunPatnav(dir, {"watch", "webhook", "enable", "--db", db, id});
  EXPECT_EQ(gone.code, 2);
  EXPECT_NE(gone.err.find("no webhook " + id), std::string::npos) << gone.err;
}

}  // namespace
}  // namespace patnav
