// ServerProcess (server_process.h).
#include "server_process.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fcntl.h>
#include <thread>

#include "testing.h"

namespace patnav::testing {

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Signal(SIGKILL, true);
}

bool ServerProcess::Start(const std::filesystem::path& data_dir, const std::filesystem::path& log_dir,
                          const std::vector<std::string>& extra) {
  log_dir_ = log_dir;
  const std::string bin = PatnavBinary().string();
  std::vector<std::string> args = {bin, "serve", "--db", data_dir.string(), "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  const std::string out = (log_dir / "serve.out").string(), err = (log_dir / "serve.err").string();
  // A restart must not read the port of the previous run.
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    // The server dies with the test process, even when the test never stops
    // it (a fixture shared for the whole process) or crashes: no server is
    // left running after ctest. SIGTERM, so it still shuts down cleanly.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid_ < 0) {
    error_ = "fork failed";
    return false;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string text = ReadFile(out);
    size_t at = text.find("listening on http");
    if (at != std::string::npos) {
      size_t nl = text.find('\n', at);
      if (nl != std::string::npos) {
        std::string line = text.substr(at, nl - at);
        size_t colon = line.rfind(':');
        size_t space = line.find(' ', colon);
        port_ = std::stoi(line.substr(colon + 1, space - colon - 1));
        return true;
      }
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      error_ = "patnav serve exited: " + ReadFile(err);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  error_ = "patnav serve did not say where it listens within 30 s: " + ReadFile(err);
  return false;
}

int ServerProcess::Signal(int signal, bool wait) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  if (!wait) return 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  return -1;
}

std::string ServerProcess::Stderr() const { return ReadFile(log_dir_ / "serve.err"); }

}  // namespace patnav::testing
