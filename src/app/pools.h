// Application calls for patent pools: create, list, show (contributions and
// closed periods), contribute patents from the store, withdraw, record an
// essentiality decision or a lapse, rescore with the value model.
// Reads need kReadAlliance, writes kOperateAlliance; a pool or member of
// another alliance is NotFound worded as an unknown one.
//
// Calls that read the patent store too (contribute, rescore) take the store
// handle first and operations.db inside it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/distribution_book.h"
#include "domain/pool.h"

namespace patnav::app {

struct CreatePoolRequest {
  std::string alliance, name, scope, standard, clauses;
  std::string currency;   // ISO 4217
  std::string fee = "0";  // administrator's fee, percent of gross income ("12.5")
};
struct PoolResult {
  domain::Pool pool;
  std::vector<std::string> warnings;
};
Result<PoolResult> CreatePool(const Caller& caller, Workspace& ws, const CreatePoolRequest& req);

struct ListPoolsRequest {
  std::string alliance;
};
struct ListPoolsResult {
  std::vector<domain::Pool> pools;  // by name
  std::vector<std::string> warnings;
};
Result<ListPoolsResult> ListPools(const Caller& caller, Workspace& ws, const ListPoolsRequest& req);

struct PoolRequest {
  std::string alliance, pool;
};
struct PoolView {
  domain::Pool pool;
  std::vector<domain::Contribution> contributions;  // by publication number
  std::vector<domain::ClosedPeriod> closed;         // by period
  std::vector<std::string> warnings;
};
Result<PoolView> ShowPool(const Caller& caller, Workspace& ws, const PoolRequest& req);

struct ContributeRequest {
  std::string alliance, pool, member;
  std::vector<std::string> publications;     // any spelling; must be in the store
  std::string contributed_on;                // ISO; empty: today
  std::vector<std::string> extra_countries;  // more countries where they are in force
};
struct ContributeResult {
  std::string pool, member;
  int64_t contributed = 0;
  std::vector<std::string> warnings;
};
// All or nothing, in one transaction.
Result<ContributeResult> Contribute(const Caller& caller, Workspace& ws, const ContributeRequest& req);

struct WithdrawRequest {
  std::string alliance, pool, publication, withdrawn_on;
};
struct ContributionResult {
  std::string pool;
  domain::Contribution contribution;  // as it stands after the change
  std::vector<std::string> warnings;
};
Result<ContributionResult> Withdraw(const Caller& caller, Workspace& ws, const WithdrawRequest& req);

struct EssentialityRequest {
  std::string alliance, pool, publication;
  std::string status;      // claimed, essential, rejected
  std::string decided_on;  // ISO; empty: today
  std::string evaluator, note;
};
Result<ContributionResult> SetEssentiality(const Caller& caller, Workspace& ws, const EssentialityRequest& req);

struct LapseRequest {
  std::string alliance;
  std::string publication;  // with kind; must be contributed to a pool of the alliance
  std::string country;      // empty: everywhere
  std::string lapsed_on;
};
struct LapseResult {
  std::string publication, country, lapsed_on;
  std::vector<std::string> warnings;
};
// A lapse is a fact of the patent: it also counts in the pools of other
// alliances holding the same publication.
Result<LapseResult> RecordLapse(const Caller& caller, Workspace& ws, const LapseRequest& req);

struct RescoreRequest {
  std::string alliance, pool;
  std::string weights_json;  // empty: the default weights (docs/pools.md)
  std::string as_of;         // ISO; empty: today
};
struct RescoreResult {
  std::string pool;
  int64_t scored = 0;
  std::vector<std::string> warnings;
};
Result<RescoreResult> RescorePool(const Caller& caller, Workspace& ws, const RescoreRequest& req);

}  // namespace patnav::app
