// Digests of the slower watch rates (issue 14), authorised: collecting the
// digests due at a time (the command line's `patnav watch digest`, and the
// server's monitoring timer, monitoring_timer.h), and reading the digests of
// a watch the caller sees. What a digest holds and when it is due:
// domain/digest.h.
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/digest.h"

namespace patnav::app {

// Makes the digests due at `now` (seconds since the epoch), queueing their
// webhook deliveries in the same transactions. Authorised as Action::kIngest.
// Nothing to do (empty) when no watch was ever created.
Result<std::vector<domain::Digest>> RunDigests(const Caller& caller, Workspace& ws, int64_t now);
// The same without authorisation, for the server's timer.
Result<std::vector<domain::Digest>> CollectDigestsNow(Workspace& ws, int64_t now);

// The digests of watch `watch_id`, newest first; NotFound when the caller
// does not see the watch.
Result<std::vector<domain::Digest>> ListWatchDigests(const Caller& caller, Workspace& ws, int64_t watch_id);

nlohmann::ordered_json DigestJson(const domain::Digest& d);

}  // namespace patnav::app
