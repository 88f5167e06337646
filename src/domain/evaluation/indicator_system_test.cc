// Parsing indicator systems: the tree, and every bad input refused with the
// node and the reason.
#include "domain/evaluation/indicator_system.h"

#include <gtest/gtest.h>

#include "domain/evaluation/evaluation_testing.h"

namespace patnav::domain::evaluation {
namespace {

using testing::NodeOf;
using testing::Parse;
using testing::SmallSystem;

void ExpectRefused(const nlohmann::json& j, const std::vector<std::string>& phrases) {
  Result<IndicatorSystem> r = Parse(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("test.json: ", 0), 0u) << r.status().message();
  for (const std::string& p : phrases)
    EXPECT_NE(r.status().message().find(p), std::string::npos) << "'" << p << "' not in: " << r.status().message();
}

TEST(IndicatorSystem, TreeInDepthFirstOrder) {
  nlohmann::json j = SmallSystem();
  // Children listed before their parent in the file still come after it.
  std::swap(j["nodes"][0], j["nodes"][2]);
  Result<IndicatorSystem> r = Parse(j);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<std::string> codes;
  for (const auto& n : r->nodes) codes.push_back(n.code);
  // Roots in file order (A, B, G, X), each followed by its children in file order.
  EXPECT_EQ(codes, (std::vector<std::string>{"A", "A2", "A1", "B", "B1", "B2", "B3", "G", "X"}));
  int a = r->FindNode("A");
  ASSERT_GE(a, 0);
  EXPECT_EQ(r->nodes[a].kind, NodeKind::kGroup);
  for (size_t i = 0; i < r->nodes.size(); ++i)
    if (r->nodes[i].parent >= 0) {
      EXPECT_LT(r->nodes[i].parent, static_cast<int>(i));
    }
  EXPECT_EQ(r->nodes[r->FindNode("A1")].parent, a);
  EXPECT_EQ(r->nodes[r->FindNode("G")].kind, NodeKind::kGate);
  EXPECT_EQ(r->top.size(), 4u);
  EXPECT_EQ(r->nodes[r->FindNode("A1")].name_zh, "每万人口高价值发明专利拥有量");
}

TEST(IndicatorSystem, CycleRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A")["parent"] = "A2";  // A -> A2 -> A
  ExpectRefused(j, {"cycle", "A2", "A"});
}

TEST(IndicatorSystem, DuplicateCodeRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B3")["code"] = "B2";
  ExpectRefused(j, {"node B2", "code used twice"});
}

TEST(IndicatorSystem, UnknownParentRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B3")["parent"] = "Z";
  ExpectRefused(j, {"node B3", "parent 'Z'"});
}

TEST(IndicatorSystem, WeightsNotSummingToOneRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B2")["weight"] = 0.2;  // B: 0.5 + 0.2 + 0.2 = 0.9
  ExpectRefused(j, {"node B", "sum to 0.9", "not 1"});
}

TEST(IndicatorSystem, WeightsRescaledOnlyWhenTheFileSaysSo) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B1")["weight"] = 2;
  NodeOf(j, "B2")["weight"] = 1;
  NodeOf(j, "B3")["weight"] = 1;
  ExpectRefused(j, {"node B", "sum to 4"});
  j["normalise_weights"] = true;
  Result<IndicatorSystem> r = Parse(j);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->nodes[r->FindNode("B1")].weight, 0.5);
  EXPECT_DOUBLE_EQ(r->nodes[r->FindNode("B3")].weight, 0.25);
}

TEST(IndicatorSystem, TopLevelWeightsChecked) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A")["weight"] = 0.5;
  ExpectRefused(j, {"top level", "sum to 1.1"});
}

TEST(IndicatorSystem, FormulaWithUnknownMeasureRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A1")["formula"] = "hv / population * 10000";
  ExpectRefused(j, {"node A1", "unknown measure 'population'"});
}

TEST(IndicatorSystem, FormulaSyntaxErrorNamesTheNode) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A2")["formula"] = "pct *";
  ExpectRefused(j, {"node A2", "formula 'pct *'"});
}

TEST(IndicatorSystem, BadEnumValuesRefusedWithTheAllowedOnes) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B3")["direction"] = "smaller";
  ExpectRefused(j, {"node B3", "bad direction 'smaller'", "lower_better"});
  j = SmallSystem();
  NodeOf(j, "A2")["normaliser"]["method"] = "minmax";
  ExpectRefused(j, {"node A2", "bad method 'minmax'", "min_max"});
  j = SmallSystem();
  NodeOf(j, "G")["kind"] = "veto";
  ExpectRefused(j, {"node G", "bad kind 'veto'", "gate"});
  j = SmallSystem();
  j["aggregation"] = "mean";
  ExpectRefused(j, {"bad aggregation 'mean'"});
}

TEST(IndicatorSystem, UnknownFieldRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "A1")["wieght"] = 0.6;
  ExpectRefused(j, {"node A1", "unknown field 'wieght'"});
}

TEST(IndicatorSystem, KindRules) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "G")["weight"] = 0.1;
  ExpectRefused(j, {"node G", "carries no weight"});
  j = SmallSystem();
  NodeOf(j, "A")["formula"] = "hv";
  ExpectRefused(j, {"node A", "has children"});
  j = SmallSystem();
  NodeOf(j, "A2").erase("formula");
  ExpectRefused(j, {"node A2", "needs a 'formula'"});
  j = SmallSystem();
  NodeOf(j, "B3")["direction"] = "target";
  NodeOf(j, "B3")["target"] = 30;
  NodeOf(j, "B3")["normaliser"] = {{"method", "ratio_to_target"}, {"target", 30}};
  ExpectRefused(j, {"node B3", "needs direction higher_better or lower_better"});
}

TEST(IndicatorSystem, NonReciprocalAhpRefused) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B")["ahp"] = {{"children", {"B1", "B2", "B3"}}, {"matrix", {{1, 3, 5}, {"1/2", 1, 3}, {"1/5", "1/3", 1}}}};
  ExpectRefused(j, {"node B", "not reciprocal", "a[1][2] = 3"});
}

TEST(IndicatorSystem, InconsistentAhpRefusedWithTheRatio) {
  nlohmann::json j = SmallSystem();
  // B1 > B2 strongly, B2 > B3 strongly, yet B3 > B1: CR far above 0.10.
  NodeOf(j, "B")["ahp"] = {{"children", {"B1", "B2", "B3"}}, {"matrix", {{1, 5, "1/5"}, {"1/5", 1, 5}, {5, "1/5", 1}}}};
  ExpectRefused(j, {"node B", "inconsistent", "consistency ratio"});
}

TEST(IndicatorSystem, AhpMustCoverExactlyTheWeightedChildren) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B")["ahp"] = {{"children", {"B1", "B2"}}, {"matrix", {{1, 3}, {"1/3", 1}}}};
  ExpectRefused(j, {"node B", "exactly the weighted children", "B3"});
}

TEST(IndicatorSystem, ConsistentAhpAccepted) {
  nlohmann::json j = SmallSystem();
  NodeOf(j, "B")["ahp"] = {{"children", {"B1", "B2", "B3"}}, {"matrix", {{1, 2, 4}, {"1/2", 1, 2}, {"1/4", "1/2", 1}}}};
  j["ahp"] = {{"children", {"A", "B"}}, {"matrix", {{1, "1/3"}, {3, 1}}}};
  Result<IndicatorSystem> r = Parse(j);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->HasAhp());
}

TEST(IndicatorSystem, MalformedJsonRefused) {
  Result<IndicatorSystem> r = ParseIndicatorSystem("{\"code\": ", "broken.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("broken.json: not valid JSON"), std::string::npos);
}

TEST(IndicatorSystem, OutcomeRulesValidated) {
  nlohmann::json j = SmallSystem();
  j["outcomes"][0]["at_least"] = 70;  // at_least 70 and below 60: empty
  ExpectRefused(j, {"outcome rule 'withdraw'", "no total"});
}

}  // namespace
}  // namespace patnav::domain::evaluation
