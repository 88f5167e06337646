// HitFromDocument: the document data decoded into a hit.
#include "index/search_hit.h"

#include "index/document_data.h"

namespace patnav::index {

Result<SearchHit> HitFromDocument(const Xapian::Document& doc, double score) {
  ASSIGN_OR_RETURN(DocumentData d, DecodeDocumentData(doc.get_data()));
  SearchHit hit;
  hit.publication_number = std::move(d.pn);
  hit.title = std::move(d.title);
  hit.applicants = std::move(d.applicants);
  hit.publication_date = std::move(d.pd);
  hit.filing_date = std::move(d.fd);
  hit.priority_date = std::move(d.prd);
  hit.score = score;
  return hit;
}

}  // namespace patnav::index
