// Routes of ingest uploads and background jobs. An upload (a raw body, or
// multipart/form-data with one or more files) is saved inside the data
// directory (DIR/uploads/<random>/<name>), ingested by a job, and removed
// when the job ends. The client's file name is a label only: its last
// component, stripped of anything that is not a plain name character.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

#include "base/mapped_file.h"
#include "app/authorize.h"
#include "app/ingest.h"
#include "app/jobs.h"
#include "app/watches.h"
#include "app/workspace.h"
#include "server/api_routes.h"
#include "server/multipart.h"

namespace patnav::server {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// A safe file name from a client's label: its last path component, only
// letters, digits, '.', '-', '_' and non-ASCII (UTF-8) bytes, no leading
// dot, at most 100 bytes; "upload" when nothing is left.
std::string SafeName(std::string_view label) {
  size_t slash = label.find_last_of("/\\");
  if (slash != std::string_view::npos) label.remove_prefix(slash + 1);
  std::string out;
  for (unsigned char c : label) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c >= 0x80) out.push_back(static_cast<char>(c));
    else out.push_back('_');
  }
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  if (out.size() > 100) out.resize(100);
  if (out.empty() || out == "." || out == "..") out = "upload";
  return out;
}

std::string RandomName() {
  std::random_device rd;
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 16; ++i) s += kHex[rd() & 15];
  return s;
}

Status WriteUpload(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return Status::IOError("cannot save the upload");
  return Status::OK();
}

Status MoveUpload(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) return Status::IOError("cannot save the upload");
  return Status::OK();
}

Json IngestSummary(const app::IngestResult& r, const fs::path& upload_dir) {
  Json j;
  j["files"] = r.files;
  j["read"] = r.read;
  j["new"] = r.fresh;
  j["merged"] = r.merged;
  j["unchanged"] = r.unchanged;
  j["rejected"] = r.rejected;
  j["bytes"] = r.bytes;
  j["seconds"] = r.seconds;
  j["store_seconds"] = r.store_seconds;
  j["cancelled"] = r.cancelled;
  j["by_format"] = Json::object();
  for (const auto& [format, n] : r.by_format) j["by_format"][format] = n;
  const std::string prefix = upload_dir.string() + "/";
  Json rejections = Json::array();
  for (const Rejection& x : r.rejections) {
    std::string file = x.file.rfind(prefix, 0) == 0 ? x.file.substr(prefix.size()) : x.file;
    rejections.push_back({{"file", file}, {"index", x.doc_index}, {"reason", x.reason}});
  }
  j["rejections"] = rejections;
  if (r.index) {
    j["index"] = {{"documents_indexed", r.index->documents_indexed},
                  {"rebuilt", r.index->rebuilt},
                  {"documents_total", r.index->documents_total},
                  {"seconds", r.index->seconds}};
  } else if (!r.index_error.empty()) {
    j["index"] = {{"error", r.index_error}};
  }
  if (r.snapshot_seconds) j["snapshot_seconds"] = *r.snapshot_seconds;
  if (r.watches) j["watches"] = app::EvaluationJson(*r.watches);  // the evaluation after the batches committed
  j["warnings"] = r.warnings;
  return j;
}

HttpResponse StartIngest(ApiContext& ctx, const ApiRequest& req) {
  Status allowed = app::Authorize(req.caller, app::Action::kIngest);
  if (!allowed.ok()) return StatusResponse(allowed);
  std::vector<std::pair<std::string, std::string_view>> files;  // name, bytes
  std::vector<FormPart> parts;
  // A spooled body (the server's usual way for uploads) is read in place.
  std::optional<MappedFile> spooled;
  std::string_view body = req.http.body;
  if (!req.http.body_file.empty()) {
    Result<MappedFile> mapped = MappedFile::Open(req.http.body_file);
    if (!mapped.ok()) return StatusResponse(Status::IOError("cannot read the upload"));
    spooled.emplace(std::move(mapped).value());
    body = spooled->bytes();
  }
  const std::string type = req.http.Header("content-type");
  if (type.rfind("multipart/", 0) == 0) {
    Result<std::string> boundary = MultipartBoundary(type);
    if (!boundary.ok()) return StatusResponse(boundary.status());
    Result<std::vector<FormPart>> parsed = ParseMultipart(body, *boundary);
    if (!parsed.ok()) return StatusResponse(parsed.status());
    parts = std::move(parsed).value();
    for (const FormPart& p : parts)
      if (!p.filename.empty() || p.name == "file") files.emplace_back(SafeName(p.filename), p.data);
  } else if (!body.empty()) {
    files.emplace_back(SafeName(req.http.QueryParam("filename")), body);
  }
  if (files.empty()) return StatusResponse(Status::InvalidArgument("no file in the upload"), "file");
  bool batch_given = req.http.HasQueryParam("batch");
  int batch = batch_given ? std::atoi(req.http.QueryParam("batch").c_str()) : 5000;
  if (batch < 1) return StatusResponse(Status::InvalidArgument("batch must be at least 1"), "batch");

  const fs::path dir = ctx.workspace.dir() / "uploads" / RandomName();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return StatusResponse(Status::IOError("cannot create the upload folder"));
  std::vector<std::string> paths;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string name = files[i].first;
    if (fs::exists(dir / name)) name = std::to_string(i + 1) + "-" + name;
    // A raw spooled body is the file itself: moved, not copied.
    const bool whole_spool = spooled && files.size() == 1 && files[i].second.data() == body.data() &&
                             files[i].second.size() == body.size();
    Status st = whole_spool ? MoveUpload(req.http.body_file, dir / name) : WriteUpload(dir / name, files[i].second);
    if (!st.ok()) {
      fs::remove_all(dir, ec);
      return StatusResponse(st);
    }
    paths.push_back((dir / name).string());
  }

  app::Workspace& workspace = ctx.workspace;
  app::Caller caller = req.caller;
  const bool index = req.http.QueryParam("index") != "false";
  std::string id = ctx.jobs.Start(caller, "ingest", [&workspace, caller, paths, dir, batch, index](
                                                        app::JobContext& job, Json* partial) -> Result<Json> {
    app::IngestRequest in;
    in.paths = paths;
    in.batch_records = batch;
    in.index = index;
    in.refresh_snapshot = true;
    in.cancel = job.cancel_flag();
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    in.on_progress = [&](const app::IngestProgress& p) {
      auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(200)) return;
      last = now;
      job.Progress({{"phase", "read"}, {"read", p.records_read}, {"bytes", p.bytes},
                    {"total_bytes", p.total_bytes}, {"rejected", p.rejected}});
    };
    in.on_index_progress = [&](int64_t done, int64_t total) {
      auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(200)) return;
      last = now;
      job.Progress({{"phase", "index"}, {"done", done}, {"total", total}});
    };
    in.on_snapshot = [&] { job.Progress({{"phase", "snapshot"}}); };
    Result<app::IngestResult> r = app::Ingest(caller, workspace, in);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    if (!r.ok()) return r.status();
    Json summary = IngestSummary(*r, dir);
    if (r->cancelled) {
      *partial = summary;
      return Status::Unavailable("cancelled");
    }
    return summary;
  });
  Result<app::JobView> view = ctx.jobs.Get(caller, id);
  if (!view.ok()) return StatusResponse(view.status());
  HttpResponse r = JsonResponse(app::JobToJson(*view), 202);
  r.SetHeader("Location", "/api/v1/jobs/" + id);
  return r;
}

HttpResponse GetJob(ApiContext& ctx, const ApiRequest& req) {
  Result<app::JobView> view = ctx.jobs.Get(req.caller, req.Param("id"));
  if (!view.ok()) return StatusResponse(view.status());
  return JsonResponse(app::JobToJson(*view));
}

HttpResponse CancelJob(ApiContext& ctx, const ApiRequest& req) {
  Status st = ctx.jobs.Cancel(req.caller, req.Param("id"));
  if (!st.ok()) return StatusResponse(st);
  Result<app::JobView> view = ctx.jobs.Get(req.caller, req.Param("id"));
  if (!view.ok()) return StatusResponse(view.status());
  return JsonResponse(app::JobToJson(*view), 202);
}

// Server-sent events: each job event as "id: <seq>\nevent: <type>\ndata:
// <json>\n\n", from Last-Event-ID (or ?after=) on; the stream ends after the
// final event. Idle streams hold no thread and take no turns: the stream
// follows the job (JobRegistry::Follow) and is woken by its events, polled
// only every 15 s for a keep-alive comment.
HttpResponse JobEvents(ApiContext& ctx, const ApiRequest& req) {
  const std::string id = req.Param("id");
  if (!ctx.jobs.Get(req.caller, id).ok()) return StatusResponse(Status::NotFound("unknown job '" + id + "'"));
  int64_t after = 0;
  std::string last = req.http.Header("last-event-id");
  if (last.empty()) last = req.http.QueryParam("after");
  if (!last.empty()) after = std::atoll(last.c_str());
  struct State {
    int64_t after = 0;
    bool ended = false;
    std::chrono::steady_clock::time_point last_write = std::chrono::steady_clock::now();
    std::unique_ptr<app::JobRegistry::Following> following;
  };
  auto state = std::make_shared<State>();
  state->after = after;
  app::JobRegistry& jobs = ctx.jobs;
  app::Caller caller = req.caller;
  HttpResponse r;
  r.headers.emplace_back("Content-Type", "text/event-stream; charset=utf-8");
  r.headers.emplace_back("X-Accel-Buffering", "no");
  ResponseStream s;
  s.poll_interval = std::chrono::seconds(15);
  s.bind_wake = [&jobs, caller, id, state](std::function<void()> wake) {
    auto following = jobs.Follow(caller, id, std::move(wake));
    if (following.ok()) state->following = std::move(*following);  // else: next() ends the stream
  };
  s.next = [&jobs, caller, id, state](std::string& chunk) -> StreamStep {
    if (state->ended) return StreamStep::kEnd;
    bool finished = false;
    Result<std::vector<app::JobEvent>> events =
        jobs.EventsAfter(caller, id, state->after, std::chrono::milliseconds(0), &finished);
    if (!events.ok()) return StreamStep::kEnd;  // the job was forgotten
    for (const app::JobEvent& e : *events) {
      chunk += "id: " + std::to_string(e.seq) + "\nevent: " + e.type + "\ndata: " + e.data.dump() + "\n\n";
      state->after = e.seq;
    }
    if (finished && events->empty()) return StreamStep::kEnd;
    if (finished) state->ended = true;
    auto now = std::chrono::steady_clock::now();
    if (chunk.empty() && now - state->last_write > std::chrono::seconds(14)) chunk = ": keep-alive\n\n";
    if (chunk.empty()) return StreamStep::kPending;
    state->last_write = now;
    return StreamStep::kChunk;
  };
  r.stream = std::move(s);
  return r;
}

}  // namespace

std::vector<Route> JobRoutes() {
  const std::string job_schema =
      R"({"type":"object","required":["id","kind","owner","state","created_at","progress"],"properties":{)"
      R"("id":{"type":"string"},"kind":{"type":"string"},"owner":{"type":"string"},)"
      R"("state":{"type":"string","enum":["queued","running","succeeded","failed","cancelled"]},)"
      R"("created_at":{"type":"string"},"progress":{"type":"object"}}})";
  std::vector<Route> routes;
  Route ingest;
  ingest.method = "POST";
  ingest.pattern = "/api/v1/ingest";
  ingest.operation_id = "startIngest";
  ingest.summary = "Upload patent files (raw body or multipart/form-data) and ingest them in a background job";
  ingest.tag = "jobs";
  ingest.raw_body = true;
  ingest.query = {{"filename", FieldType::kString, false, "a label for a raw-body upload"},
                  {"batch", FieldType::kInteger, false, "records per transaction (default 5000)"},
                  {"index", FieldType::kBoolean, false, "update the search index afterwards (default true)"}};
  ingest.success_status = 202;
  ingest.response_schema = job_schema;
  ingest.handler = StartIngest;
  routes.push_back(ingest);

  Route get;
  get.method = "GET";
  get.pattern = "/api/v1/jobs/{id}";
  get.operation_id = "getJob";
  get.summary = "A job's state, progress and summary (read, new, merged, rejected with reasons)";
  get.tag = "jobs";
  get.response_schema = job_schema;
  get.handler = GetJob;
  routes.push_back(get);

  Route cancel;
  cancel.method = "DELETE";
  cancel.pattern = "/api/v1/jobs/{id}";
  cancel.operation_id = "cancelJob";
  cancel.summary = "Cancel a queued or running job (what it committed stays)";
  cancel.tag = "jobs";
  cancel.success_status = 202;
  cancel.response_schema = job_schema;
  cancel.handler = CancelJob;
  routes.push_back(cancel);

  Route events;
  events.method = "GET";
  events.pattern = "/api/v1/jobs/{id}/events";
  events.operation_id = "followJob";
  events.summary = "A job's progress as server-sent events, ending with its outcome";
  events.tag = "jobs";
  events.query = {{"after", FieldType::kInteger, false, "only events after this sequence number"}};
  events.response_type = "text/event-stream";
  events.handler = JobEvents;
  routes.push_back(events);
  return routes;
}

}  // namespace patnav::server
