// Unicode operations that need ICU: case mapping and accent folding for
// grouping keys. ASCII-only input takes a fast path without ICU.
#pragma once

#include <string>
#include <string_view>

namespace patnav {

// Upper-cases and removes combining accents of Latin letters ("Välinge" ->
// "VALINGE"); CJK text is unchanged. REQUIRES: valid UTF-8.
std::string FoldForKey(std::string_view s);

}  // namespace patnav
