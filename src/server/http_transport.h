// The HTTP/1.1 server under `patnav serve`: listens (plain TCP or TLS), reads
// requests, runs the Handler on a worker pool and writes the responses. Its
// implementation (http_transport.cc) is the one file that includes Boost.Beast
// and Asio; this header exposes none of them.
//
// Behaviour: keep-alive; headers over `header_limit` -> 431; a body over the
// BodyLimit of its method and path -> 413 without reading it; a malformed
// request -> 400; errors the transport makes itself are application/problem+json
// (RFC 9457); no `Server` header; a `Date` header on every response.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "server/http.h"

namespace patnav::server {

// One line of the access log: one per request answered (also for requests the
// transport refused: 400, 413, 431).
struct AccessLogEntry {
  std::string time;            // when the request began, "2024-05-01T08:30:12.345Z" (UTC)
  std::string client_address;  // peer IP, no port
  std::string method;          // "" when the request could not be parsed
  std::string path;            // without the query string (it may hold secrets)
  int status = 0;
  std::uint64_t bytes_out = 0;  // body bytes sent (chunk framing not counted)
  double duration_ms = 0;       // from the first header byte to the last byte sent
  std::string user;             // the handler's X-Patnav-User header, or ""
};

struct ServerOptions {
  // "host:port": "127.0.0.1:8080", "0.0.0.0:8080", "[::1]:8080", "localhost:8080";
  // port 0 picks a free port (HttpServer::port() tells which).
  std::string listen = "127.0.0.1:8080";
  int io_threads = 1;      // threads doing socket I/O (no handler work)
  int worker_threads = 2;  // threads running handlers and stream producers
  std::size_t header_limit = 16 * 1024;         // request line + headers, bytes
  std::size_t default_body_limit = 1024 * 1024; // when no BodyLimit is given
  // How long a connection may wait for (the headers of) its next request.
  std::chrono::seconds idle_timeout{60};
  // How long reading one request's body, and writing one response (or one
  // chunk of a stream), may take. Handlers themselves have no time limit.
  std::chrono::seconds request_timeout{30};
  // Both set: serve HTTPS only (TLS 1.2+, ECDHE with AES-GCM or ChaCha20).
  // PEM files: the certificate chain and its private key.
  std::string tls_cert_file, tls_key_file;
  // Called once per request after its response was sent (or failed), on an
  // I/O thread, possibly on several threads at once: thread-safe and quick.
  // Unset: no access log.
  std::function<void(const AccessLogEntry&)> access_log;
  // Request bodies for which `spool_body(method, path)` is true are written
  // to a new file in `spool_dir` as they arrive instead of being held in
  // memory: the handler gets HttpRequest::body_file and an empty body. The
  // file is removed once the handler has returned, unless it moved the file
  // away. `spool_body` is consulted on an I/O thread: quick and thread-safe.
  // Unset, or `spool_dir` empty: every body is read into memory.
  std::function<bool(std::string_view method, std::string_view path)> spool_body;
  std::string spool_dir;  // must exist; the server only creates files in it
  // Added to every response, including the transport's own errors, unless the
  // handler set a header of that name (any case). For security headers.
  std::map<std::string, std::string> default_headers;
};

// A running server. Start returns it listening; Stop (or a signal after
// StopOnSignals) ends it. Thread-safety: port(), Stop(), StopOnSignals() and
// Wait() may be called from any thread except the server's own I/O and worker
// threads (i.e. not from a handler); Stop and Wait may be called concurrently
// and repeatedly.
class HttpServer {
 public:
  // Binds, listens and starts the threads. InvalidArgument for a bad `listen`
  // or option, IOError when the address cannot be bound or the TLS files
  // cannot be read. `body_limit` may be empty (then default_body_limit).
  static Result<std::unique_ptr<HttpServer>> Start(ServerOptions options, Handler handler,
                                                   BodyLimit body_limit = {});
  ~HttpServer();  // Stop(std::chrono::milliseconds(0)) when not stopped yet
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The port listened on (the chosen one when `listen` asked for port 0).
  std::uint16_t port() const;

  // Stops accepting (new connections are refused), closes idle keep-alive
  // connections, ends event streams, lets requests in flight finish and send
  // their responses (with Connection: close) for up to `grace`, then closes
  // whatever is left and joins all threads. Returns when the server is down.
  void Stop(std::chrono::milliseconds grace);
  // Makes SIGINT and SIGTERM call Stop(grace) (on a thread of its own), so
  // that Wait() returns. Call at most once, before Stop.
  void StopOnSignals(std::chrono::milliseconds grace);
  // Blocks until the server has stopped (Stop completed).
  void Wait();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace patnav::server
