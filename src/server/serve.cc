// Putting the server together (serve.h).
#include "server/serve.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <nlohmann/json.hpp>

#include "app/jobs.h"
#include "app/monitoring_timer.h"
#include "app/workspace.h"
#include "server/api_server.h"
#include "server/http_transport.h"

namespace patnav::server {

namespace {

bool IsLoopback(const std::string& listen) {
  return listen.rfind("127.", 0) == 0 || listen.rfind("[::1]", 0) == 0 || listen.rfind("localhost:", 0) == 0;
}

// One JSON line per request: no query strings, no credentials.
class AccessLog {
 public:
  explicit AccessLog(const std::string& target) {
    if (target == "-") return;
    if (!target.empty()) file_.open(target, std::ios::app);
    enabled_ = true;
  }
  void Write(const AccessLogEntry& e) {
    if (!enabled_) return;
    nlohmann::ordered_json j = {{"time", e.time},     {"client", e.client_address}, {"method", e.method},
                                {"path", e.path},     {"status", e.status},         {"bytes", e.bytes_out},
                                {"ms", std::round(e.duration_ms * 100) / 100}, {"user", e.user}};
    std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard<std::mutex> lock(mu_);
    if (file_.is_open()) {
      file_ << line;
      file_.flush();
    } else {
      std::fputs(line.c_str(), stderr);
    }
  }

 private:
  bool enabled_ = false;
  std::mutex mu_;
  std::ofstream file_;
};

}  // namespace

Status Serve(const ServeOptions& o) {
  const bool tls = !o.tls_cert_file.empty() || !o.tls_key_file.empty();
  if (tls && (o.tls_cert_file.empty() || o.tls_key_file.empty()))
    return Status::InvalidArgument("--tls-cert and --tls-key go together");
  if (!tls && !IsLoopback(o.listen) && !o.behind_tls_proxy)
    return Status::InvalidArgument("plain HTTP is only served on a loopback address (" + o.listen +
                                   " is not): give --tls-cert and --tls-key, or --behind-tls-proxy");
  // As many searchers as workers, so searches do not queue behind each other.
  app::Workspace workspace({o.data_dir, /*long_lived=*/true, /*searchers=*/std::max(1, o.workers)});
  workspace.WarmUp();
  app::JobRegistry jobs;
  ApiOptions api;
  api.public_search = o.public_search;
  api.secure_cookies = tls || o.behind_tls_proxy;
  api.rate_per_second = o.rate_limit;
  ApiServer handler(workspace, jobs, api);
  AccessLog log(o.access_log);

  ServerOptions so;
  so.listen = o.listen;
  so.worker_threads = std::max(1, o.workers);
  so.tls_cert_file = o.tls_cert_file;
  so.tls_key_file = o.tls_key_file;
  so.access_log = [&log](const AccessLogEntry& e) { log.Write(e); };
  // Uploads arrive in a folder of the data directory, so that an ingest job
  // takes them over by a rename; what a crash left there is stale.
  const std::filesystem::path incoming = std::filesystem::path(o.data_dir) / "uploads" / ".incoming";
  std::error_code ec;
  std::filesystem::remove_all(incoming, ec);
  std::filesystem::create_directories(incoming, ec);
  if (ec) return Status::IOError("cannot create " + incoming.string() + ": " + ec.message());
  so.spool_dir = incoming.string();
  so.spool_body = [&handler](std::string_view method, std::string_view path) {
    return handler.SpoolsBody(method, path);
  };
  for (const auto& [k, v] : SecurityHeaders(tls || o.behind_tls_proxy)) so.default_headers[k] = v;
  ASSIGN_OR_RETURN(
      std::unique_ptr<HttpServer> server,
      HttpServer::Start(
          so, [&handler](const HttpRequest& r) { return handler.Handle(r); },
          [&handler](std::string_view method, std::string_view path) { return handler.BodyLimit(method, path); }));
  workspace.SetServedPort(server->port());
  std::printf("patnav serve: listening on %s://%s (data %s)\n", tls ? "https" : "http",
              (o.listen.substr(0, o.listen.rfind(':')) + ":" + std::to_string(server->port())).c_str(),
              o.data_dir.c_str());
  std::fflush(stdout);
  app::MonitoringTimer monitoring(workspace, domain::SystemClock(),
                                  std::chrono::seconds(std::max(1, o.monitoring_interval_seconds)));
  server->StopOnSignals(std::chrono::seconds(o.grace_seconds));
  server->Wait();
  monitoring.Stop();
  jobs.Shutdown();
  std::printf("patnav serve: stopped\n");
  return Status::OK();
}

}  // namespace patnav::server
