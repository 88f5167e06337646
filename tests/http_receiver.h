// A tiny HTTP/1.1 receiver on 127.0.0.1 for tests of outgoing requests
// (webhooks): it records each request (method, target, headers, body) and
// answers with the next status of its script (200 once the script is used
// up), or -- in hang mode -- never answers and keeps the connection open
// until it is destroyed. One connection at a time, Connection: close.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace patnav::testing {

struct ReceivedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // names lower-cased
};

class HttpReceiver {
 public:
  // Listens on 127.0.0.1, an ephemeral port. `statuses`: the answers in order.
  explicit HttpReceiver(std::vector<int> statuses = {}, bool hang = false);
  ~HttpReceiver();
  HttpReceiver(const HttpReceiver&) = delete;
  HttpReceiver& operator=(const HttpReceiver&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;
  std::vector<ReceivedRequest> requests() const;

 private:
  void Serve();

  int listen_fd_ = -1;
  int port_ = 0;
  bool hang_ = false;
  std::vector<int> statuses_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::vector<ReceivedRequest> requests_;  // guarded by mu_
  std::vector<int> held_;                  // hang mode: connections never answered
  std::thread thread_;
};

}  // namespace patnav::testing
