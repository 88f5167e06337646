// The JSON forms of the recording workflow and the library (recordings.h),
// for the API and the CLI's --format json. Warnings are not part of them.
#pragma once

#include <nlohmann/json.hpp>

#include "app/recordings.h"

namespace patnav::app {

// {"id", "alliance", "province", "state", "record_number", "recorded_on",
//  "rejection_reason", "created_at", "updated_at", "form": {entered fields}}
nlohmann::ordered_json ToJson(const domain::Recording& r);
// The recording with "application_form" (alliance fields and member counts),
// "materials", "failing_rules", "priority_circumstances", "history",
// "allowed_actions".
nlohmann::ordered_json ToJson(const RecordingView& v);
nlohmann::ordered_json ToJson(const RecordingList& l);        // an array of ToJson(Recording)
nlohmann::ordered_json ToJson(const domain::LibraryEntry& e);
nlohmann::ordered_json ToJson(const LibraryList& l);          // an array of entries
nlohmann::ordered_json ToJson(const LibraryEntryResult& r);   // the entry

}  // namespace patnav::app
