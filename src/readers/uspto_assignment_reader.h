// The USPTO patent assignment day files (`us-patent-assignments`, dtd 1.0:
// daily `ad*.xml`, alone or in their zips): one XML document holding a
// prolog (declaration, DOCTYPE with an internal subset, action key,
// transaction date) and then thousands of <patent-assignment> records.
//
// Streaming: the document is cut at each <patent-assignment>...</patent-
// assignment> without parsing the whole, so memory holds one record at a
// time and a malformed record is rejected alone (doc_index: its 0-based
// position in the file; the reason names its byte offset, its reel/frame when
// readable, the element and why). The prolog goes through xml_prepare.h once:
// a DOCTYPE with external or parameter entities refuses the whole file (one
// rejection, doc_index 0), external entities are never resolved; when the
// internal subset declares entities, every record is prepared with the prolog
// in front so that they expand.
//
// Each record becomes one LegalEvent per patent property (the patent, its
// publication and its application; one event per distinct subject):
//   subject             the grant (kind B*, E*, S*, P*), else the pre-grant
//                       publication (A*), else the application alone as
//                       LegalSubject-like "USAPP" + number
//   application_number  the X0 document (digits), so the event attaches to
//                       the application's publication and grant when they
//                       arrive (PatentStore::LegalEventsOf)
//   territory           US
//   event_date          recorded-date; effective_date the latest assignor
//                       execution date when not after it
//   inpadoc             US AS, class/influence per model/conveyance.h
//   reference           reel/frame "RRRRRR/FFFF" (part of the identity)
//   conveyance, parties the kind of conveyance-text; assignors (with their
//                       execution dates) and assignees (with address)
//   source              {"uspto-assignment", conveyance kind, conveyance-text}
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "readers/reader.h"

namespace patnav {

inline constexpr std::string_view kUsptoAssignmentFormat = "uspto-assignment";
// Largest single <patent-assignment> record accepted; a bigger one is rejected.
inline constexpr size_t kMaxAssignmentRecordBytes = 16u << 20;

std::unique_ptr<Reader> NewUsptoAssignmentReader();

// True when `head` is XML whose root (or DOCTYPE) is us-patent-assignments.
bool LooksLikeUsptoAssignments(std::string_view head);

// The events of one parsed <patent-assignment> element (see above), appended
// to `events`; on error (a missing reel/frame, recorded date, assignor,
// assignee or patent; a bad date) nothing is appended and the status says
// which element and why. Exposed for tests and the fuzz harness.
Status ParseAssignmentRecord(const pugi::xml_node& record, std::vector<LegalEvent>& events);

}  // namespace patnav
