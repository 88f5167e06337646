// Patent pools (guidelines II(I)2): a technology scope with its linked
// standard and clauses, a currency and the administrator's fee; patents
// contributed by members, each with its essentiality status (claimed,
// evaluated essential, rejected), contribution and withdrawal dates, the
// countries where it is in force, and its statutory expiry. A publication is
// in a pool at most once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "store/patent_store.h"

namespace patnav::domain {

struct PoolInput {
  std::string alliance;  // empty: the only alliance
  std::string name;
  std::string scope;     // technology scope
  std::string standard;  // linked standard, e.g. "GB/T 20090"
  std::string clauses;   // its clauses
  std::string currency;  // ISO 4217
  int64_t admin_fee_ppm = 0;  // the administrator's share of gross income, parts per million
};

struct Pool {
  int64_t id = 0;
  std::string alliance, name, scope, standard, clauses, currency, created_on;
  int64_t admin_fee_ppm = 0;
};

Result<int64_t> CreatePool(OperationsDb& ops, const PoolInput& in);
// NotFound "unknown pool 'X'".
Result<Pool> FindPool(OperationsDb& ops, std::string_view name);

// "claimed", "essential", "rejected".
Result<std::string> ParseEssentiality(std::string_view text);

// One patent entering a pool, with the facts eligibility needs.
struct ContributionInput {
  std::string pool, member;
  std::string publication_number;  // DOCDB key as stored
  std::string contributed_on;      // ISO; empty: today
  std::vector<std::string> countries;  // where in force: publication country and family coverage
  std::string expires_on;          // statutory expiry (patent_term.h)
};

// Records contributions, all in one transaction: when any is refused
// (unknown pool or member, member not active on the date, patent already in
// the pool, no country, bad date) nothing is written and the error names it.
Status Contribute(OperationsDb& ops, const std::vector<ContributionInput>& in);

// Reads each publication from the store (NotFound for an unknown patent),
// fills countries (its own, its family's in the store, and `extra_countries`)
// and expiry, and contributes them all in one transaction.
Status ContributeFromStore(OperationsDb& ops, PatentStore& store, std::string_view pool, std::string_view member,
                           const std::vector<std::string>& publications, std::string_view contributed_on,
                           const std::vector<std::string>& extra_countries);

// Withdrawal: the patent stays in the pool's history; it is not eligible for
// periods ending on or after `withdrawn_on`.
Status Withdraw(OperationsDb& ops, std::string_view pool, std::string_view publication, std::string_view withdrawn_on);

// Records an essentiality decision (history kept) and sets the status.
Status SetEssentiality(OperationsDb& ops, std::string_view pool, std::string_view publication, std::string_view status,
                       std::string_view decided_on, std::string_view evaluator, std::string_view note);

// A lapse (fees unpaid, revoked, invalidated) from `lapsed_on`, in one
// country or everywhere (country empty).
Status RecordLapse(OperationsDb& ops, std::string_view publication, std::string_view country, std::string_view lapsed_on);

// A lapse recorded for a patent (RecordLapse): in one country, or everywhere.
struct ContributionLapse {
  std::string country;  // empty: everywhere
  std::string lapsed_on;
};
struct Contribution {
  int64_t id = 0;
  std::string publication_number, member, contributed_on, withdrawn_on, essentiality, expires_on;
  std::vector<std::string> countries;
  std::vector<ContributionLapse> lapses;  // the patent's recorded lapses, by country ("" first)
  std::optional<int64_t> value_centi;     // overall value score in hundredths as last saved; none when never scored
  std::string value_scored_at;            // when that score was saved (UTC); empty without one
};
// Every contribution to the pool, by publication number, with the patent's
// lapses and its saved value score.
Result<std::vector<Contribution>> Contributions(OperationsDb& ops, std::string_view pool);

// Resolves a publication number the way the pool stores it (any spelling;
// without a kind, the one contribution of that number). NotFound when the
// pool has no such patent.
Result<std::string> ContributedNumber(OperationsDb& ops, int64_t pool_id, std::string_view text);

}  // namespace patnav::domain
