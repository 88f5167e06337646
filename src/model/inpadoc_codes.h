// The EPO's INPADOC legal event vocabulary: for each office and event code,
// its influence on the right (+ positive, - negative) and its class (A filing
// ... Z pending; 21 classes), the one vocabulary every source's legal events
// are mapped onto. The table is generated from the EPO's code list of 2024
// week 17 (scripts/gen_inpadoc_codes.py, inpadoc_codes.inc).
//
// Thread-safety: the table is immutable; every function is safe from any thread.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace patnav {

struct InpadocCode {
  const char* office;       // "EP", "US", "CN", ... (two letters)
  const char* code;         // "PG25", "FP", ...
  char influence;           // '+', '-', or ' ' when the EPO gives none
  char event_class;         // 'A'..'Z', or ' ' when the EPO gives none
  const char* description;  // English, upper case as the EPO writes it
};

// Every code, sorted by office then code (byte order).
std::span<const InpadocCode> InpadocCodes();

// The code of `office`, or nullptr when the EPO lists none. Codes compare
// after trimming spaces ("FA  " is "FA").
const InpadocCode* FindInpadocCode(std::string_view office, std::string_view code);

// "filing", "application discontinuation", ... "pending" for 'A'..'Z'; ""
// for a letter that is no INPADOC class (I, J, N, O, X).
std::string_view InpadocClassName(char event_class);

}  // namespace patnav
