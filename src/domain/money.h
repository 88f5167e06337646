// Money: amounts are int64 minor units (cents, fen, yen) with an ISO 4217
// currency; a double never holds money. Parsing and formatting between
// "1234.56" and 123456 for the currency's number of minor digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

// OK when `code` is three upper-case ASCII letters (USD, EUR, CNY, JPY).
Status CheckCurrency(std::string_view code);

// Digits after the decimal point: 0 for JPY, KRW, ...; 3 for BHD, KWD, ...;
// 2 otherwise.
int MinorDigits(std::string_view currency);

// "1234.56", "1234", "0.5" -> minor units of `currency`. InvalidArgument for a
// negative amount, more decimals than the currency has, anything that is not
// a plain decimal number, or an amount beyond int64 minor units.
Result<int64_t> ParseAmount(std::string_view text, std::string_view currency);

// 123456 "USD" -> "1234.56"; -5 "USD" -> "-0.05"; 500 "JPY" -> "500".
std::string FormatAmount(int64_t minor, std::string_view currency);

// A rate as parts per million from a percentage: "5" -> 50000, "0.25" ->
// 2500. InvalidArgument when negative, above 100, or finer than 1 ppm.
Result<int64_t> ParsePercentPpm(std::string_view text);
// 50000 -> "5%", 2500 -> "0.25%".
std::string FormatPercentPpm(int64_t ppm);

}  // namespace patnav::domain
