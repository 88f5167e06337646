// patnav serve: the HTTP API (and, later, the web app) on one data directory.
// Parses the options and hands them to server::Serve.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "base/status_table.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "server/serve.h"

namespace patnav::cli {

void AddServeCommand(CLI::App& app, int* exit_code) {
  struct Options {
    std::string db;
    server::ServeOptions serve;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("serve", "run the HTTP API server (docs/api.md)");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  cmd->add_option("--listen", o->serve.listen, "address:port (default 127.0.0.1:8080; port 0 picks one)");
  cmd->add_option("--tls-cert", o->serve.tls_cert_file, "PEM certificate chain: serve HTTPS")->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", o->serve.tls_key_file, "PEM private key of --tls-cert")->check(CLI::ExistingFile);
  cmd->add_flag("--behind-tls-proxy", o->serve.behind_tls_proxy,
                "plain HTTP on a non-loopback address, behind a proxy that terminates TLS");
  cmd->add_flag("--public-search", o->serve.public_search, "let anonymous visitors search patents (read only)");
  cmd->add_option("--workers", o->serve.workers, "worker threads for searches, analyses and reports")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--rate-limit", o->serve.rate_limit,
                  "API requests a second per client address, in bursts of up to 200 (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--monitoring-interval", o->serve.monitoring_interval_seconds,
                  "seconds between the rounds that make the watches' digests and deliver their webhooks")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  cmd->add_option("--access-log", o->serve.access_log, "append the access log (JSON lines) to FILE; '-': none")
      ->capture_default_str();
  cmd->callback([o, exit_code] {
    o->serve.data_dir = ResolveDataDir(o->db);
    Status st = server::Serve(o->serve);
    if (!st.ok()) std::fprintf(stderr, "patnav serve: %s\n", st.message().c_str());
    *exit_code = ExitCodeFor(st.code());
  });
}

}  // namespace patnav::cli
