// The USPTO maintenance fee events file (MaintFeeEvents_*.txt, weekly,
// cumulative): one fixed-width line per event, read by column, never by
// splitting on spaces. Two layouts (1-based columns):
//   current (13-character patent number; lines of 57 characters):
//     1-13 patent number, 15-22 application number, 24 small entity Y/N,
//     26-33 filing date, 35-42 grant date, 44-51 event entry date,
//     53-57 event code;
//   pre-2014 (7-character patent number; lines of 51 characters): the same
//     fields 6 columns to the left.
// A line whose trailing spaces were stripped (a 4-character code) is read
// as well. Each line becomes one LegalEvent of territory US (source format
// "uspto-maintfee", the code's INPADOC US equivalent, uspto_maintfee_codes.h).
// A line of another length, a bad field or an unknown code is rejected with
// its line number; unknown codes are never guessed.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

std::unique_ptr<Reader> NewUsptoMaintFeeReader();

// True when the first non-blank line of `head` has the shape of a
// maintenance fee event line of either layout.
bool LooksLikeUsptoMaintFee(std::string_view head);

// Reads one line (no line end) into `event`; else the reason it is bad.
// Exposed for tests and the fuzz harness.
Status ParseMaintFeeLine(std::string_view line, LegalEvent& event);

}  // namespace patnav
