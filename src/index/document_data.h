// The document data of an index document: the bibliographic summary a result
// list shows, stored in the index so that search never reads the store.
// Encoded as compact JSON:
//   {"pn":"US2015112182A1","title":"...","applicants":["..."],
//    "pd":"2015-04-23","fd":"2014-10-21","prd":"2013-10-22","cc":"US","kind":"A1"}
// Absent facts are "" (and [] for applicants); unknown keys are ignored on
// decoding, so fields can be added without a format change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::index {

struct DocumentData {
  std::string pn;                       // publication number (DOCDB key)
  std::string title;                    // main title (publication language, else English, else first)
  std::vector<std::string> applicants;  // names as published (assignees when there are no applicants)
  std::string pd, fd, prd;              // publication, filing, priority date: YYYY-MM-DD or ""
  std::string cc, kind;                 // country, kind code

  bool operator==(const DocumentData&) const = default;
};

std::string EncodeDocumentData(const DocumentData& d);
// Corruption when `data` is not a JSON object of this shape.
Result<DocumentData> DecodeDocumentData(std::string_view data);

}  // namespace patnav::index
