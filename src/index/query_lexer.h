// The query language's lexer: query text to tokens with 1-based columns
// counted in Unicode characters (a Chinese character is one column).
//
//   word      a run of characters other than white space and ( ) [ ] " = < >
//             ("lithium", "H01M10/0525", "2015-06-01", "bat*", "锂电池")
//   AND OR NOT                 a word spelled so, any case
//   NEAR/n                     any case, n in 1..1000
//   phrase    "..."            also “...” (a phrase ends at the next quote of either kind)
//   ( ) [ ]                    also full-width （ ）［ ］
//   = >= <= > <                also full-width ＝
//
// White space is ASCII space, tab, CR, LF, U+00A0, U+2000..U+200A and U+3000.
// REQUIRES nothing of the input: invalid UTF-8, an unterminated phrase, a bad
// NEAR distance and text over limits.max_length are InvalidArgument.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/query_limits.h"

namespace patnav::index {

enum class QueryTokenKind {
  kWord,
  kPhrase,
  kAnd,
  kOr,
  kNot,
  kNear,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kEq,
  kGe,
  kLe,
  kGt,
  kLt,
  kEnd,  // always the last token; its column is one past the last character
};

struct QueryToken {
  QueryTokenKind kind = QueryTokenKind::kEnd;
  std::string text;  // kWord: the word; kPhrase: inside the quotes; operators: as written
  int column = 1;
  int distance = 0;  // kNear: n
};

inline constexpr int kMaxNearDistance = 1000;

Result<std::vector<QueryToken>> TokenizeQuery(std::string_view query, const QueryLimits& limits);

// How an error message shows a token: 'lithium', '"lithium battery"', ')', end of query.
std::string DescribeToken(const QueryToken& token);

}  // namespace patnav::index
