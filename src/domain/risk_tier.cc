// Deciding the risk tier (risk_tier.h).
#include "domain/risk_tier.h"

namespace patnav::domain {

const char* RiskTierName(RiskTier tier) {
  switch (tier) {
    case RiskTier::kLow: return "low";
    case RiskTier::kMedium: return "medium";
    case RiskTier::kHigh: return "high";
  }
  return "low";
}

TierVerdict DecideTier(const std::vector<ClaimTally>& independent_claims) {
  TierVerdict v;
  const ClaimTally* best = nullptr;
  for (const ClaimTally& c : independent_claims) {
    if (c.elements <= 0) continue;
    if (!best) {
      best = &c;
      continue;
    }
    // c.evidenced / c.elements against best's, in integers.
    long lhs = static_cast<long>(c.evidenced) * best->elements, rhs = static_cast<long>(best->evidenced) * c.elements;
    if (lhs > rhs || (lhs == rhs && c.elements > best->elements)) best = &c;
  }
  if (!best) {
    v.reason_en = "no independent claim with an element to check";
    v.reason_zh = "没有可比对技术特征的独立权利要求";
    return v;
  }
  v.claim = best->claim;
  v.elements = best->elements;
  v.evidenced = best->evidenced;
  const std::string n = std::to_string(best->claim), of = std::to_string(best->evidenced) + "/" + std::to_string(best->elements);
  if (best->evidenced == best->elements) {
    v.tier = RiskTier::kHigh;
    v.reason_en = "every element of independent claim " + n + " (" + of + ") is evidenced in the product description";
    v.reason_zh = "独立权利要求" + n + "的全部技术特征（" + of + "）在产品描述中均有对应";
  } else if (best->evidenced * 2 >= best->elements) {
    v.tier = RiskTier::kMedium;
    v.reason_en = "most elements of independent claim " + n + " (" + of + ") are evidenced; the others are not";
    v.reason_zh = "独立权利要求" + n + "的多数技术特征（" + of + "）在产品描述中有对应，其余没有";
  } else {
    v.tier = RiskTier::kLow;
    v.reason_en = "at best " + of + " elements of independent claim " + n + " are evidenced, less than half";
    v.reason_zh = "独立权利要求" + n + "最多只有" + of + "的技术特征有对应，不足一半";
  }
  return v;
}

}  // namespace patnav::domain
