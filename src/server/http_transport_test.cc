// HttpServer over real sockets on 127.0.0.1: parsing, keep-alive, limits,
// streams and event streams, HEAD, headers, graceful stop, the access log.
#include "server/http_transport.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "server/http_test_client.h"

namespace patnav::server {
namespace {

using namespace std::chrono_literals;
using testing::HttpTestClient;
using testing::TestResponse;

std::unique_ptr<HttpServer> StartServer(Handler handler, ServerOptions options = {},
                                        BodyLimit limit = {}) {
  options.listen = "127.0.0.1:0";
  auto server = HttpServer::Start(std::move(options), std::move(handler), std::move(limit));
  if (!server.ok()) {
    ADD_FAILURE() << server.status().ToString();
    return nullptr;
  }
  return std::move(server).value();
}

HttpResponse Text(std::string body) {
  HttpResponse res;
  res.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
  res.body = std::move(body);
  return res;
}

// Events a test pushes and an event-stream response pulls, with the stream's
// wake so that a push is sent at once.
class EventFeed {
 public:
  void Push(std::string event) {
    std::function<void()> wake;
    {
      std::lock_guard<std::mutex> lock(mu_);
      events_.push_back(std::move(event));
      wake = wake_;
    }
    if (wake) wake();
  }
  void Finish() {
    std::function<void()> wake;
    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_ = true;
      wake = wake_;
    }
    if (wake) wake();
  }
  ResponseStream Stream(std::chrono::milliseconds poll) {
    ResponseStream s;
    s.poll_interval = poll;
    s.bind_wake = [this](std::function<void()> wake) {
      std::lock_guard<std::mutex> lock(mu_);
      wake_ = std::move(wake);
    };
    s.next = [this](std::string& chunk) {
      std::lock_guard<std::mutex> lock(mu_);
      if (events_.empty()) return finished_ ? StreamStep::kEnd : StreamStep::kPending;
      chunk = std::move(events_.front());
      events_.pop_front();
      return StreamStep::kChunk;
    };
    return s;
  }

 private:
  std::mutex mu_;
  std::deque<std::string> events_;
  bool finished_ = false;
  std::function<void()> wake_;
};

HttpResponse EventStream(ResponseStream stream) {
  HttpResponse res;
  res.headers.emplace_back("Content-Type", "text/event-stream");
  res.headers.emplace_back("Cache-Control", "no-cache");
  res.stream = std::move(stream);
  return res;
}

TEST(HttpTransport, GetRoundTripParsesPathQueryAndHeaders) {
  auto server = StartServer([](const HttpRequest& req) {
    std::string out = req.method + "|" + req.path + "|" + req.query + "|" + req.QueryParam("q") +
                      "|" + req.QueryParam("n") + "|" + (req.HasQueryParam("flag") ? "flag" : "") +
                      "|" + req.QueryParam("missing") + "|" + req.Header("X-Test") + "|" +
                      req.client_address + "|" + (req.tls ? "tls" : "plain");
    return Text(out);
  });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto res = client.Request("GET", "/api/patents?q=%E4%B8%AD%E5%9B%BD+pump&n=1&n=2&flag",
                            {"X-Test: hello"});
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body,
            "GET|/api/patents|q=%E4%B8%AD%E5%9B%BD+pump&n=1&n=2&flag|中国 pump|1|flag||hello|"
            "127.0.0.1|plain");
  EXPECT_EQ(res->Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(res->Header("content-length"), std::to_string(res->body.size()));
  EXPECT_FALSE(res->Header("date").empty());
}

TEST(HttpTransport, PercentDecodeAndQueryParams) {
  EXPECT_EQ(PercentDecode("a%2Fb+c%zz%4", false), "a/b+c%zz%4");
  EXPECT_EQ(PercentDecode("a+b%20c", true), "a b c");
  HttpRequest req;
  req.query = "a=1&&b=x%3Dy&a=2&c";
  auto params = req.QueryParams();
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[1], (std::pair<std::string, std::string>("b", "x=y")));
  EXPECT_EQ(req.QueryParam("a"), "1");
  EXPECT_TRUE(req.HasQueryParam("c"));
  EXPECT_FALSE(req.HasQueryParam("d"));
}

TEST(HttpTransport, KeepAliveServesTwoRequestsOnOneConnection) {
  std::mutex mu;
  std::vector<std::string> bodies;
  auto server = StartServer([&](const HttpRequest& req) {
    std::lock_guard<std::mutex> lock(mu);
    bodies.push_back(req.body);
    return Text("got " + req.body);
  });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto first = client.Request("POST", "/a", {"Content-Type: text/plain"}, "one");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_NE(first->Header("connection"), "close");
  ASSERT_TRUE(client.connected());
  auto second = client.Request("POST", "/b", {}, "two");  // same socket: the client does not reconnect
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(first->body, "got one");
  EXPECT_EQ(second->body, "got two");
  EXPECT_EQ(bodies, (std::vector<std::string>{"one", "two"}));
}

TEST(HttpTransport, HugeHeadersAre431ProblemJson) {
  std::atomic<int> calls{0};
  ServerOptions options;
  options.header_limit = 4096;
  auto server = StartServer([&](const HttpRequest&) { ++calls; return Text("no"); }, options);
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto res = client.Request("GET", "/", {"X-Big: " + std::string(8000, 'a')});
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 431);
  EXPECT_EQ(res->Header("content-type"), "application/problem+json");
  EXPECT_NE(res->body.find("\"type\":\"about:blank\""), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"status\":431"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"title\":\"Request Header Fields Too Large\""), std::string::npos);
  EXPECT_EQ(res->Header("connection"), "close");
  EXPECT_EQ(calls.load(), 0);
}

TEST(HttpTransport, BodyLimitHookRefusesWith413BeforeTheBody) {
  std::atomic<size_t> seen{0};
  auto server = StartServer(
      [&](const HttpRequest& req) {
        seen = req.body.size();
        return Text("ok");
      },
      {}, [](std::string_view method, std::string_view path) -> size_t {
        return method == "PUT" && path == "/upload" ? 64 * 1024 : 1024;
      });
  ASSERT_TRUE(server);
  std::string body(2048, 'x');
  {
    HttpTestClient client(server->port());
    auto res = client.Request("POST", "/api/json", {}, body);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->status, 413);
    EXPECT_EQ(res->Header("content-type"), "application/problem+json");
    EXPECT_NE(res->body.find("\"status\":413"), std::string::npos);
  }
  {  // refused on the headers alone: the body is never sent
    HttpTestClient client(server->port());
    ASSERT_TRUE(client.SendRaw("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n").ok());
    auto res = client.ReadResponse();
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->status, 413);
  }
  {  // a chunked body over the limit, found while reading it
    HttpTestClient client(server->port());
    std::string chunked = "POST /api/json HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) chunked += "400\r\n" + std::string(1024, 'y') + "\r\n";
    chunked += "0\r\n\r\n";
    ASSERT_TRUE(client.SendRaw(chunked).ok());
    auto res = client.ReadResponse();
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->status, 413);
  }
  EXPECT_EQ(seen.load(), 0u);
  HttpTestClient client(server->port());
  auto res = client.Request("PUT", "/upload", {}, body);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(seen.load(), body.size());
}

// Uploads are written to a file as they arrive: the handler sees the file,
// not a body, and the file is gone after the exchange unless the handler
// moved it; a body over the limit leaves no file behind.
TEST(HttpTransport, SpooledBodiesArriveAsAFileAndAreRemovedAfterwards) {
  const std::filesystem::path spool = std::filesystem::path(::testing::TempDir()) /
                                      ("spool-" + std::to_string(::getpid()));
  std::filesystem::remove_all(spool);
  std::filesystem::create_directories(spool);
  const std::filesystem::path kept = spool.parent_path() / ("kept-" + std::to_string(::getpid()));
  ServerOptions options;
  options.spool_dir = spool.string();
  options.spool_body = [](std::string_view method, std::string_view path) { return path.rfind("/up", 0) == 0; };
  auto server = StartServer(
      [&](const HttpRequest& req) {
        std::string content;
        if (!req.body_file.empty()) {
          std::ifstream in(req.body_file, std::ios::binary);
          content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
          if (req.path == "/up/keep") std::filesystem::rename(req.body_file, kept);
        }
        return Text((req.body_file.empty() ? "memory:" + req.body : "file:" + content) + "|" +
                    std::to_string(req.body.size()));
      },
      options, [](std::string_view, std::string_view path) -> size_t { return path == "/up/small" ? 100 : 1 << 20; });
  ASSERT_TRUE(server);
  auto files_in_spool = [&] {
    return std::distance(std::filesystem::directory_iterator(spool), std::filesystem::directory_iterator());
  };
  HttpTestClient client(server->port());
  std::string big(200'000, 'z');
  big += "专利";
  auto up = client.Request("POST", "/up", {"Content-Type: application/octet-stream"}, big);
  ASSERT_TRUE(up.ok()) << up.status().ToString();
  EXPECT_EQ(up->body, "file:" + big + "|0");
  auto json = client.Request("POST", "/api/json", {}, "{}");  // not spooled: in memory
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->body, "memory:{}|2");
  EXPECT_EQ(files_in_spool(), 0);
  {  // chunked, and moved away by the handler: the move survives
    HttpTestClient chunked_client(server->port());
    ASSERT_TRUE(chunked_client
                    .SendRaw("POST /up/keep HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                    .ok());
    auto res = chunked_client.ReadResponse();
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->body, "file:hello world|0");
    std::ifstream in(kept, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()), "hello world");
  }
  {  // over the limit while reading a chunked body: 413, nothing left
    HttpTestClient small(server->port());
    std::string chunked = "POST /up/small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) chunked += "40\r\n" + std::string(64, 'y') + "\r\n";
    chunked += "0\r\n\r\n";
    ASSERT_TRUE(small.SendRaw(chunked).ok());
    auto res = small.ReadResponse();
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->status, 413);
  }
  server->Stop(1s);
  EXPECT_EQ(files_in_spool(), 0);
  std::filesystem::remove(kept);
  std::filesystem::remove_all(spool);
}

TEST(HttpTransport, GarbageIs400) {
  std::atomic<int> calls{0};
  auto server = StartServer([&](const HttpRequest&) { ++calls; return Text("no"); });
  ASSERT_TRUE(server);
  for (std::string garbage : {std::string("GARBAGE\r\n\r\n"), std::string("GET / HTTP/9.x\r\n\r\n"),
                              std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n")}) {
    HttpTestClient client(server->port());
    ASSERT_TRUE(client.SendRaw(garbage).ok());
    auto res = client.ReadResponse();
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->status, 400) << garbage;
    EXPECT_EQ(res->Header("content-type"), "application/problem+json");
    EXPECT_TRUE(client.PeerClosed(2000ms));
  }
  EXPECT_EQ(calls.load(), 0);
}

TEST(HttpTransport, StreamedResponseArrivesWholeInChunks) {
  std::atomic<bool> on_worker{true};
  auto server = StartServer([&](const HttpRequest&) {
    HttpResponse res;
    res.headers.emplace_back("Content-Type", "text/csv");
    auto produced = std::make_shared<int>(0);
    ResponseStream s;
    s.next = [produced](std::string& chunk) {
      if (*produced == 5) return StreamStep::kEnd;
      chunk.assign(20 * 1024, static_cast<char>('a' + *produced));
      ++*produced;
      return StreamStep::kChunk;
    };
    res.stream = std::move(s);
    return res;
  });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto res = client.Request("GET", "/export.csv");
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->chunked);
  EXPECT_FALSE(res->HasHeader("content-length"));
  ASSERT_EQ(res->chunks.size(), 5u);
  std::string expected;
  for (int i = 0; i < 5; ++i) expected += std::string(20 * 1024, static_cast<char>('a' + i));
  EXPECT_EQ(res->body, expected);
  auto again = client.Request("GET", "/export.csv");  // the connection stays usable
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->body, expected);
}

TEST(HttpTransport, EventStreamDeliversEventsAsTheyAreProduced) {
  EventFeed feed;
  auto server = StartServer([&](const HttpRequest&) { return EventStream(feed.Stream(10s)); });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  ASSERT_TRUE(client.SendRequest("GET", "/events").ok());
  auto head = client.ReadHead();
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  EXPECT_EQ(head->Header("content-type"), "text/event-stream");
  EXPECT_TRUE(head->chunked);
  for (std::string event : {"data: one\n\n", "data: two\n\n"}) {
    std::this_thread::sleep_for(50ms);
    auto pushed = std::chrono::steady_clock::now();
    feed.Push(event);
    auto chunk = client.ReadChunk();
    ASSERT_TRUE(chunk.ok()) << chunk.status().ToString();
    EXPECT_EQ(*chunk, event);
    // the wake, not the 10 s poll interval, sent it
    EXPECT_LT(std::chrono::steady_clock::now() - pushed, 2s);
  }
  feed.Finish();
  auto last = client.ReadChunk();
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(*last, "");
}

TEST(HttpTransport, IdleEventStreamsDoNotHoldWorkerThreads) {
  EventFeed feed;  // never pushed to: every stream stays idle
  ServerOptions options;
  options.worker_threads = 2;
  auto server = StartServer(
      [&](const HttpRequest& req) {
        if (req.path == "/ping") return Text("pong");
        ResponseStream s;
        s.poll_interval = 50ms;
        s.next = [](std::string&) { return StreamStep::kPending; };
        return EventStream(std::move(s));
      },
      options);
  ASSERT_TRUE(server);
  std::vector<std::unique_ptr<HttpTestClient>> streams;
  for (int i = 0; i < 100; ++i) {
    streams.push_back(std::make_unique<HttpTestClient>(server->port()));
    ASSERT_TRUE(streams.back()->SendRequest("GET", "/events").ok());
  }
  for (auto& s : streams) {
    auto head = s->ReadHead();
    ASSERT_TRUE(head.ok()) << head.status().ToString();
    ASSERT_EQ(head->status, 200);
  }
  for (int i = 0; i < 3; ++i) {
    HttpTestClient ping(server->port());
    auto started = std::chrono::steady_clock::now();
    auto res = ping.Request("GET", "/ping");
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->body, "pong");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  }
  // Stop ends the event streams with the last chunk.
  server->Stop(2s);
  for (auto& s : streams) {
    auto last = s->ReadChunk();
    ASSERT_TRUE(last.ok()) << last.status().ToString();
    EXPECT_EQ(*last, "");
  }
}

TEST(HttpTransport, HeadHasHeadersButNoBody) {
  auto server = StartServer([](const HttpRequest& req) { return Text("hello, " + req.method); });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto head = client.Request("HEAD", "/x");
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "11");  // of "hello, HEAD"
  EXPECT_EQ(head->body, "");
  // Had the body been sent, it would now be read as the next status line.
  auto get = client.Request("GET", "/x");
  ASSERT_TRUE(get.ok()) << get.status().ToString();
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "hello, GET");
}

TEST(HttpTransport, DefaultHeadersAndNoServerBanner) {
  ServerOptions options;
  options.default_headers = {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}};
  auto server = StartServer(
      [](const HttpRequest& req) {
        HttpResponse res = Text("x");
        if (req.path == "/framed") res.SetHeader("x-frame-options", "SAMEORIGIN");
        res.SetHeader("Content-Length", "999");  // the transport owns framing
        return res;
      },
      options);
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto plain = client.Request("GET", "/");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_FALSE(plain->HasHeader("server"));
  EXPECT_EQ(plain->Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(plain->Header("x-frame-options"), "DENY");
  EXPECT_EQ(plain->Header("content-length"), "1");
  auto framed = client.Request("GET", "/framed");
  ASSERT_TRUE(framed.ok()) << framed.status().ToString();
  EXPECT_EQ(framed->Header("x-frame-options"), "SAMEORIGIN");
  int count = 0;
  for (const auto& [n, v] : framed->headers) count += n == "x-frame-options";
  EXPECT_EQ(count, 1);
  HttpTestClient bad(server->port());  // the transport's own errors get them too
  ASSERT_TRUE(bad.SendRaw("NOT HTTP\r\n\r\n").ok());
  auto refused = bad.ReadResponse();
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(refused->Header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(refused->HasHeader("server"));
}

TEST(HttpTransport, HandlerExceptionIs500) {
  auto server = StartServer([](const HttpRequest&) -> HttpResponse {
    throw std::runtime_error("boom");
  });
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto res = client.Request("GET", "/");
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(res->Header("content-type"), "application/problem+json");
  EXPECT_EQ(res->body.find("boom"), std::string::npos);
}

TEST(HttpTransport, StopLetsInFlightRequestFinishThenRefusesConnections) {
  std::atomic<bool> entered{false};
  auto server = StartServer([&](const HttpRequest& req) {
    entered = true;
    std::this_thread::sleep_for(300ms);
    return Text("slow done");
  });
  ASSERT_TRUE(server);
  uint16_t port = server->port();
  HttpTestClient idle(port);  // an idle keep-alive connection is closed by Stop
  ASSERT_TRUE(idle.Connect().ok());
  HttpTestClient client(port);
  ASSERT_TRUE(client.SendRequest("GET", "/slow").ok());
  while (!entered) std::this_thread::sleep_for(5ms);
  auto stop_started = std::chrono::steady_clock::now();
  std::thread stopper([&] { server->Stop(5s); });
  auto res = client.ReadResponse();
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "slow done");
  EXPECT_EQ(res->Header("connection"), "close");
  stopper.join();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 3s);
  EXPECT_TRUE(idle.PeerClosed(1000ms));
  HttpTestClient late(port);
  EXPECT_FALSE(late.Connect().ok());
  server->Wait();  // returns at once: stopped
}

TEST(HttpTransport, AccessLogHasNoQueryStringAndTakesTheUserHeader) {
  std::mutex mu;
  std::vector<AccessLogEntry> entries;
  ServerOptions options;
  options.access_log = [&](const AccessLogEntry& e) {
    std::lock_guard<std::mutex> lock(mu);
    entries.push_back(e);
  };
  auto server = StartServer(
      [](const HttpRequest&) {
        HttpResponse res = Text("twelve bytes");
        res.headers.emplace_back("X-Patnav-User", "alice");
        return res;
      },
      options);
  ASSERT_TRUE(server);
  HttpTestClient client(server->port());
  auto res = client.Request("GET", "/api/search?q=x&token=s3cret");
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_FALSE(res->HasHeader("x-patnav-user"));
  server->Stop(1s);  // the entry is written after the response: Stop waits for it
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(entries.size(), 1u);
  const AccessLogEntry& e = entries[0];
  EXPECT_EQ(e.method, "GET");
  EXPECT_EQ(e.path, "/api/search");
  EXPECT_EQ(e.status, 200);
  EXPECT_EQ(e.bytes_out, 12u);
  EXPECT_EQ(e.user, "alice");
  EXPECT_EQ(e.client_address, "127.0.0.1");
  EXPECT_GE(e.duration_ms, 0.0);
  ASSERT_EQ(e.time.size(), 24u) << e.time;  // 2024-05-01T08:30:12.345Z
  EXPECT_EQ(e.time[10], 'T');
  EXPECT_EQ(e.time.back(), 'Z');
}

TEST(HttpTransport, ListenAddresses) {
  auto handler = [](const HttpRequest&) { return Text("ok"); };
  for (std::string bad : {"nonsense", "127.0.0.1:99999", "example.com:80", "[::1:80"}) {
    ServerOptions options;
    options.listen = bad;
    auto server = HttpServer::Start(options, handler);
    ASSERT_FALSE(server.ok()) << bad;
    EXPECT_EQ(server.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  ServerOptions options;
  options.listen = "[::1]:0";
  auto v6 = HttpServer::Start(options, handler);
  if (v6.ok()) {
    EXPECT_NE((*v6)->port(), 0);
  } else {
    EXPECT_EQ(v6.status().code(), StatusCode::kIOError);  // no IPv6 loopback here
  }
  auto first = StartServer(handler);
  ASSERT_TRUE(first);
  options.listen = "127.0.0.1:" + std::to_string(first->port());
  auto taken = HttpServer::Start(options, handler);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace patnav::server
