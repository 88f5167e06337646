// Test helpers.
#include "testing.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace patnav::testing {

namespace fs = std::filesystem;

fs::path SharedData() {
  const char* env = std::getenv("PATNAV_SHARED");
  fs::path p = fs::path(env ? env : PATNAV_DEFAULT_SHARED) / "data";
  std::error_code ec;
  return fs::is_directory(p, ec) ? p : fs::path();
}

fs::path TestData() {
  const char* env = std::getenv("PATNAV_TESTDATA");
  return fs::path(env ? env : PATNAV_DEFAULT_TESTDATA);
}

fs::path PatnavBinary() {
  const char* env = std::getenv("PATNAV_BIN");
  return fs::path(env ? env : PATNAV_DEFAULT_BIN);
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, std::string_view content) {
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

ScratchDir::ScratchDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("patnav-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace patnav::testing
