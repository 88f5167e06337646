// The ranked page of a query computed from posting lists, for long-lived
// searchers with posting columns (posting_columns.h): one evaluation gives
// the exact hit set (match_set.h) and, over it, each hit's BM25 weight, so
// the page no longer needs a second pass through Xapian's matcher (which
// cannot prune a word searched in several fields and so weighs every hit).
//
// Weights are Xapian's: a term leaf weighs TermWeight(N, df) * wdf /
// (LengthNorm + wdf) (ranking.h); a word searched in several fields (a
// synonym) weighs as one term with its wdfs summed and df the number of
// documents holding it in any of them (Xapian estimates that number; for a
// word in one field the weights are equal); AND adds its positive
// children, OR the children a document matches, NOT, codes and dates add
// nothing. Ties go to the lower docid, as in Xapian.
//
// Exact phrases are matched once with their terms' wdfs (phrase_match.h)
// and weigh as Xapian's OP_PHRASE: the sum of their terms' weights where
// they match (the terms' own document frequencies: a phrase in several
// fields is an OR of per-field phrases, no synonym estimate). Queries with
// NEAR or a wildcard (which need positions or term expansion) are not
// ranked here: RankMatches returns nullopt and the searcher ranks them with
// Xapian.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/doc_set.h"
#include "index/match_set.h"
#include "index/posting_columns.h"
#include "index/query_ast.h"
#include "index/query_limits.h"

namespace patnav::index {

struct RankedMatches {
  DocSet matches;  // every matching document
  // The first n matches by weight descending, ties by docid ascending.
  std::vector<std::pair<Xapian::docid, double>> best;
};

// Per-document accumulators reused across calls (all zero between calls).
// One per searcher; not thread-safe.
struct RankScratch {
  std::vector<double> weight;
  std::vector<uint32_t> wdf;
  std::vector<Xapian::docid> touched;
};

// REQUIRES: `dates` and `postings` (and `segments`, when given: where
// phrases are matched) loaded from the revision of `db`; the query built
// once by BuildQuery with `limits`. Errors as MatchingSet's.
Result<std::optional<RankedMatches>> RankMatches(const Xapian::Database& db, const QueryAst& ast,
                                                 const QueryLimits& limits, const DateColumns& dates,
                                                 const PostingColumns& postings, size_t n, RankScratch& scratch,
                                                 const TextSegmentSet* segments = nullptr);

}  // namespace patnav::index
