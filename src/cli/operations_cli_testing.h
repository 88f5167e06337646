// Test support (header only, for *_test.cc): a fixture running the patnav
// binary against one scratch data directory, for the command groups that
// keep their records in operations.db (office records, evaluation rounds).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {

class OperationsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !std::filesystem::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
  }
  // The command with --db added.
  testing::CommandOutcome Run(std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db_);
    return testing::RunPatnav(dir_, args);
  }
  // The command's --format json answer; a non-zero exit is a failure.
  nlohmann::json Json(std::vector<std::string> args) {
    args.push_back("--format");
    args.push_back("json");
    testing::CommandOutcome r = Run(args);
    EXPECT_EQ(r.code, 0) << args[0] << " " << args[1] << ": " << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  // The bytes of operations.db and its WAL: equal before and after a refused
  // command when nothing was written.
  std::string Operations() {
    return testing::ReadFile(std::filesystem::path(db_) / "operations.db") +
           testing::ReadFile(std::filesystem::path(db_) / "operations.db-wal");
  }
  testing::ScratchDir dir_;
  std::string db_;
};

}  // namespace patnav
