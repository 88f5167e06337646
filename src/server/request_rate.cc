// The per-address token buckets (request_rate.h).
#include "server/request_rate.h"

#include <algorithm>
#include <cmath>

namespace patnav::server {

bool RequestRate::Allow(const std::string& address, int* retry_after) {
  return AllowAt(address, std::chrono::steady_clock::now(), retry_after);
}

bool RequestRate::AllowAt(const std::string& address, std::chrono::steady_clock::time_point now, int* retry_after) {
  if (per_second_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mu_);
  if (now - last_prune_ > std::chrono::seconds(60)) Prune(now);
  auto [it, fresh] = buckets_.try_emplace(address, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  if (retry_after) *retry_after = std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / per_second_)));
  return false;
}

// Forgets addresses whose buckets have refilled (they would start full anyway).
void RequestRate::Prune(std::chrono::steady_clock::time_point now) {
  last_prune_ = now;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    double elapsed = std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + elapsed * per_second_ >= burst_) it = buckets_.erase(it);
    else ++it;
  }
}

}  // namespace patnav::server
