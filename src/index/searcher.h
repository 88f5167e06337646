// Searching the index: the expert query language in, one page of ranked hits,
// the exact hit count and the facets of the whole hit set out, in one call.
//
// Ranking is BM25 with the parameters of ranking.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/facet_columns.h"
#include "index/match_set.h"
#include "index/posting_columns.h"
#include "index/ranked_page.h"
#include "index/search_hit.h"
#include "index/similar.h"
#include "index/text_segment_set.h"

namespace patnav::index {

struct SearchRequest {
  enum class Sort {
    kRelevance,  // BM25, best first
    kDate,       // publication date, newest first; ties by relevance
    kCitations,  // forward citations, most first; ties by relevance
  };
  std::string query;  // the expert query language (docs/query-language.md)
  int offset = 0, limit = 20;
  Sort sort = Sort::kRelevance;
  bool facets = false;
  int facet_size = 10;  // values per facet
};

struct SearchResult {
  int64_t total = 0;  // exact number of matching documents
  std::vector<SearchHit> hits;  // hits [offset, offset + limit) of the ranking
  // Only when requested: "applicants", "countries", "ipc_subclasses",
  // "years" -> (value, documents) over every hit, count descending, ties by
  // value. Applicants are grouping keys (document_builder.h ApplicantKey).
  std::map<std::string, std::vector<std::pair<std::string, int64_t>>> facets;
};

// A reader of the index. Not thread-safe: one Searcher per thread. It reads
// the index as committed when it was opened; a call that finds that version
// overwritten by a later update reopens the latest and runs again.
class Searcher {
 public:
  // Opens the index of the data directory `data_dir`. NotFound, with the
  // hint to run `patnav index`, when there is none (PatentIndex::OpenForReading).
  static Result<Searcher> Open(const std::filesystem::path& data_dir);
  explicit Searcher(Xapian::Database db) : db_(std::move(db)) {}
  // With the index directory, a long-lived searcher also reads the text
  // segments there (text_segment_set.h) for phrases.
  Searcher(Xapian::Database db, std::filesystem::path index_dir)
      : db_(std::move(db)), index_dir_(std::move(index_dir)) {}

  // InvalidArgument for a query the user got wrong (the message names the
  // column) or offset/limit/facet_size < 0.
  Result<SearchResult> Search(const SearchRequest& request);
  // See similar.h.
  Result<SimilarResult> Similar(const SimilarRequest& request);

  int64_t documents() const { return db_.get_doccount(); }

  // Columns for long-lived searchers: when on, the first search loads the
  // facet slots and the dates of every document and the posting lists of the
  // frequent terms into memory (facet_columns.h, match_set.h,
  // posting_columns.h); later searches take their total and facets from
  // bitmaps and columns, and the page of a query sorted by relevance from
  // the same evaluation (ranked_page.h), instead of visiting every match
  // through Xapian's matcher: several times faster on large hit sets.
  // Reloaded when the searcher moves to a newer index revision. Off by
  // default: a one-shot command visits its own hits only.
  void KeepFacetColumns(bool on) {
    keep_facet_columns_ = on;
    if (on) return;
    facet_columns_.reset();
    date_columns_.reset();
    posting_columns_.reset();
    segments_.reset();
    segments_loaded_ = false;
  }
  // The memory the posting columns may take (posting_columns.h; default
  // 1 GiB); 0 keeps only document lengths, every list read from the index.
  // Applies from the next load.
  void SetPostingColumnsBudget(size_t bytes) { posting_options_.budget_bytes = bytes; }
  // Loads the facet columns now (when kept), so the first search does not pay.
  Status LoadFacetColumns();
  // Memory held by the facet columns; 0 when not loaded.
  size_t FacetColumnsBytes() const {
    return (facet_columns_ ? facet_columns_->MemoryBytes() : 0) + (date_columns_ ? date_columns_->MemoryBytes() : 0);
  }
  // The posting columns, when loaded (their size, terms, postings).
  const PostingColumns* posting_columns() const { return posting_columns_.get(); }
  // The text segments phrases are matched in, when loaded; null when the
  // index names none or they could not be read (phrases then go to Xapian).
  const TextSegmentSet* text_segments() const { return segments_.get(); }

  // The loaded columns and the index revision they were loaded from, to hand
  // to another searcher on the same index (columns are immutable, so
  // searchers on several threads share one copy instead of one each).
  struct Columns {
    uint64_t revision = 0;  // 0: unknown; never adopted
    std::shared_ptr<const FacetColumns> facets;
    std::shared_ptr<const DateColumns> dates;
    std::shared_ptr<const PostingColumns> postings;
    std::shared_ptr<const TextSegmentSet> segments;  // may be null: none, or not readable
    bool segments_loaded = false;
  };
  Columns LoadedColumns() const;
  // Takes the columns this searcher has not loaded from `columns`, only when
  // they come from the revision this searcher reads (otherwise they would
  // describe other documents). Returns whether they were taken.
  bool AdoptColumns(const Columns& columns);

 private:
  // Loads whichever columns are not loaded yet. Throws Xapian::Error.
  void LoadColumns();
  // The revision db_ reads; 0 when Xapian cannot say (several databases).
  uint64_t Revision() const;

  Xapian::Database db_;
  bool keep_facet_columns_ = false;
  std::shared_ptr<const FacetColumns> facet_columns_;
  std::shared_ptr<const DateColumns> date_columns_;
  std::shared_ptr<const PostingColumns> posting_columns_;
  std::filesystem::path index_dir_;  // empty: no segments read
  std::shared_ptr<const TextSegmentSet> segments_;
  bool segments_loaded_ = false;
  PostingColumns::Options posting_options_;
  RankScratch rank_scratch_;
};

}  // namespace patnav::index
