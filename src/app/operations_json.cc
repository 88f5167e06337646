// JSON forms of the alliance-operations results (operations_json.h).
#include "app/operations_json.h"

#include "domain/money.h"

namespace patnav::app {

namespace {

template <typename T>
Json Array(const std::vector<T>& items) {
  Json j = Json::array();
  for (const auto& x : items) j.push_back(ToJson(x));
  return j;
}

Json OptionalInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Json ToJson(const domain::Alliance& a) {
  return {{"id", a.id}, {"name", a.name}, {"address", a.address}, {"form", a.form}, {"industry", a.industry},
          {"created_on", a.created_on}};
}

Json ToJson(const domain::Member& m) {
  return {{"name", m.name}, {"type", m.type}, {"joined_on", m.joined_on}, {"left_on", m.left_on}, {"contact", m.contact},
          {"trading_centre", m.trading_centre}};
}

Json ToJson(const domain::Pool& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"alliance", p.alliance},
          {"scope", p.scope},
          {"standard", p.standard},
          {"clauses", p.clauses},
          {"currency", p.currency},
          {"administrator_fee", domain::FormatPercentPpm(p.admin_fee_ppm)},
          {"admin_fee_ppm", p.admin_fee_ppm},
          {"created_on", p.created_on}};
}

Json ToJson(const domain::Contribution& c) {
  Json lapses = Json::array();
  for (const auto& l : c.lapses)
    lapses.push_back({{"country", l.country.empty() ? Json(nullptr) : Json(l.country)}, {"lapsed_on", l.lapsed_on}});
  return {{"publication_number", c.publication_number},
          {"member", c.member},
          {"contributed_on", c.contributed_on},
          {"withdrawn_on", c.withdrawn_on},
          {"essentiality", c.essentiality},
          {"expires_on", c.expires_on},
          {"countries", c.countries},
          {"lapses", std::move(lapses)},
          {"value_centi", OptionalInt(c.value_centi)},
          {"value_scored_at", c.value_scored_at.empty() ? Json(nullptr) : Json(c.value_scored_at)}};
}

Json ToJson(const domain::Programme& g) {
  Json countries = Json::object();
  for (const auto& [country, rate] : g.country_rates) countries[country] = domain::FormatRate(g.basis, rate, g.currency);
  return {{"name", g.name},
          {"pool", g.pool},
          {"basis", domain::RoyaltyBasisName(g.basis)},
          {"currency", g.currency},
          {"rate", domain::FormatRate(g.basis, g.rate, g.currency)},
          {"member_rate", g.member_rate ? Json(domain::FormatRate(g.basis, *g.member_rate, g.currency)) : Json(nullptr)},
          {"cap", g.cap_minor ? Json(domain::FormatAmount(*g.cap_minor, g.currency)) : Json(nullptr)},
          {"country_rates", countries}};
}

Json ToJson(const domain::Licensee& l) {
  return {{"name", l.name}, {"country", l.country}, {"member", l.member.empty() ? Json(nullptr) : Json(l.member)}};
}

Json ToJson(const domain::Agreement& a) {
  return {{"id", a.id},
          {"licensee", a.licensee},
          {"programme", a.programme},
          {"pool", a.pool},
          {"territories", a.territories},
          {"effective_from", a.effective_from},
          {"effective_to", a.effective_to.empty() ? Json(nullptr) : Json(a.effective_to)}};
}

Json ToJson(const domain::AccountBalance& b) {
  return {{"account", b.account}, {"kind", b.kind}, {"currency", b.currency}, {"balance_minor", b.balance_minor}};
}

Json ToJson(const domain::LoanStatus& l) {
  return {{"id", l.id},
          {"member", l.member},
          {"currency", l.currency},
          {"start_on", l.start_on},
          {"term_months", l.term_months},
          {"rate_ppm", l.rate_ppm},
          {"principal_minor", l.principal_minor},
          {"repaid_minor", l.repaid_minor},
          {"outstanding_minor", l.principal_minor - l.repaid_minor},
          {"interest_paid_minor", l.interest_paid_minor}};
}

Json ToJson(const domain::ClosedPeriod& c) {
  return {{"period", c.period},
          {"method", c.method},
          {"currency", c.currency},
          {"closed_at", c.closed_at},
          {"distribution_id", c.distribution_id},
          {"ledger_transaction", c.txn_id},
          {"reversed_by_transaction", OptionalInt(c.reversed_by)},
          {"gross_minor", c.gross_minor},
          {"fee_minor", c.fee_minor},
          {"distributable_minor", c.distributable_minor},
          {"undistributed_minor", c.undistributed_minor}};
}

Json ToJson(const domain::RoyaltyReportOutcome& r) {
  return {{"report_id", r.report_id}, {"licensee", r.licensee}, {"programme", r.programme}, {"period", r.period},
          {"currency", r.currency},   {"lines", r.lines},       {"total_minor", r.total_minor}, {"capped", r.capped},
          {"ledger_transaction", r.txn_id == 0 ? Json(nullptr) : Json(r.txn_id)}};
}

Json ToJson(const domain::RoyaltyReportRow& r) {
  return {{"id", r.id},
          {"licensee", r.licensee},
          {"programme", r.programme},
          {"pool", r.pool},
          {"period", r.period},
          {"source", r.source},
          {"currency", r.currency},
          {"lines", r.lines},
          {"total_minor", r.total_minor},
          {"capped", r.capped},
          {"ledger_transaction", OptionalInt(r.txn_id)},
          {"reversed_by_transaction", OptionalInt(r.reversed_by)},
          {"reported_at", r.reported_at}};
}

Json ToJson(const domain::DistributionPlan& p, bool closed) {
  Json j;
  j["pool"] = p.pool;
  j["period"] = p.period;
  j["method"] = domain::DistributionMethodName(p.method);
  j["value_weight"] = p.value_weight_ppm / 1e6;
  j["currency"] = p.currency;
  j["closed"] = closed;
  j["gross_minor"] = p.gross_minor;
  j["fee_minor"] = p.fee_minor;
  j["distributable_minor"] = p.distributable_minor;
  j["undistributed_minor"] = p.undistributed_minor;
  j["members"] = Json::object();
  for (const auto& [m, a] : p.by_member) j["members"][m] = a;
  j["countries"] = Json::array();
  for (const auto& c : p.countries)
    j["countries"].push_back({{"country", c.country}, {"gross_minor", c.gross_minor}, {"fee_minor", c.fee_minor},
                              {"net_minor", c.net_minor}, {"eligible_patents", c.eligible_patents}});
  j["excluded"] = p.excluded;
  return j;
}

Json ToJson(const domain::MemberStatement& s) { return Json::parse(domain::StatementToJson(s)); }

Json ToJson(const CreateAllianceResult& r) { return ToJson(r.alliance); }
Json ToJson(const ListAlliancesResult& r) { return Array(r.alliances); }

Json ToJson(const AllianceView& v) {
  Json j;
  j["name"] = v.alliance.name;
  j["address"] = v.alliance.address;
  j["form"] = v.alliance.form;
  j["industry"] = v.alliance.industry;
  j["created_on"] = v.alliance.created_on;
  j["members_by_type"] = v.members_by_type;
  j["charter_complete_percent"] = v.charter.percent;
  j["charter"] = Json::array();
  for (const auto& it : v.charter.items)
    j["charter"].push_back({{"item", it.item}, {"title", it.title}, {"present", it.present}, {"text", it.text}});
  return j;
}

Json ToJson(const MemberResult& r) {
  Json j = ToJson(r.member);
  j["alliance"] = r.member.alliance;
  return j;
}
Json ToJson(const ListMembersResult& r) { return Array(r.members); }

Json ToJson(const AddExpertResult& r) {
  const domain::Expert& e = r.expert;
  return {{"name", e.name},         {"member", e.member},   {"field", e.field},
          {"inventor", e.inventor}, {"contact", e.contact},
          {"inventor_publications", r.inventor_publications < 0 ? Json(nullptr) : Json(r.inventor_publications)}};
}

Json ToJson(const ListExpertsResult& r) {
  Json j = Json::array();
  for (const auto& x : r.experts) {
    const domain::Expert& e = x.expert;
    j.push_back({{"name", e.name}, {"member", e.member}, {"field", e.field}, {"inventor", e.inventor},
                 {"contact", e.contact}, {"patents", x.patents}});
  }
  return j;
}

Json ToJson(const PoolResult& r) { return ToJson(r.pool); }
Json ToJson(const ListPoolsResult& r) { return Array(r.pools); }

Json ToJson(const PoolView& v) {
  Json j;
  j["pool"] = v.pool.name;
  j["alliance"] = v.pool.alliance;
  j["scope"] = v.pool.scope;
  j["standard"] = v.pool.standard;
  j["clauses"] = v.pool.clauses;
  j["currency"] = v.pool.currency;
  j["administrator_fee"] = domain::FormatPercentPpm(v.pool.admin_fee_ppm);
  j["patents"] = Array(v.contributions);
  j["closed_periods"] = Array(v.closed);
  return j;
}

Json ToJson(const ContributeResult& r) {
  return {{"pool", r.pool}, {"member", r.member}, {"contributed", r.contributed}};
}
Json ToJson(const ContributionResult& r) {
  Json j = ToJson(r.contribution);
  j["pool"] = r.pool;
  return j;
}
Json ToJson(const LapseResult& r) {
  return {{"publication_number", r.publication}, {"country", r.country.empty() ? Json(nullptr) : Json(r.country)},
          {"lapsed_on", r.lapsed_on}};
}
Json ToJson(const RescoreResult& r) { return {{"pool", r.pool}, {"scored", r.scored}}; }

Json ToJson(const ProgrammeResult& r) { return ToJson(r.programme); }
Json ToJson(const ListProgrammesResult& r) { return Array(r.programmes); }
Json ToJson(const LicenseeResult& r) { return ToJson(r.licensee); }
Json ToJson(const ListLicenseesResult& r) { return Array(r.licensees); }
Json ToJson(const AgreementResult& r) { return ToJson(r.agreement); }
Json ToJson(const ListAgreementsResult& r) { return Array(r.agreements); }

Json ToJson(const FileRoyaltiesResult& r) {
  Json totals = Json::object();
  for (const auto& [c, t] : r.totals_minor) totals[c] = t;
  return {{"reports", Array(r.reports)}, {"lines", r.lines}, {"totals_minor", totals}, {"recorded", r.recorded}};
}
Json ToJson(const ListRoyaltyReportsResult& r) { return Array(r.reports); }

Json ToJson(const DistributeResult& r) {
  Json j = ToJson(r.plan, r.closed);
  if (r.closed) {
    j["distribution_id"] = r.distribution_id;
    j["ledger_transaction"] = r.txn_id;
  }
  return j;
}

Json ToJson(const StatementResult& r) { return ToJson(r.statement); }
Json ToJson(const ListStatementsResult& r) { return Array(r.statements); }
Json ToJson(const LedgerBalanceResult& r) { return Array(r.balances); }
Json ToJson(const LedgerCheckResult& r) { return {{"balanced", true}, {"transactions", r.transactions}}; }
Json ToJson(const ReverseResult& r) { return {{"transaction", r.txn}, {"reversed_by_transaction", r.reversal}}; }

Json ToJson(const FundContributeResult& r) {
  return {{"ledger_transaction", r.txn_id}, {"amount_minor", r.amount_minor}, {"currency", r.currency}};
}

Json ToJson(const LoanResult& r) {
  Json j = ToJson(r.loan);
  j["schedule"] = Json::array();
  for (const auto& x : r.schedule)
    j["schedule"].push_back(
        {{"due_on", x.due_on}, {"principal_minor", x.principal_minor}, {"interest_minor", x.interest_minor}});
  return j;
}

Json ToJson(const RepayResult& r) {
  return {{"ledger_transaction", r.txn_id}, {"principal_minor", r.principal_minor},
          {"interest_minor", r.interest_minor}, {"loan", ToJson(r.loan)}};
}

Json ToJson(const FundView& v) { return {{"balances", Array(v.balances)}, {"loans", Array(v.loans)}}; }

}  // namespace patnav::app
