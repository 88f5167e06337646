// IPC and CPC symbols as index keys at every level of the hierarchy, so that
// IPC=H01M finds "H01M 10/0525": the indexer adds a boolean term for each
// level, the query language looks up the key of what the user typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patnav::index {

// The keys of every level of a normalized symbol ("H01M 10/0525"): section
// "H", class "H01", subclass "H01M", main group "H01M10", group
// "H01M10/0525" — as far as the symbol goes. Empty for text that does not
// start with a section letter.
std::vector<std::string> ClassificationLevels(std::string_view symbol);

// The key of a symbol as a user writes it, at the level written: upper-cased,
// spaces removed, leading zeros of the main group dropped ("h01m" -> "H01M",
// "H01M 010/0525" -> "H01M10/0525", "H01M10" -> "H01M10"). Equal to one of
// ClassificationLevels() of every symbol it should match.
std::string ClassificationKey(std::string_view text);

// The subclass of a normalized symbol ("H01M"), or "" when it has none.
std::string ClassificationSubclass(std::string_view symbol);

}  // namespace patnav::index
