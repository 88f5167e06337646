// Canonical legal events: identity, validation, classification.
#include "model/legal_event.h"

#include "model/dates.h"
#include "model/inpadoc_codes.h"
#include "model/publication_number.h"

namespace patnav {

std::string LegalSubject(std::string_view country, std::string_view doc_number) {
  return std::string(country) + NormalizeDocNumber(country, doc_number);
}

std::string EventKey(const LegalEvent& e) {
  std::string what = e.inpadoc_code.empty() && !e.sources.empty()
                         ? e.sources.front().format + ":" + e.sources.front().code
                         : e.inpadoc_office + ":" + e.inpadoc_code;
  std::string key = e.subject + "|" + e.territory + "|" + e.event_date + "|" + what;
  if (!e.reference.empty()) key += "|" + e.reference;
  return key;
}

std::string LegalEventProblem(const LegalEvent& e) {
  if (e.subject.size() < 3) return "no patent";
  if (e.territory.size() != 2) return "no territory (two-letter country)";
  if (!IsIsoDate(e.event_date)) return "event date '" + e.event_date + "' is not a date";
  if (!e.effective_date.empty() && !IsIsoDate(e.effective_date))
    return "effective date '" + e.effective_date + "' is not a date";
  if (e.sources.empty()) return "no source";
  if (e.event_class != ' ' && (e.event_class < 'A' || e.event_class > 'Z')) return "bad event class";
  if (e.influence != ' ' && e.influence != '+' && e.influence != '-') return "bad influence";
  for (const LegalEventParty& p : e.parties) {
    if (p.role != "assignor" && p.role != "assignee" && p.role != "opponent")
      return "party role '" + p.role + "' is not assignor, assignee or opponent";
    if (p.name.empty()) return "a party without a name";
    if (!p.date.empty() && !IsIsoDate(p.date)) return "party date '" + p.date + "' is not a date";
  }
  return "";
}

void ClassifyLegalEvent(LegalEvent& e) {
  if (e.inpadoc_code.empty()) return;
  if (const InpadocCode* c = FindInpadocCode(e.inpadoc_office, e.inpadoc_code)) {
    e.event_class = c->event_class;
    e.influence = c->influence;
  }
}

}  // namespace patnav
