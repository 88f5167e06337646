// The legal status of one publication in one country on one date: the
// status engine (domain/patent_status.h) over the stored record and its
// stored legal events. Authorised as Action::kSearchPatents.
//
// Thread-safety: as the Workspace: callable from any thread; runs under the
// workspace's store handle.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/patent_status.h"

namespace patnav::app {

struct PatentStatusRequest {
  std::string publication;  // any spelling (as ShowPatentRequest); a number without kind: the kind stored
  std::string country;      // two letters; empty: the publication's country
  std::string as_of;        // ISO date; empty: today (UTC)
};

struct PatentStatusResult {
  domain::PatentStatus status;
};

// InvalidArgument for a text that is no publication number, a country that
// is not two letters or a date that is not ISO; NotFound "US8926509B2 is not
// in the store".
Result<PatentStatusResult> PatentStatus(const Caller& caller, Workspace& workspace, const PatentStatusRequest& request);

// {"publication_number", "country", "as_of", "state", "term_start", "expiry",
//  "ended_on"?, "next_fee"?: {"what", "due", "grace_ends"}, "basis": {"rule",
//  "notes": [...], "events": [{"date", "effective_date"?, "territory",
//  "inpadoc_code"?, "class"?, "influence"?, "sources": [{"format", "code",
//  "text"}]}]}, "owner": {"current": [names], "basis", "chain": [{"date",
//  "recorded", "reel_frame", "conveyance", "from": [...], "to": [...]}],
//  "encumbrances": [same], "notes": [...]}, "countries"?: [{"country",
//  "state", "ended_on"?, "basis"?}] (an EP publication asked for EP: each
//  designated state)}
nlohmann::ordered_json PatentStatusJson(const domain::PatentStatus& status);

}  // namespace patnav::app
