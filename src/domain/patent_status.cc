// The status engine (patent_status.h).
#include "domain/patent_status.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <utility>

#include "domain/patent_term.h"
#include "domain/period.h"
#include "model/dates.h"
#include "model/inpadoc_codes.h"
#include "model/uspto_maintfee_codes.h"

namespace patnav::domain {

namespace {

std::string AddMonthsIso(const std::string& date, int months) { return date.size() < 10 ? "" : AddMonths(date, months); }

const MaintFeeCode* MaintFeeSource(const LegalEvent& e) {
  for (const LegalEventSource& s : e.sources)
    if (s.format == "uspto-maintfee")
      if (const MaintFeeCode* c = FindMaintFeeCode(s.code)) return c;
  return nullptr;
}

std::string Describe(const LegalEvent& e) {
  std::string code = e.inpadoc_code.empty() ? (e.sources.empty() ? "" : e.sources.front().code)
                                            : e.inpadoc_office + " " + e.inpadoc_code;
  std::string text = e.sources.empty() ? "" : e.sources.front().text;
  return e.event_date + " " + e.territory + " " + code + (text.empty() ? "" : " (" + text + ")");
}

bool Mentions(const LegalEvent& e, std::string_view word) {
  if (!e.inpadoc_code.empty())
    if (const InpadocCode* c = FindInpadocCode(e.inpadoc_office, e.inpadoc_code))
      if (std::string_view(c->description).find(word) != std::string_view::npos) return true;
  return false;
}

enum class TermKind { kUsUtility, kUsDesign, kUsPlant, kOther };

// The term: its start, its last day, and (when explaining) the rule, from
// the record alone.
TermKind Term(const PatentRecord& r, PatentStatus& out, bool explain) {
  const char k = r.kind.empty() ? ' ' : r.kind[0];
  const bool design = (r.country == "US" && (k == 'S' || r.doc_number.starts_with("D")));
  const bool plant = r.country == "US" && (k == 'P' || r.doc_number.starts_with("PP"));
  std::string filed = !r.filing_date.empty() ? r.filing_date : r.priority_date;
  if (design) {
    std::string granted = !r.grant_date.empty() ? r.grant_date : r.publication_date;
    bool fifteen = (!r.filing_date.empty() ? r.filing_date : granted) >= "2015-05-13";
    int years = r.length_of_grant_years.value_or(fifteen ? 15 : 14);
    out.term_start = granted;
    if (!granted.empty()) out.expiry = AddYears(granted, years);
    if (explain)
      out.rule = "US design: " + std::to_string(years) + " years from grant (" +
                 (fifteen ? "filed on or after 2015-05-13" : "filed before 2015-05-13") + ")";
    return TermKind::kUsDesign;
  }
  if (r.country == "US") {
    std::string start = r.filing_date;
    const ParentApplication* from = nullptr;
    for (const ParentApplication& p : r.parent_applications) {
      if (p.date.empty() || (p.country != "US" && p.relation != "pct")) continue;
      if (start.empty() || p.date < start) {
        start = p.date;
        from = &p;
      }
    }
    if (start.empty()) start = r.priority_date;
    out.term_start = start;
    int pta = plant ? 0 : r.term_extension_days.value_or(0);
    if (!start.empty()) out.expiry = AddDays(AddYears(start, 20), pta);
    if (explain) {
      out.rule = std::string(plant ? "US plant" : "US utility") +
                 ": 20 years from the earliest non-provisional US filing (" + (start.empty() ? "unknown" : start) +
                 ", " + (from ? from->relation + " of " + from->country + " " + from->doc_number : "its own filing") +
                 ")" + (pta ? " plus " + std::to_string(pta) + " days of term adjustment" : "");
      if (r.terminal_disclaimer) out.notes.push_back("a terminal disclaimer may end the term earlier");
    }
    return plant ? TermKind::kUsPlant : TermKind::kUsUtility;
  }
  if (r.country == "CN") {
    int years = 20;
    const char* what = "invention";
    if (k == 'U' || k == 'Y') years = 10, what = "utility model";
    if (k == 'S') years = filed >= "2021-06-01" ? 15 : 10, what = "design";
    out.term_start = filed;
    if (!filed.empty()) out.expiry = AddYears(filed, years);
    if (explain) out.rule = std::string("CN ") + what + ": " + std::to_string(years) + " years from filing";
    return TermKind::kOther;
  }
  out.term_start = filed;
  if (!filed.empty()) out.expiry = AddYears(filed, 20);
  if (explain) out.rule = r.country + ": 20 years from filing";
  return TermKind::kOther;
}

// A US maintenance-fee event, or an INPADOC US code of one; `code` is the
// maintenance-fee code when the event came from the fee file.
bool UsFeeEvent(const LegalEvent& e, const MaintFeeCode** code) {
  *code = MaintFeeSource(e);
  return *code || (e.inpadoc_office == "US" && (e.inpadoc_code == "LAPS" || e.inpadoc_code == "REIN" ||
                                                e.inpadoc_code == "FP" || e.inpadoc_code == "MAFP"));
}

// US maintenance fees: windows paid, next one due, the lapse of an EXP.
// `events` are the country's, by date; those used are added to `used`.
void UsMaintenance(const PatentRecord& r, const std::vector<const LegalEvent*>& events, bool explain,
                   PatentStatus& out, std::vector<const LegalEvent*>& used, std::string& lapse_on) {
  const std::string& granted = r.grant_date;
  if (granted.empty()) return;
  unsigned paid = 0;  // bit n: the fee of grant year n was paid
  bool any = false;
  for (const LegalEvent* ep : events) {
    const LegalEvent& e = *ep;
    const MaintFeeCode* c = nullptr;
    if (!UsFeeEvent(e, &c)) continue;
    if (e.event_date > out.as_of) continue;
    any = true;
    used.push_back(ep);
    const bool lapse = c ? c->action == MaintFeeAction::kExpired : (e.inpadoc_code == "LAPS" || e.inpadoc_code == "FP");
    const bool reinstated = c ? c->action == MaintFeeAction::kReinstated : e.inpadoc_code == "REIN";
    if (c && (c->action == MaintFeeAction::kPayment || c->action == MaintFeeAction::kSurcharge) && c->fee_year > 0 &&
        c->fee_year < 32)
      paid |= 1u << c->fee_year;
    if (lapse) {
      // The right ends at the grant anniversary of the first fee left unpaid
      // whose grace period was over when the expiry was entered.
      lapse_on = e.effective_date;
      if (lapse_on.empty()) {
        for (int year : {4, 8, 12}) {
          std::string anniversary = AddYears(granted, year);
          if (!(paid & (1u << year)) && anniversary <= e.event_date) {
            lapse_on = anniversary;
            break;
          }
        }
      }
      if (lapse_on.empty()) lapse_on = e.event_date;
      if (explain)
        out.notes.push_back("expired for failure to pay a maintenance fee, effective " + lapse_on + " (" + Describe(e) +
                            ")");
    }
    if (reinstated && !lapse_on.empty()) {
      if (explain) out.notes.push_back("expiry cancelled: fee accepted after expiry (" + Describe(e) + ")");
      lapse_on.clear();
    }
  }
  if (!any && explain) out.notes.push_back("no maintenance fee events known: fees assumed paid");
  for (int year : {4, 8, 12}) {
    if (paid & (1u << year)) continue;
    std::string grace = AddYears(granted, year);
    if (grace < out.as_of) continue;
    std::string due = AddMonthsIso(granted, year * 12 - 6);
    if (!out.expiry.empty() && due > out.expiry) continue;
    if (!lapse_on.empty()) break;
    char what[64];
    std::snprintf(what, sizeof what, "US maintenance fee, %d.5 years", year - 1);
    out.next_fee = FeeDue{what, std::move(due), std::move(grace)};
    break;
  }
}

// The states an EP publication designates (EP AK/AX/RBV events) as of `as_of`.
std::set<std::string> Designated(const std::vector<LegalEvent>& events, std::string_view as_of) {
  std::set<std::string> out;
  for (const LegalEvent& e : events)
    if (e.inpadoc_office == "EP" && (e.inpadoc_code == "AK" || e.inpadoc_code == "AX" || e.inpadoc_code == "RBV") &&
        e.territory != "EP" && e.event_date <= as_of)
      out.insert(e.territory);
  return out;
}

// An event of territory EP that decides the right in every designated state.
bool EpWide(const LegalEvent& e) {
  if (e.territory != "EP") return false;
  if (e.influence == '-') return e.event_class == 'H' || e.event_class == 'B';
  if (e.influence == '+') return e.event_class == 'K' || e.event_class == 'C' || e.event_class == 'F';
  return false;
}

}  // namespace

const char* LegalStateName(LegalState s) {
  switch (s) {
    case LegalState::kPending: return "pending";
    case LegalState::kInForce: return "in_force";
    case LegalState::kLapsed: return "lapsed";
    case LegalState::kExpired: return "expired";
    case LegalState::kRevoked: return "revoked";
    case LegalState::kWithdrawn: return "withdrawn";
    case LegalState::kRefused: return "refused";
    case LegalState::kUnknown: return "unknown";
  }
  return "unknown";
}

PatentStatus EvaluatePatentStatus(const PatentRecord& r, const std::vector<LegalEvent>& events_in,
                                  std::string_view country, std::string_view as_of, StatusDetail detail) {
  const bool explain = detail == StatusDetail::kExplained;
  PatentStatus out;
  out.publication_number = r.publication_number;
  out.country = country.empty() ? r.country : std::string(country);
  out.as_of = std::string(as_of);
  if (out.country != r.country && r.country != "EP" && r.country != "WO") {
    out.state = LegalState::kUnknown;
    if (explain) out.rule = r.publication_number + " is a " + r.country + " publication: no rights in " + out.country;
    return out;
  }
  const TermKind term = Term(r, out, explain);
  if (explain) out.owner = CurrentOwnership(r, events_in, as_of);
  const bool ep_state = r.country == "EP" && out.country != "EP";
  if (ep_state) {
    std::set<std::string> designated = Designated(events_in, as_of);
    if (designated.empty()) {
      if (explain) out.notes.push_back("no designation known: " + out.country + " assumed designated");
    } else if (!designated.count(out.country)) {
      std::string list;
      for (const std::string& c : designated) list += (list.empty() ? "" : " ") + c;
      out.state = LegalState::kUnknown;
      out.rule = r.publication_number + " does not designate " + out.country + " (designated: " + list + ")";
      return out;
    }
  }
  // The events that count here, by date (pointers: events are large).
  std::vector<const LegalEvent*> events;
  for (const LegalEvent& e : events_in)
    if (e.territory == out.country || (ep_state && EpWide(e))) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const LegalEvent* a, const LegalEvent* b) { return a->event_date < b->event_date; });

  std::string ended_on;
  LegalState ended_as = LegalState::kLapsed;
  const bool us_fees = term == TermKind::kUsUtility && out.country == "US" && IsGranted(r);
  std::vector<const LegalEvent*> used;
  if (us_fees) {
    UsMaintenance(r, events, explain, out, used, ended_on);
  }
  bool withdrawn = false, refused = false;
  for (const LegalEvent* ep : events) {
    const LegalEvent& e = *ep;
    if (e.event_date > out.as_of) continue;
    const MaintFeeCode* fee_code = nullptr;
    if (us_fees && UsFeeEvent(e, &fee_code)) continue;  // used above
    const bool negative = e.influence == '-';
    if (e.event_class == 'H' && negative) {
      // Several sources report one cessation (EP PG25 and the national
      // office's own code, later): the earliest end stands.
      const std::string& end = e.effective_date.empty() ? e.event_date : e.effective_date;
      if (ended_on.empty() || end < ended_on) {
        ended_on = end;
        ended_as = Mentions(e, "REVOK") ? LegalState::kRevoked : LegalState::kLapsed;
      }
      used.push_back(ep);
      if (explain) out.notes.push_back("ceased: " + Describe(e));
    } else if ((e.event_class == 'K' || e.event_class == 'C') && e.influence == '+') {
      if (explain && (!ended_on.empty() || withdrawn || refused)) out.notes.push_back("revived: " + Describe(e));
      ended_on.clear();
      withdrawn = refused = false;
      used.push_back(ep);
    } else if (e.event_class == 'B' && negative) {
      (Mentions(e, "REFUS") ? refused : withdrawn) = true;
      used.push_back(ep);
      if (explain) out.notes.push_back("application discontinued: " + Describe(e));
    } else if (e.event_class == 'U' || e.event_class == 'F' || e.event_class == 'M') {
      used.push_back(ep);
    }
  }
  if (explain) {
    std::stable_sort(used.begin(), used.end(),
                     [](const LegalEvent* a, const LegalEvent* b) { return a->event_date < b->event_date; });
    out.events.reserve(used.size());
    for (const LegalEvent* e : used) out.events.push_back(*e);
  }

  bool granted = IsGranted(r) && (r.grant_date.empty() || r.grant_date <= out.as_of);
  for (const LegalEvent* e : events)
    if (!granted && e->event_class == 'F' && e->influence == '+' && e->event_date <= out.as_of && r.country == "EP") {
      granted = true;
      if (explain) out.notes.push_back("granted: " + Describe(*e));
    }
  if (out.expiry.empty()) {
    out.state = LegalState::kUnknown;
    if (explain) out.notes.push_back("no filing or grant date: the term is unknown");
  } else if (out.as_of > out.expiry) {
    out.state = LegalState::kExpired;
  } else if (!ended_on.empty() && ended_on <= out.as_of) {
    out.state = ended_as;
    out.ended_on = ended_on;
  } else if (refused) {
    out.state = LegalState::kRefused;
  } else if (withdrawn) {
    out.state = LegalState::kWithdrawn;
  } else if (!granted) {
    out.state = LegalState::kPending;
  } else {
    out.state = LegalState::kInForce;
  }
  if (out.state != LegalState::kInForce && out.state != LegalState::kPending) out.next_fee.reset();
  if (r.country == "EP" && out.country == "EP") {
    for (const std::string& c : Designated(events_in, as_of)) {
      PatentStatus there = EvaluatePatentStatus(r, events_in, c, as_of, detail);
      CountryState cs{c, there.state, there.ended_on, ""};
      for (const std::string& n : there.notes)
        if (n.starts_with("ceased: ") || n.starts_with("application discontinued: ") || n.starts_with("revived: "))
          cs.basis = n;
      out.countries.push_back(std::move(cs));
    }
    // A European patent is a bundle: when it has ended in every designated
    // state, it is no longer in force anywhere.
    std::string last_end;
    bool all_ended = !out.countries.empty();
    for (const CountryState& c : out.countries) {
      all_ended = all_ended && !c.ended_on.empty();
      last_end = std::max(last_end, c.ended_on);
    }
    if (all_ended && out.state == LegalState::kInForce) {
      out.state = LegalState::kLapsed;
      out.ended_on = last_end;
      if (explain) out.notes.push_back("ended in every designated state, the last on " + last_end);
      out.next_fee.reset();
    }
  }
  return out;
}

}  // namespace patnav::domain
