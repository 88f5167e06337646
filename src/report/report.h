// The landscape report: renders the JSON of `patnav landscape`
// (docs/landscape-json.md, format_version 1) as a self-contained HTML page with
// interactive ECharts charts, or as an XLSX workbook with one sheet per
// analysis. The report computes nothing: everything it shows is in the JSON.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::report {

struct ReportOptions {
  // Labels, titles and readings: "en", "zh" or "both" (English and Chinese
  // side by side). Default "both".
  std::string language = "both";
};

// Writes one HTML file that opens offline: ECharts, the report's script and
// style and the data are all inlined; it references no URL. One section per
// analysis present in `landscape`, in the order of docs/landscape-json.md
// (unknown analyses follow, as tables only). Output is a pure function of the
// input and options (byte-identical for the same input).
// Errors: InvalidArgument when `landscape` is not an object or the language is
// unknown; IOError when `out` cannot be written.
Status WriteHtml(const nlohmann::ordered_json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options = {});

// Writes an XLSX workbook: a "summary" sheet (query, patents, date, members,
// the analyses with their readings) and one sheet per analysis (some analyses
// add a second sheet for a second table, e.g. collaboration edges). Row 1 of
// each sheet is the bold header; numbers are numeric cells; text is UTF-8.
// Errors: as WriteHtml.
Status WriteXlsx(const nlohmann::ordered_json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options = {});

// The same HTML as WriteHtml, in memory.
Result<std::string> RenderHtml(const nlohmann::ordered_json& landscape,
                               const ReportOptions& options = {});

}  // namespace patnav::report
