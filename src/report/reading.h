// The one-paragraph reading under each chart: what the data shows, in English
// and Chinese, generated from the analysis JSON alone (deterministically).
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/labels.h"

namespace patnav::report {

// The reading of analysis `name` whose JSON is `value`; a short "no data"
// sentence when it has no rows, a generic row count for an unknown analysis.
Bilingual ReadingOf(std::string_view name, const nlohmann::ordered_json& value);

// The first sentence of the reading (the whole reading when it has one).
Bilingual HeadlineOf(std::string_view name, const nlohmann::ordered_json& value);

// The headlines of the analyses a decision-maker reads first, in this order:
// lifecycle, trend, top_applicants, concentration, geography, core_patents,
// white_space, members_vs_others; those absent or without rows are skipped.
std::vector<Bilingual> KeyFindings(const nlohmann::ordered_json& landscape);

}  // namespace patnav::report
