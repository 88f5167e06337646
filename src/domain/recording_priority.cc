// The library's priority circumstances (recording_priority.h).
#include "domain/recording_priority.h"

#include <set>

namespace patnav::domain {

std::vector<PriorityCircumstance> PriorityCircumstances(const Alliance& alliance, const std::vector<Member>& members,
                                                        bool third_party_operator, std::string_view as_of) {
  std::set<std::string> types;
  std::string centres;
  for (const Member& m : members) {
    if (!m.active_on(as_of)) continue;
    types.insert(m.type);
    if (m.trading_centre) centres += (centres.empty() ? "" : ", ") + m.name;
  }
  std::string missing;
  for (const char* t : {"industry", "university", "research", "finance", "intermediary", "application"})
    if (!types.count(t)) missing += (missing.empty() ? "" : ", ") + std::string(t);
  std::vector<PriorityCircumstance> out;
  out.push_back({"all_six_elements", missing.empty(),
                 missing.empty() ? "members of all six types (产学研金介用)" : "no member of type " + missing});
  out.push_back({"national_trading_centre_member", !centres.empty(),
                 centres.empty() ? "no member is a national patent technology exhibition and trading centre" : centres});
  bool business = alliance.form == "business_entity";
  out.push_back({"business_entity_or_third_party_operator", business || third_party_operator,
                 business               ? "the alliance is a business entity"
                 : third_party_operator ? "a third-party professional operator runs it"
                                        : "form " + alliance.form + ", no third-party operator"});
  return out;
}

int PriorityCount(const std::vector<PriorityCircumstance>& circumstances) {
  int n = 0;
  for (const auto& c : circumstances) n += c.met ? 1 : 0;
  return n;
}

}  // namespace patnav::domain
