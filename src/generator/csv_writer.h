// Renders a synthetic patent as one row of a Chinese patent-search tool's
// CSV export (RFC 4180 quoting, CRLF line ends, multi-valued fields joined
// by "; "). Chinese-family documents show their CN publication; the others
// their US grant, in Chinese (machine-translated, as such tools show foreign
// patents) or English.
#pragma once

#include <string>
#include <string_view>

#include "generator/synthetic_patent.h"

namespace patnav::gen {

// The header line, with CRLF.
std::string_view CsvHeaderLine();
// Appends the row, with CRLF. `p` needs neither description nor citations.
void AppendCsvRow(const SyntheticPatent& p, std::string& out);

}  // namespace patnav::gen
