// IPC and CPC symbols in one form: "H01M 10/0525" (subclass, one space, main
// group without leading zeros, slash, subgroup as published).
#pragma once

#include <string>
#include <string_view>

namespace patnav {

// Accepts "H01M10/0525", "H01M  10/0525  (2010.01)", EPO "C07K  14/47  20060101AFI...",
// application DTD "G06F017/60", and the fixed-width SGML grant form "G06F 1516"
// (subclass, main group right-aligned in 3 columns, subgroup). "" when the
// text holds no symbol.
std::string NormalizeClassification(std::string_view text);
// From the separate fields of USPTO/EPO XML (section A, class 61, subclass B, main 5, subgroup 00).
std::string ClassificationFromParts(std::string_view section, std::string_view cls, std::string_view subclass,
                                    std::string_view main_group, std::string_view subgroup);

}  // namespace patnav
