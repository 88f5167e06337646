// Publication numbers in DOCDB form: country + doc_number + kind, no
// separators (US6857133B2, USD435854S1, US2015112182A1, EP1442058B1).
// One publication reaches us spelled many ways (USPTO XML "20150112182",
// Google Patents "US-2015112182-A1", EPO "1442058" + kind "B1"); this module
// maps every spelling to the one key the store merges on.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav {

struct PublicationKey {
  std::string country;     // two upper-case letters
  std::string doc_number;  // DOCDB form, see NormalizeDocNumber
  std::string kind;        // WIPO ST.16, may be empty when the source omits it
  std::string ToString() const { return country + doc_number + kind; }
};

// Parses any common spelling: "US-2015112182-A1", "US 2015/0112182 A1",
// "US20150112182A1", "EP1442058B1", "CN106844774A", "WO 96/25012",
// "USD435854S1". `default_country` applies when the text starts with no
// country code (USPTO XML "06336130"); `default_kind` when it ends with none.
// Returns InvalidArgument when no number can be found.
Result<PublicationKey> ParsePublicationNumber(std::string_view text,
                                              std::string_view default_country = "",
                                              std::string_view default_kind = "");

// DOCDB doc_number for one country: US grants lose leading zeros (06336130 ->
// 6336130, D0435854 -> D435854, PP012345 -> PP12345), US pre-grant
// publications are year + 6 digits (20150112182 -> 2015112182); WO numbers
// are year + 6 digits (96/25012 -> 1996025012). Other countries: leading
// zeros dropped only where DOCDB does (EP is 7 digits, zero-padded).
std::string NormalizeDocNumber(std::string_view country, std::string_view doc_number);

}  // namespace patnav
