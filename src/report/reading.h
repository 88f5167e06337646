// The one-paragraph reading under each chart: what the data shows, in English
// and Chinese, generated from the analysis JSON alone (deterministically).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "report/labels.h"

namespace patnav::report {

// The reading of analysis `name` whose JSON is `value`; a short "no data"
// sentence when it has no rows, a generic row count for an unknown analysis.
Bilingual ReadingOf(std::string_view name, const nlohmann::ordered_json& value);

}  // namespace patnav::report
