// Tests for FindClaimReferences: English, German and French wordings as the
// real EPO files print them, and texts that must yield no reference.
#include "readers/epo_claim_refs.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {

using Refs = std::vector<int>;

TEST(EpoClaimRefsTest, SingleReference) {
  EXPECT_EQ(FindClaimReferences("An NTP-peptide according to claim 1 for use as a medicament.", 2), Refs{1});
  EXPECT_EQ(FindClaimReferences("The apparatus of Claim 5, wherein", 6), Refs{5});
  EXPECT_EQ(FindClaimReferences("Vorrichtung nach Anspruch 2, dadurch gekennzeichnet", 3), Refs{2});
  EXPECT_EQ(FindClaimReferences("Dispositif selon la revendication 4, caractérisé", 5), Refs{4});
}

TEST(EpoClaimRefsTest, ListsAndRanges) {
  EXPECT_EQ(FindClaimReferences("The apparatus of Claim 1, 2 or 3, wherein", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("according to one or more of claims 1 to 3 which", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("according to any one of claims 1-5, wherein", 6), (Refs{1, 2, 3, 4, 5}));
  EXPECT_EQ(FindClaimReferences("according to any one of claims 2 \xE2\x80\x93 4", 6), (Refs{2, 3, 4}));
  EXPECT_EQ(FindClaimReferences("The apparatus of Claims 1 and 9 or Claims 4 and 9, wherein", 10), (Refs{1, 4, 9}));
  EXPECT_EQ(FindClaimReferences("A method according to Claim 6 or Claim 7 wherein", 8), (Refs{6, 7}));
  EXPECT_EQ(FindClaimReferences("nach einem der Ansprüche 8 bis 11, dadurch", 12), (Refs{8, 9, 10, 11}));
  EXPECT_EQ(FindClaimReferences("nach Anspruch 1 oder Anspruch 2", 3), (Refs{1, 2}));
  EXPECT_EQ(FindClaimReferences("selon l'une des revendications 1 à 3", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("selon la revendication 1 ou la revendication 2", 3), (Refs{1, 2}));
  EXPECT_EQ(FindClaimReferences("des revendications 13 et 14 dans lequel", 15), (Refs{13, 14}));
}

TEST(EpoClaimRefsTest, PrecedingClaims) {
  EXPECT_EQ(FindClaimReferences("A method according to any preceding claim wherein", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("according to one of the preceding Claims, further", 3), (Refs{1, 2}));
  EXPECT_EQ(FindClaimReferences("Verfahren nach einem der vorangegangenen Ansprüche, wobei", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("nach einem vorstehenden Anspruch, wobei", 3), (Refs{1, 2}));
  EXPECT_EQ(FindClaimReferences("selon l'une quelconque des revendications précédentes, dans", 4), (Refs{1, 2, 3}));
  EXPECT_EQ(FindClaimReferences("selon une quelconque revendication précédente, dans", 3), (Refs{1, 2}));
  // Singular without a quantifier: only the claim just before.
  EXPECT_EQ(FindClaimReferences("The battery according to the preceding claim, wherein", 5), Refs{4});
  EXPECT_EQ(FindClaimReferences("selon la revendication précédente", 5), Refs{4});
  // The typo "précécentes" in a real French text still counts.
  EXPECT_EQ(FindClaimReferences("selon l'une quelconque des revendications précécentes dans", 3), (Refs{1, 2}));
}

TEST(EpoClaimRefsTest, OcrCapitalIIsClaimOne) {
  EXPECT_EQ(FindClaimReferences("as claimed in claim I wherein said step", 3), Refs{1});
  EXPECT_TRUE(FindClaimReferences("as claimed in claim Ia wherein", 3).empty());
}

TEST(EpoClaimRefsTest, IndependentClaimsHaveNone) {
  EXPECT_TRUE(FindClaimReferences("A flooring, which comprises rectangular floorboards (1)", 1).empty());
  EXPECT_TRUE(FindClaimReferences("A method for heat treating a casting and reclaiming sand from the core", 19).empty());
  EXPECT_TRUE(FindClaimReferences("the method as claimed herein", 2).empty());  // "claimed" is no keyword
  EXPECT_TRUE(FindClaimReferences("the subject of the claim is new", 2).empty());  // no number, not "preceding"
  EXPECT_TRUE(FindClaimReferences("", 1).empty());
}

TEST(EpoClaimRefsTest, StopsAtTheEndOfTheList) {
  // "and a carrier": "and" not followed by a number ends the list.
  EXPECT_EQ(FindClaimReferences("comprising an NTP-peptide according to claim 1 and a carrier therefor.", 3), Refs{1});
  // A year-like number is not a claim number; nor is a number glued to a letter.
  EXPECT_TRUE(FindClaimReferences("claim 20061 of the earlier application", 3).empty());
  EXPECT_TRUE(FindClaimReferences("claim 1a", 3).empty());
}

TEST(EpoClaimRefsTest, DropsSelfAndZero) {
  EXPECT_EQ(FindClaimReferences("according to claims 0 to 3", 2), (Refs{1, 3}));
  EXPECT_TRUE(FindClaimReferences("according to claim 4", 4).empty());
}

TEST(EpoClaimRefsTest, HugeRangesAreNotExpanded) {
  EXPECT_EQ(FindClaimReferences("any of claims 1 to 9999", 2), (Refs{1, 9999}));
}

}  // namespace
}  // namespace patnav
