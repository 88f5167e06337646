// Formula: a recursive-descent parser into a small expression tree, and its
// evaluation over one subject's measures.
#include "domain/evaluation/formula.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace patnav::domain::evaluation {

struct Formula::Node {
  enum class Kind { kNumber, kMeasure, kNegate, kAdd, kSubtract, kMultiply, kDivide };
  Kind kind = Kind::kNumber;
  double number = 0;
  std::string measure;
  size_t begin = 0, end = 0;  // the node's span in the formula text
  std::unique_ptr<Node> lhs, rhs;
};

namespace {

using Node = Formula::Node;

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<std::unique_ptr<Node>> ParseAll() {
    ASSIGN_OR_RETURN(auto root, Sum(0));
    SkipSpace();
    if (pos_ != s_.size()) return Error("expected an operator or the end");
    return root;
  }
  std::vector<std::string> measures;

 private:
  Status Error(const std::string& what) const {
    return Status::InvalidArgument("formula '" + std::string(s_) + "': " + what + " at offset " +
                                   std::to_string(pos_));
  }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  // Consumes one of the ASCII or UTF-8 spellings of an operator.
  bool Take(std::initializer_list<std::string_view> spellings) {
    SkipSpace();
    for (std::string_view t : spellings)
      if (s_.substr(pos_, t.size()) == t) {
        pos_ += t.size();
        return true;
      }
    return false;
  }
  static std::unique_ptr<Node> Binary(Node::Kind kind, std::unique_ptr<Node> l, std::unique_ptr<Node> r) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->begin = l->begin;
    n->end = r->end;
    n->lhs = std::move(l);
    n->rhs = std::move(r);
    return n;
  }

  Result<std::unique_ptr<Node>> Sum(int depth) {
    ASSIGN_OR_RETURN(auto lhs, Product(depth));
    for (;;) {
      Node::Kind kind;
      if (Take({"+"})) kind = Node::Kind::kAdd;
      else if (Take({"-", "\xE2\x88\x92"})) kind = Node::Kind::kSubtract;  // U+2212 minus
      else return lhs;
      ASSIGN_OR_RETURN(auto rhs, Product(depth));
      lhs = Binary(kind, std::move(lhs), std::move(rhs));
    }
  }

  Result<std::unique_ptr<Node>> Product(int depth) {
    ASSIGN_OR_RETURN(auto lhs, Unary(depth));
    for (;;) {
      Node::Kind kind;
      if (Take({"*", "\xC3\x97"})) kind = Node::Kind::kMultiply;       // U+00D7 ×
      else if (Take({"/", "\xC3\xB7"})) kind = Node::Kind::kDivide;    // U+00F7 ÷
      else return lhs;
      ASSIGN_OR_RETURN(auto rhs, Unary(depth));
      lhs = Binary(kind, std::move(lhs), std::move(rhs));
    }
  }

  Result<std::unique_ptr<Node>> Unary(int depth) {
    if (depth >= kMaxFormulaDepth) return Error("nesting deeper than " + std::to_string(kMaxFormulaDepth));
    SkipSpace();
    size_t begin = pos_;
    if (Take({"-", "\xE2\x88\x92"})) {
      ASSIGN_OR_RETURN(auto operand, Unary(depth + 1));
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kNegate;
      n->begin = begin;
      n->end = operand->end;
      n->lhs = std::move(operand);
      return n;
    }
    if (Take({"+"})) return Unary(depth + 1);
    return Primary(depth);
  }

  Result<std::unique_ptr<Node>> Primary(int depth) {
    SkipSpace();
    size_t begin = pos_;
    if (Take({"("})) {
      ASSIGN_OR_RETURN(auto inner, Sum(depth + 1));
      if (!Take({")"})) return Error("expected ')'");
      inner->begin = begin;
      inner->end = pos_;
      return inner;
    }
    if (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) return Number();
    if (pos_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) {
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' || s_[pos_] == '.'))
        ++pos_;
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kMeasure;
      n->measure = std::string(s_.substr(begin, pos_ - begin));
      n->begin = begin;
      n->end = pos_;
      bool seen = false;
      for (const auto& m : measures) seen = seen || m == n->measure;
      if (!seen) measures.push_back(n->measure);
      return n;
    }
    return Error("expected a number, a measure or '('");
  }

  Result<std::unique_ptr<Node>> Number() {
    size_t begin = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return pos_ > from;
    };
    bool whole = digits();
    bool fraction = false;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      fraction = digits();
    }
    if (!whole && !fraction) return Error("expected digits");
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return Error("expected the exponent's digits");
    }
    std::string literal(s_.substr(begin, pos_ - begin));
    double v = std::strtod(literal.c_str(), nullptr);
    if (!std::isfinite(v)) return Error("number '" + literal + "' out of range");
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kNumber;
    n->number = v;
    n->begin = begin;
    n->end = pos_;
    return n;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

Result<double> Eval(const Node& n, const std::string& text, const Formula::Lookup& lookup) {
  switch (n.kind) {
    case Node::Kind::kNumber:
      return n.number;
    case Node::Kind::kMeasure: {
      std::optional<double> v = lookup(n.measure);
      if (!v) return Status::InvalidArgument("no observation of measure '" + n.measure + "'");
      return *v;
    }
    case Node::Kind::kNegate: {
      ASSIGN_OR_RETURN(double v, Eval(*n.lhs, text, lookup));
      return -v;
    }
    default:
      break;
  }
  ASSIGN_OR_RETURN(double a, Eval(*n.lhs, text, lookup));
  ASSIGN_OR_RETURN(double b, Eval(*n.rhs, text, lookup));
  switch (n.kind) {
    case Node::Kind::kAdd: return a + b;
    case Node::Kind::kSubtract: return a - b;
    case Node::Kind::kMultiply: return a * b;
    default: break;
  }
  if (b == 0) {
    std::string divisor = text.substr(n.rhs->begin, n.rhs->end - n.rhs->begin);
    return Status::InvalidArgument("division by zero in formula '" + text + "': '" + divisor + "' is 0");
  }
  return a / b;
}

}  // namespace

Result<Formula> Formula::Parse(std::string_view text) {
  if (text.size() > kMaxFormulaBytes)
    return Status::InvalidArgument("formula longer than " + std::to_string(kMaxFormulaBytes) + " bytes");
  Parser parser(text);
  ASSIGN_OR_RETURN(std::unique_ptr<Node> root, parser.ParseAll());
  Formula f;
  f.text_ = std::string(text);
  f.measures_ = std::move(parser.measures);
  f.root_ = std::move(root);
  return f;
}

Result<double> Formula::Evaluate(const Lookup& lookup) const {
  ASSIGN_OR_RETURN(double v, Eval(*root_, text_, lookup));
  if (!std::isfinite(v)) return Status::InvalidArgument("formula '" + text_ + "' is not a finite number");
  return v;
}

}  // namespace patnav::domain::evaluation
