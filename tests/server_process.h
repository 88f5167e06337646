// `patnav serve` as a child process for end-to-end tests: started on
// 127.0.0.1 with an ephemeral port (read from its first line of output),
// signalled and reaped by the test.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace patnav::testing {

class ServerProcess {
 public:
  ServerProcess() = default;
  ~ServerProcess();  // SIGKILL and reap when still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Runs `patnav serve --db DATA --listen 127.0.0.1:0 EXTRA...`, its output
  // in LOG_DIR/serve.out and serve.err; waits (up to 30 s) for the
  // "listening on" line. False (with the reason in error()) when it did not
  // come up.
  bool Start(const std::filesystem::path& data_dir, const std::filesystem::path& log_dir,
             const std::vector<std::string>& extra = {});
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& error() const { return error_; }
  // Sends `signal`; with `wait`, reaps and returns the exit status (-1 when
  // killed by a signal or not exited within 30 s).
  int Signal(int signal, bool wait = true);
  bool running() const { return pid_ > 0; }
  std::string Stderr() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string error_;
  std::filesystem::path log_dir_;
};

}  // namespace patnav::testing
