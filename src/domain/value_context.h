// Gathers the ValueFacts the value model needs: forward citations normalised
// by cohort (IPC subclass and publication year, from one pass over the
// store), family coverage, and the economic facts recorded in operations.db
// (pools, licensees, lapses). Also stores value scores for distribution.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "domain/value_model.h"
#include "store/patent_store.h"

namespace patnav::domain {

class ValueContext {
 public:
  // One pass over `store` (descriptions not loaded) and, when `ops` is not
  // null, a few queries of operations.db. `as_of`: ISO date (empty: today).
  // FactsFor reads legal events from `store`, which must outlive the context.
  static Result<ValueContext> Build(PatentStore& store, OperationsDb* ops, std::string as_of);

  // The facts for one stored record, with its status from the status engine
  // over its stored legal events (when built from a store). REQUIRES: not
  // called from inside an iteration of that store.
  ValueFacts FactsFor(const PatentRecord& r) const;

  // The cohort key of a record: "H01M/2015" (first IPC subclass, publication year).
  static std::string CohortKey(const PatentRecord& r);

  // Adds one publication to the cohorts (used by Build; exposed so that
  // benchmarks and tests can build a context from records in memory).
  void AddPublication(const PatentRecord& r, int64_t forward_citations);
  void set_as_of(std::string d) { as_of_ = std::move(d); }

 private:
  std::string as_of_;
  PatentStore* events_store_ = nullptr;  // where FactsFor reads legal events; may be null
  std::unordered_map<std::string, int64_t> forward_;          // publication -> citing publications
  std::unordered_map<std::string, std::pair<int64_t, int64_t>> cohorts_;  // key -> (publications, citations)
  std::unordered_map<std::string, std::vector<std::string>> family_countries_;
  std::unordered_map<std::string, int64_t> pools_, licensees_;  // publication -> count
  std::unordered_map<std::string, std::string> lapsed_;         // publication -> date lapsed everywhere
  std::unordered_map<std::string, std::vector<std::string>> pool_countries_;  // countries declared at contribution
};

// Stores (replaces) the overall and dimension scores of each patent, in one
// transaction; distribution by value reads them.
Status SaveValueScores(OperationsDb& ops, const std::vector<PatentValue>& values);

// Scores every patent contributed to `pool` (withdrawn ones included) with
// `weights` and saves the scores. Returns how many were scored. NotFound when
// a contributed patent is no longer in the store.
Result<int64_t> RescorePool(OperationsDb& ops, PatentStore& store, std::string_view pool, const ValueWeights& weights,
                            std::string as_of);

}  // namespace patnav::domain
