// Test helpers.
#include "testing.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/wait.h>

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

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CommandOutcome RunPatnav(const ScratchDir& dir, const std::vector<std::string>& args) {
  std::string cmd = ShellQuote(PatnavBinary().string());
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  const fs::path out = dir.path() / "stdout.txt", err = dir.path() / "stderr.txt";
  cmd += " > " + ShellQuote(out.string()) + " 2> " + ShellQuote(err.string());
  const int status = std::system(cmd.c_str());
  CommandOutcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace patnav::testing
