// Search and similar on the workspace's searcher (search.h).
#include "app/search.h"

#include "app/authorize.h"

namespace patnav::app {

namespace {

Result<index::SearchRequest::Sort> ParseSort(std::string_view name) {
  if (name == "relevance" || name.empty()) return index::SearchRequest::Sort::kRelevance;
  if (name == "date") return index::SearchRequest::Sort::kDate;
  if (name == "citations") return index::SearchRequest::Sort::kCitations;
  return Status::InvalidArgument("sort: must be relevance, date or citations, not '" + std::string(name) + "'");
}

Status CheckRange(std::string_view field, int value, int low, int high) {
  if (value >= low && value <= high) return Status::OK();
  return Status::InvalidArgument(std::string(field) + ": must be between " + std::to_string(low) + " and " +
                                 std::to_string(high) + ", not " + std::to_string(value));
}

}  // namespace

Status CheckQueryLength(std::string_view query, std::string_view field) {
  if (query.size() <= kMaxQueryBytes) return Status::OK();
  return Status::InvalidArgument(std::string(field) + ": " + std::to_string(query.size()) + " bytes, more than the " +
                                 std::to_string(kMaxQueryBytes) + " a query may have");
}

Result<SearchPatentsResult> SearchPatents(const Caller& caller, Workspace& workspace,
                                          const SearchPatentsRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  RETURN_IF_ERROR(CheckQueryLength(request.query));
  RETURN_IF_ERROR(CheckRange("limit", request.limit, 1, kMaxSearchLimit));
  RETURN_IF_ERROR(CheckRange("offset", request.offset, 0, kMaxSearchOffset));
  index::SearchRequest search;
  ASSIGN_OR_RETURN(search.sort, ParseSort(request.sort));
  search.query = request.query;
  search.offset = request.offset;
  search.limit = request.limit;
  search.facets = request.facets;
  SearchPatentsResult result;
  result.facets = request.facets;
  RETURN_IF_ERROR(workspace.WithSearcher([&](index::Searcher& searcher) -> Status {
    ASSIGN_OR_RETURN(result.result, searcher.Search(search));
    return Status::OK();
  }));
  return result;
}

Result<SimilarPatentsResult> SimilarPatents(const Caller& caller, Workspace& workspace,
                                            const SimilarPatentsRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  if (request.publication_number.empty() == request.text.empty())
    return Status::InvalidArgument("give publication_number or text (exactly one)");
  if (request.text.size() > kMaxSimilarTextBytes)
    return Status::InvalidArgument("text: " + std::to_string(request.text.size()) + " bytes, more than the " +
                                   std::to_string(kMaxSimilarTextBytes) + " a description may have");
  RETURN_IF_ERROR(CheckQueryLength(request.publication_number, "publication_number"));
  RETURN_IF_ERROR(CheckQueryLength(request.filter, "filter"));
  RETURN_IF_ERROR(CheckRange("limit", request.limit, 1, kMaxSearchLimit));
  index::SimilarRequest similar;
  similar.publication_number = request.publication_number;
  similar.text = request.text;
  similar.filter = request.filter;
  similar.limit = request.limit;
  SimilarPatentsResult result;
  RETURN_IF_ERROR(workspace.WithSearcher([&](index::Searcher& searcher) -> Status {
    ASSIGN_OR_RETURN(result.result, searcher.Similar(similar));
    return Status::OK();
  }));
  return result;
}

}  // namespace patnav::app
