// patnav export: every record (or a query's hits), in publication-number
// order, as canonical JSON lines (the schema's contract), as a flat CSV for
// spreadsheets or as an Excel workbook, through app::ExportPatents
// (app/export.h), to a file or (not a workbook) standard output.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/caller.h"
#include "app/export.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace patnav::cli {

int RunExport(const ExportOptions& o) {
  Result<app::ExportFormat> format = app::ParseExportFormat(o.format);
  if (!format.ok()) return ExitWith("export", format.status());
  if (*format == app::ExportFormat::kXlsx && o.out.empty())
    return ExitWith("export", Status::InvalidArgument("--out: an xlsx workbook is written to a file, name it with --out"));
  app::Workspace workspace(WorkspaceOptions(o.db));
  // The file is opened at the first chunk, so a refused export leaves no file behind.
  std::ofstream file;
  std::ostream* out = o.out.empty() ? &std::cout : nullptr;
  auto open_out = [&]() -> Status {
    if (out) return Status::OK();
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) return Status::IOError("cannot write " + o.out);
    out = &file;
    return Status::OK();
  };
  app::ExportRequest request;
  request.format = *format;
  request.query = o.query;
  request.language = o.lang;
  auto sink = [&](std::string_view chunk) -> Status {
    RETURN_IF_ERROR(open_out());
    out->write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return *out ? Status::OK() : Status::IOError("write failed");
  };
  Result<app::ExportResult> exported = app::ExportPatents(app::Caller::Local(), workspace, request, sink);
  if (!exported.ok()) return ExitWith("export", exported.status());
  if (Status opened = open_out(); !opened.ok()) return ExitWith("export", opened);
  out->flush();
  if (!*out) return ExitWith("export", Status::IOError("write failed after " + std::to_string(exported->records) + " records"));
  for (const std::string& w : exported->warnings) std::fprintf(stderr, "export: warning: %s\n", w.c_str());
  if (!o.out.empty())
    std::fprintf(stderr, "export: %llu records to %s\n", static_cast<unsigned long long>(exported->records),
                 o.out.c_str());
  return kExitOk;
}

}  // namespace patnav::cli
