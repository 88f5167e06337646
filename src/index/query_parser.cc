// Recursive-descent parser of the query language; the grammar is in the header.
#include "index/query_parser.h"

#include <utility>
#include <vector>

#include "base/strings.h"
#include "index/legal_status_terms.h"
#include "index/query_date.h"
#include "index/query_lexer.h"

namespace patnav::index {

namespace {

std::string Col(int column) { return "column " + std::to_string(column); }

Status SyntaxError(int column, const std::string& what) {
  return Status::InvalidArgument("syntax error at " + Col(column) + ": " + what);
}

bool IsComparison(QueryTokenKind k) {
  return k == QueryTokenKind::kEq || k == QueryTokenKind::kGe || k == QueryTokenKind::kLe || k == QueryTokenKind::kGt ||
         k == QueryTokenKind::kLt;
}

bool StartsOperand(QueryTokenKind k) {
  return k == QueryTokenKind::kWord || k == QueryTokenKind::kPhrase || k == QueryTokenKind::kLParen ||
         k == QueryTokenKind::kNot;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// "H01M": a classification subclass, the part before the group of "H01M 10/0525".
bool LooksLikeSubclass(std::string_view s) {
  return s.size() == 4 && IsAsciiLetter(s[0]) && IsAsciiDigit(s[1]) && IsAsciiDigit(s[2]) && IsAsciiLetter(s[3]);
}
// "10/0525", "10/", "10/05*": the group part of a classification symbol.
bool LooksLikeGroup(std::string_view s) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || !IsAsciiDigits(s.substr(0, slash))) return false;
  std::string_view sub = s.substr(slash + 1);
  if (!sub.empty() && sub.back() == '*') sub.remove_suffix(1);
  return sub.empty() || IsAsciiDigits(sub);
}

QueryNode Node(NodeKind kind, int column, Field field = Field::kTac, std::string text = {}) {
  QueryNode n;
  n.kind = kind;
  n.column = column;
  n.field = field;
  n.text = std::move(text);
  return n;
}

class Parser {
 public:
  Parser(std::vector<QueryToken> tokens, const QueryLimits& limits) : tokens_(std::move(tokens)), limits_(limits) {}

  Result<QueryNode> Parse() {
    if (Peek().kind == QueryTokenKind::kEnd) return Status::InvalidArgument("empty query");
    RETURN_IF_ERROR(CheckTermCount());
    ASSIGN_OR_RETURN(QueryNode root, ParseOr(Field::kTac));
    const QueryToken& t = Peek();
    if (t.kind == QueryTokenKind::kEnd) return root;
    if (t.kind == QueryTokenKind::kRParen) return SyntaxError(t.column, "')' without a matching '('");
    return SyntaxError(t.column, "unexpected " + DescribeToken(t));
  }

 private:
  const QueryToken& Peek(size_t ahead = 0) const { return tokens_[std::min(i_ + ahead, tokens_.size() - 1)]; }
  const QueryToken& Take() {
    const QueryToken& t = Peek();
    if (i_ < tokens_.size() - 1) ++i_;
    return t;
  }

  // Words and phrases, not counting field names: a first, cheap bound.
  Status CheckTermCount() const {
    size_t n = 0;
    for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
      QueryTokenKind kind = tokens_[k].kind;
      if (kind == QueryTokenKind::kPhrase || (kind == QueryTokenKind::kWord && !IsComparison(tokens_[k + 1].kind))) ++n;
    }
    if (n > limits_.max_terms)
      return Status::InvalidArgument("query too large: " + std::to_string(n) + " terms (limit " +
                                     std::to_string(limits_.max_terms) + ")");
    return Status::OK();
  }

  Status Enter(int column) {
    if (++depth_ > limits_.max_depth)
      return Status::InvalidArgument("query too deeply nested at " + Col(column) + ": more than " +
                                     std::to_string(limits_.max_depth) + " levels of parentheses and NOT");
    return Status::OK();
  }

  Status ExpectedOperand(const QueryToken& t) const {
    std::string after = i_ > 0 ? " after " + DescribeToken(tokens_[i_ - 1]) : "";
    return SyntaxError(t.column, "expected a word, phrase, field or '('" + after + ", found " + DescribeToken(t));
  }

  Result<QueryNode> ParseOr(Field f) {
    ASSIGN_OR_RETURN(QueryNode first, ParseAnd(f));
    if (Peek().kind != QueryTokenKind::kOr) return first;
    QueryNode node = Node(NodeKind::kOr, first.column);
    node.children.push_back(std::move(first));
    while (Peek().kind == QueryTokenKind::kOr) {
      Take();
      ASSIGN_OR_RETURN(QueryNode next, ParseAnd(f));
      node.children.push_back(std::move(next));
    }
    return node;
  }

  Result<QueryNode> ParseAnd(Field f) {
    ASSIGN_OR_RETURN(QueryNode first, ParseNot(f));
    QueryNode node = Node(NodeKind::kAnd, first.column);
    node.children.push_back(std::move(first));
    while (Peek().kind == QueryTokenKind::kAnd || StartsOperand(Peek().kind)) {
      if (Peek().kind == QueryTokenKind::kAnd) Take();
      ASSIGN_OR_RETURN(QueryNode next, ParseNot(f));
      node.children.push_back(std::move(next));
    }
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  Result<QueryNode> ParseNot(Field f) {
    if (Peek().kind != QueryTokenKind::kNot) return ParseNear(f);
    const QueryToken& op = Take();
    RETURN_IF_ERROR(Enter(op.column));
    QueryNode node = Node(NodeKind::kNot, op.column);
    ASSIGN_OR_RETURN(QueryNode child, ParseNot(f));
    node.children.push_back(std::move(child));
    --depth_;
    return node;
  }

  Result<QueryNode> ParseNear(Field f) {
    ASSIGN_OR_RETURN(QueryNode first, ParsePrimary(f));
    if (Peek().kind != QueryTokenKind::kNear) return first;
    QueryNode node = Node(NodeKind::kNear, Peek().column);  // the first NEAR's column
    node.children.push_back(std::move(first));
    while (Peek().kind == QueryTokenKind::kNear) {
      node.distances.push_back(Take().distance);
      ASSIGN_OR_RETURN(QueryNode next, ParsePrimary(f));
      node.children.push_back(std::move(next));
    }
    return node;
  }

  Result<QueryNode> ParsePrimary(Field f) {
    const QueryToken& t = Peek();
    switch (t.kind) {
      case QueryTokenKind::kLParen:
        return ParseGroup(f);
      case QueryTokenKind::kWord:
        if (IsComparison(Peek(1).kind)) return ParseFieldClause();
        return ParseWord(f, QueryTokenKind::kEq);
      case QueryTokenKind::kPhrase:
        return ParsePhrase(f);
      case QueryTokenKind::kLBracket:
        return SyntaxError(t.column, "a date range '[' must follow PD=, AD=, PRD= or EX=");
      default:
        return ExpectedOperand(t);
    }
  }

  Result<QueryNode> ParseGroup(Field f) {
    const QueryToken& open = Take();
    RETURN_IF_ERROR(Enter(open.column));
    ASSIGN_OR_RETURN(QueryNode inner, ParseOr(f));
    if (Peek().kind != QueryTokenKind::kRParen)
      return SyntaxError(Peek().column, "expected ')' to close '(' opened at " + Col(open.column));
    Take();
    --depth_;
    return inner;
  }

  Result<QueryNode> ParseFieldClause() {
    const QueryToken& name = Take();
    const QueryToken& op = Take();
    std::optional<Field> field = FieldFromName(name.text);
    if (!field)
      return Status::InvalidArgument("unknown field '" + name.text + op.text + "' at " + Col(name.column) +
                                     " (fields: TI AB CL TA TAC FT PA AN IN IPC CPC CC KD PD AD PRD LS EX; "
                                     "put text containing '" + op.text + "' in quotes)");
    if (op.kind != QueryTokenKind::kEq) {
      if (!IsDateField(*field))
        return SyntaxError(op.column, "'" + op.text + "' applies only to the date fields PD, AD, PRD and EX, not " +
                                          std::string(NameOfField(*field)));
      if (Peek().kind != QueryTokenKind::kWord) return ExpectedDate(Peek());
      return ParseWord(*field, op.kind);
    }
    const QueryToken& v = Peek();
    switch (v.kind) {
      case QueryTokenKind::kLParen:
        return ParseGroup(*field);
      case QueryTokenKind::kLBracket:
        if (!IsDateField(*field))
          return SyntaxError(v.column, "a range '[' needs a date field (PD, AD, PRD, EX), not " +
                                           std::string(NameOfField(*field)));
        return ParseRange(*field);
      case QueryTokenKind::kWord:
        return ParseWord(*field, QueryTokenKind::kEq);
      case QueryTokenKind::kPhrase:
        return ParsePhrase(*field);
      default:
        return SyntaxError(v.column, "expected a value after '" + name.text + op.text + "', found " +
                                         DescribeToken(v));
    }
  }

  Status ExpectedDate(const QueryToken& t) const {
    return Status::InvalidArgument("expected a date at " + Col(t.column) + ", found " + DescribeToken(t) +
                                   " (dates: 2015, 2015-06, 2015-06-01, 20150601)");
  }

  Result<DateSpan> TakeDate() {
    const QueryToken& t = Peek();
    if (t.kind != QueryTokenKind::kWord) return ExpectedDate(t);
    std::optional<DateSpan> span = ParseQueryDate(t.text);
    if (!span) return ExpectedDate(t);
    Take();
    return *span;
  }

  // A word under field f; `op` is the comparison for a date field.
  Result<QueryNode> ParseWord(Field f, QueryTokenKind op) {
    if (IsDateField(f)) {
      int column = Peek().column;
      ASSIGN_OR_RETURN(DateSpan span, TakeDate());
      QueryNode node = Node(NodeKind::kDate, column, f);
      if (op == QueryTokenKind::kEq || op == QueryTokenKind::kGe) node.date_from = span.first;
      if (op == QueryTokenKind::kEq || op == QueryTokenKind::kLe) node.date_to = span.last;
      if (op == QueryTokenKind::kGt) node.date_from = NextDay(span.last);
      if (op == QueryTokenKind::kLt) node.date_to = PreviousDay(span.first);
      return node;
    }
    if (f == Field::kLegalStatus) return LegalStatusValue(Peek());
    const QueryToken& t = Take();
    QueryNode node = Node(NodeKind::kTerm, t.column, f, t.text);
    const bool classification = f == Field::kIpc || f == Field::kCpc;
    if (classification && LooksLikeSubclass(node.text) && Peek().kind == QueryTokenKind::kWord &&
        !IsComparison(Peek(1).kind) && LooksLikeGroup(Peek().text)) {
      node.text += " " + Take().text;
    }
    size_t star = node.text.find('*');
    if (star != std::string::npos) {
      if (star + 1 != node.text.size())
        return SyntaxError(t.column + static_cast<int>(CountCodepointsBefore(node.text, star)),
                           "'*' is allowed only at the end of a word");
      if (star == 0) return SyntaxError(t.column, "a wildcard needs at least one character before '*'");
      node.text.pop_back();
      node.wildcard = true;
    }
    return node;
  }

  static size_t CountCodepointsBefore(std::string_view s, size_t byte) {
    size_t n = 0;
    for (size_t k = 0; k < byte; ++k)
      if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) ++n;
    return n;
  }

  // LS=live: the value checked and made canonical (legal_status_terms.h).
  Result<QueryNode> LegalStatusValue(const QueryToken& t) {
    std::string value = CanonicalLegalStatusValue(t.text);
    if (value.empty())
      return Status::InvalidArgument("invalid LS value '" + t.text + "' at " + Col(t.column) +
                                     ": expected live, dead or pending (有效, 失效, 审中), or a state: in_force, "
                                     "lapsed, expired, revoked, withdrawn, refused");
    Take();
    return Node(NodeKind::kTerm, t.column, Field::kLegalStatus, value);
  }

  Result<QueryNode> ParsePhrase(Field f) {
    const QueryToken& t = Peek();
    if (IsDateField(f)) return ExpectedDate(t);
    if (f == Field::kLegalStatus) return LegalStatusValue(t);
    if (Trim(t.text).empty()) return SyntaxError(t.column, "empty phrase");
    Take();
    return Node(NodeKind::kPhrase, t.column, f, t.text);
  }

  // '[' date_or_* TO date_or_* ']'
  Result<QueryNode> ParseRange(Field f) {
    const QueryToken& open = Take();
    QueryNode node = Node(NodeKind::kDate, open.column, f);
    if (Peek().kind == QueryTokenKind::kWord && Peek().text == "*") {
      Take();
    } else {
      ASSIGN_OR_RETURN(DateSpan from, TakeDate());
      node.date_from = from.first;
    }
    if (Peek().kind != QueryTokenKind::kWord || !IEquals(Peek().text, "TO"))
      return SyntaxError(Peek().column, "expected 'TO' in the date range opened at " + Col(open.column) +
                                            ", found " + DescribeToken(Peek()));
    Take();
    if (Peek().kind == QueryTokenKind::kWord && Peek().text == "*") {
      Take();
    } else {
      ASSIGN_OR_RETURN(DateSpan to, TakeDate());
      node.date_to = to.last;
    }
    if (Peek().kind != QueryTokenKind::kRBracket)
      return SyntaxError(Peek().column, "expected ']' to close '[' opened at " + Col(open.column));
    Take();
    if (node.date_from && node.date_to && *node.date_from > *node.date_to)
      return Status::InvalidArgument("empty date range at " + Col(open.column) + ": its start is after its end");
    return node;
  }

  std::vector<QueryToken> tokens_;
  const QueryLimits& limits_;
  size_t i_ = 0;
  size_t depth_ = 0;
};

void Render(const QueryNode& n, std::string& out) {
  auto field = [&] {
    if (n.field != Field::kTac) out.append(NameOfField(n.field)).push_back(':');
  };
  switch (n.kind) {
    case NodeKind::kTerm:
      field();
      out += n.text;
      if (n.wildcard) out += '*';
      return;
    case NodeKind::kPhrase:
      field();
      out += '"' + n.text + '"';
      return;
    case NodeKind::kDate:
      field();
      out += '[' + (n.date_from ? std::to_string(*n.date_from) : "*") + ".." +
             (n.date_to ? std::to_string(*n.date_to) : "*") + ']';
      return;
    default:
      break;
  }
  out += '(';
  if (n.kind == NodeKind::kAnd) out += "AND";
  if (n.kind == NodeKind::kOr) out += "OR";
  if (n.kind == NodeKind::kNot) out += "NOT";
  if (n.kind == NodeKind::kNear) {
    out += "NEAR";
    bool same = true;
    for (int d : n.distances) same = same && d == n.distances.front();
    if (same) out += "/" + std::to_string(n.distances.front());
    for (size_t k = 0; k < n.children.size(); ++k) {
      if (!same && k > 0) out += " /" + std::to_string(n.distances[k - 1]);
      out += ' ';
      Render(n.children[k], out);
    }
    out += ')';
    return;
  }
  for (const QueryNode& c : n.children) {
    out += ' ';
    Render(c, out);
  }
  out += ')';
}

}  // namespace

Result<QueryAst> ParseQuery(std::string_view query, const QueryLimits& limits) {
  ASSIGN_OR_RETURN(std::vector<QueryToken> tokens, TokenizeQuery(query, limits));
  ASSIGN_OR_RETURN(QueryNode root, Parser(std::move(tokens), limits).Parse());
  return QueryAst{std::move(root)};
}

std::string DebugString(const QueryNode& node) {
  std::string out;
  Render(node, out);
  return out;
}

}  // namespace patnav::index
