// Distribution of a pool's royalty income for one period to the holders of
// its patents (guidelines IV(III)), and the closing of that period.
//
// Income: the royalties reported under the pool's programmes for the period,
// by country of sale. The administrator's fee (pool.admin_fee_ppm of gross,
// rounded half up) is taken first, spread over countries in proportion to
// their income by largest remainder; what is left of each country's income
// (its net) is divided among the patents eligible in that country:
//   value          in proportion to each patent's value score (the seeds' rule)
//   patent-country equally per eligible patent in the country (Via LA/Avanci)
//   blend          w x value share + (1 - w) x equal share, w in [0, 1]
// by largest remainder, ties to the smaller publication number, so every
// country's shares sum exactly to its net. A country with no eligible patent
// pays nothing; its net stays with the pool (account suspense:POOL).
//
// A patent is eligible in country C for the period when, on the period's last
// day, it is in the pool (contributed on or before, not withdrawn on or
// before), its essentiality is not rejected, its statutory term has not
// ended, C is among its countries, and no lapse (in C or everywhere) is
// recorded on or before that day.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

enum class DistributionMethod { kValue, kPatentCountry, kBlend };
Result<DistributionMethod> ParseDistributionMethod(std::string_view text);  // value, patent-country, blend
const char* DistributionMethodName(DistributionMethod m);

struct DistributionRequest {
  std::string pool, period;
  DistributionMethod method = DistributionMethod::kValue;
  int64_t value_weight_ppm = 500'000;  // blend only: the weight of the value share
};

struct CountryShare {
  std::string country;
  int64_t gross_minor = 0, fee_minor = 0, net_minor = 0;
  int64_t eligible_patents = 0;
};

struct PatentShare {
  std::string country, publication_number, member;
  int64_t member_id = 0;
  int64_t value_centi = 0;  // the value score used (hundredths), 0 for patent-country
  int64_t amount_minor = 0;
};

struct DistributionPlan {
  std::string pool, period, currency;
  DistributionMethod method = DistributionMethod::kValue;
  int64_t value_weight_ppm = 0;
  int64_t gross_minor = 0, fee_minor = 0;
  int64_t distributable_minor = 0;  // paid to members: sum of all PatentShare amounts
  int64_t undistributed_minor = 0;  // net of countries without an eligible patent
  std::vector<CountryShare> countries;  // by country
  std::vector<PatentShare> shares;      // by country, then publication number
  std::map<std::string, int64_t> by_member;
  // Contributions left out, by reason (withdrawn, rejected, expired, lapsed,
  // not yet contributed, no country of sale).
  std::map<std::string, int64_t> excluded;
};

// Computes the distribution without writing. NotFound for an unknown pool;
// InvalidArgument for a bad period or weight, or (value and blend methods) an
// eligible patent without a value score.
Result<DistributionPlan> PlanDistribution(OperationsDb& ops, const DistributionRequest& request);

// Computes and records the distribution, posts its ledger transaction (pool
// debited its gross; administrator, members and suspense credited) and closes
// the period, all in one transaction. InvalidArgument when the period is
// already closed. Returns the distribution id.
Result<int64_t> CloseDistribution(OperationsDb& ops, const DistributionRequest& request, DistributionPlan* plan_out = nullptr);

}  // namespace patnav::domain
