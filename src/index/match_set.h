// The exact set of documents matching a parsed query, computed as bitmaps
// (doc_set.h) rather than by Xapian's matcher: words and codes from their
// posting lists, dates from in-memory date columns, AND/OR/NOT as bitmap
// operations. Phrases are matched once per query, unweighted, their hits
// kept (phrase_match.h); NEAR and wildcards, which need positions or term
// expansion, by Xapian (unweighted), their matches taken into a bitmap. The set equals the matches of BuildQuery's Xapian query (tested
// query by query); a long-lived searcher takes its total and facets from it,
// and ranked_page.h ranks it. With posting columns (posting_columns.h) the
// frequent terms' lists come from memory instead of the index.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/doc_set.h"
#include "index/posting_columns.h"
#include "index/query_ast.h"
#include "index/query_limits.h"

namespace patnav::index {

struct PhraseCache;     // phrase_match.h
class TextSegmentSet;  // text_segment_set.h

// The publication, filing, priority and expiry dates of every document of
// one index revision (YYYYMMDD; 0 = none), and the set of all its documents.
class DateColumns {
 public:
  // Reads the date slots of every document of `db`. Throws Xapian::Error.
  static std::shared_ptr<const DateColumns> Load(const Xapian::Database& db);

  Xapian::docid last_docid() const { return last_; }
  const DocSet& all() const { return all_; }
  // REQUIRES: IsDateField(field).
  const std::vector<uint32_t>& Of(Field field) const;
  size_t MemoryBytes() const;

 private:
  Xapian::docid last_ = 0;
  DocSet all_;
  std::vector<uint32_t> publication_, filing_, priority_, expiry_;
};

// The terms of `q`'s subqueries (a synonym's, say), in order; empty unless
// every subquery is a term.
std::vector<std::string> SubqueryTerms(const Xapian::Query& q);

// The set of each node of a query's syntax tree that constrains anything.
using NodeSets = std::unordered_map<const QueryNode*, DocSet>;

// The documents of `db` matching `ast`. REQUIRES: `dates` (and `postings`,
// when given) loaded from the same revision of `db`; the query already built
// once by BuildQuery with `limits` (so it is within them). When `node_sets`
// is given it receives the set of every AND and OR node below the root
// (what ranked_page.cc needs to tell which branch of an OR a document
// matched). When `phrases` is given the phrases matched are left in it (what
// ranked_page.cc weighs; its `segments` say where phrases are matched).
// Without `phrases`, phrases are matched in `segments` when given (of the
// same revision of `db`), else by Xapian. Errors as BuildQuery's;
// Xapian::Error is thrown.
Result<DocSet> MatchingSet(const Xapian::Database& db, const QueryAst& ast, const QueryLimits& limits,
                           const DateColumns& dates, const PostingColumns* postings = nullptr,
                           NodeSets* node_sets = nullptr, PhraseCache* phrases = nullptr,
                           const TextSegmentSet* segments = nullptr);

}  // namespace patnav::index
