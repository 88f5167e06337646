// WriteXlsx: the landscape workbook, written with libxlsxwriter.
#include <xlsxwriter.h>

#include "report/report.h"

namespace patnav::report {

Status WriteXlsx(const nlohmann::ordered_json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options) {
  if (!landscape.is_object()) return Status::InvalidArgument("landscape JSON is not an object");
  return Status::Internal("XLSX report: not implemented yet");
}

}  // namespace patnav::report
