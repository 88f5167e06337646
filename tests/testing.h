// Test helpers: where the shared real-data folder and this repo's small test
// files are, and scratch directories that clean up after themselves.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace patnav::testing {

// ../shared/data beside the project, or empty when absent (a fresh clone).
std::filesystem::path SharedData();
// tests/data in this repository.
std::filesystem::path TestData();
// The built patnav binary (for end-to-end tests), or empty when unknown.
std::filesystem::path PatnavBinary();
std::string ReadFile(const std::filesystem::path& p);
void WriteFile(const std::filesystem::path& p, std::string_view content);

// A fresh directory under the system temp dir, removed on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
 private:
  std::filesystem::path path_;
};

// `s` in single quotes for /bin/sh.
std::string ShellQuote(const std::string& s);

// What a command did: its exit status (-1 when it did not exit normally)
// and what it wrote.
struct CommandOutcome {
  int code = -1;
  std::string out, err;
};

// Runs the patnav binary with `args`; its standard output and error pass
// through stdout.txt and stderr.txt in `dir` (overwritten on each run).
CommandOutcome RunPatnav(const ScratchDir& dir, const std::vector<std::string>& args);

}  // namespace patnav::testing

// Skips the current test, with the reason, when ../shared/data is absent.
#define PATNAV_REQUIRE_SHARED_DATA()                                            \
  do {                                                                          \
    if (::patnav::testing::SharedData().empty())                                \
      GTEST_SKIP() << "../shared/data is absent (fresh clone): real-data test skipped"; \
  } while (0)
