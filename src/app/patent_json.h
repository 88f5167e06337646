// The JSON forms of the patent-data results, shared by the CLI's
// --format json and the HTTP API, so both print the same documents:
//   search   {"total", "hits": [hit...], "facets": {key: [{"value","count"}]}}
//   hit      {"publication_number","title","applicants","publication_date",
//             "filing_date","priority_date","score"} (score to 4 decimals)
//   similar  {"publication_number"?, "query_terms", "hits": [hit + "percent",
//             "matched_terms"]}
//   links    {"publication_number", "cites": [{"cited_number","country",
//             "doc_number","kind","date","category","stored": brief|null}],
//             "cited_by_total", "cited_by": [brief], "family_id",
//             "family": [brief]}; brief {"publication_number","country",
//             "kind","publication_date","title"}
//   stats    {"publications","with_full_text","by_country","by_kind",
//             "by_year","by_format"}
//   value    [{"publication_number","overall","legal","technical","economic",
//             "in_force","expires_on","indicators": [...]}]
// A record is model/record_json.h (RecordToJson), the canonical schema.
// Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/patents.h"
#include "domain/value_model.h"
#include "index/search_hit.h"
#include "index/searcher.h"
#include "store/patent_store.h"

namespace patnav::app {

using OrderedJson = nlohmann::ordered_json;

// The facet keys of index::SearchResult::facets, in the order the JSON and
// the CLI's table show them.
inline constexpr std::string_view kSearchFacetKeys[] = {"applicants", "countries", "ipc_subclasses", "years"};

OrderedJson HitJson(const index::SearchHit& hit);
// `facets`: whether facets were asked for; when not, "facets" is {}. When
// asked, every facet key is present (an empty array when no value).
OrderedJson SearchResultJson(const index::SearchResult& result, bool facets);
OrderedJson SimilarResultJson(const index::SimilarResult& result);
OrderedJson StoreStatsJson(const StoreStats& stats);
OrderedJson PatentLinksJson(const PatentLinksResult& links);
OrderedJson PatentValueJson(const domain::PatentValue& value);
OrderedJson PatentValuesJson(const std::vector<domain::PatentValue>& values);

}  // namespace patnav::app
