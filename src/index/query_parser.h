// The expert query language's parser: a hand-written recursive descent over
// query_lexer.h's tokens, producing query_ast.h's tree. docs/query-language.md
// is the user's reference; this is the grammar it implements:
//
//   query       := or_expr
//   or_expr     := and_expr (OR and_expr)*
//   and_expr    := not_expr ((AND | adjacency) not_expr)*     a b = a AND b; a NOT b = a AND NOT b
//   not_expr    := NOT not_expr | near_expr
//   near_expr   := primary (NEAR/n primary)*
//   primary     := '(' query ')' | field_clause | term | phrase
//   field_clause:= FIELD '=' value | DATE_FIELD ('>=' | '<=' | '>' | '<') date
//   value       := term | phrase | '(' query ')'              the field applies to every leaf inside
//                | '[' date_or_* TO date_or_* ']'             DATE_FIELD only, inclusive
//   term        := word | word*                               '*' only at the end
//   phrase      := '"' words '"'
//
//   FIELD       := TI AB CL TA TAC FT PA AN IN IPC CPC CC KD PD AD PRD (any case; APD = AD)
//   DATE_FIELD  := PD AD PRD; under a date field every term is a date (query_date.h)
//
// Precedence, loosest first: OR, AND (and adjacency), NOT, NEAR/n. Inside a
// field's parentheses a nested field clause overrides it. Under IPC= and
// CPC=, "H01M 10/0525" (a subclass, a space, a group) is one term.
//
// Errors are InvalidArgument whose message names the 1-based column, counted
// in Unicode characters, and what was expected:
//   syntax error at column 14: expected ')' to close '(' opened at column 5
//   unknown field 'XX=' at column 1
//   expected a date at column 4, found 'abc'
//   unterminated phrase starting at column 7
//   empty query
// Nesting deeper than limits.max_depth, more than limits.max_terms words or
// phrases, and text longer than limits.max_length are refused before any
// deep recursion.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "index/query_ast.h"
#include "index/query_limits.h"

namespace patnav::index {

Result<QueryAst> ParseQuery(std::string_view query, const QueryLimits& limits = {});

// A compact rendering for tests and logs: (OR a (AND TI:b "c d")) with
// fields other than TAC written as FIELD:, dates as PD:[20150101..20151231],
// NEAR as (NEAR/3 a b) or (NEAR a /2 b /5 c).
std::string DebugString(const QueryNode& node);

}  // namespace patnav::index
