// The alliance's shared landscape reports, authorised (shared_landscapes.h).
#include "app/shared_landscapes.h"

#include "analytics/analysis.h"
#include "app/authorize.h"
#include "app/search.h"
#include "app/tenancy.h"
#include "app/workbook_bytes.h"
#include "base/strings.h"
#include "index/query_parser.h"
#include "report/report.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

// The checks that need no data, so a bad request is refused before the
// landscape runs (and nothing is stored).
Status CheckShareRequest(const ShareLandscapeRequest& r) {
  if (Trim(r.title).empty()) return Status::InvalidArgument("title: give the report a title");
  RETURN_IF_ERROR(CheckQueryLength(r.query));
  if (!r.query.empty() && r.query != "*") {
    Result<index::QueryAst> ast = index::ParseQuery(r.query);
    if (!ast.ok()) return Status::InvalidArgument("query: " + std::string(ast.status().message()));
  }
  for (const std::string& name : r.only)
    if (!analytics::FindAnalysis(name)) return Status::InvalidArgument("only: unknown analysis '" + name + "'");
  for (const std::string& name : r.only)
    if (name == "members_vs_others" && r.members.empty())
      return Status::InvalidArgument("only: members_vs_others needs members (applicant names)");
  return Status::OK();
}

Result<domain::Alliance> Enter(const Caller& caller, Workspace& ws, const std::string& alliance, Action action,
                               const std::function<Status(domain::OperationsDb&, const domain::Alliance&)>& fn) {
  RETURN_IF_ERROR(PreAuthorize(caller, alliance, action));
  domain::Alliance found;
  Status st = ws.WithOperations(
      [&](domain::OperationsDb& ops) -> Status {
        ASSIGN_OR_RETURN(found, EnterAlliance(caller, ops, alliance, action));
        return fn(ops, found);
      },
      /*create=*/false);
  if (st.code() == StatusCode::kNotFound && st.message().find("shared landscape") == std::string_view::npos)
    return Status::NotFound("unknown alliance '" + alliance + "'");
  RETURN_IF_ERROR(st);
  return found;
}

}  // namespace

Result<ShareLandscapeResult> ShareLandscape(const Caller& caller, Workspace& ws, const ShareLandscapeRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kShareLandscape));
  RETURN_IF_ERROR(Authorize(caller, Action::kRunLandscape));
  RETURN_IF_ERROR(CheckShareRequest(req));
  RETURN_IF_ERROR(Enter(caller, ws, req.alliance, Action::kShareLandscape,
                        [](domain::OperationsDb&, const domain::Alliance&) { return Status::OK(); })
                      .status());
  LandscapeReportRequest run;
  run.query = req.query;
  run.only = req.only;
  run.members = req.members;
  run.top = req.top;
  run.as_of_year = req.as_of_year;
  run.format = LandscapeFormat::kJson;
  ASSIGN_OR_RETURN(LandscapeReportResult landscape, RunLandscapeReport(caller, ws, run));

  domain::SharedLandscapeInput in;
  in.title = req.title;
  in.query = req.query.empty() ? "*" : req.query;
  for (const auto& [name, _] : landscape.landscape["meta"]["analyses"].items()) in.analyses.push_back(name);
  in.patents = static_cast<int64_t>(landscape.patents);
  in.store_patents = landscape.landscape["meta"].value("store_patents", int64_t{0});
  in.landscape = landscape.landscape.dump();
  in.presentation = landscape.presentation.dump();
  in.shared_by = caller.username;
  ShareLandscapeResult out;
  out.warnings = std::move(landscape.warnings);
  RETURN_IF_ERROR(Enter(caller, ws, req.alliance, Action::kShareLandscape,
                        [&](domain::OperationsDb& ops, const domain::Alliance& a) -> Status {
                          ASSIGN_OR_RETURN(int64_t id, domain::AddSharedLandscape(ops, a.id, in));
                          ASSIGN_OR_RETURN(out.shared, domain::FindSharedLandscapeIn(ops, a.id, id));
                          out.shared.landscape.clear();
                          out.shared.presentation.clear();
                          return Status::OK();
                        })
                      .status());
  return out;
}

Result<std::vector<domain::SharedLandscape>> ListSharedLandscapes(const Caller& caller, Workspace& ws,
                                                                   const std::string& alliance) {
  std::vector<domain::SharedLandscape> out;
  RETURN_IF_ERROR(Enter(caller, ws, alliance, Action::kReadSharedLandscapes,
                        [&](domain::OperationsDb& ops, const domain::Alliance& a) -> Status {
                          ASSIGN_OR_RETURN(out, domain::ListSharedLandscapes(ops, a.id));
                          return Status::OK();
                        })
                      .status());
  return out;
}

Result<OpenSharedLandscapeResult> OpenSharedLandscape(const Caller& caller, Workspace& ws,
                                                      const OpenSharedLandscapeRequest& req) {
  if (req.language != "en" && req.language != "zh" && req.language != "both")
    return Status::InvalidArgument("lang: must be en, zh or both, not '" + req.language + "'");
  OpenSharedLandscapeResult out;
  RETURN_IF_ERROR(Enter(caller, ws, req.alliance, Action::kReadSharedLandscapes,
                        [&](domain::OperationsDb& ops, const domain::Alliance& a) -> Status {
                          ASSIGN_OR_RETURN(out.shared, domain::FindSharedLandscapeIn(ops, a.id, req.id));
                          return Status::OK();
                        })
                      .status());
  out.landscape = Json::parse(out.shared.landscape, nullptr, /*allow_exceptions=*/false);
  out.presentation = Json::parse(out.shared.presentation, nullptr, /*allow_exceptions=*/false);
  if (!out.landscape.is_object()) return Status::Corruption("shared landscape " + std::to_string(req.id) + " is not JSON");
  if (out.presentation.is_discarded()) out.presentation = Json::object();
  report::ReportOptions ro;
  ro.language = req.language;
  switch (req.format) {
    case LandscapeFormat::kJson:
      break;
    case LandscapeFormat::kHtml: {
      ASSIGN_OR_RETURN(out.bytes, report::RenderHtml(out.landscape, ro));
      break;
    }
    case LandscapeFormat::kXlsx: {
      ASSIGN_OR_RETURN(out.bytes,
                       WorkbookBytes(ws.dir(), "shared-landscape", [&](const std::filesystem::path& path) {
                         return report::WriteXlsx(out.landscape, path, ro);
                       }));
      break;
    }
  }
  return out;
}

Status DeleteSharedLandscape(const Caller& caller, Workspace& ws, const std::string& alliance, int64_t id) {
  return Enter(caller, ws, alliance, Action::kShareLandscape,
               [&](domain::OperationsDb& ops, const domain::Alliance& a) -> Status {
                 ASSIGN_OR_RETURN(domain::SharedLandscape s, domain::FindSharedLandscapeIn(ops, a.id, id));
                 const bool operates = Authorize(caller, Action::kOperateAlliance, {.alliance = a.name}).ok();
                 if (!operates && s.shared_by != caller.username)
                   return Status::PermissionDenied("only '" + s.shared_by +
                                                   "', who shared it, or the alliance's operator may remove it");
                 return domain::DeleteSharedLandscape(ops, a.id, id);
               })
      .status();
}

Json SharedLandscapeJson(const domain::SharedLandscape& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"query", s.query},
          {"analyses", s.analyses},
          {"patents", s.patents},
          {"store_patents", s.store_patents},
          {"shared_by", s.shared_by},
          {"shared_at", s.shared_at}};
}

}  // namespace patnav::app
