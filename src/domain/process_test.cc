// Several processes on one operations.db: two writers at once keep the
// ledger balanced and lose nothing; a distribution killed with SIGKILL in the
// middle leaves either the whole closed period or none of it.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "domain/distribution.h"
#include "domain/domain_testing.h"
#include "domain/fund.h"
#include "testing.h"

namespace patnav::domain {
namespace {

using patnav::testing::ScratchDir;

int64_t Count(OperationsDb& ops, const std::string& table) {
  Result<int64_t> n = ops.db().QueryInt64("SELECT count(*) FROM " + table);
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

TEST(Processes, ConcurrentWritersKeepTheLedgerBalanced) {
  ScratchDir dir;
  {
    auto ops = testing::OpenOps(dir.path());
    ASSERT_TRUE(CreateAlliance(*ops, {"A", "Hefei", "social", ""}).ok());
    ASSERT_TRUE(AddMember(*ops, {"", "M", "industry", "2020-01-01", ""}).ok());
    ASSERT_TRUE(CreatePool(*ops, {"", "P", "", "", "", "CNY", 50000}).ok());
    ProgrammeInput prog;
    prog.pool = "P";
    prog.name = "G";
    prog.rate = 7;
    ASSERT_TRUE(CreateProgramme(*ops, prog).ok());
    for (const char* l : {"L0", "L1"}) {
      ASSERT_TRUE(AddLicensee(*ops, {l, "CN", ""}).ok());
      ASSERT_TRUE(AddAgreement(*ops, {l, "G", {"*"}, "2024-01-01", ""}).ok());
    }
  }
  constexpr int kPerWriter = 60;
  std::vector<pid_t> children;
  for (int w = 0; w < 2; ++w) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int failures = 0;
      auto ops = OperationsDb::Open(dir.path());
      if (!ops.ok()) _exit(10);
      for (int i = 0; i < kPerWriter; ++i) {
        RoyaltyReportInput r{"L" + std::to_string(w), "G", "2025Q1", "", "", {{"CN", 1 + i, {}, 0}, {"US", 2, {}, 0}}};
        failures += ReportRoyalties(**ops, {r}).ok() ? 0 : 1;
        failures += FundContribute(**ops, "M", 100 + i, "CNY", "2025-01-02").ok() ? 0 : 1;
      }
      _exit(failures == 0 ? 0 : 11);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer failed: " << status;
  }
  auto ops = testing::OpenOps(dir.path());
  EXPECT_EQ(Count(*ops, "royalty_report"), 2 * kPerWriter);
  EXPECT_EQ(Count(*ops, "ledger_txn"), 4 * kPerWriter);
  EXPECT_TRUE(CheckLedger(*ops).ok());
  int64_t expected = 0;
  for (int i = 0; i < kPerWriter; ++i) expected += 2 * ((1 + i) * 7 + 14);
  Result<std::vector<AccountBalance>> pool = Balances(*ops, "pool:P");
  ASSERT_TRUE(pool.ok());
  ASSERT_EQ(pool->size(), 1u);
  EXPECT_EQ((*pool)[0].balance_minor, -expected);
}

// A pool large enough that closing takes a while: `patents` patents in five
// countries, reports in each.
void BuildBigPool(const std::filesystem::path& dir, int patents) {
  auto ops = testing::OpenOps(dir);
  ASSERT_TRUE(CreateAlliance(*ops, {"A", "Hefei", "social", ""}).ok());
  ASSERT_TRUE(AddMember(*ops, {"", "M0", "industry", "2020-01-01", ""}).ok());
  ASSERT_TRUE(AddMember(*ops, {"", "M1", "research", "2020-01-01", ""}).ok());
  ASSERT_TRUE(CreatePool(*ops, {"", "P", "", "", "", "USD", 30000}).ok());
  std::vector<ContributionInput> in;
  std::vector<PatentValue> values;
  for (int i = 0; i < patents; ++i) {
    char num[32];
    std::snprintf(num, sizeof num, "US%08dB2", 10000000 + i);
    in.push_back({"P", i % 2 ? "M1" : "M0", num, "2024-01-01", {"US", "CN", "DE", "JP", "KR"}, "2040-01-01"});
    PatentValue v;
    v.publication_number = num;
    v.overall = 1 + i % 97;
    values.push_back(v);
  }
  ASSERT_TRUE(Contribute(*ops, in).ok());
  ASSERT_TRUE(SaveValueScores(*ops, values).ok());
  ProgrammeInput prog;
  prog.pool = "P";
  prog.name = "G";
  prog.rate = 3;
  ASSERT_TRUE(CreateProgramme(*ops, prog).ok());
  ASSERT_TRUE(AddLicensee(*ops, {"L", "US", ""}).ok());
  ASSERT_TRUE(AddAgreement(*ops, {"L", "G", {"*"}, "2024-01-01", ""}).ok());
  RoyaltyReportInput r{"L", "G", "2025Q1", "", "", {}};
  for (const char* c : {"US", "CN", "DE", "JP", "KR"}) r.lines.push_back({c, 123457, {}, 0});
  ASSERT_TRUE(ReportRoyalties(*ops, {r}).ok());
}

TEST(Processes, KillDuringDistributionLeavesNoHalfWrittenPeriod) {
  constexpr int kPatents = 15000;
  int complete = 0, none = 0;
  for (int delay_ms : {2, 15, 40, 120}) {
    SCOPED_TRACE("kill after " + std::to_string(delay_ms) + " ms");
    ScratchDir dir;
    BuildBigPool(dir.path(), kPatents);
    int64_t txns_before = 0;
    {
      auto ops = testing::OpenOps(dir.path());
      txns_before = Count(*ops, "ledger_txn");
    }
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      auto ops = OperationsDb::Open(dir.path());
      if (!ops.ok()) _exit(10);
      (void)!write(fds[1], "x", 1);
      Result<int64_t> id = CloseDistribution(**ops, {"P", "2025Q1", DistributionMethod::kValue, 0});
      _exit(id.ok() ? 0 : 11);
    }
    close(fds[1]);
    char c;
    ASSERT_EQ(read(fds[0], &c, 1), 1);
    close(fds[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);

    auto ops = testing::OpenOps(dir.path());
    int64_t closes = Count(*ops, "period_close"), dists = Count(*ops, "distribution"),
            lines = Count(*ops, "distribution_line"), countries = Count(*ops, "distribution_country"),
            txns = Count(*ops, "ledger_txn");
    EXPECT_TRUE(CheckLedger(*ops).ok());
    if (closes == 0) {
      ++none;
      EXPECT_EQ(dists, 0);
      EXPECT_EQ(lines, 0);
      EXPECT_EQ(countries, 0);
      EXPECT_EQ(txns, txns_before);
      // The period can still be closed, exactly once.
      ASSERT_TRUE(CloseDistribution(*ops, {"P", "2025Q1", DistributionMethod::kValue, 0}).ok());
    } else {
      ++complete;
      EXPECT_EQ(closes, 1);
      EXPECT_EQ(dists, 1);
      EXPECT_EQ(lines, 5 * kPatents);
      EXPECT_EQ(countries, 5);
      EXPECT_EQ(txns, txns_before + 1);
    }
    EXPECT_EQ(Count(*ops, "distribution_line"), 5 * kPatents);
    EXPECT_TRUE(CheckLedger(*ops).ok());
  }
  EXPECT_GT(none, 0) << "every kill came too late to interrupt a distribution";
  std::printf("kill -9 during distribution: %d interrupted (nothing written), %d completed\n", none, complete);
}

}  // namespace
}  // namespace patnav::domain
