// The risk screening call (risk.h): the request checked, the candidates
// found, kept when in force, screened and ranked; the JSON is risk_json.cc.
#include "app/risk.h"

#include <algorithm>

#include "app/authorize.h"
#include "app/risk_json.h"
#include "app/search.h"
#include "app/status_context.h"
#include "app/workbook_bytes.h"
#include "base/strings.h"
#include "domain/country_codes.h"
#include "domain/patent_status.h"
#include "domain/period.h"
#include "domain/risk_screening.h"
#include "model/dates.h"
#include "report/risk_report.h"

namespace patnav::app {

namespace {

// The target countries upper-cased, in the order given, without repeats.
Result<std::vector<std::string>> CheckCountries(const std::vector<std::string>& countries) {
  if (countries.empty()) return Status::InvalidArgument("countries: give at least one target country (e.g. US, CN, DE)");
  if (countries.size() > kMaxRiskCountries)
    return Status::InvalidArgument("countries: more than " + std::to_string(kMaxRiskCountries));
  std::vector<std::string> out;
  for (const std::string& c : countries) {
    std::string code = AsciiUpper(Trim(c));
    if (!domain::IsIsoCountryCode(code))
      return Status::InvalidArgument("countries: '" + c + "' is not an ISO 3166-1 country code (e.g. US, CN, DE)");
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

Status CheckRequest(const RiskRequest& r) {
  if (Trim(r.product).empty())
    return Status::InvalidArgument("product: the product description is empty; describe the product to screen");
  if (r.product.size() > kMaxSimilarTextBytes)
    return Status::InvalidArgument("product: " + std::to_string(r.product.size()) + " bytes, more than the " +
                                   std::to_string(kMaxSimilarTextBytes) + " a description may have");
  if (r.candidates < 1 || r.candidates > kMaxRiskCandidates)
    return Status::InvalidArgument("candidates: must be between 1 and " + std::to_string(kMaxRiskCandidates) +
                                   ", not " + std::to_string(r.candidates));
  if (!r.as_of.empty() && !IsIsoDate(r.as_of))
    return Status::InvalidArgument("as_of: '" + r.as_of + "' is not a date (YYYY-MM-DD)");
  if (r.competitors.size() > kMaxRiskCompetitors)
    return Status::InvalidArgument("competitors: more than " + std::to_string(kMaxRiskCompetitors));
  for (const std::string& c : r.competitors)
    if (Trim(c).empty() || c.find('"') != std::string::npos || c.size() > 200)
      return Status::InvalidArgument("competitors: '" + c + "' is not an applicant name or grouping key");
  return Status::OK();
}

// The candidates' filter: the offices whose patents can be in force in a
// target country, and the competitors' names.
std::string CandidateFilter(const std::vector<std::string>& countries, const std::vector<std::string>& competitors) {
  std::vector<std::string> offices = countries;
  if (std::any_of(countries.begin(), countries.end(), domain::EuropeanPatentCovers)) offices.push_back("EP");
  std::string filter = "(";
  for (size_t i = 0; i < offices.size(); ++i) filter += (i ? " OR CC=" : "CC=") + offices[i];
  filter += ")";
  if (!competitors.empty()) {
    filter += " AND (";
    for (size_t i = 0; i < competitors.size(); ++i)
      filter += (i ? " OR PA=\"" : "PA=\"") + std::string(Trim(competitors[i])) + "\"";
    filter += ")";
  }
  return filter;
}

struct Examined {
  index::SimilarHit hit;
  PatentRecord record;
  std::vector<LegalEvent> events;
  domain::PatentStatus own;                       // in the publication's own country
  std::vector<domain::PatentStatus> in_targets;  // in each target country it can cover
  bool in_force = false;
};

Status Examine(PatentStore& store, const std::vector<std::string>& countries, const std::string& as_of,
               Examined& e) {
  ASSIGN_OR_RETURN(std::optional<PatentRecord> record, store.Get(e.hit.hit.publication_number));
  if (!record) return Status::OK();  // indexed but no longer stored: nothing to screen
  e.record = std::move(*record);
  ASSIGN_OR_RETURN(e.events, store.LegalEventsOf(e.record.country + e.record.doc_number, e.record.application_number));
  std::erase_if(e.events, [&](const LegalEvent& ev) { return !ev.subject.starts_with(e.record.country); });
  e.own = domain::EvaluatePatentStatus(e.record, e.events, "", as_of);
  for (const std::string& country : countries) {
    if (country == e.record.country) {
      e.in_targets.push_back(e.own);
    } else if (e.record.country == "EP" && domain::EuropeanPatentCovers(country)) {
      e.in_targets.push_back(domain::EvaluatePatentStatus(e.record, e.events, country, as_of));
    } else {
      continue;
    }
    e.in_targets.back().country = country;
    if (e.in_targets.back().state == domain::LegalState::kInForce) e.in_force = true;
  }
  return Status::OK();
}

}  // namespace

Result<nlohmann::ordered_json> ScreenRisk(const Caller& caller, Workspace& workspace, const RiskRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  RETURN_IF_ERROR(CheckRequest(request));
  ASSIGN_OR_RETURN(std::vector<std::string> countries, CheckCountries(request.countries));
  const std::string as_of = request.as_of.empty() ? domain::TodayUtc() : request.as_of;
  const std::string filter = CandidateFilter(countries, request.competitors);
  Result<SimilarPatentsResult> found =
      SimilarPatents(caller, workspace, {.text = request.product, .filter = filter, .limit = request.candidates});
  if (!found.ok()) {
    // The filter is ours, made of the countries and competitors; the text is the product.
    if (found.status().code() != StatusCode::kInvalidArgument) return found.status();
    if (found.status().message().starts_with("filter"))
      return Status::InvalidArgument("competitors: the names cannot restrict the search (" +
                                     found.status().message() + ")");
    return WithContext(found.status(), "product: ");
  }
  SimilarPatentsResult& similar = *found;

  std::vector<Examined> examined(similar.result.hits.size());
  for (size_t i = 0; i < examined.size(); ++i) examined[i].hit = similar.result.hits[i];
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    for (Examined& e : examined) RETURN_IF_ERROR(Examine(store, countries, as_of, e));
    return Status::OK();
  }));

  const domain::ProductEvidence product(request.product);
  std::vector<RiskPatent> patents;
  std::vector<const Examined*> lapsed;
  for (const Examined& e : examined) {
    if (e.record.publication_number.empty()) continue;
    if (!e.in_force) {
      lapsed.push_back(&e);
      continue;
    }
    patents.push_back({&e.hit, &e.record, &e.events, &e.own, &e.in_targets, domain::ScreenClaims(e.record, product)});
  }
  std::stable_sort(patents.begin(), patents.end(), [](const RiskPatent& a, const RiskPatent& b) {
    const domain::TierVerdict &va = a.screening.verdict, &vb = b.screening.verdict;
    if (va.tier != vb.tier) return va.tier > vb.tier;
    long sa = static_cast<long>(va.evidenced) * std::max(vb.elements, 1);
    long sb = static_cast<long>(vb.evidenced) * std::max(va.elements, 1);
    if (sa != sb) return sa > sb;
    return a.hit->percent > b.hit->percent;
  });

  RiskReportContext context;
  context.as_of = as_of;
  context.countries = countries;
  context.competitors = request.competitors;
  context.filter = filter;
  context.candidates_asked = request.candidates;
  context.query_terms = similar.result.query_terms;
  context.examined = examined.size();
  nlohmann::ordered_json report = RiskReportJson(context, request.product, product, patents);
  nlohmann::ordered_json not_in_force = nlohmann::ordered_json::array();
  for (const Examined* e : lapsed) not_in_force.push_back(NotInForceJson(e->record, e->in_targets));
  report["not_in_force"] = std::move(not_in_force);
  report["searches"] = SearchesJson(context, patents.size(), lapsed.size());
  report["disclaimer"] = RiskDisclaimerJson();
  return report;
}

Result<RiskFormat> ParseRiskFormat(std::string_view name) {
  if (name == "json") return RiskFormat::kJson;
  if (name == "html") return RiskFormat::kHtml;
  if (name == "xlsx") return RiskFormat::kXlsx;
  return Status::InvalidArgument("format: must be json, html or xlsx, not '" + std::string(name) + "'");
}

const char* RiskContentType(RiskFormat format) {
  switch (format) {
    case RiskFormat::kJson: return "application/json";
    case RiskFormat::kHtml: return "text/html; charset=utf-8";
    case RiskFormat::kXlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

Result<std::string> RiskReportBytes(const nlohmann::ordered_json& report, RiskFormat format,
                                    const std::filesystem::path& data_dir) {
  switch (format) {
    case RiskFormat::kJson: return report.dump(2) + "\n";
    case RiskFormat::kHtml: return report::RenderRiskHtml(report);
    case RiskFormat::kXlsx:
      return WorkbookBytes(data_dir, "risk", [&](const std::filesystem::path& path) {
        return report::WriteRiskXlsx(report, path);
      });
  }
  return Status::InvalidArgument("format: unknown");
}

}  // namespace patnav::app
