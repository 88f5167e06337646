// Legacy Excel workbooks (.xls, BIFF5/BIFF8 in an OLE2 compound file) as
// rows of text, through libfreexl, and the check that an OLE2 file is an
// encrypted workbook (Office stores a password-protected .xlsx as an OLE2
// file with an EncryptedPackage stream; an encrypted .xls has a FILEPASS
// record, which freexl reports).
//
// Thread-safety: pure functions (freexl handles are per call).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "readers/csv_parser.h"

namespace patnav {

struct WorkbookSheetRows {
  std::string name;
  std::vector<CsvRow> rows;  // as ParseXlsxSheet's: line = row number, empty rows left out
};

// True when the OLE2 file `bytes` holds a stream named EncryptedPackage
// (its directory entries are read at their 128-byte slots).
bool Ole2HasEncryptedPackage(std::string_view bytes);

// Every worksheet of the .xls `bytes`: cells as text (numbers as written,
// dates as ISO, date-times cut to the date). The bytes pass through a private
// temporary file (freexl reads paths only), removed before returning.
// Unsupported ("encrypted") for a password-protected workbook; Corruption
// with freexl's reason for a file it cannot read.
Result<std::vector<WorkbookSheetRows>> ReadXlsSheets(std::string_view bytes);

}  // namespace patnav
