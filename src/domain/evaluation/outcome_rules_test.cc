// Outcome rules: bands with inclusive and exclusive bounds, the veto rule,
// first match wins.
#include "domain/evaluation/outcome_rules.h"

#include <gtest/gtest.h>

namespace patnav::domain::evaluation {
namespace {

std::vector<OutcomeRule> CityRules() {
  std::vector<OutcomeRule> rules(4);
  rules[0].code = "withdraw", rules[0].below = 60, rules[0].ban_years = 2;
  rules[1].code = "veto", rules[1].vetoed = true, rules[1].ban_years = 2;
  rules[2].code = "repeat_pilot", rules[2].at_least = 60, rules[2].at_most = 70;
  rules[3].code = "demonstration", rules[3].above = 70;
  return rules;
}

std::string Code(const std::vector<OutcomeRule>& rules, double t, bool vetoed = false) {
  const OutcomeRule* r = ProposeOutcome(rules, t, vetoed);
  return r ? r->code : "none";
}

TEST(OutcomeRules, CityBands) {
  std::vector<OutcomeRule> rules = CityRules();
  ASSERT_TRUE(ValidateOutcomeRules(rules).ok());
  EXPECT_EQ(Code(rules, 0), "withdraw");
  EXPECT_EQ(Code(rules, 59.999), "withdraw");
  EXPECT_EQ(Code(rules, 60), "repeat_pilot");
  EXPECT_EQ(Code(rules, 70), "repeat_pilot");
  EXPECT_EQ(Code(rules, 70.001), "demonstration");
  EXPECT_EQ(Code(rules, 95, /*vetoed=*/true), "veto");
  EXPECT_EQ(ProposeOutcome(rules, 0, false)->ban_years, 2);
}

TEST(OutcomeRules, NoMatchAndFirstMatchWins) {
  std::vector<OutcomeRule> rules = CityRules();
  rules.erase(rules.begin() + 1);  // no veto rule
  EXPECT_EQ(Code(rules, 80, true), "none");
  OutcomeRule all;
  all.code = "keep", all.at_least = 0;
  rules.insert(rules.begin(), all);
  EXPECT_EQ(Code(rules, 10), "keep");
}

TEST(OutcomeRules, InvalidRulesRefused) {
  std::vector<OutcomeRule> rules = CityRules();
  rules[3].code = "withdraw";
  EXPECT_FALSE(ValidateOutcomeRules(rules).ok());
  rules = CityRules();
  rules[2].at_least.reset(), rules[2].at_most.reset();
  EXPECT_FALSE(ValidateOutcomeRules(rules).ok());  // no bound
  rules = CityRules();
  rules[2].above = 70;  // above 70 and at most 70: empty
  EXPECT_FALSE(ValidateOutcomeRules(rules).ok());
}

}  // namespace
}  // namespace patnav::domain::evaluation
