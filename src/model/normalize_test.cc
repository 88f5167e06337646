// Dates, classification symbols and party names.
#include <gtest/gtest.h>

#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"

namespace patnav {
namespace {

TEST(Dates, Shapes) {
  EXPECT_EQ(NormalizeDate("20150106"), "2015-01-06");
  EXPECT_EQ(NormalizeDate("2015-01-06"), "2015-01-06");
  EXPECT_EQ(NormalizeDate("1/6/2015"), "2015-01-06");   // Google Patents: month first
  EXPECT_EQ(NormalizeDate("10/20/2008"), "2008-10-20");
  EXPECT_EQ(NormalizeDate("2021.03.05"), "2021-03-05");
  EXPECT_EQ(NormalizeDate("2021/3/5"), "2021-03-05");
  EXPECT_EQ(NormalizeDate("2015年1月6日"), "2015-01-06");
  EXPECT_EQ(NormalizeDate("2015-01-06T00:00:00Z"), "2015-01-06");
}

TEST(Dates, InvalidDatesAreEmpty) {
  EXPECT_EQ(NormalizeDate("20150230"), "");
  EXPECT_EQ(NormalizeDate("2015-13-01"), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("19981000"), "");
  EXPECT_EQ(NormalizeDate("20000229"), "2000-02-29");
  EXPECT_EQ(NormalizeDate("19000229"), "");
}

TEST(Dates, Partial) {
  EXPECT_EQ(NormalizePartialDate("19981000"), "1998-10");
  EXPECT_EQ(NormalizePartialDate("19980000"), "1998");
  EXPECT_EQ(NormalizePartialDate("20020101"), "2002-01-01");
}

TEST(Classification, Forms) {
  EXPECT_EQ(NormalizeClassification("H01M10/0525"), "H01M 10/0525");
  EXPECT_EQ(NormalizeClassification("H01M 10/0525"), "H01M 10/0525");
  EXPECT_EQ(NormalizeClassification("h01m  10/0525 (2010.01)"), "H01M 10/0525");
  EXPECT_EQ(NormalizeClassification("C07K  14/47        20060101AFI20050713BHEP"), "C07K 14/47");
  EXPECT_EQ(NormalizeClassification("G06F017/60"), "G06F 17/60");
  EXPECT_EQ(NormalizeClassification("G06F 1516"), "G06F 15/16");  // SGML fixed width
  EXPECT_EQ(NormalizeClassification("G06F 1300"), "G06F 13/00");
  EXPECT_EQ(NormalizeClassification("Y02E 60/10"), "Y02E 60/10");
  EXPECT_EQ(NormalizeClassification("G06N"), "G06N");
  EXPECT_EQ(NormalizeClassification("not a class"), "");
  EXPECT_EQ(ClassificationFromParts("A", "61", "B", "5", "0205"), "A61B 5/0205");
  EXPECT_EQ(ClassificationFromParts("H", "01", "M", "010", "0525"), "H01M 10/0525");
}

TEST(Party, OrganisationSpellingsGroup) {
  EXPECT_EQ(NormalizeOrganisation("ACME Corp."), NormalizeOrganisation("Acme Corporation"));
  EXPECT_EQ(NormalizeOrganisation("Acme, Inc."), "ACME");
  EXPECT_EQ(NormalizeOrganisation("The Boeing Company"), "BOEING");
  EXPECT_EQ(NormalizeOrganisation("Siemens AG"), "SIEMENS");
  EXPECT_EQ(NormalizeOrganisation("Robert Bosch GmbH"), "ROBERT BOSCH");
  EXPECT_EQ(NormalizeOrganisation("Samsung Electronics Co., Ltd."), "SAMSUNG ELECTRONICS");
  EXPECT_EQ(NormalizeOrganisation("Kabushiki Kaisha Toshiba"), "TOSHIBA");
  EXPECT_EQ(NormalizeOrganisation("宁德时代新能源科技股份有限公司"), "宁德时代新能源科技");
  EXPECT_EQ(NormalizeOrganisation("华为技术有限公司"), "华为技术");
}

TEST(Party, KeysFoldCaseAndAccents) {
  EXPECT_EQ(NormalizeOrganisation("Välinge Innovation AB"), NormalizeOrganisation("VALINGE INNOVATION AB"));
  EXPECT_EQ(NormalizeOrganisation("Société Générale S.A."), "SOCIETE GENERALE");
}


TEST(Party, Types) {
  EXPECT_EQ(ClassifyOrganisation("清华大学"), PartyType::kUniversity);
  EXPECT_EQ(ClassifyOrganisation("Massachusetts Institute of Technology"), PartyType::kUniversity);
  EXPECT_EQ(ClassifyOrganisation("University of California"), PartyType::kUniversity);
  EXPECT_EQ(ClassifyOrganisation("中国科学院大连化学物理研究所"), PartyType::kResearchInstitute);
  EXPECT_EQ(ClassifyOrganisation("Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V."),
            PartyType::kResearchInstitute);
  EXPECT_EQ(ClassifyOrganisation("华为技术有限公司"), PartyType::kCompany);
  EXPECT_EQ(ClassifyOrganisation("Perot Systems Corp."), PartyType::kCompany);
  EXPECT_EQ(ClassifyOrganisation("北京协和医院"), PartyType::kHospital);
}

TEST(Party, PersonNames) {
  Party p = PersonFromFullName("Arthur Brisebois");
  EXPECT_EQ(p.name, "Brisebois, Arthur");
  EXPECT_EQ(p.type, PartyType::kIndividual);
  EXPECT_EQ(PersonFromFullName("Pieter Willem Adriaans").name, "Adriaans, Pieter Willem");
  EXPECT_EQ(PersonFromFullName("Ludwig van Beethoven").name, "van Beethoven, Ludwig");
  EXPECT_EQ(PersonFromFullName("AVERBACK, Paul").name, "AVERBACK, Paul");
  EXPECT_EQ(PersonFromFullName("张伟").name, "张伟");
  EXPECT_EQ(MakePerson("Lin", "Wayne W").name, "Lin, Wayne W");
}

TEST(Party, CellsOfUnknownKind) {
  EXPECT_EQ(PartyFromName("华为技术有限公司").type, PartyType::kCompany);
  EXPECT_EQ(PartyFromName("Google").type, PartyType::kCompany);
  EXPECT_EQ(PartyFromName("Wei Zhang").type, PartyType::kIndividual);
}

}  // namespace
}  // namespace patnav
