// The legal status a publication is indexed with (LS= and EX= in the query
// language): the state the status engine (domain/patent_status.h) gives it
// in its own country on the day it is indexed, and its expected expiry. The
// index layer cannot call the engine (it lives above); the caller of an
// index update passes it in as a LegalStatusFn (IndexWriteOptions).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/patent_record.h"

namespace patnav::index {

struct IndexedLegalStatus {
  std::string state;   // a LegalStateName: "pending", "in_force", "lapsed", "expired", ...
  std::string expiry;  // ISO; "" when unknown
};

// The status of a stored publication, or nullopt when unknown. Called on
// the index's store-reading thread, one call at a time.
using LegalStatusFn = std::function<std::optional<IndexedLegalStatus>(const PatentRecord&)>;

// The group LS= names for a state: "live" (in_force), "dead" (lapsed,
// expired, revoked, withdrawn, refused), "pending"; "" for unknown states.
std::string_view LegalStatusGroup(std::string_view state);

// The values LS= accepts, canonical (upper-case ASCII and Chinese synonyms
// mapped): "live", "dead", "pending", or a state name ("in_force",
// "lapsed", "expired", "revoked", "withdrawn", "refused"); "" when `value`
// is none of them. Synonyms: alive/active/有效 = live, 失效/无效 = dead,
// 审中/在审 = pending, inforce = in_force.
std::string CanonicalLegalStatusValue(std::string_view value);

}  // namespace patnav::index
