// The JSON forms of the recording workflow and the library (recordings.h),
// for the API and the CLI's --format json. Warnings are not part of them.
#pragma once

#include <nlohmann/json.hpp>

#include "app/recording_aftercare.h"
#include "app/recordings.h"

namespace patnav::app {

// {"id", "alliance", "province", "state", "record_number", "recorded_on",
//  "rejection_reason", "created_at", "updated_at", "form": {entered fields}}
nlohmann::ordered_json ToJson(const domain::Recording& r);
// The recording with "application_form" (alliance fields and member counts),
// "materials" (each with its "files"), "failing_rules", "priority_circumstances", "history",
// "allowed_actions".
nlohmann::ordered_json ToJson(const RecordingView& v);
// {"id", "material", "label", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"}
nlohmann::ordered_json ToJson(const domain::MaterialFile& f);
nlohmann::ordered_json ToJson(const RecordingList& l);
// {"recording", "as_of", "reports": [{id, kind, year | change_kind and
// changed_on, summary, due_on, filed_on, late, filed_by, filed_at}],
// "annual_reports": [{year, due_on, filed_on, state}], "late_annual_reports",
// "rectifications": [{id, reason, ordered_on, due_on, state, overdue, report,
// reported_on, decision, decided_on}]}
nlohmann::ordered_json ToJson(const AftercareView& v);        // an array of ToJson(Recording)
nlohmann::ordered_json ToJson(const domain::LibraryEntry& e);
nlohmann::ordered_json ToJson(const LibraryList& l);          // an array of entries
nlohmann::ordered_json ToJson(const LibraryEntryResult& r);   // the entry
// {id, alliance, level, year, decision, reason, reviewed_on, reviewed_by}
nlohmann::ordered_json ToJson(const domain::LibraryReview& r);
nlohmann::ordered_json ToJson(const LibraryReviews& l);       // an array of reviews

}  // namespace patnav::app
