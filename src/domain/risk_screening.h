// One patent screened against a product, claim by claim (issue 14, part 5):
// each independent claim cut into its elements (claim_elements.h), each
// element's evidence in the product (risk_evidence.h), and the tier that
// follows (risk_tier.h). Dependent claims are not screened: an independent
// claim the product does not meet cannot be met through its dependants.
//
// Thread-safety: pure function; `product` is only read.
#pragma once

#include <string>
#include <vector>

#include "domain/claim_elements.h"
#include "domain/risk_evidence.h"
#include "domain/risk_tier.h"
#include "model/patent_record.h"

namespace patnav::domain {

struct ScreenedElement {
  ClaimElement element;
  ElementEvidence evidence;
};

struct ScreenedClaim {
  int num = 0;
  std::string text;
  std::vector<ScreenedElement> elements;
  int checked = 0;    // elements with keys
  int evidenced = 0;  // of which evidenced
};

struct ClaimScreening {
  std::vector<ScreenedClaim> claims;  // the independent claims, in claim order
  TierVerdict verdict;
};

// Claims in the record's language order: the record's claims as stored (one
// language per record).
ClaimScreening ScreenClaims(const PatentRecord& record, const ProductEvidence& product);

}  // namespace patnav::domain
