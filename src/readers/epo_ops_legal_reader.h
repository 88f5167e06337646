// INPADOC legal events as the EPO's OPS service returns them
// (`ops:world-patent-data/ops:patent-family/ops:family-member`, each member
// with its `ops:legal` events; OPS 3.2). One XML document, read whole (at
// most kMaxXmlDocumentBytes) after the project's XML safety pass
// (xml_prepare.h: external entities are refused, never resolved). Elements
// are matched by local name, whatever their namespace prefix.
//
// Each family member yields one bibliographic record (the docdb
// publication-reference with its date, the application-reference with its
// filing date, the priority claims, the family id; source.format "epo-ops")
// so that the status engine has the term's start, and each <ops:legal> one
// LegalEvent of that publication:
//   subject        LegalSubject of the docdb publication-reference
//   application    the docdb application-reference, only for non-EP members
//                  (EP A and B publications share the doc number, and bare
//                  application numbers of different offices collide)
//   territory      L501EP (the "Ref Country Code" of a per-country event
//                  such as PG25, PGFP or REG); else the country an EP code's
//                  description names ("BE: LAPSED" is BE); else L001EP
//   event_date     L007EP (gazette date); effective_date L525EP
//   INPADOC        L001EP + the code attribute (trailing spaces dropped); for
//                  REG ("reference to a national code") the national code
//                  instead, L501EP + L502EP ("IE MM4A"), with its own class
//   class          from the shipped INPADOC table (model/inpadoc_codes.h).
//                  A code the table does not know is KEPT, unclassified
//                  (class ' '), with the influence OPS gives (`infl`), and
//                  reported once per code through RecordSink::OnWarning
//   designations   an event listing designated states (L507EP: AK, AKX,
//                  AX ...) becomes one event per state, territory = the
//                  state, so the status engine can ask "designated in DE?"
//   source         {"epo-ops", the OPS code ("REG IE MM4A" for REG), the
//                  OPS description + " — " + the free text / fee year}
// Rejected (doc_index: 0-based member position, the reason naming the
// event's position and code): a member without a docdb publication number,
// an event whose gazette date is missing or not a date. Malformed XML or a
// refused DOCTYPE rejects the whole document (doc_index 0). The rest goes on.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

inline constexpr std::string_view kEpoOpsFormat = "epo-ops";

std::unique_ptr<Reader> NewEpoOpsLegalReader();
// True when `head` is an OPS world-patent-data document with a patent
// family or legal events (any namespace prefix), not an EP Register answer.
bool LooksLikeEpoOpsLegal(std::string_view head);

}  // namespace patnav
