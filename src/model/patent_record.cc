// Derived fields of the canonical record.
#include "model/patent_record.h"

#include "base/utf8.h"

namespace patnav {

const char* PartyTypeName(PartyType t) {
  switch (t) {
    case PartyType::kCompany: return "company";
    case PartyType::kUniversity: return "university";
    case PartyType::kResearchInstitute: return "research_institute";
    case PartyType::kIndividual: return "individual";
    case PartyType::kGovernment: return "government";
    case PartyType::kHospital: return "hospital";
    case PartyType::kOther: return "other";
    case PartyType::kUnknown: return "";
  }
  return "";
}

PartyType PartyTypeFromName(std::string_view n) {
  for (PartyType t : {PartyType::kCompany, PartyType::kUniversity, PartyType::kResearchInstitute,
                      PartyType::kIndividual, PartyType::kGovernment, PartyType::kHospital, PartyType::kOther}) {
    if (n == PartyTypeName(t)) return t;
  }
  return PartyType::kUnknown;
}

void FinishRecord(PatentRecord& r) {
  if (!r.country.empty() && !r.doc_number.empty())
    r.publication_number = r.country + r.doc_number + r.kind;
  if (!r.claims.empty() && !r.claims_count) r.claims_count = static_cast<int>(r.claims.size());
  if (r.priority_date.empty()) {
    std::string earliest;
    for (const auto& pc : r.priority_claims)
      if (pc.date.size() == 10 && (earliest.empty() || pc.date < earliest)) earliest = pc.date;
    r.priority_date = !earliest.empty() ? earliest : r.filing_date;
  }
  if (!r.description.empty() && !r.description_chars)
    r.description_chars = static_cast<int64_t>(CountCodePoints(r.description));
}

}  // namespace patnav
