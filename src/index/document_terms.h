// ForEachDocumentTerm (document_builder.h) with whole fields left out, and
// its walk of a record's fields before analysis: for a matcher that knows
// which fields its queries read (record_query_matcher.h).
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

// The same walk one step before analysis: text(text, prefix) for each
// non-empty text of a free-text field and boolean(term) for each boolean
// term, in the order ForEachDocumentTermExcept makes their terms, the same
// fields left out. ForEachDocumentTermExcept is this with each text's
// ForEachIndexTerm; a caller may analyse the texts its own way only through
// text_analysis.h (ForEachToken, ForEachTokenTerm), so that both give the
// same terms.
void ForEachDocumentField(const PatentRecord& r,
                          const std::function<void(std::string_view text, std::string_view prefix)>& text,
                          const std::function<void(const std::string& term)>& boolean, bool description,
                          const IndexedLegalStatus* status, const std::vector<std::string_view>* skip);

}  // namespace patnav::index
