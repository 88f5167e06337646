// Plain tables as an XLSX workbook: one sheet per table, a bold header row,
// numbers as numeric cells and everything else as UTF-8 text. For outputs
// that are tables already (the competitor dashboard); the landscape has its
// own richer workbook (report.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::report {

struct XlsxTable {
  std::string sheet;                // made valid and unique (at most 31 characters, no []:*?/\)
  std::vector<std::string> header;  // row 1, bold, frozen
  // One cell per value: a JSON number is a numeric cell, a string text, a
  // boolean TRUE/FALSE, null an empty cell, anything else its JSON text.
  std::vector<std::vector<nlohmann::ordered_json>> rows;
  // Rows the caller left out before building the table (a sheet's limit):
  // counted in the note row below the last one written.
  uint64_t omitted_rows = 0;
};

// IOError when `out` cannot be written; InvalidArgument when there is no
// table. A table with more rows than a sheet holds (1,048,575) is cut, and
// its last row says so ("… N more rows not shown", N counting omitted_rows).
Status WriteXlsxTables(const std::vector<XlsxTable>& tables, const std::filesystem::path& out);

}  // namespace patnav::report
