// Cell text and sheet names as Excel accepts them, shared by the workbooks
// of this module (xlsx_report.cc, xlsx_tables.cc).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace patnav::report {

// Excel holds at most 32,767 characters in a cell; longer text is cut at a
// UTF-8 boundary and ends with "…". Invalid UTF-8 is repaired.
std::string CellText(std::string_view text);

// A valid sheet name from `wanted`, unique among `taken` (ASCII case folded):
// []:*?/\ become '_', no leading or trailing apostrophe, at most 31
// characters, "_2", "_3"... appended when the name is taken.
std::string SheetName(const std::string& wanted, std::set<std::string>& taken);

}  // namespace patnav::report
