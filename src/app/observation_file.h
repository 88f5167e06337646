// An uploaded observations file for a stored round: CSV or JSON as the
// calculator reads them (domain/evaluation/observations.h), or an .xlsx
// workbook whose first worksheet with a header row (among its first ten
// rows) naming subject, measure, period and value is read through the same
// CSV rules (the readers' SpreadsheetML reading, under the zip-bomb limits).
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/evaluation/observations.h"

namespace patnav::app {

// InvalidArgument naming `name` (and the sheet and row) for content that is
// not observations: a workbook without such a header row, a legacy .xls or
// an encrypted workbook, a corrupt zip, a bad row (observations.h).
Result<domain::evaluation::RoundInput> ParseObservationFile(std::string bytes, std::string_view name);

}  // namespace patnav::app
