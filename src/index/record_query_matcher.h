// Which of a small set of records match a query of the expert query language,
// without the search index: the records are laid out as documents exactly as
// the index lays them out (document_builder.h), and the query is built by the
// same query_builder.h, so a record matches here exactly when it would match
// in the index. Boolean queries are answered from the documents' postings;
// phrases, NEAR, wildcards and ranges from a private in-memory Xapian
// database made on first need.
//
// Used by the watches of issue 14, which must evaluate saved queries against
// only the records an ingest changed: a private database of those records
// keeps the cost proportional to the change, works whether or not the index
// has caught up, and cannot drift from the search semantics (stemming,
// phrases, NEAR, wildcards) as a second hand-written matcher could.
//
// Thread-safety: one thread at a time per matcher. Matchers made from one
// Plan may be used on different threads, also at once: what they share is
// immutable but for the plan's vocabulary, which guards itself.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/legal_status_terms.h"
#include "model/patent_record.h"

namespace patnav::index {

class PlanVocabulary;

class RecordQueryMatcher {
 public:
  // Without `positions` the documents carry no positions (much cheaper to
  // build); REQUIRES then that no query asked needs them (Needs().positions),
  // or its phrases and NEARs match nothing. Without `descriptions` the
  // descriptions' words are not laid out (most of a full-text grant's
  // text); REQUIRES then that no query asked searches them
  // (Needs().descriptions, i.e. no FT=), or such a query misses.
  explicit RecordQueryMatcher(bool positions = true, bool descriptions = true);

  // What a known set of queries needs of the documents, worked out once
  // (PlanFor) and shared by every matcher that answers only those queries:
  // positions and descriptions as above, and the terms the queries ask
  // (null: every term). A matcher made from a plan lays out only those
  // terms as postings -- most of a record's words are in no query -- so a
  // record costs its text analysis and a hash lookup per word
  // (`vocabulary`), not a sorted posting per term. A query asking a term
  // outside the plan is still answered right, from the documents (slower).
  struct Plan {
    bool positions = true;
    bool descriptions = true;
    // A query asks the legal status (LS=, EX=): the caller must give each
    // record's status to Add, or those queries miss.
    bool legal_status = true;
    std::shared_ptr<const std::unordered_set<std::string>> terms;
    // The prefixes (index_schema.h) of the fields no term of `terms` is
    // in: a matcher made from the plan does not lay them out at all (null:
    // every field laid out). PlanFor fills it with `terms`.
    std::shared_ptr<const std::vector<std::string_view>> skip;
    // How a record's words find their planned terms: each distinct word
    // worked out once and remembered, shared by every matcher made from the
    // plan (plan_vocabulary.h; it takes a mutex once per Add). Null: each
    // term the analyser makes is looked up in `terms` (the reference path,
    // kept for tests and benchmarks; the same postings, slower). PlanFor
    // fills it; REQUIRES, when set, that it was made from `terms`.
    std::shared_ptr<const PlanVocabulary> vocabulary;
  };
  // A query that does not parse makes the plan keep everything (Match
  // reports the query's error).
  static Plan PlanFor(const std::vector<std::string>& queries);
  explicit RecordQueryMatcher(Plan plan);
  ~RecordQueryMatcher();
  RecordQueryMatcher(RecordQueryMatcher&&) noexcept;
  RecordQueryMatcher& operator=(RecordQueryMatcher&&) noexcept;

  // A query parsed and built once, to be matched against many matchers
  // made from the same plan (a watch's query, asked of every batch an
  // ingest commits): Match(const Compiled&) skips the parsing that
  // Match(string_view) does each time. InvalidArgument (with the column)
  // for a query that does not parse. Immutable; shareable between threads.
  struct Compiled;
  static Result<std::shared_ptr<const Compiled>> Compile(std::string_view query, const Plan& plan);

  // Adds `r` under `id` (> 0, unique; the caller's handle for the record),
  // with its legal status as the index would hold it (LS=, EX=) when given.
  // REQUIRES: `r` outlives the matcher (its document is built only if a
  // query needs the database).
  Status Add(uint32_t id, const PatentRecord& r, int64_t forward_citations = 0,
             const IndexedLegalStatus* status = nullptr);
  // The ids of the added records matching `query`, ascending.
  // InvalidArgument (with the column) for a query that does not parse.
  Result<std::vector<uint32_t>> Match(std::string_view query);
  // The same for a compiled query. REQUIRES: compiled with this matcher's plan.
  Result<std::vector<uint32_t>> Match(const Compiled& query);
  int64_t size() const;
  // The postings laid out so far: each term any added record holds (only
  // the planned ones with a plan) and its ids, ascending. For tests and
  // benchmarks comparing layouts.
  std::map<std::string, std::vector<uint32_t>> Postings();

  // What `query` needs of the documents to be answered. positions: a
  // phrase, a NEAR or ADJ, or a word the analyser splits (a CJK run,
  // "lithium-ion"), which the query builder asks as a phrase. descriptions:
  // it searches the description (FT=). InvalidArgument when it does not
  // parse. legal_status: it asks LS= or EX=.
  struct QueryNeeds {
    bool positions = false;
    bool descriptions = false;
    bool legal_status = false;  // it asks LS= or EX=
  };
  static Result<QueryNeeds> Needs(std::string_view query);

  struct Impl;  // the documents, their postings and the database (record_query_matcher.cc)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace patnav::index
