// Escaping for the HTML report: text into HTML, JSON into a <script> element.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace patnav::report {

// `text` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// `text` safe as HTML element content or a quoted attribute value:
// & < > " ' become entities. Invalid UTF-8 becomes U+FFFD.
std::string HtmlEscape(std::string_view text);

// Compact JSON safe inside <script type="application/json">…</script>: every
// <, > and & (which JSON can only hold inside strings) and U+2028/U+2029 are
// written as \uXXXX escapes, so no "</script", "<!--" or line separator can
// appear; JSON.parse gives back the same value. Invalid UTF-8 becomes U+FFFD.
std::string JsonForScript(const nlohmann::ordered_json& value);

// A JSON number or scalar for display: integers as is, other numbers with at
// most `decimals` decimals and no trailing zeros, strings as is, null empty,
// booleans "true"/"false", arrays of scalars joined by "; ".
std::string DisplayValue(const nlohmann::ordered_json& value, int decimals = 4);

}  // namespace patnav::report
