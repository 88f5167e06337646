// A legal event in canonical form: something an office recorded about a
// patent or application (a fee paid, a lapse, a revival, a grant ...), from
// any source format, classified in the EPO's INPADOC vocabulary
// (inpadoc_codes.h) so that every source speaks the same language.
//
// Identity: two events are the same event when they concern the same subject
// and territory, on the same date, with the same INPADOC code (EventKey). The
// same fee payment read from the USPTO maintenance fee file and from INPADOC
// is one event with two sources.
#pragma once

#include <string>
#include <vector>

namespace patnav {

// Where an event was read: the source format ("uspto-maintfee", "epo-ops"),
// the source's own code ("M1551", "EXP.", "PG25") and its text.
struct LegalEventSource {
  std::string format;
  std::string code;
  std::string text;
  bool operator==(const LegalEventSource&) const = default;
};

// A party to an ownership transaction (a USPTO assignment, an EP Register
// applicant change) or to a review (an opponent of an EP patent).
struct LegalEventParty {
  std::string role;     // "assignor" (conveys), "assignee" (receives) or "opponent"
  std::string name;     // as recorded
  std::string date;     // ISO execution date of an assignor; "" when none
  std::string address;  // assignee's address as recorded, parts joined by ", "; may be empty
  bool operator==(const LegalEventParty&) const = default;
};

struct LegalEvent {
  // The patent concerned: country + DOCDB doc number, no kind ("US8926509",
  // "USD500000", "EP1000000"); see LegalSubject. Required.
  std::string subject;
  std::string application_number;  // as the office writes it, digits only for the US; may be empty
  std::string territory;           // country where the event takes effect ("DE" for an EP lapse in Germany); required
  std::string event_date;          // ISO; required
  std::string effective_date;      // ISO; empty when the source gives none
  // The INPADOC code the event is (or maps to): office and code, e.g. "US"
  // "LAPS"; empty when the source code has no INPADOC equivalent.
  std::string inpadoc_office;
  std::string inpadoc_code;
  char event_class = ' ';  // INPADOC class 'A'..'Z', ' ' when unknown
  char influence = ' ';    // '+', '-', ' ' when none
  // At least one; a merged event lists every source that reported it.
  std::vector<LegalEventSource> sources;
  // Ownership transactions only (model/conveyance.h); empty for other events.
  // `reference` is the office's record of the transaction (USPTO reel/frame
  // "037388/0092"); when not empty it is part of the event's identity, so two
  // assignments recorded the same day stay two events. `conveyance` is a
  // ConveyanceKindName ("assignment", "merger", ...).
  std::string reference;
  std::string conveyance;
  std::vector<LegalEventParty> parties;

  bool operator==(const LegalEvent&) const = default;
};

// country + doc number in DOCDB form: ("US", "08926509") -> "US8926509".
std::string LegalSubject(std::string_view country, std::string_view doc_number);

// The identity of an event (see above): subject|territory|date|office|code,
// with the first source's format:code standing in for a missing INPADOC code,
// then |reference when the event has one.
std::string EventKey(const LegalEvent& e);

// Empty when `e` is well-formed; else why not (missing subject, territory or
// source, a date that is not ISO, a class outside A..Z).
std::string LegalEventProblem(const LegalEvent& e);

// Fills event_class and influence from the INPADOC table when the event has
// an INPADOC code the table knows.
void ClassifyLegalEvent(LegalEvent& e);

}  // namespace patnav
