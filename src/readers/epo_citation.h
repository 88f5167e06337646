// The patent citations of an EPO publication (SDOBI B561), printed as text,
// turned into structured citations with a DOCDB publication number.
//
// Grammar of a B561 text, as the EPO prints it in every DTD version:
//
//   citation := country "-" kind "-" number
//   country  := two letters                       "WO", "US", "DE"
//   kind     := letter [digit] | ""               "A", "A1", "B1", "C", "E", "U1"
//   number   := the publication number, in groups  " 5 948 634", "03/008444",
//               separated by spaces (WO: year "/"  "102009 041 527", " R E36 154"
//               serial)
//
// The number loses its spaces and is normalized for its country by
// NormalizeDocNumber ("WO-A-03/008444" -> WO2003008444A, "US-A- 5 948 634" ->
// US5948634A, "EP-A- 0 460 575" -> EP0460575A, "US-E- R E36 154" ->
// USRE36154E). The kind is the one printed (an EPO kind "A" stays "A"); no
// date or category is printed, so none is set.
#pragma once

#include <string_view>

#include "base/status.h"
#include "model/patent_record.h"

namespace patnav {

// Parses one B561 text. Returns InvalidArgument when the text does not follow
// the grammar above (the caller may then try ParsePublicationNumber).
Result<Citation> ParseEpoCitation(std::string_view text);

}  // namespace patnav
