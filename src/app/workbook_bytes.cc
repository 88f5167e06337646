// Workbooks written through a scratch file (workbook_bytes.h).
#include "app/workbook_bytes.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>

namespace patnav::app {

namespace {

std::filesystem::path ScratchPath(const std::filesystem::path& dir, std::string_view stem) {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return dir / (std::string(stem) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) +
                "-" + std::to_string(rng() % 1000000000) + ".xlsx");
}

}  // namespace

Result<std::string> WorkbookBytes(const std::filesystem::path& data_dir, std::string_view stem,
                                  const std::function<Status(const std::filesystem::path&)>& write) {
  const std::filesystem::path tmp_dir = data_dir / "tmp";
  std::error_code ec;
  std::filesystem::create_directories(tmp_dir, ec);
  if (ec) return Status::IOError(tmp_dir.string() + ": " + ec.message());
  const std::filesystem::path path = ScratchPath(tmp_dir, stem);
  Status st = write(path);
  std::string bytes;
  if (st.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) st = Status::IOError(path.string() + ": cannot read back");
    bytes = ss.str();
  }
  std::filesystem::remove(path, ec);
  if (!st.ok()) return st;
  return bytes;
}

}  // namespace patnav::app
