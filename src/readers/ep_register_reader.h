// The EP Register as the EPO's OPS register service returns it
// (`world-patent-data/register-search/register-documents/register-document`,
// "biblio" and "events" answers; any namespace prefix). One XML document,
// read whole (at most kMaxXmlDocumentBytes) after the XML safety pass
// (external entities refused, never resolved).
//
// Each register-document concerns one EP publication: its number comes from
// the bibliographic-data's publication-reference, else (an "events" answer
// carries no bibliography) from the search query ("publication=EP2400812");
// a document naming neither is rejected (doc_index: its 0-based position).
// From bibliographic-data, one record (source.format "ep-register"): the
// latest publication (B1 after A1, with its grant date), the application and
// its filing date, the current title per language, applicants, inventors and
// IPC (the newest entry of each history). Every event has territory EP
// unless said, subject "EP" + number, source {"ep-register", code, text}:
//   ep-patent-status        the procedural status with its change date
//                           (granted = EP GRAA, no opposition = EP PLBE,
//                           grant intended = EP GRAH, withdrawn/refused/
//                           revoked = EP 18W/18D/18R/27W, opposition = EP 26,
//                           others by their words, classes D/Q/L)
//   designation-of-states   one EP AK event per designated or extension
//                           state (territory = the state), dated when the
//                           state first appears in the history
//   lapsed-in-country       (term-of-grant, newest entry) one EP PG25 event
//                           per state, territory = the state, dated and
//                           effective on the lapse date (as INPADOC dates it)
//   opposition-data         opposition-not-filed: EP PLBE; each opponent:
//                           EP 26 (class L, negative) with the opponent as a
//                           party (role "opponent")
//   applicants history      each change: EP RAP1 (class R) with the former
//                           applicants as assignors and the new ones as
//                           assignees; conveyance "assignment" when the names
//                           changed (so the current owner follows), none when
//                           only an address changed
//   dates-rights-effective  request for examination EP 17P, first
//                           examination report EP 17P/17Q
//   dossier-event           by event code (ep_register_codes.h): e.g.
//                           0009210 grant EP GRAA, 0009261 EP PLBE, renewal
//                           fees paid class U; "lapse in a contracting state"
//                           (0009250) names no state and stays class W
// The same fact told twice (status "granted" and dossier 0009210 on the same
// day) is the same EventKey, so the store keeps one event with two sources.
// Unknown codes and status texts are KEPT, unclassified (class ' '), and
// reported once per code through RecordSink::OnWarning. An event without a
// date or with a bad one is rejected (the reason names the element); the
// rest of the document goes on.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

inline constexpr std::string_view kEpRegisterFormat = "ep-register";

std::unique_ptr<Reader> NewEpRegisterReader();
// True when `head` is XML holding EP Register documents (register-document
// or register-search, any prefix).
bool LooksLikeEpRegister(std::string_view head);

}  // namespace patnav
