// The request-rate limit of the API: a token bucket per client address, so
// one client cannot take the server from the others. A refused request is
// answered 429 with Retry-After before any work is done for it.
//
// Thread-safety: Allow may be called from any thread.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace patnav::server {

class RequestRate {
 public:
  // `per_second` requests a second on average, bursts up to `burst`;
  // per_second <= 0 switches the limit off.
  RequestRate(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // True when `address` may make a request now (and counts it); otherwise
  // false with the seconds until it may in *retry_after (at least 1).
  bool Allow(const std::string& address, int* retry_after);
  // For tests: the same with an explicit clock.
  bool AllowAt(const std::string& address, std::chrono::steady_clock::time_point now, int* retry_after);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  void Prune(std::chrono::steady_clock::time_point now);

  const double per_second_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_prune_{};
};

}  // namespace patnav::server
