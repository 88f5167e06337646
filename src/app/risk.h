// The risk screening report (issue 14, part 5): a product description and
// target countries -> the similar patents (SimilarPatents, optionally only
// the chosen competitors') -> those in force in a target country on the date
// (the status engine) -> each independent claim's elements and the product
// sentences that evidence them (domain/risk_screening.h) -> a tier per patent
// with its reason, the current owner, expiry, family countries and legal
// events, the searches run, and a disclaimer. A screening, not a legal
// opinion. Authorised as Action::kSearchPatents (as similar-patent search).
//
// Limits (refused whole, InvalidArgument naming the field; the API answers
// 400, the CLI exits 2): product 1..kMaxSimilarTextBytes bytes and not only
// blanks; 1..kMaxRiskCountries countries, each an ISO 3166-1 alpha-2 code
// (any case); as_of ISO; candidates 1..kMaxRiskCandidates; at most
// kMaxRiskCompetitors competitors, each a name or grouping key without '"'.
//
// Thread-safety: as the Workspace: callable from any thread.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"

namespace patnav::app {

inline constexpr int kMaxRiskCandidates = 200;
inline constexpr size_t kMaxRiskCountries = 50;
inline constexpr size_t kMaxRiskCompetitors = 50;

struct RiskRequest {
  std::string product;                   // the product description (UTF-8)
  std::vector<std::string> countries;    // target countries, ISO 3166-1 alpha-2
  std::string as_of;                     // ISO date; "" = today (UTC)
  std::vector<std::string> competitors;  // applicants' names or grouping keys; empty = everyone
  int candidates = 30;                   // similar patents examined
};

// The report as JSON (docs/risk.md, format_version 1):
// {"format_version", "generated_at", "as_of", "countries", "competitors",
//  "product": {"text", "sentences": [{"start", "end", "text"}]},
//  "patents": [{"rank", "publication_number", "title", "tier", "reason":
//    {"en", "zh"}, "decisive_claim", "similarity", "matched_terms",
//    "in_force": [{"country", "state", "expiry"}], "owner": {"current",
//    "basis"}, "expiry", "family_countries", "legal_events": [...],
//    "claims": [{"num", "text", "checked", "evidenced", "elements": [{"kind",
//    "text", "keys", "evidenced", "percent", "missing", "evidence":
//    [{"sentence", "percent", "matched"}]}]}]}],
//  "not_in_force": [{"publication_number", "states": [{"country", "state"}]}],
//  "searches": [...], "disclaimer": {"en", "zh"}}
// Patents best first: tier, then the decisive claim's evidenced share, then
// similarity. NotFound (hint: `patnav index`) when there is no index.
Result<nlohmann::ordered_json> ScreenRisk(const Caller& caller, Workspace& workspace, const RiskRequest& request);

enum class RiskFormat { kJson, kHtml, kXlsx };
// "json", "html", "xlsx"; InvalidArgument otherwise.
Result<RiskFormat> ParseRiskFormat(std::string_view name);
const char* RiskContentType(RiskFormat format);

// The report in `format`: JSON text, the bilingual self-contained HTML page
// or the XLSX workbook (report/risk_report.h). `data_dir` holds the
// workbook's scratch file while it is written.
Result<std::string> RiskReportBytes(const nlohmann::ordered_json& report, RiskFormat format,
                                    const std::filesystem::path& data_dir);

}  // namespace patnav::app
