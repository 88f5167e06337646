// The patent status call and its JSON (patent_status.h).
#include "app/patent_status.h"

#include <optional>

#include "app/authorize.h"
#include "domain/index_status.h"
#include "domain/patent_term.h"
#include "domain/period.h"
#include "model/dates.h"

namespace patnav::app {

Result<PatentStatusResult> PatentStatus(const Caller& caller, Workspace& workspace, const PatentStatusRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  std::string as_of = request.as_of.empty() ? domain::TodayUtc() : request.as_of;
  if (!IsIsoDate(as_of)) return Status::InvalidArgument("--as-of '" + request.as_of + "' is not a date (YYYY-MM-DD)");
  if (!request.country.empty() &&
      (request.country.size() != 2 || !std::isupper(static_cast<unsigned char>(request.country[0])) ||
       !std::isupper(static_cast<unsigned char>(request.country[1]))))
    return Status::InvalidArgument("country '" + request.country + "' is not a two-letter code such as US or DE");
  PatentStatusResult result;
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(PatentRecord record, domain::FindPatent(store, request.publication));
    ASSIGN_OR_RETURN(std::vector<LegalEvent> events, domain::EventsForStatus(store, record));
    result.status = domain::EvaluatePatentStatus(record, events, request.country, as_of);
    return Status::OK();
  }));
  return result;
}

nlohmann::ordered_json PatentStatusJson(const domain::PatentStatus& s) {
  using J = nlohmann::ordered_json;
  J j = J::object();
  j["publication_number"] = s.publication_number;
  j["country"] = s.country;
  j["as_of"] = s.as_of;
  j["state"] = domain::LegalStateName(s.state);
  if (!s.term_start.empty()) j["term_start"] = s.term_start;
  if (!s.expiry.empty()) j["expiry"] = s.expiry;
  if (!s.ended_on.empty()) j["ended_on"] = s.ended_on;
  if (s.next_fee) j["next_fee"] = J{{"what", s.next_fee->what}, {"due", s.next_fee->due}, {"grace_ends", s.next_fee->grace_ends}};
  J events = J::array();
  for (const LegalEvent& e : s.events) {
    J o = J::object();
    o["date"] = e.event_date;
    if (!e.effective_date.empty()) o["effective_date"] = e.effective_date;
    o["territory"] = e.territory;
    if (!e.inpadoc_code.empty()) o["inpadoc_code"] = e.inpadoc_office + " " + e.inpadoc_code;
    if (e.event_class != ' ') o["class"] = std::string(1, e.event_class);
    if (e.influence != ' ') o["influence"] = std::string(1, e.influence);
    J sources = J::array();
    for (const LegalEventSource& src : e.sources) sources.push_back(J{{"format", src.format}, {"code", src.code}, {"text", src.text}});
    o["sources"] = std::move(sources);
    events.push_back(std::move(o));
  }
  j["basis"] = J{{"rule", s.rule}, {"notes", s.notes}, {"events", std::move(events)}};
  if (!s.countries.empty()) {
    J countries = J::array();
    for (const domain::CountryState& c : s.countries) {
      J o = J{{"country", c.country}, {"state", domain::LegalStateName(c.state)}};
      if (!c.ended_on.empty()) o["ended_on"] = c.ended_on;
      if (!c.basis.empty()) o["basis"] = c.basis;
      countries.push_back(std::move(o));
    }
    j["countries"] = std::move(countries);
  }
  auto transfers = [](const std::vector<domain::OwnershipTransfer>& list) {
    J a = J::array();
    for (const domain::OwnershipTransfer& t : list)
      a.push_back(J{{"date", t.date}, {"recorded", t.recorded}, {"reel_frame", t.reference},
                    {"conveyance", t.conveyance}, {"from", t.from}, {"to", t.to}});
    return a;
  };
  j["owner"] = J{{"current", s.owner.current},
                 {"basis", s.owner.basis},
                 {"chain", transfers(s.owner.chain)},
                 {"encumbrances", transfers(s.owner.encumbrances)},
                 {"notes", s.owner.notes}};
  return j;
}

}  // namespace patnav::app
