// The risk screening report's JSON (risk.h, docs/risk.md): one patent's
// screening, the patents not in force, the searches run and the disclaimer.
// Internal to app/risk.cc; the pointers of RiskPatent are borrowed for the
// duration of the call.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/patent_status.h"
#include "domain/risk_evidence.h"
#include "domain/risk_screening.h"
#include "index/similar.h"
#include "model/legal_event.h"
#include "model/patent_record.h"

namespace patnav::app {

struct RiskPatent {
  const index::SimilarHit* hit = nullptr;
  const PatentRecord* record = nullptr;
  const std::vector<LegalEvent>* events = nullptr;
  const domain::PatentStatus* own = nullptr;                       // in its own country
  const std::vector<domain::PatentStatus>* in_targets = nullptr;  // per target country it can cover
  domain::ClaimScreening screening;
};

struct RiskReportContext {
  std::string as_of;
  std::vector<std::string> countries, competitors;
  std::string filter;  // the candidates' filter query
  int candidates_asked = 0;
  std::vector<std::string> query_terms;
  size_t examined = 0;
  std::string generated_at;  // ISO date-time; "" = now
};

// The report without "not_in_force", "searches" and "disclaimer"; `patents`
// best first (their rank is their position).
nlohmann::ordered_json RiskReportJson(RiskReportContext& context, const std::string& product_text,
                                      const domain::ProductEvidence& product, const std::vector<RiskPatent>& patents);

nlohmann::ordered_json NotInForceJson(const PatentRecord& record, const std::vector<domain::PatentStatus>& in_targets);

nlohmann::ordered_json SearchesJson(const RiskReportContext& context, size_t in_force, size_t not_in_force);

// {"en", "zh"}: a screening, not a legal opinion.
nlohmann::ordered_json RiskDisclaimerJson();

}  // namespace patnav::app
