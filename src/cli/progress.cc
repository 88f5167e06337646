// Terminal progress line.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace patnav::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double Progress::ElapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(uint64_t docs, uint64_t bytes, uint64_t rejected, uint64_t total_bytes,
                      const std::string& current) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  drawn_ = true;
  double secs = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
  std::string pct;
  if (total_bytes > 0) {
    int p = static_cast<int>(100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes));
    int filled = std::min(20, p / 5);
    pct = "[" + std::string(filled, '#') + std::string(20 - filled, '.') + "] " + std::to_string(p) + "% ";
  }
  std::string name = current.size() > 40 ? "..." + current.substr(current.size() - 37) : current;
  std::fprintf(stderr, "\r\033[K%s%s docs  %.0f docs/s  %.1f MB/s  %s rejected  %s", pct.c_str(),
               WithCommas(docs).c_str(), static_cast<double>(docs) / secs,
               static_cast<double>(bytes) / secs / 1e6, WithCommas(rejected).c_str(), name.c_str());
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

std::string WithCommas(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace patnav::cli
