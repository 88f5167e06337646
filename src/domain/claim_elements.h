// A patent claim cut into its elements, the unit a risk screening checks
// against a product (issue 14, part 5): the preamble, then each limitation
// of the body.
//
// English claims: the claim number ("1.") and element labels ("(a)", "b)")
// are dropped; the preamble runs to the first top-level colon, else through
// the transition ("comprising", "including", "consisting of", "having");
// the two-part form "..., characterized in that ..." (also "characterised",
// "characterized by") makes the part before it preamble and elements and the
// part after it characterizing elements; the body is cut at top-level
// semicolons, else (no semicolon) at top-level commas (not inside brackets,
// not between digits as in "10,000"); a "wherein"/"whereby" clause becomes
// an element of its own.
// Chinese claims (any CJK character in the text): "其特征在于" is the two-part
// form; the preamble runs to the first "：" or ":", else through "包括"; the
// body is cut at "；" / ";", else at "，" / ","; a "其中" clause is an element
// of its own; "以及", "和", "并且" leading an element are dropped.
// Leading connectives ("and", "or") and trailing punctuation are trimmed;
// empty pieces are dropped. Whatever the input, the result is a list of
// non-empty, valid UTF-8 pieces of the input's text (invalid bytes become
// U+FFFD).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/patent_record.h"

namespace patnav::domain {

enum class ClaimElementKind { kPreamble, kElement, kWherein, kCharacterizing };
// "preamble", "element", "wherein", "characterizing".
const char* ClaimElementKindName(ClaimElementKind kind);

struct ClaimElement {
  ClaimElementKind kind = ClaimElementKind::kElement;
  std::string text;
};

// The elements of one claim's text, in the order they appear.
std::vector<ClaimElement> SplitClaimElements(std::string_view claim_text);

// True when `claim` is independent: its own flag when the source said so;
// otherwise when its text refers to no other claim ("claim 3", "claims 1-4",
// "权利要求1").
bool IsIndependentClaim(const Claim& claim);

}  // namespace patnav::domain
