// From the query language's syntax tree (query_ast.h) to the Xapian query
// that runs against the index written per index_schema.h. Every free-text
// word goes through text_analysis.h, the analyser the indexer uses.
//
// Fields to index terms:
//   TAC, plain words  kTitle, kAbstract, kClaims (a word as one OP_SYNONYM, a phrase as an OR)
//   TI AB CL          kTitle, kAbstract, kClaims
//   TA / FT           the same over kTitle, kAbstract / over TAC's three and kDescription
//   PA AN             OR(words under kApplicantText, the boolean term
//                     kApplicantKey + NormalizeOrganisation(value)) per value
//   IN                kInventorText
//   IPC CPC           boolean kIpc / kCpc + ClassificationKey(value), at the level written
//   CC KD             boolean kCountry / kKind + upper-cased value
//   PD AD PRD EX      value ranges on kPublicationDate / kFilingDate / kPriorityDate / kExpiry
//   LS                boolean kLegalState + the canonical value (live, dead, pending, a state)
// A word matches by its English stem (WordQuery); a CJK word by its n-gram
// phrase. Codes and dates filter without adding weight (OP_SCALE_WEIGHT 0).
//
// Operators:
//   a AND b, a b      OP_AND; NOT children become OP_AND_NOT; a query or
//                     group of only NOTs subtracts from every document
//   a OR b            OP_OR
//   "w1 w2"           OP_PHRASE over the positional (unstemmed) terms; a CJK
//                     run inside expands to its n-gram sequence. Every
//                     OP_PHRASE built has a window of its number of terms (an
//                     exact phrase): phrase_match.h relies on it
//   a NEAR/n b        a and b at most n positions apart, either order
//                     (NEAR/1: adjacent); OP_NEAR with window n+1 for two
//                     words. A phrase or CJK word spanning k positions widens
//                     the window by k-1 and must also match as a phrase (an
//                     approximation: Xapian 1.4 nests no phrase in OP_NEAR).
//                     A chain a NEAR/2 b NEAR/5 c is (a NEAR/2 b) AND (b NEAR/5 c).
//                     Operands: words, phrases, or OR-groups of them.
//   word*             OP_WILDCARD over the unstemmed terms under the field's
//                     prefix, at most limits.max_wildcard_expansion terms; a
//                     CJK word* is the CJK word (its n-grams already match
//                     inside longer words).
//
// Limits: more than limits.max_terms leaf terms after analysis (a NEAR over
// OR-groups counts the terms of its expansion) is InvalidArgument
// "query too large: N terms (limit L)".
// Wildcards: with a database, each wildcard's expansion is counted there and
// one over the limit is InvalidArgument "wildcard 'bat*' at column 3 matches
// more than 1000 terms: make it longer"; wildcards inside NEAR are expanded
// into their terms and need the database. Without a database the query uses
// WILDCARD_LIMIT_ERROR and an over-wide wildcard surfaces at search time as
// Xapian::WildcardError (StatusFromXapian makes it InvalidArgument).
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

#include "base/status.h"
#include "index/query_ast.h"
#include "index/query_limits.h"

namespace patnav::index {

// `db` may be null (see above). InvalidArgument when the query has no
// searchable word, goes over a limit, or uses an operand NEAR cannot take.
Result<Xapian::Query> BuildQuery(const QueryAst& ast, const QueryLimits& limits,
                                 const Xapian::Database* db = nullptr);

// The query of one node of a tree (a leaf, for the bitmap evaluation of
// match_set.h), or nullopt when it has no searchable word -- where BuildQuery
// says InvalidArgument, and what BuildQuery leaves out of a larger tree.
// Other errors as BuildQuery's.
Result<std::optional<Xapian::Query>> BuildLeafQuery(const QueryNode& node, const QueryLimits& limits,
                                                    const Xapian::Database* db);

// ParseQuery (query_parser.h) then BuildQuery.
Result<Xapian::Query> ParseAndBuild(std::string_view query, const QueryLimits& limits);
Result<Xapian::Query> ParseAndBuild(std::string_view query, const QueryLimits& limits,
                                    const Xapian::Database& db);

}  // namespace patnav::index
