// Country codes a risk screening may target: ISO 3166-1 alpha-2 (the
// officially assigned codes), and which of them an EP patent can cover
// (the EPC contracting states, extension and validation states).
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <string_view>

namespace patnav::domain {

// True when `code` (upper case) is an officially assigned ISO 3166-1
// alpha-2 code ("US", "CN", "DE"; not "EP", "WO", "XX").
bool IsIsoCountryCode(std::string_view code);

// True when a European patent can take effect in `code`: the 39 EPC
// contracting states, the extension state BA and the validation states
// MA, MD, TN, KH, GE.
bool EuropeanPatentCovers(std::string_view code);

}  // namespace patnav::domain
