// Screening a patent's independent claims against a product (risk_screening.h).
#include "domain/risk_screening.h"

namespace patnav::domain {

ClaimScreening ScreenClaims(const PatentRecord& record, const ProductEvidence& product) {
  ClaimScreening out;
  std::vector<ClaimTally> tallies;
  for (const Claim& claim : record.claims) {
    if (!IsIndependentClaim(claim)) continue;
    ScreenedClaim sc;
    sc.num = claim.num;
    sc.text = claim.text;
    for (ClaimElement& element : SplitClaimElements(claim.text)) {
      ElementEvidence evidence = product.Evidence(element.text);
      if (evidence.keys > 0) {
        ++sc.checked;
        if (evidence.evidenced) ++sc.evidenced;
      }
      sc.elements.push_back({std::move(element), std::move(evidence)});
    }
    tallies.push_back({sc.num, sc.checked, sc.evidenced});
    out.claims.push_back(std::move(sc));
  }
  out.verdict = DecideTier(tallies);
  return out;
}

}  // namespace patnav::domain
