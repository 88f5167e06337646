// The test HTTP receiver (http_receiver.h): plain POSIX sockets.
#include "http_receiver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>

namespace patnav::testing {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads one request (headers and a Content-Length body); false on a closed
// or silent connection.
bool ReadRequest(int fd, ReceivedRequest* out) {
  std::string data;
  char buf[4096];
  size_t header_end = std::string::npos;
  size_t length = 0;
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return false;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return false;
    data.append(buf, static_cast<size_t>(n));
    if (header_end == std::string::npos) {
      header_end = data.find("\r\n\r\n");
      if (header_end == std::string::npos) continue;
      size_t line_end = data.find("\r\n");
      std::string first = data.substr(0, line_end);
      size_t sp1 = first.find(' '), sp2 = first.find(' ', sp1 + 1);
      out->method = first.substr(0, sp1);
      out->target = first.substr(sp1 + 1, sp2 - sp1 - 1);
      size_t at = line_end + 2;
      while (at < header_end) {
        size_t e = data.find("\r\n", at);
        std::string line = data.substr(at, e - at);
        size_t colon = line.find(':');
        if (colon != std::string::npos) {
          std::string value = line.substr(colon + 1);
          while (!value.empty() && value.front() == ' ') value.erase(0, 1);
          out->headers[Lower(line.substr(0, colon))] = value;
        }
        at = e + 2;
      }
      if (auto it = out->headers.find("content-length"); it != out->headers.end()) length = std::stoul(it->second);
    }
    if (data.size() >= header_end + 4 + length) {
      out->body = data.substr(header_end + 4, length);
      return true;
    }
  }
}

}  // namespace

HttpReceiver::HttpReceiver(std::vector<int> statuses, bool hang) : hang_(hang), statuses_(std::move(statuses)) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  listen(listen_fd_, 16);
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

HttpReceiver::~HttpReceiver() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  for (int fd : held_) close(fd);
  close(listen_fd_);
}

std::string HttpReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> HttpReceiver::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

void HttpReceiver::Serve() {
  size_t answered = 0;
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ReceivedRequest r;
    if (!ReadRequest(fd, &r)) {
      close(fd);
      continue;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(r);
    }
    if (hang_) {
      held_.push_back(fd);
      continue;
    }
    const int status = answered < statuses_.size() ? statuses_[answered] : 200;
    ++answered;
    const std::string reply = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    ssize_t ignored = write(fd, reply.data(), reply.size());
    (void)ignored;
    close(fd);
  }
}

}  // namespace patnav::testing
