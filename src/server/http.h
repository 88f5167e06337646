// The plain HTTP request and response that the server's routes see: no Beast
// or Asio type crosses this header. The transport (http_transport.h) fills an
// HttpRequest, runs a Handler on its worker pool and sends the HttpResponse,
// either whole or pulled piece by piece from a ResponseStream (downloads,
// server-sent events).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patnav::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One request, read whole (headers and body) before the handler runs.
struct HttpRequest {
  std::string method;  // "GET", as sent (methods are case-sensitive)
  std::string target;  // "/api/x?q=1", as sent
  std::string path;    // target before '?', still percent-encoded (PercentDecode
                       // each segment after splitting on '/')
  std::string query;   // target after '?', raw; empty when none
  HeaderList headers;  // in arrival order; names lower-cased, values as sent
  std::string body;
  // When the server spooled the body (ServerOptions::spool_body): the file
  // holding it, and `body` is empty. The handler may read it or move it
  // (rename within the spool folder's file system); the server removes
  // whatever is left there after the handler returns.
  std::string body_file;
  std::string client_address;  // peer IP address ("127.0.0.1", "::1"), no port
  bool tls = false;            // arrived over TLS

  // The first header named `name` (any case), or "" when absent.
  std::string Header(std::string_view name) const;
  // The first query parameter named `name`, percent-decoded ('+' is a
  // space), or "" when absent ("?a" and "?a=" give "" too: HasQueryParam).
  std::string QueryParam(std::string_view name) const;
  bool HasQueryParam(std::string_view name) const;
  // Every query parameter in order, names and values percent-decoded.
  std::vector<std::pair<std::string, std::string>> QueryParams() const;
};

// What a streamed response's producer says it did.
enum class StreamStep {
  kChunk,    // `chunk` holds the next bytes of the body (non-empty)
  kPending,  // nothing ready yet (an event stream between events): ask again later
  kEnd,      // the body is complete
};

// A response body produced piece by piece and sent with chunked transfer
// encoding (HTTP/1.0 clients: unframed, then the connection closes).
//
// Contract for `next`:
//  - the transport calls it on its worker pool, never on an I/O thread, and
//    never twice at once for one stream; it may be called from a different
//    worker thread each time;
//  - it must return promptly: a bulk download returns kChunk with 16-64 KiB;
//    an event stream returns one or more whole events ("data: ...\n\n"), or
//    kPending at once when none is ready. It must not block waiting for an
//    event: the transport then waits on a timer, without holding a thread,
//    for `poll_interval` or until `wake` is called, and asks again. So an idle
//    stream costs a timer, not a worker thread;
//  - when the server stops or the client goes away, the transport stops
//    calling it (a departed client is noticed at the next write, so an idle
//    event stream should send a comment line (": keep-alive\n\n") every ~15 s);
//    the server ends open event streams with the last chunk when it stops.
// The functions (and what they capture) are destroyed on the worker pool when
// the response ends, so a destructor may block briefly (join a producer thread).
struct ResponseStream {
  std::function<StreamStep(std::string& chunk)> next;
  // How long a kPending stream waits before `next` is asked again when no
  // `wake` came first.
  std::chrono::milliseconds poll_interval{250};
  // Optional. Called once on the worker pool, before the first `next`, with
  // `wake`: a function that makes a waiting stream ask `next` again at once.
  // `wake` is thread-safe, cheap, may be called any number of times from any
  // thread, and does nothing once the stream or the server has ended; keep it
  // as long as you like (it holds no reference to the server's objects'
  // lifetimes beyond a small shared flag).
  std::function<void(std::function<void()> wake)> bind_wake;
};

// One response. The transport owns the framing: Content-Length,
// Transfer-Encoding and Connection set by a handler are replaced. Headers the
// handler did not set are taken from ServerOptions::default_headers. A handler
// may set `X-Patnav-User` (the authenticated user's name): the transport puts
// it in the access log and does not send it. Responses to HEAD carry the
// headers of the response (Content-Length of `body`) but no body.
struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;                     // ignored when `stream` is set
  std::optional<ResponseStream> stream;

  // Replaces the first header named `name` (any case), or adds it.
  void SetHeader(std::string_view name, std::string value);
};

// Runs one request. Called on the worker pool (any of its threads, many at
// once for different requests): a handler must be thread-safe. Expected
// failures are responses (e.g. problem+json), not exceptions; an exception
// that escapes anyway becomes a 500 response.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// How many body bytes a request to `path` (still percent-encoded) with
// `method` may carry. Consulted on an I/O thread after the headers are read,
// before the body: it must be quick and thread-safe. A larger body is refused
// with 413 without being read. Unset: ServerOptions::default_body_limit.
using BodyLimit = std::function<std::size_t(std::string_view method, std::string_view path)>;

// `s` with %XX escapes decoded (and '+' as a space when `plus_is_space`, as in
// query strings). A malformed escape ("%G1", a trailing "%") is kept as is.
std::string PercentDecode(std::string_view s, bool plus_is_space);

// An RFC 9457 problem document: {"type":"about:blank","title":...,
// "status":...,"detail":...} with Content-Type application/problem+json.
// `title` defaults to the standard reason phrase of `status`.
HttpResponse ProblemResponse(int status, std::string_view detail, std::string_view title = {});

// "Not Found" for 404; "Unknown" for a status without a standard phrase.
std::string_view ReasonPhrase(int status);

}  // namespace patnav::server
