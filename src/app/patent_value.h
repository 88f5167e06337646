// Patent value: the value model's legal, technical and economic scores, with
// each indicator's contribution (domain/value_model.h), of given publications
// or of a search's top hits. Authorised as Action::kSearchPatents; keeping the
// scores (save) writes derived patent data to operations.db and needs
// Action::kIngest as well.
//
// Thread-safety: callable from any thread. Lock order on the workspace: the
// searcher (released), then operations.db, then the store inside it.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/value_model.h"

namespace patnav::app {

struct PatentValueRequest {
  std::vector<std::string> publications;  // any spelling; or
  std::string query;                      // score the top `limit` hits of this query (exactly one of the two)
  int limit = 50;                         // 1..100000
  std::string weights_json;               // weights over the defaults (docs/pools.md); empty: the defaults
  std::string as_of;                      // assessment date YYYY-MM-DD; empty: today
  bool save = false;                      // keep the scores in operations.db (distribution by value uses them)
};

struct PatentValueResult {
  std::vector<domain::PatentValue> values;  // in request order (query: rank order); PatentValuesJson
  std::vector<std::string> warnings;        // "no publication matches the query" (values empty)
};

// InvalidArgument for both or neither of publications and query, bad weights,
// a bad query, save without an operations database; NotFound for an unknown
// publication ("unknown patent X (not in the store)") or no store.
// Economic facts come from operations.db when there is one.
Result<PatentValueResult> ValuePatents(const Caller& caller, Workspace& workspace, const PatentValueRequest& request);

}  // namespace patnav::app
