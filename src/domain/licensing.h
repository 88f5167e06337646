// Licence programmes of a pool, licensees and their agreements.
//
// A programme charges one of three bases: a running royalty per unit sold
// (rate in minor units per unit), a percentage of net sales (rate in parts
// per million), or a lump sum per licensee per period (rate in minor units).
// Per-country rates override the rate; a licensee that is itself an alliance
// member pays the member rate when the programme has one (cross-licensing
// inside the pool at zero or a reduced rate); a cap bounds what one licensee
// pays per period. An agreement licenses a licensee under a programme in
// territories ("*" for worldwide) from a date, optionally to a date; two
// agreements of one licensee under one programme may not overlap in both
// time and territory.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

enum class RoyaltyBasis { kPerUnit, kNetSales, kLumpSum };
Result<RoyaltyBasis> ParseRoyaltyBasis(std::string_view text);  // per-unit, net-sales, lump-sum
const char* RoyaltyBasisName(RoyaltyBasis b);                    // per_unit, net_sales, lump_sum

struct ProgrammeInput {
  std::string pool, name;
  RoyaltyBasis basis = RoyaltyBasis::kPerUnit;
  int64_t rate = 0;                          // see the header comment for the unit
  std::optional<int64_t> member_rate;        // same unit
  std::optional<int64_t> cap_minor;          // per licensee per period
  std::map<std::string, int64_t> country_rates;
  std::string currency;                      // empty: the pool's; else must equal it
};

struct Programme {
  int64_t id = 0, pool_id = 0;
  std::string pool, name, currency;
  RoyaltyBasis basis = RoyaltyBasis::kPerUnit;
  int64_t rate = 0;
  std::optional<int64_t> member_rate, cap_minor;
  std::map<std::string, int64_t> country_rates;
  // The rate for a sale in `country`, at the member rate when `member`.
  int64_t RateFor(std::string_view country, bool member) const;
};

// Parses a rate text in the unit of `basis`: an amount of `currency` for per
// unit and lump sum ("0.50"), a percentage for net sales ("2.5").
Result<int64_t> ParseRate(RoyaltyBasis basis, std::string_view text, std::string_view currency);
std::string FormatRate(RoyaltyBasis basis, int64_t rate, std::string_view currency);

Result<int64_t> CreateProgramme(OperationsDb& ops, const ProgrammeInput& in);
Result<Programme> FindProgramme(OperationsDb& ops, std::string_view name);

struct LicenseeInput {
  std::string name, country;
  std::string member;    // optional: the alliance member this licensee is
  std::string alliance;  // the alliance licensing it; empty: the only one
};
// InvalidArgument (nothing written) for a duplicate name or a member of
// another alliance; NotFound for an unknown alliance or member.
Result<int64_t> AddLicensee(OperationsDb& ops, const LicenseeInput& in);

struct Licensee {
  int64_t id = 0;
  std::string name, country, member;  // member empty when not a member
  std::string alliance;               // empty only for a licensee no migration could place
};
Result<Licensee> FindLicensee(OperationsDb& ops, std::string_view name);

struct AgreementInput {
  std::string licensee, programme;
  std::vector<std::string> territories;  // {"*"} or two-letter codes
  std::string effective_from, effective_to;  // ISO; to may be empty (open-ended)
};
// InvalidArgument (nothing written) for overlapping agreements, bad dates or
// territories, or a licensee of another alliance than the programme's pool;
// NotFound for an unknown licensee or programme.
Result<int64_t> AddAgreement(OperationsDb& ops, const AgreementInput& in);

// ---- the licensing book (licensing_book.cc) ----

// The programmes of `pool` (every pool when empty), by name. NotFound for an
// unknown pool.
Result<std::vector<Programme>> ListProgrammes(OperationsDb& ops, std::string_view pool);
// Every licensee (of `alliance` when not empty), by name.
Result<std::vector<Licensee>> ListLicensees(OperationsDb& ops, std::string_view alliance = "");

struct Agreement {
  int64_t id = 0;
  std::string licensee, programme, pool, territories;
  std::string effective_from, effective_to;  // ISO; to empty when open-ended
};
// The agreements of `licensee` and/or under `programme` (each: any when
// empty), by licensee, programme and start date. NotFound for an unknown
// licensee or programme.
Result<std::vector<Agreement>> ListAgreements(OperationsDb& ops, std::string_view licensee,
                                              std::string_view programme);

}  // namespace patnav::domain
