// WriteHtml / RenderHtml: the self-contained HTML landscape report.
#include <fstream>

#include "report/assets.h"
#include "report/report.h"

namespace patnav::report {

Result<std::string> RenderHtml(const nlohmann::ordered_json& landscape,
                               const ReportOptions& options) {
  if (!landscape.is_object()) return Status::InvalidArgument("landscape JSON is not an object");
  return Status::Internal("HTML report: not implemented yet");
}

Status WriteHtml(const nlohmann::ordered_json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options) {
  ASSIGN_OR_RETURN(std::string html, RenderHtml(landscape, options));
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError("cannot write " + out.string());
  f << html;
  if (!f.flush()) return Status::IOError("cannot write " + out.string());
  return Status::OK();
}

}  // namespace patnav::report
