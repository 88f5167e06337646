// ForEachDocumentTerm (document_builder.h) with whole fields left out: for a
// matcher that knows which fields its queries read (record_query_matcher.h).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "index/legal_status_terms.h"
#include "model/patent_record.h"

namespace patnav::index {

// As ForEachDocumentTerm(r, fn, description, status), without the fields
// (text or boolean) whose prefix (index_schema.h) is in `skip` (null: none):
// none of their terms is made. Every other term comes as ForEachDocumentTerm
// gives it, in the same order.
void ForEachDocumentTermExcept(const PatentRecord& r, const std::function<void(const std::string& term)>& fn,
                               bool description, const IndexedLegalStatus* status,
                               const std::vector<std::string_view>* skip);

}  // namespace patnav::index
