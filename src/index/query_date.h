// Dates as the query language writes them, to the span of days they mean:
// 2015 is 2015-01-01..2015-12-31, 2015-06 is the month, 2015-06-01 and
// 20150601 one day. Separators '-', '/' or '.'; Chinese 2015年, 2015年6月,
// 2015年6月1日 too. Days are YYYYMMDD numbers, the form of the index's date
// value slots (index_schema.h) before sortable_serialise.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace patnav::index {

struct DateSpan {
  uint32_t first;  // YYYYMMDD
  uint32_t last;   // YYYYMMDD, >= first
};

// The span `text` denotes, or nullopt when it is not a valid date of a
// year 1000..9999 (2015-02-30 and 2015-13 are not).
std::optional<DateSpan> ParseQueryDate(std::string_view text);
// The day after / before a YYYYMMDD day.
uint32_t NextDay(uint32_t yyyymmdd);
uint32_t PreviousDay(uint32_t yyyymmdd);

}  // namespace patnav::index
