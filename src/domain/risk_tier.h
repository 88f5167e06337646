// The risk tier of one patent against a product (issue 14, part 5), from how
// many elements of each independent claim the product evidences
// (risk_evidence.h), with its reason in English and Chinese:
//   - high: every element of some independent claim is evidenced;
//   - medium: at least half of the elements of some independent claim;
//   - low: otherwise, or when the patent has no independent claim with an
//     element to check.
// Only elements with keys count (an element made only of claim language has
// nothing to evidence).
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

namespace patnav::domain {

enum class RiskTier { kLow, kMedium, kHigh };
// "low", "medium", "high".
const char* RiskTierName(RiskTier tier);

struct ClaimTally {
  int claim = 0;      // the claim's number
  int elements = 0;   // elements with keys
  int evidenced = 0;  // of which evidenced
};

struct TierVerdict {
  RiskTier tier = RiskTier::kLow;
  int claim = 0;  // the claim that decided it (most evidenced share; ties: more elements, then lower number); 0: none
  int elements = 0, evidenced = 0;  // that claim's tally
  std::string reason_en, reason_zh;
};

TierVerdict DecideTier(const std::vector<ClaimTally>& independent_claims);

}  // namespace patnav::domain
