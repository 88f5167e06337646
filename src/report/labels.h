// Bilingual labels of the report: the known analyses (their order, titles and
// fallback definitions) and the column keys of their rows, in English and
// Chinese. The landscape JSON's own meta.analyses titles take precedence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::report {

enum class Language { kEn, kZh, kBoth };

// "en" | "zh" | "both"; anything else is InvalidArgument.
Result<Language> ParseLanguage(std::string_view name);

struct Bilingual {
  std::string en;
  std::string zh;
};

// The text for `language`: one of the two, or "en / zh" for kBoth (just one
// when the other is empty or equal).
std::string Pick(const Bilingual& text, Language language);

// The analyses of docs/landscape-json.md in report order.
const std::vector<std::string>& KnownAnalyses();

// Title of analysis `name`: meta.analyses[name].title_en/title_zh when
// present, else the built-in title, else the name itself.
Bilingual AnalysisTitle(std::string_view name, const nlohmann::ordered_json& landscape);

// Definition of analysis `name`: meta.analyses[name].definition (and
// definition_zh if given) when present, else the built-in one (may be empty).
Bilingual AnalysisDefinition(std::string_view name, const nlohmann::ordered_json& landscape);

// Label of a row field such as "count" or "first_year"; an unknown key is
// shown as itself with underscores as spaces.
Bilingual ColumnLabel(std::string_view key);

// Every built-in column label for `language`, keyed by column key: the
// labels the report's script puts on chart axes, legends and tooltips.
nlohmann::ordered_json UiLabels(Language language);

}  // namespace patnav::report
