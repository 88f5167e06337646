// The formula language of indicator nodes: arithmetic over base measures.
//
//   formula := sum
//   sum     := product (('+' | '-' | '−') product)*
//   product := unary (('*' | '×' | '/' | '÷') unary)*
//   unary   := ('-' | '−' | '+') unary | primary
//   primary := number | measure | '(' sum ')'
//   number  := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]
//   measure := [A-Za-z_][A-Za-z0-9_.]*      (a measure code of the system)
//
// A Formula is immutable once parsed and safe to evaluate from many threads.
// Parsing refuses more than kMaxFormulaBytes or nesting deeper than
// kMaxFormulaDepth, so any input is parsed in bounded time and stack.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::domain::evaluation {

inline constexpr size_t kMaxFormulaBytes = 4096;
inline constexpr int kMaxFormulaDepth = 64;

class Formula {
 public:
  struct Node;  // the expression tree (formula.cc)

  // InvalidArgument naming the byte offset and what was expected
  // ("formula 'a +': expected a number, a measure or '(' at offset 3").
  static Result<Formula> Parse(std::string_view text);

  // The value of a measure for the subject and period being evaluated, or
  // nullopt when there is no observation.
  using Lookup = std::function<std::optional<double>(const std::string& measure)>;

  // InvalidArgument for a measure with no value ("no observation of measure
  // 'pop'") or a division by zero ("division by zero: 'pop' is 0"); the
  // caller adds the subject and node.
  Result<double> Evaluate(const Lookup& lookup) const;

  const std::string& text() const { return text_; }
  // Every measure named, in order of first appearance, each once.
  const std::vector<std::string>& measures() const { return measures_; }

 private:
  std::string text_;
  std::vector<std::string> measures_;
  std::shared_ptr<const Node> root_;
};

}  // namespace patnav::domain::evaluation
