// Similar patents: the documents closest to one publication of the index, or
// to a free-text description of a product (risk screening against
// competitors' patents), with the terms each one matched.
//
//   - By publication: the publication's own title/abstract/claims terms are
//     expanded (Enquire::get_eset over an RSet of that one document) into its
//     most distinctive terms; the query is their OR, ranked by BM25. The
//     publication itself is never a result.
//   - By text: the text's words (stopwords dropped; CJK runs as bigrams) are
//     looked up in title/abstract/claims, the most distinctive ones kept,
//     and their OR ranked by BM25.
// An optional filter (the expert query language) restricts the candidates
// without changing scores.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/search_hit.h"

namespace patnav::index {

struct SimilarRequest {
  std::string publication_number;  // any spelling (US-8926509-B2, US8926509); or
  std::string text;                // a description (exactly one of the two)
  std::string filter;              // optional query restricting the candidates
  int limit = 20;
  int max_terms = 40;              // distinctive terms the query is made of
};

struct SimilarHit {
  SearchHit hit;
  int percent = 0;  // score relative to the best possible match of the query, 0-100
  // The query's terms this document contains, in readable form: the word as
  // it occurs in the publication or the text ("batteries", not "Zbatteri"),
  // CJK bigrams as they are. Most distinctive first.
  std::vector<std::string> matched_terms;
};

struct SimilarResult {
  std::string publication_number;        // the publication compared, normalized; "" for text
  std::vector<std::string> query_terms;  // readable, most distinctive first
  std::vector<SimilarHit> hits;          // best first
};

// InvalidArgument for a bad request (neither or both of publication_number
// and text, a text with no searchable word, a bad filter query, limit < 0);
// NotFound when the publication is not in the index. Reopens `db` (a handle
// shared with the caller) when an index update intervened.
Result<SimilarResult> FindSimilar(Xapian::Database db, const SimilarRequest& request);

}  // namespace patnav::index
