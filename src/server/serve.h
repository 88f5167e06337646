// `patnav serve`: the workspace, the job registry, the API and the HTTP
// transport put together, running until SIGTERM or SIGINT.
#pragma once

#include <filesystem>
#include <string>

#include "base/status.h"

namespace patnav::server {

struct ServeOptions {
  std::filesystem::path data_dir;
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert_file, tls_key_file;  // both or neither
  // Without TLS on a non-loopback address the server refuses to start unless
  // a TLS-terminating proxy is in front (then cookies are still Secure).
  bool behind_tls_proxy = false;
  bool public_search = false;  // anonymous read-only search
  int workers = 2;
  std::string access_log;      // a file (appended, JSON lines); empty: standard error; "-": none
  int grace_seconds = 20;      // how long SIGTERM waits for requests in flight
  // How often the monitoring timer (app/monitoring_timer.h) makes the digests
  // due and delivers queued webhooks, on a thread of its own.
  int monitoring_interval_seconds = 60;
  double rate_limit = 50;      // API requests a second per client address, bursts of 200 (0: none)
};

// Runs the server until a signal stops it. Prints where it listens on
// standard output ("patnav serve: listening on http://127.0.0.1:8080").
Status Serve(const ServeOptions& options);

}  // namespace patnav::server
