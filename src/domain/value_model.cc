// Patent value scoring.
#include "domain/value_model.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/patent_term.h"

namespace patnav::domain {

ValueWeights DefaultValueWeights() {
  ValueWeights w;
  w.dimensions = {{"legal", 0.35}, {"technical", 0.35}, {"economic", 0.30}};
  w.indicators["legal"] = {{"remaining_term", 0.25}, {"in_force", 0.20}, {"granted", 0.15},
                           {"claims", 0.15}, {"independent_claims", 0.10}, {"family_coverage", 0.15}};
  w.indicators["technical"] = {{"forward_citations", 0.45}, {"backward_citations", 0.15}, {"ipc_breadth", 0.20},
                               {"inventors", 0.20}};
  w.indicators["economic"] = {{"licences", 0.35}, {"pool_membership", 0.20}, {"applicant_type", 0.15},
                              {"market_coverage", 0.30}};
  return w;
}

Result<ValueWeights> ParseValueWeights(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("value weights: not a JSON object");
  ValueWeights w = DefaultValueWeights();
  auto number = [](const nlohmann::json& v, const std::string& where) -> Result<double> {
    if (!v.is_number()) return Status::InvalidArgument("value weights: " + where + " is not a number");
    double d = v.get<double>();
    if (!(d >= 0) || !std::isfinite(d)) return Status::InvalidArgument("value weights: " + where + " must be >= 0");
    return d;
  };
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (!it->is_object()) return Status::InvalidArgument("value weights: '" + key + "' is not an object");
    if (key == "dimensions") {
      for (auto d = it->begin(); d != it->end(); ++d) {
        if (!w.dimensions.count(d.key())) return Status::InvalidArgument("value weights: unknown dimension '" + d.key() + "'");
        ASSIGN_OR_RETURN(w.dimensions[d.key()], number(d.value(), "dimensions." + d.key()));
      }
    } else if (w.indicators.count(key)) {
      auto& ind = w.indicators[key];
      for (auto d = it->begin(); d != it->end(); ++d) {
        if (!ind.count(d.key()))
          return Status::InvalidArgument("value weights: unknown " + key + " indicator '" + d.key() + "'");
        ASSIGN_OR_RETURN(ind[d.key()], number(d.value(), key + "." + d.key()));
      }
    } else {
      return Status::InvalidArgument("value weights: unknown section '" + key + "' (dimensions, legal, technical, economic)");
    }
  }
  double total = 0;
  for (const auto& [d, x] : w.dimensions) total += x;
  if (total <= 0) return Status::InvalidArgument("value weights: the dimension weights sum to zero");
  for (const auto& [d, ind] : w.indicators) {
    double s = 0;
    for (const auto& [n, x] : ind) s += x;
    if (s <= 0) return Status::InvalidArgument("value weights: the " + d + " indicator weights sum to zero");
  }
  return w;
}

int64_t PatentValue::overall_centi() const { return std::llround(overall * 100); }

namespace {

double Cap(double x) { return std::clamp(x, 0.0, 1.0); }

double DaysBetween(const std::string& a, const std::string& b) {
  auto days = [](const std::string& d) -> double {
    if (d.size() < 10) return 0;
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
    // Days from civil (Howard Hinnant's algorithm).
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097.0 + doe - 719468.0;
  };
  return days(b) - days(a);
}

double ApplicantTypeScore(const PatentRecord& r, std::string* name) {
  const std::vector<Party>& parties = !r.assignees.empty() ? r.assignees : r.applicants;
  PartyType t = parties.empty() ? PartyType::kUnknown : parties[0].type;
  *name = t == PartyType::kUnknown ? "unknown" : PartyTypeName(t);
  switch (t) {
    case PartyType::kCompany: return 1.0;
    case PartyType::kResearchInstitute: return 0.7;
    case PartyType::kUniversity: return 0.6;
    case PartyType::kGovernment:
    case PartyType::kHospital: return 0.5;
    case PartyType::kIndividual: return 0.3;
    default: return 0.5;
  }
}

std::string Fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

}  // namespace

PatentValue ScorePatent(const PatentRecord& r, const ValueFacts& f, const ValueWeights& w) {
  PatentValue v;
  v.publication_number = r.publication_number;
  v.expires_on = !f.legal_expiry.empty() ? f.legal_expiry : StatutoryExpiry(r);
  const bool expired = v.expires_on.empty() || v.expires_on < f.as_of;
  const bool ended = !f.legal_state.empty() && f.legal_state != "in_force" && f.legal_state != "pending" &&
                     f.legal_state != "unknown";
  v.in_force = !expired && !f.lapsed && !ended;
  std::vector<IndicatorScore> ind;
  auto add = [&](const char* dim, const char* name, double observed, double score, std::string basis) {
    IndicatorScore s;
    s.dimension = dim;
    s.name = name;
    s.observed = observed;
    s.score = Cap(score);
    s.basis = std::move(basis);
    ind.push_back(std::move(s));
  };
  // Legal.
  double years_left = expired ? 0 : DaysBetween(f.as_of, v.expires_on) / 365.25;
  add("legal", "remaining_term", years_left, years_left / 20,
      expired ? "expired " + v.expires_on : Fmt(years_left) + " years to " + v.expires_on);
  std::string state_basis = v.in_force ? "in force" : f.lapsed ? "lapsed" : ended ? f.legal_state : "expired";
  if (!f.legal_state.empty()) state_basis += " (status: " + f.legal_state + "; " + f.legal_rule + ")";
  add("legal", "in_force", v.in_force ? 1 : 0, v.in_force ? 1 : 0, std::move(state_basis));
  const bool granted = IsGranted(r);
  add("legal", "granted", granted ? 1 : 0, granted ? 1 : 0.4, granted ? "granted (" + r.kind + ")" : "pending application (" + r.kind + ")");
  int claims = r.claims_count.value_or(static_cast<int>(r.claims.size()));
  add("legal", "claims", claims, claims / 20.0, std::to_string(claims) + " claims / 20");
  int independent = 0;
  for (const Claim& c : r.claims)
    if (c.independent.value_or(c.depends_on.empty())) ++independent;
  if (r.claims.empty() && claims > 0) independent = 1;
  add("legal", "independent_claims", independent, independent / 3.0, std::to_string(independent) + " independent / 3");
  std::set<std::string> countries(f.countries.begin(), f.countries.end());
  if (!r.country.empty()) countries.insert(r.country);
  add("legal", "family_coverage", static_cast<double>(countries.size()), countries.size() / 5.0,
      std::to_string(countries.size()) + " countries / 5");
  // Technical.
  double ratio = f.cohort_forward_mean > 0 ? f.forward_citations / f.cohort_forward_mean : (f.forward_citations > 0 ? 2.0 : 0.0);
  add("technical", "forward_citations", static_cast<double>(f.forward_citations), ratio / (1 + ratio),
      std::to_string(f.forward_citations) + " citing; cohort mean " + Fmt(f.cohort_forward_mean) + " (ratio " + Fmt(ratio) + ")");
  int backward = 0;
  for (const Citation& c : r.citations) backward += c.publication_number.empty() ? 0 : 1;
  add("technical", "backward_citations", backward, backward / 15.0, std::to_string(backward) + " patent citations / 15");
  std::set<std::string> subclasses;
  for (const auto& s : r.ipc) subclasses.insert(s.substr(0, 4));
  add("technical", "ipc_breadth", static_cast<double>(subclasses.size()), subclasses.size() / 3.0,
      std::to_string(subclasses.size()) + " IPC subclasses / 3");
  add("technical", "inventors", static_cast<double>(r.inventors.size()), r.inventors.size() / 4.0,
      std::to_string(r.inventors.size()) + " inventors / 4");
  // Economic.
  add("economic", "licences", static_cast<double>(f.licensees), f.licensees / 10.0,
      std::to_string(f.licensees) + " licensees / 10");
  add("economic", "pool_membership", static_cast<double>(f.pools), f.pools > 0 ? 1 : 0,
      f.pools > 0 ? "in " + std::to_string(f.pools) + " pool(s)" : "in no pool");
  std::string type_name;
  double type_score = ApplicantTypeScore(r, &type_name);
  add("economic", "applicant_type", type_score, type_score, type_name);
  int markets = 0;
  for (const char* m : {"US", "CN", "JP", "KR"}) markets += countries.count(m) ? 1 : 0;
  if (countries.count("EP") || countries.count("DE") || countries.count("FR") || countries.count("GB")) ++markets;
  add("economic", "market_coverage", markets, markets / 5.0, std::to_string(markets) + " of US, CN, EP, JP, KR");

  double dim_total = 0;
  for (const auto& [d, x] : w.dimensions) dim_total += x;
  std::map<std::string, double> dim_score;
  for (const auto& [dim, weights] : w.indicators) {
    double sum = 0;
    for (const auto& [n, x] : weights) sum += x;
    for (IndicatorScore& s : ind) {
      if (s.dimension != dim) continue;
      auto it = weights.find(s.name);
      double wt = it == weights.end() ? 0 : it->second;
      s.points = sum > 0 ? 100.0 * wt * s.score / sum : 0;
      dim_score[dim] += s.points;
      double dw = w.dimensions.count(dim) ? w.dimensions.at(dim) : 0;
      s.overall_points = dim_total > 0 ? s.points * dw / dim_total : 0;
    }
  }
  v.legal = dim_score["legal"];
  v.technical = dim_score["technical"];
  v.economic = dim_score["economic"];
  for (const IndicatorScore& s : ind) v.overall += s.overall_points;
  v.indicators = std::move(ind);
  return v;
}

}  // namespace patnav::domain
