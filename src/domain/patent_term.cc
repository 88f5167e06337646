// Statutory terms and family coverage.
#include "domain/patent_term.h"

#include "domain/period.h"
#include "model/publication_number.h"

namespace patnav::domain {

std::string StatutoryExpiry(const PatentRecord& r) {
  std::string filed = !r.filing_date.empty() ? r.filing_date : !r.priority_date.empty() ? r.priority_date : r.publication_date;
  const std::string& kind = r.kind;
  char k = kind.empty() ? ' ' : kind[0];
  auto last_day = [](const std::string& from, int years) {
    if (from.size() < 10) return std::string();
    return AddYears(from, years);
  };
  if (r.country == "US" && k == 'S') {
    std::string granted = !r.grant_date.empty() ? r.grant_date : r.publication_date;
    return last_day(granted, granted >= "2015-05-13" ? 15 : 14);
  }
  if (r.country == "CN" && (k == 'U' || k == 'Y')) return last_day(filed, 10);
  if (r.country == "CN" && k == 'S') return last_day(filed, filed >= "2021-06-01" ? 15 : 10);
  return last_day(filed, 20);
}

bool IsGranted(const PatentRecord& r) {
  if (!r.grant_date.empty()) return true;
  if (r.kind.empty()) return false;
  switch (r.kind[0]) {
    case 'B': case 'C': case 'E': case 'S': case 'P': case 'H': case 'U': case 'Y': return true;
    default: return false;
  }
}

Result<std::map<std::string, std::set<std::string>>> FamilyCountries(PatentStore& store,
                                                                     const std::set<std::string>& family_ids) {
  std::map<std::string, std::set<std::string>> out;
  if (family_ids.empty()) return out;
  RETURN_IF_ERROR(store.ForEach([&](const PatentRecord& r) {
    if (!r.family_id.empty() && family_ids.count(r.family_id)) out[r.family_id].insert(r.country);
    return true;
  }));
  return out;
}

Result<PatentRecord> FindPatent(PatentStore& store, std::string_view text) {
  Result<PublicationKey> key = ParsePublicationNumber(text, "US");
  if (!key.ok()) return Status::InvalidArgument("'" + std::string(text) + "' is not a publication number");
  auto found = [&](const std::string& number) -> Result<std::optional<PatentRecord>> { return store.Get(number); };
  if (!key->kind.empty()) {
    ASSIGN_OR_RETURN(std::optional<PatentRecord> r, found(key->ToString()));
    if (r) return std::move(*r);
  } else {
    for (const char* kind : {"B2", "B1", "A1", "A", "B", "A2", "A9", "S", "S1", "E", "E1", "P2", "H", "U", "C", "Y"}) {
      PublicationKey k = *key;
      k.kind = kind;
      ASSIGN_OR_RETURN(std::optional<PatentRecord> r, found(k.ToString()));
      if (r) return std::move(*r);
    }
  }
  return Status::NotFound("unknown patent " + key->ToString() + " (not in the store)");
}

}  // namespace patnav::domain
