// Excel workbooks as patent tables: .xlsx (a zip of SpreadsheetML, read with
// libzip and pugixml, workbook_package.h and xlsx_sheet.h) and legacy .xls
// (libfreexl, xls_workbook.h), through the same header preset and --mapping
// files as CSV (mapped_table_reader.h). Recognised by content: a zip holding
// xl/workbook.xml, an OLE2 compound file.
//
// Every worksheet whose header (among its first ten rows, so a title row
// above it is fine) the mapping fits is read, in workbook order; sheets
// without one (an export's 检索条件 sheet) are skipped with a warning. Date
// cells become ISO dates; a plain number in a date column is read as a date
// serial. Records and rejections are labelled "file!sheet" with the row
// number; source.format is "xlsx-mapped" or "xls-mapped".
//
// The whole workbook is refused, nothing sent, with an error naming the file
// (and the sheet): encrypted (password-protected), corrupt (not a readable
// zip, a part that does not inflate, malformed XML, an unreadable .xls), a
// zip bomb (WorkbookLimits), no sheet with a recognisable header row.
#pragma once

#include <memory>
#include <string_view>

#include "base/status.h"
#include "readers/reader.h"
#include "readers/workbook_package.h"

namespace patnav {

// True when `head` starts like a workbook container (zip or OLE2).
bool LooksLikeWorkbook(std::string_view head);

// The reader for a workbook. A bad mapping file is reported when reading.
std::unique_ptr<Reader> NewWorkbookReader(const ReaderOptions& options, WorkbookLimits limits = {});

}  // namespace patnav
