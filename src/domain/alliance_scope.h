// Tenancy in operations.db: which alliance owns each operations object, and
// lookups confined to one alliance. A name of another alliance's object is
// answered exactly as an unknown one ("unknown pool 'X'"), so that a caller
// confined to one alliance learns nothing of the others.
//
// Ownership: members, pools, licensees and loans carry alliance_id;
// programmes, contributions, agreements, royalty reports and distributions
// belong through their pool (or licensee); a ledger account through the
// object its name names (docs/formats/operations.md, "Tenancy"), and a ledger
// transaction to the alliance of its accounts.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/alliance.h"
#include "domain/ledger.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/operations_db.h"
#include "domain/pool.h"

namespace patnav::domain {

// Every alliance, by name.
Result<std::vector<Alliance>> ListAlliances(OperationsDb& ops);

// The named object when it belongs to alliance `alliance_id`; NotFound worded
// as for an unknown name otherwise.
Result<Member> FindMemberIn(OperationsDb& ops, int64_t alliance_id, std::string_view name);
Result<Pool> FindPoolIn(OperationsDb& ops, int64_t alliance_id, std::string_view name);
Result<Programme> FindProgrammeIn(OperationsDb& ops, int64_t alliance_id, std::string_view name);
Result<Licensee> FindLicenseeIn(OperationsDb& ops, int64_t alliance_id, std::string_view name);

// The pools of the alliance, by name.
Result<std::vector<Pool>> ListPools(OperationsDb& ops, int64_t alliance_id);

// Balances (as Balances()) of the alliance's accounts only.
Result<std::vector<AccountBalance>> BalancesIn(OperationsDb& ops, int64_t alliance_id, std::string_view prefix = "");
// True when transaction `txn_id` exists and every one of its accounts
// belongs to the alliance.
Result<bool> TransactionInAlliance(OperationsDb& ops, int64_t alliance_id, int64_t txn_id);
// How many ledger transactions touch an account of the alliance.
Result<int64_t> CountTransactionsIn(OperationsDb& ops, int64_t alliance_id);
// True when loan `loan_id` is one the alliance's fund granted.
Result<bool> LoanInAlliance(OperationsDb& ops, int64_t alliance_id, int64_t loan_id);
// True when the publication (any spelling with its kind) is contributed to a
// pool of the alliance. InvalidArgument when it is not a full publication
// number with kind.
Result<bool> PublicationInAlliance(OperationsDb& ops, int64_t alliance_id, std::string_view publication);

}  // namespace patnav::domain
