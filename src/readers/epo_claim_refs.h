// Claim dependencies read from claim wording, for formats (EPO) that do not
// mark references up: "according to claim 1", "as claimed in claims 1 to 3",
// "nach einem der Ansprüche 1 bis 4", "selon la revendication 1 ou 2".
//
// Rules (English, German and French wording, case-insensitive):
//   - a reference is a keyword (claim/claims, Anspruch/Ansprüche/Ansprüchen/
//     Anspruchs, revendication/revendications) as a whole word, followed by a
//     list of claim numbers: "1", "1, 2 or 3", "1 and 9", ranges "1 to 3",
//     "1-3", "1 bis 3", "1 à 3" (separators , - – to through and or bis oder
//     und à ou et; a range expands to every number in it). "claimed",
//     "reclaiming" are not keywords.
//   - "claim I" / "claim l" (a capital I or small L standing alone where the
//     number belongs) is read as claim 1: OCR-era EPO texts carry this typo.
//   - a keyword without a number but next to "preceding" ("previous",
//     "foregoing", "vorstehend", "voranstehend", "vorangehend",
//     "vorangegangen", "vorhergehend", "précédent", "antérieur") refers to
//     every earlier claim, or only to the claim just before when the keyword
//     is singular and no quantifier ("any", "one of", "each", "einem",
//     "jedem", "quelconque", "l'une") makes it a choice ("the preceding
//     claim", "la revendication précédente").
//   - a claim never depends on itself; numbers below 1 are dropped.
#pragma once

#include <string_view>
#include <vector>

namespace patnav {

// The claims that claim number `claim_num` (1-based) refers to in `text`,
// ascending and without duplicates; empty when the claim refers to none (an
// independent claim). `text` is UTF-8; its whitespace need not be collapsed.
std::vector<int> FindClaimReferences(std::string_view text, int claim_num);

}  // namespace patnav
