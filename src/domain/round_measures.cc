// Patent measures of an evaluation round from the store (round_measures.h).
#include "domain/round_measures.h"

#include <cctype>
#include <optional>

#include "domain/ownership.h"
#include "domain/patent_status.h"
#include "model/conveyance.h"
#include "model/legal_event.h"
#include "model/party.h"

namespace patnav::domain {

namespace {

std::string StripRegionSuffix(std::string_view s) {
  for (std::string_view suffix : {"省", "市"})
    if (s.size() > suffix.size() && s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return std::string(s);
}

bool IsInvention(const PatentRecord& r) {
  const char k = r.kind.empty() ? ' ' : r.kind[0];
  if (r.country == "WO") return false;
  if (r.country == "CN") return k != 'U' && k != 'Y' && k != 'S';
  if (r.country == "US") return k != 'S' && k != 'P' && !r.doc_number.starts_with("D") && !r.doc_number.starts_with("PP");
  return true;
}

enum class Recorded { kNone, kTransfer, kLicence, kPledge };

Recorded Classify(const LegalEvent& e) {
  if (!e.conveyance.empty()) {
    ConveyanceKind kind;
    if (!ParseConveyanceKind(e.conveyance, kind)) kind = ClassifyConveyanceText(e.conveyance);
    if (kind == ConveyanceKind::kLicence) return Recorded::kLicence;
    if (kind == ConveyanceKind::kSecurityInterest) return Recorded::kPledge;
    if (MovesOwnership(kind) && kind != ConveyanceKind::kChangeOfName && kind != ConveyanceKind::kCorrective)
      return Recorded::kTransfer;
    return Recorded::kNone;
  }
  if (e.inpadoc_office == "CN") {
    if (e.inpadoc_code == "TR01" || e.inpadoc_code == "TA01") return Recorded::kTransfer;
    if (e.inpadoc_code == "EE01") return Recorded::kLicence;
    if (e.inpadoc_code == "PE01") return Recorded::kPledge;
  }
  return Recorded::kNone;
}

// An international application's number as a key ("PCT/CN2020/123456" and
// "pctcn2020123456" alike).
std::string PctKey(std::string_view number) {
  std::string out;
  for (char c : number)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Matcher {
 public:
  explicit Matcher(const std::vector<MeasureSubject>& subjects) {
    for (size_t i = 0; i < subjects.size(); ++i) {
      if (subjects[i].names.empty()) {
        if (!subjects[i].region.empty()) regions_[StripRegionSuffix(subjects[i].region)].insert(i);
        continue;
      }
      for (const std::string& n : subjects[i].names) names_[Key(n)].insert(i);
    }
  }
  static std::string Key(std::string_view name) {
    std::string k = NormalizeOrganisation(name);
    return k.empty() ? std::string(name) : k;
  }
  void ByName(std::string_view name, std::set<size_t>& out) const {
    if (auto it = names_.find(Key(name)); it != names_.end()) out.insert(it->second.begin(), it->second.end());
  }
  void ByPublishedParties(const PatentRecord& r, std::set<size_t>& out, bool names, bool regions) const {
    for (const auto* list : {&r.applicants, &r.assignees})
      for (const Party& p : *list) {
        if (names) ByName(p.name, out);
        if (regions)
          for (const std::string* place : {&p.province, &p.city})
            if (!place->empty())
              if (auto it = regions_.find(StripRegionSuffix(*place)); it != regions_.end())
                out.insert(it->second.begin(), it->second.end());
      }
  }
  bool any_names() const { return !names_.empty(); }

 private:
  std::map<std::string, std::set<size_t>> names_, regions_;
};

PatentRecord Slim(const PatentRecord& r) {
  PatentRecord c;
  c.publication_number = r.publication_number;
  c.country = r.country;
  c.doc_number = r.doc_number;
  c.kind = r.kind;
  c.publication_date = r.publication_date;
  c.grant_date = r.grant_date;
  c.application_number = r.application_number;
  c.filing_date = r.filing_date;
  c.priority_date = r.priority_date;
  c.family_id = r.family_id;
  c.applicants = r.applicants;
  c.assignees = r.assignees;
  c.term_extension_days = r.term_extension_days;
  c.terminal_disclaimer = r.terminal_disclaimer;
  c.length_of_grant_years = r.length_of_grant_years;
  c.parent_applications = r.parent_applications;
  return c;
}

bool In(const Period& p, std::string_view date) { return !date.empty() && p.first_day <= date && date <= p.last_day; }

}  // namespace

const std::vector<std::string>& PatentMeasures() {
  static const std::vector<std::string> kAll = {kValidInventionPatents, kHighValueInventionPatents, kPctFilings,
                                                kRecordedTransfers,     kRecordedLicences,          kRecordedPledges};
  return kAll;
}

Result<MeasureValues> ComputePatentMeasures(PatentStore& store, const std::vector<MeasureSubject>& subjects,
                                            const Period& period, const std::set<std::string>& measures) {
  MeasureValues out;
  std::set<std::string> wanted;
  for (const std::string& m : PatentMeasures())
    if (measures.count(m)) wanted.insert(m);
  for (const MeasureSubject& s : subjects)
    for (const std::string& m : wanted) out[s.code][m] = 0;
  if (wanted.empty() || subjects.empty()) return out;
  const Matcher matcher(subjects);

  // Publications whose ownership moved to a subject's name by a recorded
  // transfer: candidates even when their published parties are others.
  std::set<std::string> transferred;
  if (matcher.any_names()) {
    ASSIGN_OR_RETURN(int64_t last, store.LastLegalEventId());
    RETURN_IF_ERROR(store.ForEachLegalEventSince(0, last, [&](int64_t, const LegalEvent& e) {
      std::set<size_t> hit;
      for (const LegalEventParty& p : e.parties) matcher.ByName(p.name, hit);
      if (!hit.empty()) transferred.insert(e.subject);
      return true;
    }));
  }

  std::map<std::string, std::set<std::string>> family_countries;
  std::vector<PatentRecord> candidates;
  RETURN_IF_ERROR(store.ForEach([&](const PatentRecord& r) {
    if (!r.family_id.empty() && r.country != "WO") family_countries[r.family_id].insert(r.country);
    std::set<size_t> hit;
    matcher.ByPublishedParties(r, hit, true, true);
    if (!hit.empty() || transferred.count(LegalSubject(r.country, r.doc_number))) candidates.push_back(Slim(r));
    return true;
  }));

  const std::string ten_years_before = AddYears(period.last_day, -10);
  std::vector<std::set<std::string>> valid(subjects.size()), high(subjects.size()), pct(subjects.size());
  std::vector<std::map<Recorded, std::set<std::string>>> recorded(subjects.size());
  for (const PatentRecord& r : candidates) {
    ASSIGN_OR_RETURN(std::vector<LegalEvent> events,
                     store.LegalEventsOf(LegalSubject(r.country, r.doc_number), r.application_number));
    std::set<size_t> regions, published, owners;
    matcher.ByPublishedParties(r, regions, false, true);
    matcher.ByPublishedParties(r, published, true, false);
    for (const std::string& o : CurrentOwnership(r, events, period.last_day).current) matcher.ByName(o, owners);
    owners.insert(regions.begin(), regions.end());
    published.insert(regions.begin(), regions.end());
    const std::string application = r.country + ":" + (r.application_number.empty() ? r.publication_number : r.application_number);

    if ((wanted.count(kValidInventionPatents) || wanted.count(kHighValueInventionPatents)) && !owners.empty() &&
        IsInvention(r) &&
        EvaluatePatentStatus(r, events, "", period.last_day, StatusDetail::kStateOnly).state == LegalState::kInForce) {
      bool overseas = false;
      if (auto it = family_countries.find(r.family_id); !r.family_id.empty() && it != family_countries.end())
        for (const std::string& c : it->second) overseas = overseas || c != r.country;
      const bool old = !r.filing_date.empty() && r.filing_date < ten_years_before;
      for (size_t i : owners) {
        valid[i].insert(application);
        if (overseas || old) high[i].insert(application);
      }
    }
    if (wanted.count(kPctFilings)) {
      std::vector<std::string> keys;
      if (r.country == "WO" && In(period, r.filing_date.empty() ? r.publication_date : r.filing_date))
        keys.push_back(PctKey(r.application_number.empty() ? r.publication_number : r.application_number));
      for (const ParentApplication& p : r.parent_applications)
        if (p.relation == "pct" && In(period, p.date)) keys.push_back(PctKey(p.doc_number));
      for (size_t i : published)
        for (const std::string& k : keys) pct[i].insert(k);
    }
    for (const LegalEvent& e : events) {
      const Recorded kind = Classify(e);
      if (kind == Recorded::kNone || !In(period, e.event_date)) continue;
      std::set<size_t> hit = owners;
      hit.insert(published.begin(), published.end());
      for (const LegalEventParty& p : e.parties) matcher.ByName(p.name, hit);
      for (size_t i : hit) recorded[i][kind].insert(EventKey(e));
    }
  }

  for (size_t i = 0; i < subjects.size(); ++i) {
    std::map<std::string, double>& v = out[subjects[i].code];
    auto put = [&](const char* m, size_t n) {
      if (wanted.count(m)) v[m] = static_cast<double>(n);
    };
    put(kValidInventionPatents, valid[i].size());
    put(kHighValueInventionPatents, high[i].size());
    put(kPctFilings, pct[i].size());
    put(kRecordedTransfers, recorded[i][Recorded::kTransfer].size());
    put(kRecordedLicences, recorded[i][Recorded::kLicence].size());
    put(kRecordedPledges, recorded[i][Recorded::kPledge].size());
  }
  return out;
}

}  // namespace patnav::domain
