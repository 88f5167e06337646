// A minimal SMTP server on 127.0.0.1 for tests of outgoing e-mail: it speaks
// enough of RFC 5321 for libcurl (greeting, EHLO/HELO without STARTTLS,
// MAIL, RCPT, DATA, RSET, NOOP, QUIT), records each accepted message with
// its envelope, and -- when told to -- refuses every recipient with 550.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace patnav::testing {

struct ReceivedMail {
  std::string from;               // the MAIL FROM path, without <>
  std::vector<std::string> to;    // the RCPT TO paths
  std::string data;               // the message as sent, dot-unstuffed, CRLF line ends
};

class SmtpSink {
 public:
  explicit SmtpSink(bool refuse_recipients = false);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<ReceivedMail> mails() const;
  int refused() const { return refused_.load(); }  // RCPT commands refused

 private:
  void Serve();
  void Session(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  bool refuse_ = false;
  std::atomic<bool> stop_{false};
  std::atomic<int> refused_{0};
  mutable std::mutex mu_;
  std::vector<ReceivedMail> mails_;  // guarded by mu_
  std::thread thread_;
};

}  // namespace patnav::testing
