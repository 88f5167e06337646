// HttpTestClient: a small HTTP/1.1 client on POSIX sockets for the server's
// tests (no Beast): sends requests on one keep-alive connection and parses the
// status, headers and body (Content-Length, chunked, or up to close). Header
// only, so any *_test.cc of src/server can use it. Not for production use.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/strings.h"

namespace patnav::server::testing {

struct TestResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::vector<std::string> chunks;  // the chunks of a chunked body, in order
  bool chunked = false;

  // The first header named `name` (lower case), or "" when absent.
  std::string Header(std::string_view name) const {
    for (const auto& [n, v] : headers)
      if (n == name) return v;
    return {};
  }
  bool HasHeader(std::string_view name) const {
    for (const auto& [n, v] : headers)
      if (n == name) return true;
    return false;
  }
};

// One connection to 127.0.0.1:`port`, opened by Connect or the first send.
// Every read waits at most `timeout` for data (then an IOError). Not
// thread-safe.
class HttpTestClient {
 public:
  explicit HttpTestClient(std::uint16_t port,
                          std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
      : port_(port), timeout_(timeout) {}
  ~HttpTestClient() { Close(); }
  HttpTestClient(const HttpTestClient&) = delete;
  HttpTestClient& operator=(const HttpTestClient&) = delete;

  Status Connect() {
    Close();
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return Status::IOError(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      Status st = Status::IOError(std::string("connect: ") + std::strerror(errno));
      Close();
      return st;
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return Status::OK();
  }
  bool connected() const { return fd_ >= 0; }
  void set_timeout(std::chrono::milliseconds t) { timeout_ = t; }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    buf_.clear();
  }

  // Sends `bytes` as they are (connecting first when not connected).
  Status SendRaw(std::string_view bytes) {
    if (fd_ < 0) RETURN_IF_ERROR(Connect());
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        return Status::IOError(std::string("send: ") + std::strerror(errno));
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::OK();
  }

  // Sends a request with Host and (when `body` is not empty) Content-Length
  // added, then reads the response. `headers` are "Name: value" lines.
  Result<TestResponse> Request(std::string_view method, std::string_view target,
                               const std::vector<std::string>& headers = {},
                               std::string_view body = {}) {
    RETURN_IF_ERROR(SendRequest(method, target, headers, body));
    return ReadResponse(method == "HEAD");
  }

  Status SendRequest(std::string_view method, std::string_view target,
                     const std::vector<std::string>& headers = {}, std::string_view body = {}) {
    std::string req = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
    req += "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
    for (const auto& h : headers) req += h + "\r\n";
    if (!body.empty()) req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n";
    req += body;
    return SendRaw(req);
  }

  // Reads a whole response (status, headers, body). `head_request`: the
  // response has no body whatever its headers say.
  Result<TestResponse> ReadResponse(bool head_request = false) {
    ASSIGN_OR_RETURN(TestResponse res, ReadHead());
    if (head_request || res.status == 204 || res.status == 304 || res.status < 200) return res;
    if (res.chunked) {
      for (;;) {
        ASSIGN_OR_RETURN(std::string chunk, ReadChunk());
        if (chunk.empty()) break;
        res.body += chunk;
        res.chunks.push_back(std::move(chunk));
      }
      return res;
    }
    std::string length = res.Header("content-length");
    if (!length.empty()) {
      ASSIGN_OR_RETURN(res.body, ReadExactly(std::stoull(length)));
      return res;
    }
    for (;;) {  // up to close
      Result<bool> more = Fill();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    res.body = std::move(buf_);
    buf_.clear();
    return res;
  }

  // Reads the status line and headers only (then ReadChunk for a stream).
  Result<TestResponse> ReadHead() {
    size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) return Status::IOError("connection closed before the response headers");
    }
    std::string head = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    TestResponse res;
    size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (!StartsWith(status_line, "HTTP/1.") || status_line.size() < 12)
      return Status::Corruption("bad status line: " + status_line);
    res.status = std::stoi(status_line.substr(9, 3));
    size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      size_t next = head.find("\r\n", pos);
      if (next == std::string::npos) next = head.size();
      std::string line = head.substr(pos, next - pos);
      size_t colon = line.find(':');
      if (colon != std::string::npos)
        res.headers.emplace_back(AsciiLower(line.substr(0, colon)),
                                 std::string(Trim(std::string_view(line).substr(colon + 1))));
      pos = next + 2;
    }
    res.chunked = IEquals(res.Header("transfer-encoding"), "chunked");
    return res;
  }

  // Reads the next chunk of a chunked body; "" for the last one.
  Result<std::string> ReadChunk() {
    ASSIGN_OR_RETURN(std::string size_line, ReadLine());
    size_t size = std::stoul(size_line, nullptr, 16);
    ASSIGN_OR_RETURN(std::string data, ReadExactly(size));
    ASSIGN_OR_RETURN(std::string crlf, ReadLine());
    if (!crlf.empty()) return Status::Corruption("chunk not followed by CRLF");
    return data;
  }

  // True when the server closed the connection (reads EOF) within `wait`.
  bool PeerClosed(std::chrono::milliseconds wait) {
    auto saved = timeout_;
    timeout_ = wait;
    Result<bool> more = Fill();
    timeout_ = saved;
    return more.ok() ? !*more : more.status().message().find("reset") != std::string::npos;
  }

 private:
  // Appends what arrives to buf_; false at end of stream.
  Result<bool> Fill() {
    if (fd_ < 0) return Status::IOError("not connected");
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(timeout_.count()));
    if (ready == 0) return Status::IOError("timed out waiting for the server");
    if (ready < 0) return Status::IOError(std::string("poll: ") + std::strerror(errno));
    char tmp[16384];
    ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n < 0) return Status::IOError(std::string("recv: ") + std::strerror(errno));
    if (n == 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }

  Result<std::string> ReadExactly(size_t n) {
    while (buf_.size() < n) {
      ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) return Status::IOError("connection closed inside a body");
    }
    std::string out = buf_.substr(0, n);
    buf_.erase(0, n);
    return out;
  }

  Result<std::string> ReadLine() {
    size_t end;
    while ((end = buf_.find("\r\n")) == std::string::npos) {
      ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) return Status::IOError("connection closed inside a line");
    }
    std::string line = buf_.substr(0, end);
    buf_.erase(0, end + 2);
    return line;
  }

  std::uint16_t port_;
  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  std::string buf_;  // received, not yet consumed
};

}  // namespace patnav::server::testing
