// Dates to ISO 8601. Sources write 20150106, 2015-01-06, 1/6/2015 (Google
// Patents, US month first), 2015.01.06, 2015年1月6日.
#pragma once

#include <string>
#include <string_view>

namespace patnav {

// Full date as YYYY-MM-DD, or "" when the text is not a valid calendar date.
std::string NormalizeDate(std::string_view text);
// Like NormalizeDate, but a partial date (USPTO citation dates 19981000,
// "1998-10", "1998") comes back as YYYY-MM or YYYY.
std::string NormalizePartialDate(std::string_view text);
bool IsIsoDate(std::string_view s);

}  // namespace patnav
