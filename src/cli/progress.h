// A one-line progress display for long work on a terminal: documents,
// docs/s, MB/s, rejections, current file. Writes to stderr only when stderr
// is a terminal and the caller enabled it; otherwise every call is a no-op.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace patnav::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  // Redraws at most every 200 ms. `bytes` is the running total of input bytes.
  void Update(uint64_t docs, uint64_t bytes, uint64_t rejected, uint64_t total_bytes, const std::string& current);
  // Clears the line.
  void Finish();
  double ElapsedSeconds() const;

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

// "12,345" style thousands separators.
std::string WithCommas(uint64_t n);

}  // namespace patnav::cli
