// One search or similarity hit as shown to the user: the bibliographic
// summary stored in the document's data (document_data.h) and its score.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "base/status.h"

namespace patnav::index {

struct SearchHit {
  std::string publication_number;
  std::string title;
  std::vector<std::string> applicants;  // as published
  std::string publication_date, filing_date, priority_date;  // YYYY-MM-DD or ""
  double score = 0;  // BM25 weight; 0 for a purely boolean query
};

// The hit for `doc` with `score`. Corruption when its data cannot be decoded.
Result<SearchHit> HitFromDocument(const Xapian::Document& doc, double score);

}  // namespace patnav::index
