// Record merge.
#include "model/merge.h"

#include <set>

#include "model/record_json.h"

namespace patnav {

namespace {

void Fill(std::string& dst, const std::string& src) {
  if (dst.empty()) dst = src;
}

template <typename T>
void FillList(std::vector<T>& dst, const std::vector<T>& src) {
  if (dst.empty()) dst = src;
}

void Union(std::vector<std::string>& dst, const std::vector<std::string>& src) {
  std::set<std::string> seen(dst.begin(), dst.end());
  for (const auto& s : src) if (seen.insert(s).second) dst.push_back(s);
}

void FillMap(std::map<std::string, std::string>& dst, const std::map<std::string, std::string>& src) {
  for (const auto& [k, v] : src) {
    auto& d = dst[k];
    if (d.size() < v.size()) d = v;  // per language the longer text is the fuller one
  }
}

// Parties: the richer list wins; within equal lists, fields missing in the base are filled by position.
void MergeParties(std::vector<Party>& dst, const std::vector<Party>& src) {
  if (dst.empty()) { dst = src; return; }
  if (src.size() != dst.size()) return;
  for (size_t i = 0; i < dst.size(); ++i) {
    Fill(dst[i].city, src[i].city);
    Fill(dst[i].province, src[i].province);
    Fill(dst[i].standardized, src[i].standardized);
    Fill(dst[i].country, src[i].country);
    Fill(dst[i].normalized, src[i].normalized);
    if (dst[i].type == PartyType::kUnknown) dst[i].type = src[i].type;
  }
}

std::string CitationKey(const Citation& c) {
  return c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number;
}

}  // namespace

int64_t Richness(const PatentRecord& r) {
  int64_t s = 0;
  for (const std::string* f : {&r.publication_date, &r.grant_date, &r.application_number, &r.filing_date,
                               &r.family_id, &r.language})
    s += !f->empty();
  s += 2 * static_cast<int64_t>(r.title.size() + r.abstract_text.size());
  s += 3 * static_cast<int64_t>(r.claims.size());
  s += static_cast<int64_t>(r.applicants.size() + r.assignees.size() + r.inventors.size());
  s += static_cast<int64_t>(r.ipc.size() + r.cpc.size() + r.national_classes.size());
  s += static_cast<int64_t>(r.citations.size() + r.npl_citations.size() + r.priority_claims.size());
  s += r.description.empty() ? 0 : 10;
  return s;
}

PatentRecord MergeRecords(const PatentRecord& existing, const PatentRecord& incoming) {
  const bool incoming_richer = Richness(incoming) > Richness(existing);
  PatentRecord out = incoming_richer ? incoming : existing;
  const PatentRecord& other = incoming_richer ? existing : incoming;
  Fill(out.publication_date, other.publication_date);
  Fill(out.grant_date, other.grant_date);
  Fill(out.application_number, other.application_number);
  Fill(out.filing_date, other.filing_date);
  Fill(out.family_id, other.family_id);
  Fill(out.language, other.language);
  FillList(out.priority_claims, other.priority_claims);
  // The priority date is the earliest known.
  if (out.priority_date.empty() || (!other.priority_date.empty() && other.priority_date < out.priority_date))
    out.priority_date = other.priority_date;
  FillMap(out.title, other.title);
  FillMap(out.abstract_text, other.abstract_text);
  FillList(out.claims, other.claims);
  if (!out.claims_count) out.claims_count = other.claims_count;
  MergeParties(out.applicants, other.applicants);
  MergeParties(out.assignees, other.assignees);
  MergeParties(out.inventors, other.inventors);
  Union(out.ipc, other.ipc);
  Union(out.cpc, other.cpc);
  Union(out.national_classes, other.national_classes);
  {
    std::set<std::string> seen;
    for (const auto& c : out.citations) seen.insert(CitationKey(c));
    for (const auto& c : other.citations) if (seen.insert(CitationKey(c)).second) out.citations.push_back(c);
  }
  Union(out.npl_citations, other.npl_citations);
  if (out.description.size() < other.description.size()) out.description = other.description;
  if (!out.description_chars || (other.description_chars && *other.description_chars > *out.description_chars))
    out.description_chars = other.description_chars;
  if (!out.term_extension_days) out.term_extension_days = other.term_extension_days;
  out.terminal_disclaimer = out.terminal_disclaimer || other.terminal_disclaimer;
  if (!out.length_of_grant_years) out.length_of_grant_years = other.length_of_grant_years;
  FillList(out.parent_applications, other.parent_applications);
  return out;
}

bool SameFacts(const PatentRecord& a, const PatentRecord& b) {
  return RecordToJson(a) == RecordToJson(b) && a.description == b.description;
}

}  // namespace patnav
