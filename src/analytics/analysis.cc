// The analysis context and the registry of the 16 analyses.
#include "analytics/analysis.h"

#include <algorithm>
#include <chrono>

#include "analytics/analyses.h"
#include "model/party.h"

namespace patnav::analytics {

AnalysisContext::AnalysisContext(const Snapshot& s, std::vector<uint32_t> r, LandscapeOptions o)
    : snap(s), rows(std::move(r)), options(std::move(o)), bits_((s.size() + 63) / 64, 0) {
  for (uint32_t row : rows) bits_[row >> 6] |= uint64_t{1} << (row & 63);
  int as_of = options.as_of_year;
  if (as_of == 0) {
    const auto now = std::chrono::system_clock::now();
    as_of = static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year()) - 1;
  }
  int latest = 0, earliest = 0;
  for (uint32_t row : rows) {
    const int y = snap.filing_year[row];
    if (y == 0) continue;
    latest = std::max(latest, y);
    earliest = earliest == 0 ? y : std::min(earliest, y);
  }
  last_year = latest == 0 ? 0 : std::min(as_of, latest);
  first_year = earliest;
  for (const std::string& name : options.members) {
    const uint32_t id = snap.applicant_table.keys.Find(NormalizeOrganisation(name));
    if (id == UINT32_MAX) members_missing.push_back(name);
    else member_ids.push_back(id);
  }
  std::sort(member_ids.begin(), member_ids.end());
  member_ids.erase(std::unique(member_ids.begin(), member_ids.end()), member_ids.end());
}

const char* PatentStateName(PatentState s) {
  switch (s) {
    case PatentState::kUnknown: return "unknown";
    case PatentState::kPending: return "pending";
    case PatentState::kInForce: return "in_force";
    case PatentState::kLapsed: return "lapsed";
    case PatentState::kExpired: return "expired";
    case PatentState::kRevoked: return "revoked";
    case PatentState::kWithdrawn: return "withdrawn";
    case PatentState::kRefused: return "refused";
  }
  return "unknown";
}

PatentState PatentStateFromName(std::string_view name) {
  for (PatentState s : {PatentState::kPending, PatentState::kInForce, PatentState::kLapsed, PatentState::kExpired,
                        PatentState::kRevoked, PatentState::kWithdrawn, PatentState::kRefused})
    if (name == PatentStateName(s)) return s;
  return PatentState::kUnknown;
}

std::span<const AnalysisSpec* const> AllAnalyses() {
  static const AnalysisSpec* const kAll[] = {
      &kTrendAnalysis,          &kTopApplicantsAnalysis, &kApplicantTypesAnalysis, &kTechnologyAnalysis,
      &kCompetitorMatrixAnalysis, &kGeographyAnalysis,   &kLifecycleAnalysis,      &kLegalStatusAnalysis,
      &kConcentrationAnalysis,
      &kCorePatentsAnalysis,    &kCitationFlowsAnalysis, &kCollaborationAnalysis,  &kInventorsAnalysis,
      &kEmergingTermsAnalysis,  &kWhiteSpaceAnalysis,    &kMembersVsOthersAnalysis,
  };
  return kAll;
}

const AnalysisSpec* FindAnalysis(std::string_view name) {
  for (const AnalysisSpec* a : AllAnalyses())
    if (name == a->name) return a;
  return nullptr;
}

}  // namespace patnav::analytics
