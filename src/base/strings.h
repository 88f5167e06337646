// Small string helpers shared by every layer: ASCII case, trimming, splitting,
// whitespace collapsing. All operate on UTF-8 bytes and leave non-ASCII alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patnav {

std::string_view Trim(std::string_view s);
std::string AsciiUpper(std::string_view s);
std::string AsciiLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IEquals(std::string_view a, std::string_view b);  // ASCII case-insensitive
std::vector<std::string_view> Split(std::string_view s, char sep);
// Replaces runs of whitespace (ASCII, U+00A0, U+2000..U+200A, U+3000) by one space, trims.
std::string CollapseWhitespace(std::string_view s);
bool IsAsciiDigits(std::string_view s);  // non-empty and all 0-9
std::string StripLeadingZeros(std::string_view digits);  // "000" -> "0"

}  // namespace patnav
