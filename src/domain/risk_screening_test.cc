// The pure parts of the risk screening: claims cut into elements (English
// and Chinese), the evidence of an element in a product's sentences, the
// tier and its reason, the country tables.
#include <gtest/gtest.h>

#include <random>

#include "domain/claim_elements.h"
#include "domain/country_codes.h"
#include "domain/risk_evidence.h"
#include "domain/risk_tier.h"

namespace patnav::domain {
namespace {

std::vector<std::string> Texts(const std::vector<ClaimElement>& elements) {
  std::vector<std::string> out;
  for (const ClaimElement& e : elements) out.push_back(e.text);
  return out;
}

std::vector<std::string> Kinds(const std::vector<ClaimElement>& elements) {
  std::vector<std::string> out;
  for (const ClaimElement& e : elements) out.push_back(ClaimElementKindName(e.kind));
  return out;
}

TEST(ClaimElements, EnglishSemicolonsWithPreambleAndTrailingAnd) {
  std::vector<ClaimElement> e = SplitClaimElements(
      "1. A data query method, comprising: predicting a label information; training the sample image by using a "
      "label information to obtain a candidate result set; annotating the decoder by using a feature vector to "
      "obtain a label information; and extracting the feature vector by using a candidate result set to obtain a "
      "query request.");
  EXPECT_EQ(Texts(e), (std::vector<std::string>{
                          "A data query method, comprising",
                          "predicting a label information",
                          "training the sample image by using a label information to obtain a candidate result set",
                          "annotating the decoder by using a feature vector to obtain a label information",
                          "extracting the feature vector by using a candidate result set to obtain a query request",
                      }));
  EXPECT_EQ(Kinds(e), (std::vector<std::string>{"preamble", "element", "element", "element", "element"}));
}

// The shape of claim 1 of US 8,926,509 B2: labelled elements whose commas
// stay inside them, a final comma and a wherein clause of its own.
TEST(ClaimElements, EnglishLabelledElementsAndWherein) {
  std::vector<ClaimElement> e = SplitClaimElements(
      "1. A system for measuring physiological signals, comprising:\n(a) a patch-ASIC chip comprising a sensor "
      "interface, a processor coupled to the sensor interface, and power management circuits;\n(b) the gate-ASIC "
      "chip comprising a processor that processes sensor data; and\n(c) the base-ASIC chip comprising a host "
      "interface (a UWB receiver; a narrowband transmitter), wherein the base-ASIC chip is programmed to use more "
      "processing resources than the patch-ASIC chip.");
  ASSERT_EQ(e.size(), 5u) << ::testing::PrintToString(Texts(e));
  EXPECT_EQ(e[0].text, "A system for measuring physiological signals, comprising");
  EXPECT_EQ(e[1].text,
            "a patch-ASIC chip comprising a sensor interface, a processor coupled to the sensor interface, and power "
            "management circuits");
  EXPECT_EQ(e[2].text, "the gate-ASIC chip comprising a processor that processes sensor data");
  EXPECT_EQ(e[3].text, "the base-ASIC chip comprising a host interface (a UWB receiver; a narrowband transmitter)");
  EXPECT_EQ(e[4].kind, ClaimElementKind::kWherein);
  EXPECT_EQ(e[4].text, "wherein the base-ASIC chip is programmed to use more processing resources than the patch-ASIC chip");
}

TEST(ClaimElements, EnglishCommasWhenNoSemicolonAndDigitsKept) {
  std::vector<ClaimElement> e = SplitClaimElements(
      "A battery comprising a cathode of 10,000 particles, an anode, and a separator between them.");
  EXPECT_EQ(Texts(e), (std::vector<std::string>{"A battery comprising", "a cathode of 10,000 particles", "an anode",
                                                "a separator between them"}));
}

TEST(ClaimElements, EnglishTwoPartForm) {
  std::vector<ClaimElement> e = SplitClaimElements(
      "1. A lithium battery comprising a cathode and an anode, characterized in that the cathode is coated with "
      "graphene; and the anode contains silicon.");
  EXPECT_EQ(Texts(e), (std::vector<std::string>{"A lithium battery comprising", "a cathode and an anode",
                                                "the cathode is coated with graphene", "the anode contains silicon"}));
  EXPECT_EQ(Kinds(e), (std::vector<std::string>{"preamble", "element", "characterizing", "characterizing"}));
}

TEST(ClaimElements, ChineseTwoPartFormWithSemicolons) {
  std::vector<ClaimElement> e = SplitClaimElements(
      "1．一种锂离子电池，其特征在于，包括：正极片，所述正极片涂覆有磷酸铁锂；负极片，所述负极片含有硅碳材料；以及"
      "隔膜，所述隔膜位于所述正极片与所述负极片之间。");
  EXPECT_EQ(Texts(e), (std::vector<std::string>{"一种锂离子电池", "正极片，所述正极片涂覆有磷酸铁锂",
                                                "负极片，所述负极片含有硅碳材料",
                                                "隔膜，所述隔膜位于所述正极片与所述负极片之间"}));
  EXPECT_EQ(Kinds(e), (std::vector<std::string>{"preamble", "characterizing", "characterizing", "characterizing"}));
}

TEST(ClaimElements, ChineseIncludesCommasAndQizhong) {
  std::vector<ClaimElement> e =
      SplitClaimElements("2、一种数据查询方法，包括获取查询请求，提取特征向量，其中所述特征向量由编码器生成。");
  EXPECT_EQ(Texts(e), (std::vector<std::string>{"一种数据查询方法，包括", "获取查询请求", "提取特征向量",
                                                "其中所述特征向量由编码器生成"}));
  EXPECT_EQ(e.back().kind, ClaimElementKind::kWherein);
}

TEST(ClaimElements, OddInputGivesNonEmptyPieces) {
  EXPECT_TRUE(SplitClaimElements("").empty());
  EXPECT_TRUE(SplitClaimElements(" ; , . ").empty());
  for (const ClaimElement& e : SplitClaimElements("((( a; b ))) ;; wherein ; \xff\xfe , 其中 ，"))
    EXPECT_FALSE(e.text.empty());
}

// Texts assembled from the splitter's tricky pieces: the elements are never
// empty, and sentence offsets always give back the sentence.
TEST(ClaimElements, AssembledTextsKeepTheInvariants) {
  const char* pieces[] = {"(", ")", "（", "）", ";", "；", ",", "，", ":", "：", "wherein ", "其中", "其特征在于",
                          "characterized in that", " comprising", "包括", "1.", "(a) ", "and ", "以及", "10,000",
                          "\xff", "\xe4\xb8", "battery", "电池", ". ", "。", "\n", " "};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = rng() % 12; n > 0; --n) text += pieces[rng() % std::size(pieces)];
    for (const ClaimElement& e : SplitClaimElements(text)) EXPECT_FALSE(e.text.empty()) << text;
    ProductEvidence product(text);
    for (const ProductSentence& p : product.sentences()) ASSERT_EQ(text.substr(p.start, p.end - p.start), p.text);
    ElementEvidence ev = product.Evidence(text);
    EXPECT_TRUE(ev.percent >= 0 && ev.percent <= 100) << text;
  }
}

TEST(ClaimElements, IndependentClaims) {
  EXPECT_TRUE(IsIndependentClaim({1, "1. A method comprising: a; b.", std::nullopt, {}}));
  EXPECT_FALSE(IsIndependentClaim({2, "2. The method of claim 1, wherein a is b.", std::nullopt, {}}));
  EXPECT_FALSE(IsIndependentClaim({3, "3. The method according to any one of claims 1-2.", std::nullopt, {}}));
  EXPECT_FALSE(IsIndependentClaim({4, "4. 根据权利要求1所述的方法，其特征在于，…", std::nullopt, {}}));
  EXPECT_TRUE(IsIndependentClaim({5, "5. 一种装置，包括处理器。", std::nullopt, {}}));
  EXPECT_FALSE(IsIndependentClaim({6, "6. A method as claimed", false, {}}));
  EXPECT_FALSE(IsIndependentClaim({7, "7. A method", std::nullopt, {1}}));
}

TEST(RiskEvidence, SentencesWithOffsets) {
  const std::string text = "Our box trains images. It runs at 2.5 GHz!\n第二句。第三句";
  std::vector<ProductSentence> s = SplitSentences(text);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].text, "Our box trains images.");
  EXPECT_EQ(s[1].text, "It runs at 2.5 GHz!");
  EXPECT_EQ(s[2].text, "第二句。");
  EXPECT_EQ(s[3].text, "第三句");
  for (const ProductSentence& p : s) EXPECT_EQ(text.substr(p.start, p.end - p.start), p.text);
}

TEST(RiskEvidence, ParaphraseEvidencesByStemsAndNamesTheWords) {
  ProductEvidence product(
      "The appliance is sold in three colours. It trains sample images using label information, which yields a set "
      "of candidate results. A decoder is annotated.");
  ElementEvidence ev =
      product.Evidence("training the sample image by using a label information to obtain a candidate result set");
  EXPECT_TRUE(ev.evidenced);
  ASSERT_FALSE(ev.sentences.empty());
  EXPECT_EQ(ev.sentences[0].sentence, 1);
  EXPECT_EQ(ev.keys, 10);  // train sampl imag use label inform obtain candid result set: "obtain" missing
  EXPECT_GE(ev.percent, kEvidenceCoveragePercent);
  EXPECT_EQ(ev.missing, (std::vector<std::string>{"obtain"}));
  std::vector<std::string> want = {"trains", "sample", "images", "using", "label", "information", "candidate",
                                   "results", "set"};
  std::vector<std::string> got = ev.sentences[0].matched;
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);

  ElementEvidence absent = product.Evidence("extracting the feature vector to obtain a query request");
  EXPECT_FALSE(absent.evidenced);
  EXPECT_EQ(absent.percent, 0);
  EXPECT_TRUE(absent.sentences.empty());

  ElementEvidence partial = product.Evidence("annotating the encoder and the decoder by a feature vector");
  EXPECT_FALSE(partial.evidenced);  // annot decod of annot encod decod featur vector: 2/5
  ASSERT_EQ(partial.sentences.size(), 1u);  // the nearest, for the analyst
  EXPECT_EQ(partial.sentences[0].sentence, 2);
  EXPECT_EQ(partial.percent, 40);

  EXPECT_EQ(product.Evidence("comprising, wherein the said").keys, 0);
}

TEST(RiskEvidence, ChineseByBigramsWithLongestRuns) {
  ProductEvidence product("本产品是一种电池。正极片涂覆有磷酸铁锂材料，负极由石墨制成。");
  ElementEvidence ev = product.Evidence("正极片，所述正极片涂覆有磷酸铁锂");
  EXPECT_TRUE(ev.evidenced);
  ASSERT_FALSE(ev.sentences.empty());
  EXPECT_EQ(ev.sentences[0].sentence, 1);
  EXPECT_EQ(ev.sentences[0].matched, (std::vector<std::string>{"正极片涂覆有磷酸铁锂"}));
  EXPECT_FALSE(product.Evidence("负极片含有硅碳材料").evidenced);
}

TEST(RiskTier, TiersAndReasons) {
  TierVerdict high = DecideTier({{1, 5, 3}, {9, 4, 4}});
  EXPECT_EQ(high.tier, RiskTier::kHigh);
  EXPECT_EQ(high.claim, 9);
  EXPECT_EQ(high.reason_en, "every element of independent claim 9 (4/4) is evidenced in the product description");
  EXPECT_NE(high.reason_zh.find("独立权利要求9"), std::string::npos);
  TierVerdict medium = DecideTier({{1, 6, 3}, {2, 5, 1}});
  EXPECT_EQ(medium.tier, RiskTier::kMedium);
  EXPECT_EQ(medium.claim, 1);
  EXPECT_EQ(DecideTier({{1, 5, 2}}).tier, RiskTier::kLow);
  TierVerdict none = DecideTier({{1, 0, 0}});
  EXPECT_EQ(none.tier, RiskTier::kLow);
  EXPECT_EQ(none.claim, 0);
  EXPECT_EQ(DecideTier({}).reason_en, "no independent claim with an element to check");
  EXPECT_STREQ(RiskTierName(RiskTier::kMedium), "medium");
}

TEST(CountryCodes, IsoAndEuropean) {
  for (const char* c : {"US", "CN", "DE", "JP", "KR", "ZW", "AD"}) EXPECT_TRUE(IsIsoCountryCode(c)) << c;
  for (const char* c : {"EP", "WO", "XX", "ZZ", "us", "USA", "U", ""}) EXPECT_FALSE(IsIsoCountryCode(c)) << c;
  EXPECT_TRUE(EuropeanPatentCovers("DE"));
  EXPECT_TRUE(EuropeanPatentCovers("TR"));
  EXPECT_TRUE(EuropeanPatentCovers("MA"));
  EXPECT_FALSE(EuropeanPatentCovers("US"));
  EXPECT_FALSE(EuropeanPatentCovers("CN"));
}

}  // namespace
}  // namespace patnav::domain
