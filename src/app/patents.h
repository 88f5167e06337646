// Reading the patent store: one publication (show), its links to others
// (citations both ways, family) and the store's counts (stats). Authorised as Action::kSearchPatents.
//
// Thread-safety: as the Workspace: calls from any thread; each runs under the
// workspace's store handle, so store reads queue behind one another (and
// behind an ingest, which holds the store for its whole run).
#pragma once

#include <cstdint>
#include <optional>
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

struct PatentLinksRequest {
  std::string publication_number;  // any spelling, as ShowPatentRequest
  int64_t cited_by_limit = 200;    // at most this many citing publications listed, 0..10000
  int64_t cited_by_offset = 0;     // after skipping this many (paging), >= 0
};

// One citation of the publication, with the stored publication it names
// when there is one (PatentStore::FindCited).
struct CitedPublication {
  Citation citation;
  std::optional<PublicationBrief> stored;
};

struct PatentLinksResult {
  std::string publication_number;            // as stored
  std::vector<CitedPublication> cites;       // the record's citations, in its order
  int64_t cited_by_total = 0;                // stored publications citing it
  int64_t cited_by_offset = 0;               // as asked
  std::vector<PublicationBrief> cited_by;    // cited_by_limit of them from cited_by_offset on, by number
  std::string family_id;                     // "" when the record names none
  std::vector<PublicationBrief> family;      // stored members, itself included, by number
};

// Citations both ways and the family of one stored publication. Same errors
// as ShowPatent; InvalidArgument (naming cited_by_limit or cited_by_offset)
// out of range.
Result<PatentLinksResult> PatentLinks(const Caller& caller, Workspace& workspace, const PatentLinksRequest& request);

struct StoreStatsRequest {};

struct StoreStatsResult {
  StoreStats stats;
  std::vector<std::string> warnings;
};

// Counts by country, kind, publication year and source format
// (StoreStatsJson gives the JSON). NotFound when there is no store.
Result<StoreStatsResult> GetStoreStats(const Caller& caller, Workspace& workspace, const StoreStatsRequest& request = {});

}  // namespace patnav::app
