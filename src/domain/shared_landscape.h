// Landscapes shared with an alliance (issue 11, the member portal's "shared
// landscape reports"): a landscape's JSON and the report's words beside its
// charts, frozen when it was shared, with its title, the query and analyses
// it was run with, who shared it and when, and the sizes of the analysed set
// and of the whole store at that time. Kept in operations.db, table
// shared_landscape; every lookup is confined to one alliance, so another
// alliance's report is NotFound worded as an unknown one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct SharedLandscapeInput {
  std::string title;                  // 1..200 characters after trimming
  std::string query;                  // as the sharer gave it ("*": the whole store)
  std::vector<std::string> analyses;  // the analyses present, in report order
  int64_t patents = 0;                // in the analysed set
  int64_t store_patents = 0;          // in the store when shared
  std::string landscape;              // the landscape JSON (docs/landscape-json.md)
  std::string presentation;           // the report's titles, definitions, readings and chart labels (JSON)
  std::string shared_by;              // the sharer's user name
};

struct SharedLandscape {
  int64_t id = 0;
  std::string title, query;
  std::vector<std::string> analyses;
  int64_t patents = 0, store_patents = 0;
  std::string shared_by, shared_at;  // shared_at: YYYY-MM-DDTHH:MM:SSZ
  // Filled by FindSharedLandscapeIn only (ListSharedLandscapes leaves them empty).
  std::string landscape, presentation;
};

// Stores the landscape for alliance `alliance_id` and returns its id.
// InvalidArgument "title: ..." for an empty or over-long title.
Result<int64_t> AddSharedLandscape(OperationsDb& ops, int64_t alliance_id, const SharedLandscapeInput& in);

// The alliance's shared landscapes, newest first, without their JSON.
Result<std::vector<SharedLandscape>> ListSharedLandscapes(OperationsDb& ops, int64_t alliance_id);

// One of the alliance's shared landscapes with its JSON; NotFound "unknown
// shared landscape N" for an id of another alliance as for a missing one.
Result<SharedLandscape> FindSharedLandscapeIn(OperationsDb& ops, int64_t alliance_id, int64_t id);

// Removes one of the alliance's shared landscapes (NotFound as above).
Status DeleteSharedLandscape(OperationsDb& ops, int64_t alliance_id, int64_t id);

}  // namespace patnav::domain
