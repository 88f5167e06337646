// Tests of the query language's lexer and parser: the tree each operator,
// field and date form gives (as DebugString), precedence and scoping, error
// messages with exact columns (Chinese characters count one column each),
// and the limits that refuse a huge or deeply nested query fast.
#include "index/query_parser.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "index/query_date.h"

namespace patnav::index {
namespace {

// The tree of `q`, or "ERROR: <message>".
std::string P(std::string_view q, const QueryLimits& limits = {}) {
  Result<QueryAst> ast = ParseQuery(q, limits);
  if (!ast.ok()) {
    EXPECT_EQ(ast.status().code(), StatusCode::kInvalidArgument) << q;
    return "ERROR: " + ast.status().message();
  }
  return DebugString(ast->root);
}

// The message of the error `q` gives (empty when it parses).
std::string E(std::string_view q) {
  Result<QueryAst> ast = ParseQuery(q);
  return ast.ok() ? std::string() : ast.status().message();
}

// The error of `q` begins with `start` (what follows is a hint).
#define EXPECT_ERROR_STARTS(q, start) EXPECT_EQ(E(q).substr(0, std::string_view(start).size()), start)

TEST(QueryParserTest, WordsAndImplicitAnd) {
  EXPECT_EQ(P("lithium"), "lithium");
  EXPECT_EQ(P("  Lithium  "), "Lithium");
  EXPECT_EQ(P("lithium battery"), "(AND lithium battery)");
  EXPECT_EQ(P("lithium battery cathode"), "(AND lithium battery cathode)");
  EXPECT_EQ(P("锂电池"), "锂电池");
  EXPECT_EQ(P("锂 电池"), "(AND 锂 电池)");
  EXPECT_EQ(P("lithium-ion H01M10/0525 C++"), "(AND lithium-ion H01M10/0525 C++)");
}

TEST(QueryParserTest, BooleanOperatorsAnyCase) {
  EXPECT_EQ(P("a AND b"), "(AND a b)");
  EXPECT_EQ(P("a and b"), "(AND a b)");
  EXPECT_EQ(P("a OR b"), "(OR a b)");
  EXPECT_EQ(P("a Or b or c"), "(OR a b c)");
  EXPECT_EQ(P("NOT a"), "(NOT a)");
  EXPECT_EQ(P("not a"), "(NOT a)");
}

TEST(QueryParserTest, Precedence) {
  EXPECT_EQ(P("a OR b AND c"), "(OR a (AND b c))");
  EXPECT_EQ(P("a AND b OR c"), "(OR (AND a b) c)");
  EXPECT_EQ(P("a b OR c d"), "(OR (AND a b) (AND c d))");
  EXPECT_EQ(P("(a OR b) AND c"), "(AND (OR a b) c)");
  EXPECT_EQ(P("(a OR b) c"), "(AND (OR a b) c)");
  EXPECT_EQ(P("NOT a OR b"), "(OR (NOT a) b)");
  EXPECT_EQ(P("NOT a NEAR/2 b"), "(NOT (NEAR/2 a b))");
  EXPECT_EQ(P("a NEAR/2 b OR c"), "(OR (NEAR/2 a b) c)");
  EXPECT_EQ(P("a NEAR/2 b c"), "(AND (NEAR/2 a b) c)");
}

TEST(QueryParserTest, NotForms) {
  EXPECT_EQ(P("a NOT b"), "(AND a (NOT b))");
  EXPECT_EQ(P("a AND NOT b"), "(AND a (NOT b))");
  EXPECT_EQ(P("a NOT b NOT c"), "(AND a (NOT b) (NOT c))");
  EXPECT_EQ(P("a NOT (b OR c)"), "(AND a (NOT (OR b c)))");
  EXPECT_EQ(P("NOT NOT a"), "(NOT (NOT a))");
  EXPECT_EQ(P("a OR NOT b"), "(OR a (NOT b))");
}

TEST(QueryParserTest, Nesting) {
  EXPECT_EQ(P("((a))"), "a");
  EXPECT_EQ(P("(a OR (b AND (c OR d)))"), "(OR a (AND b (OR c d)))");
  EXPECT_EQ(P("(a OR b) (c OR d)"), "(AND (OR a b) (OR c d))");
}

TEST(QueryParserTest, Near) {
  EXPECT_EQ(P("a NEAR/3 b"), "(NEAR/3 a b)");
  EXPECT_EQ(P("a near/10 b"), "(NEAR/10 a b)");
  EXPECT_EQ(P("a NEAR/2 b NEAR/2 c"), "(NEAR/2 a b c)");
  EXPECT_EQ(P("a NEAR/2 b NEAR/5 c"), "(NEAR a /2 b /5 c)");
  EXPECT_EQ(P("(a OR b) NEAR/3 \"c d\""), "(NEAR/3 (OR a b) \"c d\")");
  EXPECT_EQ(P("锂电池 NEAR/5 正极"), "(NEAR/5 锂电池 正极)");
  // Without a distance, "near" is a word.
  EXPECT_EQ(P("near field"), "(AND near field)");
}

TEST(QueryParserTest, PhrasesAndWildcards) {
  EXPECT_EQ(P("\"lithium ion battery\""), "\"lithium ion battery\"");
  EXPECT_EQ(P("\u201c\u9502 \u7535\u6c60\u201d"), "\"锂 电池\"");  // “锂 电池”
  EXPECT_EQ(P("\"a b\" c"), "(AND \"a b\" c)");
  EXPECT_EQ(P("\"AND OR\""), "\"AND OR\"");  // operators are words inside quotes
  EXPECT_EQ(P("bat*"), "bat*");
  EXPECT_EQ(P("TI=bat* OR 锂*"), "(OR TI:bat* 锂*)");
}

TEST(QueryParserTest, EveryField) {
  EXPECT_EQ(P("TI=a"), "TI:a");
  EXPECT_EQ(P("AB=a"), "AB:a");
  EXPECT_EQ(P("CL=a"), "CL:a");
  EXPECT_EQ(P("TA=a"), "TA:a");
  EXPECT_EQ(P("TAC=a"), "a");
  EXPECT_EQ(P("FT=a"), "FT:a");
  EXPECT_EQ(P("PA=a"), "PA:a");
  EXPECT_EQ(P("AN=a"), "PA:a");
  EXPECT_EQ(P("IN=a"), "IN:a");
  EXPECT_EQ(P("IPC=H01M"), "IPC:H01M");
  EXPECT_EQ(P("CPC=H01M"), "CPC:H01M");
  EXPECT_EQ(P("CC=CN"), "CC:CN");
  EXPECT_EQ(P("KD=B2"), "KD:B2");
  EXPECT_EQ(P("PD=2015"), "PD:[20150101..20151231]");
  EXPECT_EQ(P("AD=2015"), "AD:[20150101..20151231]");
  EXPECT_EQ(P("PRD=2015"), "PRD:[20150101..20151231]");
  // Any case, spaces around the operator, full-width '='.
  EXPECT_EQ(P("ti=a"), "TI:a");
  EXPECT_EQ(P("Ti = a"), "TI:a");
  EXPECT_EQ(P("TI\uFF1Da"), "TI:a");
}

TEST(QueryParserTest, FieldScoping) {
  EXPECT_EQ(P("TI=lithium battery"), "(AND TI:lithium battery)");
  EXPECT_EQ(P("TI=(lithium battery)"), "(AND TI:lithium TI:battery)");
  EXPECT_EQ(P("TI=(lithium OR \"ion battery\") cathode"), "(AND (OR TI:lithium TI:\"ion battery\") cathode)");
  EXPECT_EQ(P("TI=(a OR AB=b)"), "(OR TI:a AB:b)");  // an inner field overrides
  EXPECT_EQ(P("TI=(a NEAR/2 b) NOT CC=US"), "(AND (NEAR/2 TI:a TI:b) (NOT CC:US))");
  EXPECT_EQ(P("PA=\"Samsung Electronics\""), "PA:\"Samsung Electronics\"");
  EXPECT_EQ(P("（锂电池 OR 钠电池）AND 正极"), "(AND (OR 锂电池 钠电池) 正极)");
}

TEST(QueryParserTest, ClassificationWithSpace) {
  EXPECT_EQ(P("IPC=H01M 10/0525"), "IPC:H01M 10/0525");
  EXPECT_EQ(P("ipc=h01m 10/0525 lithium"), "(AND IPC:h01m 10/0525 lithium)");
  EXPECT_EQ(P("IPC=(H01M 10/0525 OR H01M 4/13)"), "(OR IPC:H01M 10/0525 IPC:H01M 4/13)");
  EXPECT_EQ(P("IPC=H01M lithium"), "(AND IPC:H01M lithium)");
  EXPECT_EQ(P("CPC=Y02E 60/10"), "CPC:Y02E 60/10");
  EXPECT_EQ(P("IPC=H01M 10/05*"), "IPC:H01M 10/05*");
  // Only under a classification field.
  EXPECT_EQ(P("H01M 10/0525"), "(AND H01M 10/0525)");
}

TEST(QueryParserTest, DateForms) {
  EXPECT_EQ(P("PD=2015-06"), "PD:[20150601..20150630]");
  EXPECT_EQ(P("PD=2016-02"), "PD:[20160201..20160229]");  // leap year
  EXPECT_EQ(P("PD=2015-02"), "PD:[20150201..20150228]");
  EXPECT_EQ(P("PD=2015-06-01"), "PD:[20150601..20150601]");
  EXPECT_EQ(P("PD=20150601"), "PD:[20150601..20150601]");
  EXPECT_EQ(P("PD=2015/06/01"), "PD:[20150601..20150601]");
  EXPECT_EQ(P("PD=2015.6.1"), "PD:[20150601..20150601]");
  EXPECT_EQ(P("PD=2015年6月1日"), "PD:[20150601..20150601]");
  EXPECT_EQ(P("PD=2015年6月"), "PD:[20150601..20150630]");
  EXPECT_EQ(P("PD=2015年"), "PD:[20150101..20151231]");
  EXPECT_EQ(P("PD=(2015 OR 2017)"), "(OR PD:[20150101..20151231] PD:[20170101..20171231])");
}

TEST(QueryParserTest, DateComparisons) {
  EXPECT_EQ(P("PD>=2018-06-01"), "PD:[20180601..*]");
  EXPECT_EQ(P("PD>=2018"), "PD:[20180101..*]");
  EXPECT_EQ(P("PD>2018"), "PD:[20190101..*]");
  EXPECT_EQ(P("PD>2015-12-31"), "PD:[20160101..*]");
  EXPECT_EQ(P("PD>2016-02"), "PD:[20160301..*]");
  EXPECT_EQ(P("PD<2018"), "PD:[*..20171231]");
  EXPECT_EQ(P("PD<2016-03-01"), "PD:[*..20160229]");
  EXPECT_EQ(P("PD<=2018-06"), "PD:[*..20180630]");
  EXPECT_EQ(P("AD <= 2018"), "AD:[*..20181231]");
  EXPECT_EQ(P("lithium PD>=2018 CC=CN"), "(AND lithium PD:[20180101..*] CC:CN)");
}

TEST(QueryParserTest, DateRanges) {
  EXPECT_EQ(P("PD=[2015 TO 2020]"), "PD:[20150101..20201231]");
  EXPECT_EQ(P("PD=[2015-06 to 2016-02-15]"), "PD:[20150601..20160215]");
  EXPECT_EQ(P("PRD=[20150101 TO 20150101]"), "PRD:[20150101..20150101]");
  EXPECT_EQ(P("PD=[* TO 2015]"), "PD:[*..20151231]");
  EXPECT_EQ(P("PD=[2015 TO *]"), "PD:[20150101..*]");
  EXPECT_EQ(P("PD=［2015 TO 2016］"), "PD:[20150101..20161231]");
}

TEST(QueryParserTest, InvalidDates) {
  EXPECT_EQ(E("PD=abc"), "expected a date at column 4, found 'abc' (dates: 2015, 2015-06, 2015-06-01, 20150601)");
  EXPECT_ERROR_STARTS("PD=2015-02-30", "expected a date at column 4, found '2015-02-30'");
  EXPECT_ERROR_STARTS("PD=2015-13", "expected a date at column 4, found '2015-13'");
  EXPECT_ERROR_STARTS("PD=201506", "expected a date at column 4, found '201506'");
  EXPECT_ERROR_STARTS("PD=15", "expected a date at column 4, found '15'");
  EXPECT_ERROR_STARTS("PD=2015-06-01-02", "expected a date at column 4, found '");
  EXPECT_ERROR_STARTS("PD=\"2015\"", "expected a date at column 4, found '\"2015\"'");
  EXPECT_ERROR_STARTS("PD>=", "expected a date at column 5, found end of query");
  EXPECT_ERROR_STARTS("PD>=(2015)", "expected a date at column 5, found '('");
  EXPECT_EQ(E("PD=[2020 TO 2015]"), "empty date range at column 4: its start is after its end");
  EXPECT_EQ(E("PD=[2015 2020]"),
            "syntax error at column 10: expected 'TO' in the date range opened at column 4, found '2020'");
  EXPECT_EQ(E("PD=[2015 TO 2020"), "syntax error at column 17: expected ']' to close '[' opened at column 4");
  EXPECT_ERROR_STARTS("PD=[2015 TO x]", "expected a date at column 13, found 'x'");
  EXPECT_EQ(E("TI>=2015"), "syntax error at column 3: '>=' applies only to the date fields PD, AD, PRD and EX, not TI");
  EXPECT_EQ(E("TI=[2015 TO 2016]"), "syntax error at column 4: a range '[' needs a date field (PD, AD, PRD, EX), not TI");
  EXPECT_EQ(E("[2015 TO 2016]"), "syntax error at column 1: a date range '[' must follow PD=, AD=, PRD= or EX=");
}

TEST(QueryParserTest, QueryDates) {
  EXPECT_FALSE(ParseQueryDate("0999"));
  EXPECT_FALSE(ParseQueryDate("2015-06/01"));  // mixed separators
  EXPECT_FALSE(ParseQueryDate("2015--01"));
  EXPECT_FALSE(ParseQueryDate("2100-02-29"));  // not a leap year
  EXPECT_TRUE(ParseQueryDate("2000-02-29"));
  EXPECT_EQ(NextDay(20151231), 20160101u);
  EXPECT_EQ(NextDay(20160228), 20160229u);
  EXPECT_EQ(PreviousDay(20160301), 20160229u);
  EXPECT_EQ(PreviousDay(20150101), 20141231u);
}

TEST(QueryParserTest, SyntaxErrorsWithColumns) {
  EXPECT_EQ(E(""), "empty query");
  EXPECT_EQ(E("   \u3000 "), "empty query");
  EXPECT_EQ(E("abc (def ghij"), "syntax error at column 14: expected ')' to close '(' opened at column 5");
  EXPECT_ERROR_STARTS("XX=abc", "unknown field 'XX=' at column 1");
  EXPECT_ERROR_STARTS("lithium foo>=2015", "unknown field 'foo>=' at column 9");
  EXPECT_ERROR_STARTS("PD=abc", "expected a date at column 4, found 'abc'");
  EXPECT_EQ(E("TI=ab \"cd"), "unterminated phrase starting at column 7");
  EXPECT_EQ(E("a AND"), "syntax error at column 6: expected a word, phrase, field or '(' after 'AND', found end of query");
  EXPECT_EQ(E("a OR OR b"), "syntax error at column 6: expected a word, phrase, field or '(' after 'OR', found 'OR'");
  EXPECT_EQ(E("OR a"), "syntax error at column 1: expected a word, phrase, field or '(', found 'OR'");
  EXPECT_EQ(E("a NOT"), "syntax error at column 6: expected a word, phrase, field or '(' after 'NOT', found end of query");
  EXPECT_EQ(E("a NEAR/3"),
            "syntax error at column 9: expected a word, phrase, field or '(' after 'NEAR/3', found end of query");
  EXPECT_EQ(E("a )"), "syntax error at column 3: ')' without a matching '('");
  EXPECT_EQ(E("()"), "syntax error at column 2: expected a word, phrase, field or '(' after '(', found ')'");
  EXPECT_EQ(E("a ]"), "syntax error at column 3: unexpected ']'");
  EXPECT_EQ(E("=a"), "syntax error at column 1: expected a word, phrase, field or '(', found '='");
  EXPECT_EQ(E("TI="), "syntax error at column 4: expected a value after 'TI=', found end of query");
  EXPECT_EQ(E("TI=OR"), "syntax error at column 4: expected a value after 'TI=', found 'OR'");
  EXPECT_EQ(E("a NEAR/x b"), "syntax error at column 3: expected a number after 'NEAR/', found 'NEAR/x'");
  EXPECT_EQ(E("a NEAR/0 b"), "NEAR distance at column 3 must be between 1 and 1000, found 0");
  EXPECT_ERROR_STARTS("a NEAR/99999999999999999999 b", "NEAR distance at column 3 must be between 1 and 1000");
  EXPECT_EQ(E("ba*t"), "syntax error at column 3: '*' is allowed only at the end of a word");
  EXPECT_EQ(E("a *"), "syntax error at column 3: a wildcard needs at least one character before '*'");
  EXPECT_EQ(E("\"\""), "syntax error at column 1: empty phrase");
  EXPECT_EQ(E("a \" \" b"), "syntax error at column 3: empty phrase");
  EXPECT_ERROR_STARTS("a = b", "unknown field 'a=' at column 1");
  EXPECT_EQ(E("abc\xff"), "query is not valid UTF-8 (byte 4)");
}

TEST(QueryParserTest, ColumnsCountChineseCharactersAsOne) {
  EXPECT_EQ(E("锂电池 AND (正极 OR"),
            "syntax error at column 15: expected a word, phrase, field or '(' after 'OR', found end of query");
  EXPECT_ERROR_STARTS("锂电池 XX=正极", "unknown field 'XX=' at column 5");
  EXPECT_ERROR_STARTS("锂电池 PD=正极", "expected a date at column 8, found '正极'");
  EXPECT_EQ(E("（锂电池 OR 钠电池"), "syntax error at column 12: expected ')' to close '(' opened at column 1");
  EXPECT_EQ(E("固态电解质 “锂"), "unterminated phrase starting at column 7");
  EXPECT_EQ(E("锂*电"), "syntax error at column 2: '*' is allowed only at the end of a word");

  Result<QueryAst> ast = ParseQuery("锂电池 AND TI=正极 NEAR/2 材料*");
  ASSERT_TRUE(ast.ok()) << ast.status().ToString();
  const QueryNode& root = ast->root;
  ASSERT_EQ(root.kind, NodeKind::kAnd);
  EXPECT_EQ(root.children[0].column, 1);
  const QueryNode& near = root.children[1];
  ASSERT_EQ(near.kind, NodeKind::kNear);
  EXPECT_EQ(near.children[0].column, 12);  // 正极, after "TI="
  EXPECT_EQ(near.children[0].field, Field::kTitle);
  EXPECT_EQ(near.children[1].column, 22);
  EXPECT_TRUE(near.children[1].wildcard);
  EXPECT_EQ(near.children[1].text, "材料");
  EXPECT_EQ(near.children[1].field, Field::kTac);
}

// Runs `fn` and checks that it took well under a second.
template <typename Fn>
void ExpectFast(Fn fn) {
  auto start = std::chrono::steady_clock::now();
  fn();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

TEST(QueryParserTest, TooManyTermsRefusedFast) {
  std::string q;
  for (int i = 0; i < 5000; ++i) q += i ? " x" : "x";  // 9,999 characters
  ExpectFast([&] { EXPECT_EQ(E(q), "query too large: 5000 terms (limit 1000)"); });
  QueryLimits long_text;
  long_text.max_length = 1'000'000;
  std::string distinct;
  for (int i = 0; i < 5000; ++i) distinct += "w" + std::to_string(i) + (i % 2 ? " OR " : " ");
  ExpectFast([&] { EXPECT_EQ(P(distinct, long_text), "ERROR: query too large: 5000 terms (limit 1000)"); });
  QueryLimits small;
  small.max_terms = 3;
  EXPECT_EQ(P("a b c", small), "(AND a b c)");
  EXPECT_EQ(P("a b TI=c d", small), "ERROR: query too large: 4 terms (limit 3)");
}

TEST(QueryParserTest, DeepNestingRefusedFast) {
  std::string deep = std::string(1000, '(') + "a" + std::string(1000, ')');
  ExpectFast([&] {
    EXPECT_EQ(E(deep), "query too deeply nested at column 101: more than 100 levels of parentheses and NOT");
  });
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "NOT ";
  ExpectFast([&] { EXPECT_ERROR_STARTS(nots + "a", "query too deeply nested at column 401: more"); });
  std::string ok = std::string(100, '(') + "a" + std::string(100, ')');
  EXPECT_EQ(P(ok), "a");
  // Unbalanced and deep: the depth error comes first, without recursion to the end.
  ExpectFast([&] { EXPECT_FALSE(E(std::string(9000, '(')).empty()); });
}

TEST(QueryParserTest, TooLongRefused) {
  std::string q(10001, 'a');
  EXPECT_EQ(E(q), "query too long: 10001 characters (limit 10000)");
  std::string cjk;
  for (int i = 0; i < 10000; ++i) cjk += "锂";
  EXPECT_EQ(P(cjk).size(), cjk.size());  // 10,000 characters (30,000 bytes) are within the limit
}

}  // namespace
}  // namespace patnav::index

namespace patnav::index {
namespace {

TEST(QueryParserTest, LegalStatusAndExpiry) {
  EXPECT_EQ(P("LS=live"), "LS:live");
  EXPECT_EQ(P("ls=DEAD"), "LS:dead");
  EXPECT_EQ(P("LS=有效 OR LS=审中"), "(OR LS:live LS:pending)");
  EXPECT_EQ(P("LS=(lapsed OR expired)"), "(OR LS:lapsed LS:expired)");
  EXPECT_EQ(P("LS=\"in_force\""), "LS:in_force");
  EXPECT_EQ(P("EX>=2030"), "EX:[20300101..*]");
  EXPECT_EQ(P("EX<2030-06"), "EX:[*..20300531]");
  EXPECT_EQ(P("EX=[2028 TO 2031-06-30]"), "EX:[20280101..20310630]");
  EXPECT_EQ(P("电池 LS=live EX>2035"), "(AND 电池 LS:live EX:[20360101..*])");
  EXPECT_ERROR_STARTS("LS=alive2", "invalid LS value 'alive2' at column 4: expected live, dead or pending");
  EXPECT_ERROR_STARTS("a LS=liv*", "invalid LS value 'liv*' at column 6");
  EXPECT_EQ(E("LS>=live"), "syntax error at column 3: '>=' applies only to the date fields PD, AD, PRD and EX, not LS");
  EXPECT_ERROR_STARTS("EX=live", "expected a date at column 4");
  EXPECT_ERROR_STARTS("LS=[2020 TO 2021]", "syntax error at column 4: a range '[' needs a date field (PD, AD, PRD, EX)");
}

}  // namespace
}  // namespace patnav::index
