// applicant_types: company / university / institute / individual mix by year.
#include <array>
#include <map>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

// Column of a PartyType: 0 company, 1 university, 2 research_institute, 3 individual, 4 other.
int Column(PartyType t) {
  switch (t) {
    case PartyType::kCompany: return 0;
    case PartyType::kUniversity: return 1;
    case PartyType::kResearchInstitute: return 2;
    case PartyType::kIndividual: return 3;
    default: return 4;
  }
}

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  std::map<int, std::array<uint32_t, 5>> by_year;
  for (uint32_t r : ctx.rows) {
    const int y = s.filing_year[r];
    if (y == 0) continue;
    std::array<bool, 5> seen{};
    for (uint32_t a : s.applicants[r]) seen[Column(static_cast<PartyType>(s.applicant_table.types[a]))] = true;
    auto& counts = by_year.try_emplace(y, std::array<uint32_t, 5>{}).first->second;
    for (int c = 0; c < 5; ++c) counts[c] += seen[c] ? 1 : 0;
  }
  Json rows = Json::array();
  for (const auto& [y, c] : by_year)
    rows.push_back({{"year", y},
                    {"company", c[0]},
                    {"university", c[1]},
                    {"research_institute", c[2]},
                    {"individual", c[3]},
                    {"other", c[4]}});
  return rows;
}

}  // namespace

const AnalysisSpec kApplicantTypesAnalysis = {
    "applicant_types", "Applicant types", "申请人类型",
    "Per filing year with patents in the set: the number of patents with at least one applicant of each type "
    "(company, university, research institute, individual; other = government, hospital, other and unknown). "
    "A patent with applicants of two types counts in both columns; types come from the applicant's name "
    "(model/party.h) or the source.",
    Run};

}  // namespace patnav::analytics
