// The test SMTP sink (smtp_sink.h): plain POSIX sockets, one session at a time.
#include "smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>

namespace patnav::testing {

namespace {

void Send(int fd, const std::string& s) {
  ssize_t ignored = write(fd, s.data(), s.size());
  (void)ignored;
}

// Reads one CRLF-terminated line into *line (without CRLF); false on EOF or
// 5 s of silence. `buffer` keeps what was read past the line.
bool ReadLine(int fd, std::string& buffer, std::string* line) {
  for (;;) {
    size_t end = buffer.find("\r\n");
    if (end != std::string::npos) {
      *line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return false;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) return false;
    buffer.append(buf, static_cast<size_t>(n));
  }
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string PathOf(const std::string& line) {
  size_t a = line.find('<'), b = line.find('>');
  if (a == std::string::npos || b == std::string::npos || b < a) return "";
  return line.substr(a + 1, b - a - 1);
}

}  // namespace

SmtpSink::SmtpSink(bool refuse_recipients) : refuse_(refuse_recipients) {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  listen(listen_fd_, 16);
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  close(listen_fd_);
}

std::vector<ReceivedMail> SmtpSink::mails() const {
  std::lock_guard<std::mutex> lock(mu_);
  return mails_;
}

void SmtpSink::Serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    int fd = accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    Session(fd);
    close(fd);
  }
}

void SmtpSink::Session(int fd) {
  std::string buffer, line;
  ReceivedMail mail;
  Send(fd, "220 sink.test ESMTP\r\n");
  while (ReadLine(fd, buffer, &line)) {
    const std::string verb = Upper(line.substr(0, 4));
    if (verb == "EHLO") {
      Send(fd, "250-sink.test\r\n250 8BITMIME\r\n");
    } else if (verb == "HELO" || verb == "NOOP") {
      Send(fd, "250 ok\r\n");
    } else if (verb == "RSET") {
      mail = ReceivedMail{};
      Send(fd, "250 ok\r\n");
    } else if (verb == "MAIL") {
      mail = ReceivedMail{};
      mail.from = PathOf(line);
      Send(fd, "250 ok\r\n");
    } else if (verb == "RCPT") {
      if (refuse_) {
        ++refused_;
        Send(fd, "550 5.1.1 no such mailbox\r\n");
      } else {
        mail.to.push_back(PathOf(line));
        Send(fd, "250 ok\r\n");
      }
    } else if (verb == "DATA") {
      Send(fd, "354 go ahead\r\n");
      std::string data;
      while (ReadLine(fd, buffer, &line) && line != ".") {
        if (!line.empty() && line[0] == '.') line.erase(0, 1);
        data += line + "\r\n";
      }
      mail.data = data;
      {
        std::lock_guard<std::mutex> lock(mu_);
        mails_.push_back(mail);
      }
      Send(fd, "250 queued\r\n");
    } else if (verb == "QUIT") {
      Send(fd, "221 bye\r\n");
      return;
    } else {
      Send(fd, "502 not implemented\r\n");
    }
  }
}

}  // namespace patnav::testing
