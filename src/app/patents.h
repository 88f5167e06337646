// Reading the patent store: one publication (show) and the store's counts
// (stats). Authorised as Action::kSearchPatents.
//
// Thread-safety: as the Workspace: calls from any thread; each runs under the
// workspace's store handle, so store reads queue behind one another (and
// behind an ingest, which holds the store for its whole run).
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "model/patent_record.h"
#include "store/patent_store.h"

namespace patnav::app {

struct ShowPatentRequest {
  // Any spelling: US-2015112182-A1, US20150112182A1, 8926509 (country US
  // assumed), or without a kind code (the kind the store holds: B2, B1, A1,
  // ... in that order of preference).
  std::string publication_number;
};

struct ShowPatentResult {
  PatentRecord record;  // description included
  std::vector<std::string> warnings;
};

// InvalidArgument when the text is no publication number; NotFound
// "US8926509B2 is not in the store"; NotFound (hint: ingest) when there is no
// store.
Result<ShowPatentResult> ShowPatent(const Caller& caller, Workspace& workspace, const ShowPatentRequest& request);

// The same lookup, answering the record as the canonical JSON text the store
// keeps (no description), without decoding it: what the API's patent page
// sends. Same errors as ShowPatent.
Result<std::string> ShowPatentJson(const Caller& caller, Workspace& workspace, const ShowPatentRequest& request);

struct StoreStatsRequest {};

struct StoreStatsResult {
  StoreStats stats;
  std::vector<std::string> warnings;
};

// Counts by country, kind, publication year and source format
// (StoreStatsJson gives the JSON). NotFound when there is no store.
Result<StoreStatsResult> GetStoreStats(const Caller& caller, Workspace& workspace, const StoreStatsRequest& request = {});

}  // namespace patnav::app
