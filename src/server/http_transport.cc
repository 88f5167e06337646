// HttpServer on Boost.Beast/Asio with C++20 coroutines: the one file of
// patnav that includes Beast. One coroutine per connection on its own strand
// (plain TCP or TLS: the session is a template on the stream type); handlers
// and stream producers run on a WorkerPool and resume the coroutine by a post
// back to its strand.
#include "server/http_transport.h"

#include <openssl/ssl.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "base/strings.h"
#include "server/worker_pool.h"

namespace patnav::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Strand = asio::strand<asio::io_context::executor_type>;
using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// Per-connection state shared by its coroutine, the server's registry (for
// Stop) and the wake functions of its streams. Fields after `strand` are
// touched only on the strand.
struct Connection {
  explicit Connection(Strand s) : strand(std::move(s)) {}
  Strand strand;
  bool idle = false;          // waiting for the headers of a next request
  bool wake_pending = false;  // a stream's wake arrived while it was not waiting
  asio::steady_timer* stream_timer = nullptr;  // set while a stream waits
  std::function<void()> cancel_io;             // aborts the pending read or write
};

// Wakes post to the io_context only through this gate; Stop closes it before
// the io_context goes away.
struct PostGate {
  std::mutex mu;
  bool open = true;  // guarded by mu
};

Result<tcp::endpoint> ParseListen(const std::string& listen) {
  std::string host, port;
  if (StartsWith(listen, "[")) {
    size_t close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':')
      return Status::InvalidArgument("listen '" + listen + "': expected [IPv6]:port");
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
  } else {
    size_t colon = listen.rfind(':');
    if (colon == std::string::npos)
      return Status::InvalidArgument("listen '" + listen + "': expected host:port");
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
  }
  if (!IsAsciiDigits(port) || port.size() > 5 || std::stoi(port) > 65535)
    return Status::InvalidArgument("listen '" + listen + "': port must be 0-65535");
  if (host.empty()) host = "0.0.0.0";
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  if (ec)
    return Status::InvalidArgument("listen '" + listen + "': '" + host + "' is not an IP address");
  return tcp::endpoint(address, static_cast<uint16_t>(std::stoi(port)));
}

std::string IsoTime(SystemClock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms % 1000));
  return buf;
}

std::string HttpDate(SystemClock::time_point t) {
  std::time_t secs = SystemClock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

bool IsFramingHeader(std::string_view name) {
  return IEquals(name, "content-length") || IEquals(name, "transfer-encoding") ||
         IEquals(name, "connection") || IEquals(name, "keep-alive") || IEquals(name, "upgrade");
}

bool StatusHasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

// Runs `fn` on `pool` and resumes the calling coroutine on its own executor
// with the result. `fn` may refer to the coroutine's locals: the coroutine
// stays suspended (its frame alive) until the result is posted back.
template <typename T, typename Fn>
asio::awaitable<T> OnPool(WorkerPool& pool, Fn fn) {
  return asio::async_initiate<const asio::use_awaitable_t<>&, void(T)>(
      [&pool](auto handler, Fn fn) {
        auto executor = asio::get_associated_executor(handler);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        pool.Post([shared, fn = std::move(fn), executor]() mutable {
          T value = fn();
          asio::post(executor, [shared, value = std::move(value)]() mutable {
            (*shared)(std::move(value));
          });
        });
      },
      asio::use_awaitable, std::move(fn));
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;
  BodyLimit body_limit;
  std::shared_ptr<PostGate> gate = std::make_shared<PostGate>();
  std::atomic<bool> stopping{false};
  const std::uint64_t spool_seed = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::atomic<std::uint64_t> spool_counter{0};

  // Connections alive (registered by their coroutine); outlives io_context.
  std::mutex conn_mu;
  std::condition_variable conn_cv;
  std::set<std::shared_ptr<Connection>> connections;  // guarded by conn_mu

  WorkerPool pool;
  std::optional<asio::ssl::context> ssl;  // outlives the streams using it
  asio::io_context ioc;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  Strand control;  // the acceptor's and the signal set's
  tcp::acceptor acceptor;
  std::optional<asio::signal_set> signals;
  std::vector<std::thread> io_threads;
  std::uint16_t port = 0;

  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stop_started = false;  // guarded by stop_mu
  bool stopped = false;       // guarded by stop_mu
  std::thread signal_stopper;

  Impl(ServerOptions o, Handler h, BodyLimit b)
      : options(std::move(o)),
        handler(std::move(h)),
        body_limit(std::move(b)),
        pool(options.worker_threads),
        ioc(std::max(1, options.io_threads)),
        control(asio::make_strand(ioc)),
        acceptor(control) {}

  bool Spools(std::string_view method, std::string_view path) const {
    return options.spool_body && !options.spool_dir.empty() && options.spool_body(method, path);
  }

  // A name no other body of this server (or an earlier run) has: the file is
  // opened with write_new, so a clash fails instead of sharing a file.
  std::string NewSpoolPath() {
    static const char* kHex = "0123456789abcdef";
    std::uint64_t n = spool_seed ^ (spool_counter.fetch_add(1) * 0x9E3779B97F4A7C15ull);
    std::string name = "body-";
    for (int i = 0; i < 16; ++i, n >>= 4) name += kHex[n & 15];
    return options.spool_dir + "/" + name;
  }

  std::size_t BodyLimitFor(std::string_view method, std::string_view path) const {
    return body_limit ? body_limit(method, path) : options.default_body_limit;
  }

  void Log(const AccessLogEntry& entry) const {
    if (options.access_log) options.access_log(entry);
  }

  template <typename F>
  void ForEachConnection(F f) {
    std::lock_guard<std::mutex> lock(conn_mu);
    for (const auto& c : connections) f(c);
  }

  std::function<void()> MakeWake(const std::shared_ptr<Connection>& conn) {
    std::weak_ptr<Connection> weak = conn;
    std::shared_ptr<PostGate> g = gate;
    return [g, weak] {
      std::lock_guard<std::mutex> lock(g->mu);
      if (!g->open) return;
      if (auto c = weak.lock()) {
        asio::post(c->strand, [c] {
          c->wake_pending = true;
          if (c->stream_timer) c->stream_timer->cancel();
        });
      }
    };
  }
};

namespace {

using Impl = HttpServer::Impl;

// Adds a connection to the registry for its coroutine's lifetime.
class Registration {
 public:
  Registration(Impl& srv, std::shared_ptr<Connection> conn) : srv_(srv), conn_(std::move(conn)) {
    std::lock_guard<std::mutex> lock(srv_.conn_mu);
    srv_.connections.insert(conn_);
  }
  ~Registration() {
    conn_->cancel_io = nullptr;
    {
      std::lock_guard<std::mutex> lock(srv_.conn_mu);
      srv_.connections.erase(conn_);
    }
    srv_.conn_cv.notify_all();
  }

 private:
  Impl& srv_;
  std::shared_ptr<Connection> conn_;
};

// A spooled request body: its file is removed when the exchange ends (a
// handler that kept the body moved the file away first).
struct SpoolFile {
  std::string path;
  SpoolFile() = default;
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  ~SpoolFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

// What one request's exchange left behind.
struct Exchange {
  bool ok = true;            // the response went out completely
  std::uint64_t bytes_out = 0;
};

// One connection's requests, in order, on stream type S (beast::tcp_stream or
// beast::ssl_stream<beast::tcp_stream>).
template <typename S>
class Session {
 public:
  Session(Impl& srv, S& stream, std::shared_ptr<Connection> conn, std::string client, bool tls)
      : srv_(srv), stream_(stream), conn_(std::move(conn)), client_(std::move(client)), tls_(tls) {}

  asio::awaitable<void> Run() {
    while (!srv_.stopping.load()) {
      bool more = co_await ServeOne();
      if (!more) break;
    }
    co_await Close();
  }

 private:
  // What one call of a stream's producer gave (kFailed: it threw).
  enum Pull { kChunk, kPending, kEnd, kFailed };

  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  // Reads, handles and answers one request. False when the connection ends.
  asio::awaitable<bool> ServeOne() {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(srv_.options.header_limit, UINT32_MAX)));
    parser.body_limit(boost::none);  // checked against the BodyLimit below

    conn_->idle = true;
    Lowest().expires_after(srv_.options.idle_timeout);
    auto [ec, n] = co_await http::async_read_header(stream_, buffer_, parser, kTuple);
    conn_->idle = false;
    start_wall_ = SystemClock::now();
    start_ = SteadyClock::now();
    if (ec) co_return co_await RefuseUnreadable(ec);

    auto& head = parser.get();
    HttpRequest req;
    req.method = std::string(head.method_string());
    req.target = std::string(head.target());
    size_t q = req.target.find('?');
    req.path = req.target.substr(0, q);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    req.client_address = client_;
    req.tls = tls_;
    unsigned version = head.version();
    bool keep_alive = head.keep_alive();

    std::size_t limit = srv_.BodyLimitFor(req.method, req.path);
    if (parser.content_length() && *parser.content_length() > limit) {
      co_await Refuse(req, version, 413,
                      "the request body (" + std::to_string(*parser.content_length()) +
                          " bytes) is over the limit of " + std::to_string(limit) +
                          " bytes for " + req.method + " " + req.path);
      co_return false;
    }
    SpoolFile spool;  // removes the spooled body (if any) when this exchange ends
    if (!parser.is_done() && srv_.Spools(req.method, req.path)) {
      // The body goes to a file as it arrives (blocking writes into the page
      // cache, on this I/O thread: cheap next to the network reads).
      http::request_parser<http::file_body> file_parser{std::move(parser)};
      spool.path = srv_.NewSpoolPath();
      beast::error_code fec;
      file_parser.get().body().open(spool.path.c_str(), beast::file_mode::write_new, fec);
      if (fec) {
        spool.path.clear();
        co_await Refuse(req, version, 500, "the server cannot store the request body");
        co_return false;
      }
      bool read = co_await ReadBody(file_parser, req, version, limit);
      if (!read) co_return false;
      file_parser.get().body().close();
      CopyHeaders(file_parser.get(), req);
      req.body_file = spool.path;
    } else {
      if (!parser.is_done()) {
        bool read = co_await ReadBody(parser, req, version, limit);
        if (!read) co_return false;
      }
      CopyHeaders(parser.get(), req);
      req.body = std::move(parser.get().body());
    }

    HttpResponse res = co_await OnPool<HttpResponse>(srv_.pool, [this, &req]() -> HttpResponse {
      try {
        return srv_.handler(req);
      } catch (const std::exception& e) {
        return ProblemResponse(500, "the request failed inside the server");
      } catch (...) {
        return ProblemResponse(500, "the request failed inside the server");
      }
    });
    if (res.status < 100 || res.status > 599)
      res = ProblemResponse(500, "the handler gave the invalid status " + std::to_string(res.status));
    keep_alive = keep_alive && !srv_.stopping.load();
    bool head_only = req.method == "HEAD";
    // (no co_await inside ?: : GCC 12 miscompiles it)
    Exchange ex;
    if (res.stream && !StatusHasNoBody(res.status)) {
      ex = co_await SendStream(res, version, keep_alive, head_only);
    } else {
      ex = co_await SendWhole(res, version, keep_alive, head_only);
    }
    LogExchange(req.method, req.path, res, ex);
    co_return ex.ok && keep_alive;
  }

  // Reads the rest of the body into `p`: false when the request was refused
  // (413, 400: answered here) or the client went away.
  template <typename Parser>
  asio::awaitable<bool> ReadBody(Parser& p, const HttpRequest& req, unsigned version, std::size_t limit) {
    p.body_limit(limit);
    if (IEquals(std::string_view(p.get()[http::field::expect]), "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      Lowest().expires_after(srv_.options.request_timeout);
      auto [wec, wn] = co_await asio::async_write(stream_, asio::buffer(kContinue), kTuple);
      if (wec) co_return false;
    }
    Lowest().expires_after(srv_.options.request_timeout);
    auto [bec, bn] = co_await http::async_read(stream_, buffer_, p, kTuple);
    Lowest().expires_never();
    if (bec == http::error::body_limit) {
      co_await Refuse(req, version, 413,
                      "the request body is over the limit of " + std::to_string(limit) +
                          " bytes for " + req.method + " " + req.path);
      co_return false;
    }
    if (bec) {
      if (bec.category() == http::make_error_code(http::error::bad_chunk).category() &&
          bec != http::error::partial_message)
        co_await Refuse(req, version, 400, "malformed request body: " + bec.message());
      co_return false;
    }
    co_return true;
  }

  template <typename Message>
  static void CopyHeaders(const Message& m, HttpRequest& req) {
    for (const auto& field : m)
      req.headers.emplace_back(AsciiLower(field.name_string()), std::string(field.value()));
  }

  // The header read failed: answer 431 or 400 when the client sent something
  // unacceptable, end quietly when it left or timed out.
  asio::awaitable<bool> RefuseUnreadable(boost::system::error_code ec) {
    HttpRequest none;
    if (ec == http::error::header_limit) {
      co_await Refuse(none, 11, 431,
                      "the request line and headers are over the limit of " +
                          std::to_string(srv_.options.header_limit) + " bytes");
    } else if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
               ec != http::error::end_of_stream && ec != http::error::partial_message) {
      co_await Refuse(none, 11, 400, "malformed request: " + ec.message());
    }
    co_return false;
  }

  // Answers with a problem document and closes the connection (the rest of
  // the request is not read).
  asio::awaitable<void> Refuse(const HttpRequest& req, unsigned version, int status,
                               std::string detail) {
    HttpResponse res = ProblemResponse(status, detail);
    Exchange ex = co_await SendWhole(res, version, false, req.method == "HEAD");
    LogExchange(req.method, req.path, res, ex);
  }

  // The handler's headers (less X-Patnav-User and framing), then defaults.
  template <typename Message>
  void SetHeaders(Message& m, HttpResponse& res) {
    for (auto it = res.headers.begin(); it != res.headers.end();) {
      if (IEquals(it->first, "x-patnav-user")) {
        user_ = std::move(it->second);
        it = res.headers.erase(it);
      } else {
        ++it;
      }
    }
    for (const auto& [name, value] : res.headers)
      if (!IsFramingHeader(name)) m.insert(name, value);
    for (const auto& [name, value] : srv_.options.default_headers)
      if (m.find(name) == m.end()) m.set(name, value);
    m.set(http::field::date, HttpDate(SystemClock::now()));
  }

  asio::awaitable<Exchange> SendWhole(HttpResponse& res, unsigned version, bool keep_alive,
                                      bool head_only) {
    int status = res.status;
    http::response<http::string_body> m{static_cast<http::status>(status), version < 10 ? 11 : version};
    m.reason(ReasonPhrase(status));
    SetHeaders(m, res);
    m.keep_alive(keep_alive);
    Exchange ex;
    if (StatusHasNoBody(status)) {
      // no body and no Content-Length
    } else if (head_only) {
      m.content_length(res.body.size());
    } else {
      ex.bytes_out = res.body.size();
      m.body() = std::move(res.body);
      m.prepare_payload();
    }
    Lowest().expires_after(srv_.options.request_timeout);
    http::response_serializer<http::string_body> sr{m};
    if (head_only) {
      auto [ec, n] = co_await http::async_write_header(stream_, sr, kTuple);
      ex.ok = !ec;
    } else {
      auto [ec, n] = co_await http::async_write(stream_, sr, kTuple);
      ex.ok = !ec;
    }
    if (!ex.ok) ex.bytes_out = 0;
    co_return ex;
  }

  asio::awaitable<Exchange> SendStream(HttpResponse& res, unsigned version, bool& keep_alive,
                                       bool head_only) {
    // The producer (and what it holds: threads, files) is destroyed on the
    // worker pool when this exchange ends, so its destructor may block.
    auto owned = std::make_shared<ResponseStream>(std::move(*res.stream));
    res.stream.reset();
    struct Release {
      WorkerPool& pool;
      std::shared_ptr<ResponseStream>& stream;
      ~Release() { pool.Post([s = std::move(stream)]() mutable { s.reset(); }); }
    } release{srv_.pool, owned};
    ResponseStream& producer = *owned;
    http::response<http::empty_body> m{static_cast<http::status>(res.status), version};
    m.reason(ReasonPhrase(res.status));
    SetHeaders(m, res);
    bool chunked = version >= 11;
    if (!chunked) keep_alive = false;
    m.chunked(chunked);
    m.keep_alive(keep_alive);
    http::response_serializer<http::empty_body> sr{m};
    Exchange ex;
    Lowest().expires_after(srv_.options.request_timeout);
    auto [hec, hn] = co_await http::async_write_header(stream_, sr, kTuple);
    if (hec || head_only) {
      ex.ok = !hec;
      co_return ex;
    }
    if (producer.bind_wake) {
      auto wake = srv_.MakeWake(conn_);
      co_await OnPool<bool>(srv_.pool, [&producer, &wake] {
        try {
          producer.bind_wake(wake);
        } catch (...) {
        }
        return true;
      });
    }
    asio::steady_timer timer(co_await asio::this_coro::executor);
    for (;;) {
      std::string chunk;
      Pull step = co_await OnPool<Pull>(srv_.pool, [&producer, &chunk]() -> Pull {
        try {
          switch (producer.next(chunk)) {
            case StreamStep::kChunk: return kChunk;
            case StreamStep::kPending: return kPending;
            case StreamStep::kEnd: return kEnd;
          }
        } catch (...) {
        }
        return kFailed;
      });
      if (step == kFailed) {
        ex.ok = false;  // closing without the last chunk tells the client the body is cut
        co_return ex;
      }
      if (step == kChunk) {
        if (chunk.empty()) continue;
        Lowest().expires_after(srv_.options.request_timeout);
        boost::system::error_code ec;
        if (chunked) {
          std::tie(ec, std::ignore) =
              co_await asio::async_write(stream_, http::make_chunk(asio::buffer(chunk)), kTuple);
        } else {
          std::tie(ec, std::ignore) = co_await asio::async_write(stream_, asio::buffer(chunk), kTuple);
        }
        if (ec) {
          ex.ok = false;
          co_return ex;
        }
        ex.bytes_out += chunk.size();
        continue;
      }
      if (step == kPending && !srv_.stopping.load()) {
        if (conn_->wake_pending) {
          conn_->wake_pending = false;
          continue;
        }
        timer.expires_after(producer.poll_interval);
        conn_->stream_timer = &timer;
        co_await timer.async_wait(kTuple);
        conn_->stream_timer = nullptr;
        conn_->wake_pending = false;
        continue;
      }
      break;  // the end, or an event stream while the server stops
    }
    if (chunked) {
      Lowest().expires_after(srv_.options.request_timeout);
      auto [ec, n] = co_await asio::async_write(stream_, http::make_chunk_last(), kTuple);
      ex.ok = !ec;
    }
    co_return ex;
  }

  void LogExchange(const std::string& method, const std::string& path, const HttpResponse& res,
                   const Exchange& ex) {
    if (srv_.options.access_log) {
      AccessLogEntry e;
      e.time = IsoTime(start_wall_);
      e.client_address = client_;
      e.method = method;
      e.path = path;
      e.status = res.status;
      e.bytes_out = ex.bytes_out;
      e.duration_ms =
          std::chrono::duration<double, std::milli>(SteadyClock::now() - start_).count();
      e.user = user_;
      srv_.Log(e);
    }
    user_.clear();
  }

  // Ends the connection. Plain TCP: half-close, then read and drop what the
  // client still sends for a moment, so that an unread request body does not
  // turn the close into a reset that loses the response.
  asio::awaitable<void> Close() {
    boost::system::error_code ec;
    if constexpr (std::is_same_v<S, beast::tcp_stream>) {
      Lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
      Lowest().expires_after(std::chrono::seconds(1));
      std::size_t drained = 0;
      std::array<char, 4096> sink;
      while (drained < 4 * 1024 * 1024 && !srv_.stopping.load()) {
        auto [rec, n] = co_await Lowest().async_read_some(asio::buffer(sink), kTuple);
        if (rec) break;
        drained += n;
      }
    }
    Lowest().close();
  }

  Impl& srv_;
  S& stream_;
  std::shared_ptr<Connection> conn_;
  std::string client_;
  bool tls_;
  beast::flat_buffer buffer_;
  SystemClock::time_point start_wall_ = SystemClock::now();
  SteadyClock::time_point start_ = SteadyClock::now();
  std::string user_;
};

asio::awaitable<void> RunConnection(Impl& srv, tcp::socket socket, std::shared_ptr<Connection> conn) {
  Registration registration(srv, conn);
  boost::system::error_code ec;
  auto remote = socket.remote_endpoint(ec);
  std::string client = ec ? std::string() : remote.address().to_string();
  socket.set_option(tcp::no_delay(true), ec);
  beast::tcp_stream tcp_stream(std::move(socket));
  if (!srv.ssl) {
    conn->cancel_io = [&tcp_stream] { tcp_stream.cancel(); };
    Session<beast::tcp_stream> session(srv, tcp_stream, conn, client, false);
    co_await session.Run();
    co_return;
  }
  beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), *srv.ssl);
  conn->cancel_io = [&stream] { beast::get_lowest_layer(stream).cancel(); };
  beast::get_lowest_layer(stream).expires_after(srv.options.request_timeout);
  auto [hec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kTuple);
  if (hec) co_return;
  Session<beast::ssl_stream<beast::tcp_stream>> session(srv, stream, conn, client, true);
  co_await session.Run();
}

asio::awaitable<void> AcceptLoop(Impl& srv) {
  asio::steady_timer backoff(srv.control);
  for (;;) {
    Strand strand = asio::make_strand(srv.ioc);
    auto [ec, socket] = co_await srv.acceptor.async_accept(strand, kTuple);
    if (srv.stopping.load() || !srv.acceptor.is_open()) co_return;
    if (ec) {  // e.g. out of file descriptors: try again shortly
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(kTuple);
      continue;
    }
    auto conn = std::make_shared<Connection>(strand);
    asio::co_spawn(strand, RunConnection(srv, std::move(socket), conn),
                   [](std::exception_ptr) {});
  }
}

Status ConfigureTls(asio::ssl::context& ctx, const ServerOptions& o) {
  boost::system::error_code ec;
  ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use,
                  ec);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(ctx.native_handle(),
                          "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
  ctx.use_certificate_chain_file(o.tls_cert_file, ec);
  if (ec) return Status::IOError("TLS certificate '" + o.tls_cert_file + "': " + ec.message());
  ctx.use_private_key_file(o.tls_key_file, asio::ssl::context::pem, ec);
  if (ec) return Status::IOError("TLS key '" + o.tls_key_file + "': " + ec.message());
  if (SSL_CTX_check_private_key(ctx.native_handle()) != 1)
    return Status::InvalidArgument("TLS key '" + o.tls_key_file + "' does not match the certificate");
  return Status::OK();
}

}  // namespace

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(ServerOptions options, Handler handler,
                                                      BodyLimit body_limit) {
  if (!handler) return Status::InvalidArgument("HttpServer: no handler");
  if (options.tls_cert_file.empty() != options.tls_key_file.empty())
    return Status::InvalidArgument("TLS needs both a certificate file and a key file");
  ASSIGN_OR_RETURN(tcp::endpoint endpoint, ParseListen(options.listen));
  auto impl = std::make_unique<Impl>(std::move(options), std::move(handler), std::move(body_limit));
  Impl& srv = *impl;
  if (!srv.options.tls_cert_file.empty()) {
    srv.ssl.emplace(asio::ssl::context::tls_server);
    RETURN_IF_ERROR(ConfigureTls(*srv.ssl, srv.options));
  }
  boost::system::error_code ec;
  srv.acceptor.open(endpoint.protocol(), ec);
  if (!ec) srv.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) srv.acceptor.bind(endpoint, ec);
  if (!ec) srv.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::IOError("listen on " + srv.options.listen + ": " + ec.message());
  srv.port = srv.acceptor.local_endpoint(ec).port();

  srv.work.emplace(srv.ioc.get_executor());
  asio::co_spawn(srv.control, AcceptLoop(srv), [](std::exception_ptr) {});
  int threads = std::max(1, srv.options.io_threads);
  for (int i = 0; i < threads; ++i) srv.io_threads.emplace_back([&srv] { srv.ioc.run(); });
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::~HttpServer() {
  Stop(std::chrono::milliseconds(0));
  if (impl_->signal_stopper.joinable()) impl_->signal_stopper.join();
}

std::uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::Stop(std::chrono::milliseconds grace) {
  Impl& srv = *impl_;
  {
    std::unique_lock<std::mutex> lock(srv.stop_mu);
    if (srv.stop_started) {
      srv.stop_cv.wait(lock, [&srv] { return srv.stopped; });
      return;
    }
    srv.stop_started = true;
  }
  srv.stopping.store(true);
  asio::post(srv.control, [&srv] {
    boost::system::error_code ec;
    srv.acceptor.close(ec);
    if (srv.signals) srv.signals->cancel(ec);
  });
  auto poke = [](const std::shared_ptr<Connection>& c) {
    asio::post(c->strand, [c] {
      if (c->idle && c->cancel_io) c->cancel_io();
      if (c->stream_timer) c->stream_timer->cancel();
    });
  };
  srv.ForEachConnection(poke);
  auto all_closed = [&srv] { return srv.connections.empty(); };
  {
    std::unique_lock<std::mutex> lock(srv.conn_mu);
    srv.conn_cv.wait_for(lock, grace, all_closed);
  }
  srv.ForEachConnection([](const std::shared_ptr<Connection>& c) {
    asio::post(c->strand, [c] {
      if (c->cancel_io) c->cancel_io();
    });
  });
  {
    std::unique_lock<std::mutex> lock(srv.conn_mu);
    srv.conn_cv.wait_for(lock, std::chrono::milliseconds(100), all_closed);
  }
  srv.work.reset();
  srv.ioc.stop();
  for (auto& t : srv.io_threads) t.join();
  srv.pool.Shutdown();
  {
    std::lock_guard<std::mutex> lock(srv.gate->mu);
    srv.gate->open = false;
  }
  {
    std::lock_guard<std::mutex> lock(srv.stop_mu);
    srv.stopped = true;
  }
  srv.stop_cv.notify_all();
}

void HttpServer::StopOnSignals(std::chrono::milliseconds grace) {
  Impl& srv = *impl_;
  asio::post(srv.control, [this, &srv, grace] {
    if (srv.stopping.load()) return;
    srv.signals.emplace(srv.control, SIGINT, SIGTERM);
    srv.signals->async_wait([this, &srv, grace](boost::system::error_code ec, int) {
      if (ec) return;
      std::lock_guard<std::mutex> lock(srv.stop_mu);
      if (!srv.stop_started && !srv.signal_stopper.joinable())
        srv.signal_stopper = std::thread([this, grace] { Stop(grace); });
    });
  });
}

void HttpServer::Wait() {
  std::unique_lock<std::mutex> lock(impl_->stop_mu);
  impl_->stop_cv.wait(lock, [this] { return impl_->stopped; });
}

}  // namespace patnav::server
