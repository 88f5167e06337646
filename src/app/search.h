// Searching the patent index: one ranked page with the exact total and the
// facets (SearchPatents), and the patents closest to a publication or a text
// (SimilarPatents). Both run on the workspace's long-lived searcher
// (Workspace::WithSearcher) and are authorised as Action::kSearchPatents.
//
// Limits (a request over them is refused whole, InvalidArgument naming the
// field; the API answers 400): query and filter at most kMaxQueryBytes bytes,
// similar text at most kMaxSimilarTextBytes; search limit 1..kMaxSearchLimit,
// offset 0..kMaxSearchOffset; similar limit 1..kMaxSearchLimit. Errors of the
// query language itself are InvalidArgument naming the column.
//
// Thread-safety: callable from any thread; calls on one workspace queue on
// its searcher (one search at a time) and give the answers they would give
// one after another.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "index/searcher.h"
#include "index/similar.h"

namespace patnav::app {

inline constexpr size_t kMaxQueryBytes = 4000;
inline constexpr size_t kMaxSimilarTextBytes = 20000;
inline constexpr int kMaxSearchLimit = 10000;
inline constexpr int kMaxSearchOffset = 1000000;

struct SearchPatentsRequest {
  std::string query;               // the expert query language (docs/query-language.md)
  int offset = 0;                  // hits to skip
  int limit = 20;                  // hits in the page
  std::string sort = "relevance";  // relevance | date | citations
  bool facets = false;             // top applicants, countries, IPC subclasses, years of all hits
};

struct SearchPatentsResult {
  index::SearchResult result;
  bool facets = false;  // as requested: SearchResultJson(result, facets)
  std::vector<std::string> warnings;
};

// NotFound (hint: `patnav index`) when there is no index.
Result<SearchPatentsResult> SearchPatents(const Caller& caller, Workspace& workspace,
                                          const SearchPatentsRequest& request);

struct SimilarPatentsRequest {
  std::string publication_number;  // a publication in the index (any spelling); or
  std::string text;                // a product or technology description: exactly one of the two
  std::string filter;              // optional query restricting the candidates (scores unchanged)
  int limit = 20;
};

struct SimilarPatentsResult {
  index::SimilarResult result;  // SimilarResultJson
  std::vector<std::string> warnings;
};

// InvalidArgument for neither or both of publication_number and text, a text
// with no searchable word, a bad filter; NotFound "... not in the search
// index" for an unknown publication; NotFound when there is no index.
Result<SimilarPatentsResult> SimilarPatents(const Caller& caller, Workspace& workspace,
                                            const SimilarPatentsRequest& request);

// InvalidArgument "query: ..." when `query` is longer than kMaxQueryBytes;
// `field` names it in the message. Shared by every call that takes a query.
Status CheckQueryLength(std::string_view query, std::string_view field = "query");

}  // namespace patnav::app
