// The risk screening report's JSON (risk_json.h).
#include "app/risk_json.h"

#include <set>

#include "domain/period.h"

namespace patnav::app {

namespace {

using J = nlohmann::ordered_json;

std::string TitleOf(const PatentRecord& r) {
  for (const char* lang : {"en", "zh"})
    if (auto it = r.title.find(lang); it != r.title.end() && !it->second.empty()) return it->second;
  return r.title.empty() ? "" : r.title.begin()->second;
}

J ElementJson(const domain::ScreenedElement& e) {
  J evidence = J::array();
  for (const domain::SentenceEvidence& s : e.evidence.sentences)
    evidence.push_back(J{{"sentence", s.sentence}, {"percent", s.percent}, {"matched", s.matched}});
  return J{{"kind", domain::ClaimElementKindName(e.element.kind)},
           {"text", e.element.text},
           {"keys", e.evidence.keys},
           {"evidenced", e.evidence.evidenced},
           {"percent", e.evidence.percent},
           {"missing", e.evidence.missing},
           {"evidence", std::move(evidence)}};
}

J ClaimJson(const domain::ScreenedClaim& c) {
  J elements = J::array();
  for (const domain::ScreenedElement& e : c.elements) elements.push_back(ElementJson(e));
  return J{{"num", c.num}, {"text", c.text}, {"checked", c.checked}, {"evidenced", c.evidenced},
           {"elements", std::move(elements)}};
}

J EventJson(const LegalEvent& e) {
  J o = J{{"date", e.event_date}, {"territory", e.territory}};
  if (!e.inpadoc_code.empty()) o["code"] = e.inpadoc_office + " " + e.inpadoc_code;
  if (!e.sources.empty()) o["text"] = e.sources.front().text.empty() ? e.sources.front().code : e.sources.front().text;
  if (!e.conveyance.empty()) o["conveyance"] = e.conveyance;
  return o;
}

// The countries the record itself tells of: its own, its priorities' and
// parents', and an EP patent's designated states.
std::vector<std::string> FamilyCountries(const PatentRecord& r, const domain::PatentStatus& own) {
  std::set<std::string> c = {r.country};
  for (const PriorityClaim& p : r.priority_claims)
    if (!p.country.empty()) c.insert(p.country);
  for (const ParentApplication& p : r.parent_applications)
    if (!p.country.empty()) c.insert(p.country);
  for (const domain::CountryState& s : own.countries) c.insert(s.country);
  return {c.begin(), c.end()};
}

J PatentJson(int rank, const RiskPatent& p) {
  const domain::TierVerdict& v = p.screening.verdict;
  J in_force = J::array();
  for (const domain::PatentStatus& s : *p.in_targets) {
    J o = J{{"country", s.country}, {"state", domain::LegalStateName(s.state)}};
    if (!s.expiry.empty()) o["expiry"] = s.expiry;
    in_force.push_back(std::move(o));
  }
  J events = J::array();
  for (const LegalEvent& e : *p.events) events.push_back(EventJson(e));
  J claims = J::array();
  for (const domain::ScreenedClaim& c : p.screening.claims) claims.push_back(ClaimJson(c));
  return J{{"rank", rank},
           {"publication_number", p.record->publication_number},
           {"title", TitleOf(*p.record)},
           {"tier", domain::RiskTierName(v.tier)},
           {"reason", J{{"en", v.reason_en}, {"zh", v.reason_zh}}},
           {"decisive_claim", v.claim},
           {"similarity", p.hit->percent},
           {"matched_terms", p.hit->matched_terms},
           {"in_force", std::move(in_force)},
           {"owner", J{{"current", p.own->owner.current}, {"basis", p.own->owner.basis}}},
           {"expiry", p.own->expiry},
           {"family_countries", FamilyCountries(*p.record, *p.own)},
           {"legal_events", std::move(events)},
           {"claims", std::move(claims)}};
}

}  // namespace

J RiskReportJson(RiskReportContext& context, const std::string& product_text, const domain::ProductEvidence& product,
                 const std::vector<RiskPatent>& patents) {
  if (context.generated_at.empty()) context.generated_at = domain::NowUtc();
  J sentences = J::array();
  for (const domain::ProductSentence& s : product.sentences())
    sentences.push_back(J{{"start", s.start}, {"end", s.end}, {"text", s.text}});
  J list = J::array();
  for (size_t i = 0; i < patents.size(); ++i) list.push_back(PatentJson(static_cast<int>(i + 1), patents[i]));
  return J{{"format_version", 1},
           {"generated_at", context.generated_at},
           {"as_of", context.as_of},
           {"countries", context.countries},
           {"competitors", context.competitors},
           {"product", J{{"text", product_text}, {"sentences", std::move(sentences)}}},
           {"patents", std::move(list)}};
}

J NotInForceJson(const PatentRecord& record, const std::vector<domain::PatentStatus>& in_targets) {
  J states = J::array();
  for (const domain::PatentStatus& s : in_targets) {
    J o = J{{"country", s.country}, {"state", domain::LegalStateName(s.state)}};
    if (!s.ended_on.empty()) o["ended_on"] = s.ended_on;
    states.push_back(std::move(o));
  }
  return J{{"publication_number", record.publication_number}, {"states", std::move(states)}};
}

J SearchesJson(const RiskReportContext& context, size_t in_force, size_t not_in_force) {
  return J::array(
      {J{{"search", "similar patents to the product description"},
         {"filter", context.filter},
         {"limit", context.candidates_asked},
         {"query_terms", context.query_terms},
         {"found", context.examined},
         {"date", context.generated_at}},
       J{{"search", "legal status in the target countries"},
         {"countries", context.countries},
         {"as_of", context.as_of},
         {"in_force", in_force},
         {"not_in_force", not_in_force},
         {"date", context.generated_at}}});
}

J RiskDisclaimerJson() {
  return J{{"en",
            "This report is an automated screening, not a legal opinion. It compares the words of a product "
            "description with the words of patent claims; it does not construe the claims, consider equivalents, "
            "validity, licences or exhaustion, and its legal status is only as complete as the data loaded. Ask a "
            "patent attorney before acting on it."},
           {"zh",
            "本报告是自动筛查结果，不构成法律意见。它只比较产品描述与权利要求的用语，不对权利要求作解释，"
            "也不考虑等同、有效性、许可或权利用尽；其法律状态仅以已载入的数据为限。据此采取行动前，请咨询专利代理师或律师。"}};
}

}  // namespace patnav::app
