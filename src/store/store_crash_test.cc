// Crash safety: a process killed with SIGKILL in the middle of an ingest
// leaves the store as of its last committed batch, intact, and running the
// same ingest again ends with the records of an uninterrupted run.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/patent_store.h"
#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using store_testing::ExportAll;
using testing::ScratchDir;

constexpr int kBatch = 150;        // records per batch
constexpr int kPublications = 200;

// The ingest script: record k of an endless stream. Publications repeat, as
// from a second source (thin record, then the full one, then the thin one
// again), so replaying it exercises merging, not only inserting.
PatentRecord ScriptRecord(int k) {
  const int pub = k % kPublications;
  switch ((k / kPublications) % 3) {
    case 0: return store_testing::ThinRecord(pub);
    case 1: return store_testing::FullRecord(pub, 3000);
    default: return store_testing::ThinRecord(pub);
  }
}

// Puts records [begin, end) in batches of kBatch, committing each.
void Ingest(PatentStore& store, int begin, int end) {
  for (int k = begin; k < end; k += kBatch) {
    ASSERT_TRUE(store.BeginBatch().ok());
    for (int i = k; i < std::min(end, k + kBatch); ++i) ASSERT_TRUE(store.Put(ScriptRecord(i)).ok());
    ASSERT_TRUE(store.CommitBatch().ok());
  }
}

std::vector<std::string> ExportOf(const fs::path& dir) {
  auto store = PatentStore::Open({.dir = dir});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? ExportAll(**store) : std::vector<std::string>();
}

// In a child process: commits `committed_batches` batches, then opens one
// more and puts records until killed. Writes one byte to `fd` once the open
// batch holds more than a cache's worth of writes (so uncommitted pages have
// spilled into the WAL file). The small page cache forces that spill.
[[noreturn]] void ChildIngest(const fs::path& dir, int committed_batches, int fd) {
  auto store = PatentStore::Open({.dir = dir, .cache_bytes = 256 << 10});
  if (!store.ok()) _exit(2);
  PatentStore& s = **store;
  int k = 0;
  for (int b = 0; b < committed_batches; ++b) {
    if (!s.BeginBatch().ok()) _exit(3);
    for (int i = 0; i < kBatch; ++i, ++k) if (!s.Put(ScriptRecord(k)).ok()) _exit(4);
    if (!s.CommitBatch().ok()) _exit(5);
  }
  if (!s.BeginBatch().ok()) _exit(6);
  for (int i = 0;; ++i, ++k) {
    if (!s.Put(ScriptRecord(k)).ok()) _exit(7);
    if (i == 2 * kBatch && write(fd, "R", 1) != 1) _exit(8);
    if (i > 100 * kBatch) pause();  // the parent kills us long before
  }
}

// Runs ChildIngest and kills it with SIGKILL mid-batch.
void RunAndKill(const fs::path& dir, int committed_batches) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    ChildIngest(dir, committed_batches, fds[1]);
  }
  close(fds[1]);
  char c = 0;
  const ssize_t n = read(fds[0], &c, 1);
  close(fds[0]);
  kill(pid, SIGKILL);
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_EQ(n, 1) << "child failed before the kill, exit status " << WEXITSTATUS(wstatus);
  ASSERT_TRUE(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL);
}

void CheckKillAndReplay(int committed_batches) {
  ScratchDir tmp;
  const fs::path crashed = tmp.path() / "crashed", reference = tmp.path() / "reference",
                 uninterrupted = tmp.path() / "uninterrupted";
  ASSERT_NO_FATAL_FAILURE(RunAndKill(crashed, committed_batches));
  ASSERT_TRUE(fs::exists(crashed / "patnav.db-wal"));  // the crash left a WAL to recover

  // Only the committed batches are visible, and the database is intact.
  {
    auto store = PatentStore::Open({.dir = reference});
    ASSERT_TRUE(store.ok());
    ASSERT_NO_FATAL_FAILURE(Ingest(**store, 0, committed_batches * kBatch));
  }
  {
    auto store = PatentStore::Open({.dir = crashed});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Status st = (*store)->CheckIntegrity();
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  EXPECT_EQ(ExportOf(crashed), ExportOf(reference));

  // Re-running the whole ingest ends where an uninterrupted run ends.
  const int total = 3 * kPublications;
  {
    auto store = PatentStore::Open({.dir = crashed});
    ASSERT_TRUE(store.ok());
    ASSERT_NO_FATAL_FAILURE(Ingest(**store, 0, total));
    EXPECT_TRUE((*store)->CheckIntegrity().ok());
  }
  {
    auto store = PatentStore::Open({.dir = uninterrupted});
    ASSERT_TRUE(store.ok());
    ASSERT_NO_FATAL_FAILURE(Ingest(**store, 0, total));
    EXPECT_EQ(*(*store)->Count(), kPublications);
  }
  const std::vector<std::string> a = ExportOf(crashed), b = ExportOf(uninterrupted);
  EXPECT_EQ(a.size(), static_cast<size_t>(kPublications));
  EXPECT_TRUE(a == b) << "export after crash and replay differs from an uninterrupted run";
}

TEST(StoreCrashTest, KillDuringFirstBatchLeavesEmptyStore) { CheckKillAndReplay(0); }

TEST(StoreCrashTest, KillDuringSecondBatchKeepsTheFirst) { CheckKillAndReplay(1); }

TEST(StoreCrashTest, KillAfterSeveralBatchesKeepsThemAll) { CheckKillAndReplay(3); }

}  // namespace
}  // namespace patnav
