// Searcher: query language → Xapian query → one MSet that checks every match
// (exact total, facets over the whole hit set) and returns one page.
#include "index/searcher.h"

#include <algorithm>
#include <optional>

#include "index/facet_spy.h"
#include "index/index_schema.h"
#include "index/patent_index.h"
#include "index/query_builder.h"
#include "index/query_parser.h"
#include "index/ranked_page.h"
#include "index/ranking.h"
#include "index/xapian_status.h"

namespace patnav::index {

namespace {

// A search that met a concurrent index update reopens and tries again.
constexpr int kAttempts = 3;

}  // namespace

Result<Searcher> Searcher::Open(const std::filesystem::path& data_dir) {
  ASSIGN_OR_RETURN(PatentIndex index, PatentIndex::OpenForReading(data_dir));
  return Searcher(index.db(), PatentIndex::IndexDir(data_dir));
}

Result<SearchResult> Searcher::Search(const SearchRequest& request) {
  if (request.offset < 0 || request.limit < 0 || request.facet_size < 0)
    return Status::InvalidArgument("offset, limit and facet size must not be negative");
  for (int attempt = 1;; ++attempt) {
    try {
      const QueryLimits limits;
      ASSIGN_OR_RETURN(QueryAst ast, ParseQuery(request.query, limits));
      ASSIGN_OR_RETURN(Xapian::Query query, BuildQuery(ast, limits, &db_));
      Xapian::Enquire enquire(db_);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Bm25Ranking());
      if (request.sort == SearchRequest::Sort::kDate)
        enquire.set_sort_by_value_then_relevance(kPublicationDate, /*reverse=*/true);
      else if (request.sort == SearchRequest::Sort::kCitations)
        enquire.set_sort_by_value_then_relevance(kForwardCitations, /*reverse=*/true);
      FacetSpy spy;
      std::optional<ColumnFacetSpy> column_spy;
      Xapian::MatchSpy* facet_spy = nullptr;
      if (keep_facet_columns_) LoadColumns();
      if (request.facets && keep_facet_columns_) {
        column_spy.emplace(facet_columns_);
        facet_spy = &*column_spy;
      } else if (request.facets) {
        facet_spy = &spy;
      }
      const int64_t page_end = std::min<int64_t>(int64_t{request.offset} + request.limit, 0xFFFFFFFF);
      const Xapian::doccount check_all =
          std::max<Xapian::doccount>(db_.get_doccount(), static_cast<Xapian::doccount>(page_end));
      SearchResult result;
      std::optional<RankedMatches> ranked;
      if (keep_facet_columns_ && request.sort == SearchRequest::Sort::kRelevance) {
        // One evaluation from posting lists: the hit set, its size, its
        // facets and the page (ranked_page.h), unless the query needs Xapian.
        ASSIGN_OR_RETURN(ranked, RankMatches(db_, ast, limits, *date_columns_, *posting_columns_,
                                             static_cast<size_t>(page_end), rank_scratch_, segments_.get()));
      }
      if (ranked) {
        result.total = ranked->matches.Count();
        if (column_spy) column_spy->CountAll(ranked->matches);
        for (size_t i = static_cast<size_t>(request.offset); i < ranked->best.size(); ++i) {
          ASSIGN_OR_RETURN(SearchHit hit,
                           HitFromDocument(db_.get_document(ranked->best[i].first), ranked->best[i].second));
          result.hits.push_back(std::move(hit));
        }
      } else {
        Xapian::MSet mset;
        if (request.sort == SearchRequest::Sort::kRelevance) {
          // Two passes. The page: BM25 with Xapian's pruning, which skips
          // documents that cannot reach the page. The total and the facets:
          // every match, in docid order, without weighing (BoolWeight) --
          // cheaper than weighing every match, and skipped when the first
          // pass already knows the exact total and no facets are asked for.
          mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit));
          result.total = mset.get_matches_estimated();
          const bool need_all = facet_spy || mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
          if (need_all && keep_facet_columns_) {
            ASSIGN_OR_RETURN(DocSet matches, MatchingSet(db_, ast, limits, *date_columns_, posting_columns_.get(),
                                                         nullptr, nullptr, segments_.get()));
            result.total = matches.Count();
            if (column_spy) column_spy->CountAll(matches);
          } else if (need_all) {
            Xapian::Enquire all(db_);
            all.set_query(query);
            all.set_weighting_scheme(Xapian::BoolWeight());
            all.set_docid_order(Xapian::Enquire::ASCENDING);
            if (facet_spy) all.add_matchspy(facet_spy);
            Xapian::MSet counted = all.get_mset(0, 0, check_all);
            result.total = counted.get_matches_estimated();
          }
        } else {
          // Sorted by a value: every match is visited anyway; one pass that
          // checks them all gives the exact count and feeds the spy.
          if (facet_spy) enquire.add_matchspy(facet_spy);
          mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit), check_all);
          result.total = mset.get_matches_estimated();
        }
        result.hits.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          ASSIGN_OR_RETURN(SearchHit hit, HitFromDocument(it.get_document(), it.get_weight()));
          result.hits.push_back(std::move(hit));
        }
      }
      if (column_spy) {
        for (size_t i = 0; i < column_spy->facets().size(); ++i)
          result.facets[column_spy->facets()[i].name] = column_spy->Top(i, static_cast<size_t>(request.facet_size));
      } else if (request.facets) {
        for (size_t i = 0; i < spy.facets().size(); ++i)
          result.facets[spy.facets()[i].name] = spy.Top(i, static_cast<size_t>(request.facet_size));
      }
      return result;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kAttempts) return StatusFromXapian(e, "search index");
      db_.reopen();
      facet_columns_.reset();
      date_columns_.reset();
      posting_columns_.reset();
      segments_.reset();
      segments_loaded_ = false;
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, "search index");
    }
  }
}

Status Searcher::LoadFacetColumns() {
  if (!keep_facet_columns_) return Status::OK();
  try {
    LoadColumns();
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "search index");
  }
  return Status::OK();
}

void Searcher::LoadColumns() {
  if (!facet_columns_) facet_columns_ = FacetColumns::Load(db_);
  if (!date_columns_) date_columns_ = DateColumns::Load(db_);
  if (!posting_columns_) posting_columns_ = PostingColumns::Load(db_, posting_options_);
  if (!segments_loaded_ && !index_dir_.empty()) {
    // Segments that cannot be read (merged away by a later revision,
    // damaged) leave phrases to Xapian, which holds positions too.
    Result<std::shared_ptr<const TextSegmentSet>> set = TextSegmentSet::Load(db_, index_dir_);
    segments_ = set.ok() ? *set : nullptr;
    segments_loaded_ = true;
  }
}

uint64_t Searcher::Revision() const {
  try {
    return static_cast<uint64_t>(db_.get_revision());
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Searcher::Columns Searcher::LoadedColumns() const {
  Columns c;
  c.revision = Revision();
  c.facets = facet_columns_;
  c.dates = date_columns_;
  c.postings = posting_columns_;
  c.segments = segments_;
  c.segments_loaded = segments_loaded_;
  return c;
}

bool Searcher::AdoptColumns(const Columns& columns) {
  if (columns.revision == 0 || columns.revision != Revision()) return false;
  if (!facet_columns_) facet_columns_ = columns.facets;
  if (!date_columns_) date_columns_ = columns.dates;
  if (!posting_columns_) posting_columns_ = columns.postings;
  if (!segments_loaded_ && columns.segments_loaded) {
    segments_ = columns.segments;
    segments_loaded_ = true;
  }
  return true;
}

Result<SimilarResult> Searcher::Similar(const SimilarRequest& request) { return FindSimilar(db_, request); }

}  // namespace patnav::index
