// The job registry: jobs run in order, report progress as events, can be
// cancelled queued or running, and are seen only by their owner and
// administrators.
#include "app/jobs.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace patnav::app {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::ordered_json;

Caller User(int64_t id, domain::Role role = domain::Role::kAnalyst) {
  Caller c;
  c.user_id = id;
  c.username = "user" + std::to_string(id);
  domain::Grant g;
  g.role = role;
  c.grants.push_back(g);
  return c;
}

TEST(Jobs, SucceedsWithProgressEventsAndSummary) {
  JobRegistry jobs;
  Caller alice = User(1);
  std::string id = jobs.Start(alice, "ingest", [](JobContext& ctx, Json*) -> Result<Json> {
    for (int i = 1; i <= 3; ++i) ctx.Progress({{"read", i}});
    return Json{{"read", 3}};
  });
  EXPECT_EQ(id.size(), 32u);
  ASSERT_TRUE(jobs.WaitFinished(id, 5s));
  Result<JobView> view = jobs.Get(alice, id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->state, JobState::kSucceeded);
  EXPECT_EQ(view->summary["read"], 3);
  EXPECT_EQ(view->progress["read"], 3);
  bool finished = false;
  Result<std::vector<JobEvent>> events = jobs.EventsAfter(alice, id, 0, 0ms, &finished);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ((*events)[0].type, "progress");
  EXPECT_EQ((*events)[3].type, "succeeded");
  EXPECT_EQ((*events)[3].seq, 4);
  EXPECT_TRUE(finished);
  // Only what comes after a given sequence.
  events = jobs.EventsAfter(alice, id, 3, 0ms, &finished);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].seq, 4);
}

TEST(Jobs, FailureCarriesTheStatus) {
  JobRegistry jobs;
  Caller alice = User(1);
  std::string id = jobs.Start(alice, "ingest", [](JobContext&, Json* partial) -> Result<Json> {
    *partial = Json{{"read", 1}};
    return Status::IOError("disk full");
  });
  ASSERT_TRUE(jobs.WaitFinished(id, 5s));
  Result<JobView> view = jobs.Get(alice, id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->state, JobState::kFailed);
  EXPECT_EQ(view->error, "disk full");
  EXPECT_EQ(view->error_code, "io_error");
  EXPECT_EQ(JobToJson(*view)["error"]["code"], "io_error");
}

TEST(Jobs, CancelRunningAndQueued) {
  JobRegistry jobs;
  Caller alice = User(1);
  std::atomic<bool> started{false};
  std::string running = jobs.Start(alice, "ingest", [&](JobContext& ctx, Json* partial) -> Result<Json> {
    started = true;
    int units = 0;
    while (!ctx.Cancelled()) {
      ++units;
      std::this_thread::sleep_for(1ms);
    }
    *partial = Json{{"units", units}};
    return Status::Unavailable("cancelled");
  });
  bool ran_second = false;
  std::string queued = jobs.Start(alice, "ingest", [&](JobContext&, Json*) -> Result<Json> {
    ran_second = true;
    return Json::object();
  });
  while (!started) std::this_thread::sleep_for(1ms);
  ASSERT_TRUE(jobs.Cancel(alice, queued).ok());
  ASSERT_TRUE(jobs.Cancel(alice, running).ok());
  ASSERT_TRUE(jobs.WaitFinished(running, 5s));
  ASSERT_TRUE(jobs.WaitFinished(queued, 5s));
  EXPECT_EQ(jobs.Get(alice, running)->state, JobState::kCancelled);
  EXPECT_GE(jobs.Get(alice, running)->summary["units"].get<int>(), 1);
  EXPECT_EQ(jobs.Get(alice, queued)->state, JobState::kCancelled);
  EXPECT_FALSE(ran_second);
  EXPECT_EQ(jobs.Cancel(alice, running).code(), StatusCode::kFailedPrecondition);
}

TEST(Jobs, OthersSeeNothingAdministratorsSeeAll) {
  JobRegistry jobs;
  Caller alice = User(1), bob = User(2), admin = User(3, domain::Role::kAdministrator);
  std::string id = jobs.Start(alice, "ingest", [](JobContext&, Json*) -> Result<Json> { return Json::object(); });
  ASSERT_TRUE(jobs.WaitFinished(id, 5s));
  EXPECT_EQ(jobs.Get(bob, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(jobs.Cancel(bob, id).code(), StatusCode::kNotFound);
  bool finished = false;
  EXPECT_EQ(jobs.EventsAfter(bob, id, 0, 0ms, &finished).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(jobs.Get(Caller::Anonymous(), id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(jobs.Get(admin, id).ok());
  EXPECT_EQ(jobs.Get(alice, "0123").status().code(), StatusCode::kNotFound);
}

TEST(Jobs, EventsWaitForTheNextReport) {
  JobRegistry jobs;
  Caller alice = User(1);
  std::atomic<bool> go{false};
  std::string id = jobs.Start(alice, "ingest", [&](JobContext& ctx, Json*) -> Result<Json> {
    while (!go) std::this_thread::sleep_for(1ms);
    ctx.Progress({{"read", 1}});
    return Json::object();
  });
  bool finished = true;
  auto t0 = std::chrono::steady_clock::now();
  Result<std::vector<JobEvent>> none = jobs.EventsAfter(alice, id, 0, 50ms, &finished);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(finished);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 40ms);
  go = true;
  Result<std::vector<JobEvent>> some = jobs.EventsAfter(alice, id, 0, 5000ms, &finished);
  ASSERT_TRUE(some.ok());
  ASSERT_FALSE(some->empty());
  EXPECT_EQ((*some)[0].type, "progress");
}

TEST(Jobs, FollowersAreToldOfEachEventUntilTheyStop) {
  JobRegistry jobs(/*keep_finished=*/1);
  Caller alice = User(1);
  std::atomic<int> step{0};
  std::string id = jobs.Start(alice, "ingest", [&](JobContext& ctx, Json*) -> Result<Json> {
    while (step < 1) std::this_thread::sleep_for(1ms);
    ctx.Progress({{"read", 1}});
    ctx.Progress({{"read", 2}});
    while (step < 2) std::this_thread::sleep_for(1ms);
    ctx.Progress({{"read", 3}});
    return Json::object();
  });
  EXPECT_EQ(jobs.Follow(User(2), id, [] {}).status().code(), StatusCode::kNotFound);
  std::atomic<int> told{0}, told_later{0};
  auto following = jobs.Follow(alice, id, [&] { ++told; });
  ASSERT_TRUE(following.ok());
  auto later = jobs.Follow(alice, id, [&] { ++told_later; });
  ASSERT_TRUE(later.ok());
  step = 1;
  auto wait_for = [](const std::atomic<int>& n, int want) {
    for (int i = 0; i < 5000 && n < want; ++i) std::this_thread::sleep_for(1ms);
    return n.load();
  };
  EXPECT_EQ(wait_for(told, 2), 2);
  EXPECT_EQ(told_later.load(), 2);
  later->reset();  // stops following: hears nothing more
  step = 2;
  ASSERT_TRUE(jobs.WaitFinished(id, 5s));
  EXPECT_EQ(told.load(), 4);  // the third progress and "succeeded"
  EXPECT_EQ(told_later.load(), 2);
  // A second job pushes the first out of memory (keep 1): its follower is told.
  std::string next = jobs.Start(alice, "ingest", [](JobContext&, Json*) -> Result<Json> { return Json::object(); });
  ASSERT_TRUE(jobs.WaitFinished(next, 5s));
  EXPECT_EQ(wait_for(told, 5), 5);
  EXPECT_EQ(jobs.Get(alice, id).status().code(), StatusCode::kNotFound);
}

TEST(Jobs, ShutdownCancelsWhatRuns) {
  auto jobs = std::make_unique<JobRegistry>();
  Caller alice = User(1);
  std::atomic<bool> started{false}, saw_cancel{false};
  std::string id = jobs->Start(alice, "ingest", [&](JobContext& ctx, Json*) -> Result<Json> {
    started = true;
    while (!ctx.Cancelled()) std::this_thread::sleep_for(1ms);
    saw_cancel = true;
    return Status::Unavailable("cancelled");
  });
  while (!started) std::this_thread::sleep_for(1ms);
  jobs->Shutdown();
  EXPECT_TRUE(saw_cancel);
  EXPECT_EQ(jobs->Get(alice, id)->state, JobState::kCancelled);
}

}  // namespace
}  // namespace patnav::app
