// The formula language: precedence, unary minus, UTF-8 operators, measures
// named, and the errors (syntax, missing measure, division by zero).
#include "domain/evaluation/formula.h"

#include <map>

#include <gtest/gtest.h>

namespace patnav::domain::evaluation {
namespace {

Result<double> Eval(const std::string& text, const std::map<std::string, double>& m) {
  Result<Formula> f = Formula::Parse(text);
  if (!f.ok()) return f.status();
  return f->Evaluate([&](const std::string& name) -> std::optional<double> {
    auto it = m.find(name);
    if (it == m.end()) return std::nullopt;
    return it->second;
  });
}

TEST(Formula, PrecedenceAndAssociativity) {
  EXPECT_DOUBLE_EQ(*Eval("1 + 2 * 3", {}), 7);
  EXPECT_DOUBLE_EQ(*Eval("(1 + 2) * 3", {}), 9);
  EXPECT_DOUBLE_EQ(*Eval("8 / 4 / 2", {}), 1);  // left to right
  EXPECT_DOUBLE_EQ(*Eval("10 - 4 - 3", {}), 3);
  EXPECT_DOUBLE_EQ(*Eval("-2 * -3", {}), 6);
  EXPECT_DOUBLE_EQ(*Eval("1.5e2 + .5", {}), 150.5);
}

TEST(Formula, UnicodeOperators) {
  EXPECT_DOUBLE_EQ(*Eval("6 × 7 ÷ 2 − 1", {}), 20);
}

TEST(Formula, MeasuresNamedOnceInOrder) {
  Result<Formula> f = Formula::Parse("hv_patents / population * 10000 + hv_patents");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->measures(), (std::vector<std::string>{"hv_patents", "population"}));
  EXPECT_DOUBLE_EQ(*Eval("hv_patents / population * 10000", {{"hv_patents", 1200}, {"population", 1e6}}), 12);
}

TEST(Formula, SyntaxErrorsNameTheOffset) {
  for (const char* bad : {"", "1 +", "(1 + 2", "1 2", "a $ b", "*3", "1e", "()"}) {
    Result<Formula> f = Formula::Parse(bad);
    EXPECT_FALSE(f.ok()) << bad;
    if (!f.ok()) {
      EXPECT_NE(f.status().message().find("offset"), std::string::npos) << f.status().message();
    }
  }
}

TEST(Formula, NestingIsBounded) {
  std::string deep(200, '(');
  deep += "1" + std::string(200, ')');
  EXPECT_FALSE(Formula::Parse(deep).ok());
  EXPECT_FALSE(Formula::Parse(std::string(kMaxFormulaBytes + 1, '1')).ok());
}

TEST(Formula, DivisionByZeroIsAClearError) {
  Result<double> r = Eval("patents / (population - population)", {{"patents", 3}, {"population", 5}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("division by zero"), std::string::npos);
  EXPECT_NE(r.status().message().find("(population - population)"), std::string::npos) << r.status().message();
}

TEST(Formula, MissingMeasureNamed) {
  Result<double> r = Eval("a + b", {{"a", 1}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("'b'"), std::string::npos);
}

}  // namespace
}  // namespace patnav::domain::evaluation
