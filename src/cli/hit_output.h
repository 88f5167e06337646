// Printing hits, shared by `patnav search` and `patnav similar`: CSV fields
// and text cut to fit a terminal's columns (CJK characters take two). Their
// JSON is app/patent_json.h, shared with the API.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patnav::cli {

// Columns of standard output when it is a terminal, else $COLUMNS when set,
// else 120; never fewer than 60.
int TerminalColumns();

// Columns `s` (UTF-8) takes on a terminal: East Asian wide and full-width
// characters two, others one.
int DisplayWidth(std::string_view s);

// `s` cut to at most `columns` display columns (ending in "…" when cut) and,
// when `pad`, padded with spaces to exactly `columns`.
std::string FitColumns(std::string_view s, int columns, bool pad = true);

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string CsvField(std::string_view s);

// "a; b; c".
std::string JoinedList(const std::vector<std::string>& items, std::string_view sep = "; ");

}  // namespace patnav::cli
