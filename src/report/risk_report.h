// The risk screening report (app/risk.h, docs/risk.md) rendered from its
// JSON: a self-contained bilingual HTML page (Chinese and English side by
// side; no script, no external asset; every text escaped), and an XLSX
// workbook (summary, patents, elements with their evidence, legal events,
// patents not in force). Computes nothing: everything shown is in the JSON.
//
// Thread-safety: pure functions of their input (the workbook writes `out`).
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::report {

// InvalidArgument when `risk` is not an object with "patents".
Result<std::string> RenderRiskHtml(const nlohmann::ordered_json& risk);

// Errors: as RenderRiskHtml; IOError when `out` cannot be written.
Status WriteRiskXlsx(const nlohmann::ordered_json& risk, const std::filesystem::path& out);

// `sentence` as escaped HTML with every occurrence of a `matched` word inside
// <mark>…</mark> (ASCII case folded; words starting with an ASCII letter or
// digit only at word boundaries).
std::string HighlightMatches(const std::string& sentence, const std::vector<std::string>& matched);

}  // namespace patnav::report
