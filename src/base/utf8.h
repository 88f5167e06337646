// UTF-8 validation and repair. Every string that enters a PatentRecord is
// valid UTF-8: readers validate input and reject (or, where the format allows,
// repair) what is not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace patnav {

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }
// Number of Unicode code points; REQUIRES: valid UTF-8.
size_t CountCodePoints(std::string_view s);
// Appends the UTF-8 encoding of `cp` (U+0000..U+10FFFF, not a surrogate).
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace patnav
