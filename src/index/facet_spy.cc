// FacetSpy: decode each facet slot into a reused buffer, count in a
// FacetCounter.
#include "index/facet_spy.h"

#include "index/facet_values.h"
#include "index/index_schema.h"

namespace patnav::index {

const std::vector<FacetSpec>& StandardFacets() {
  static const std::vector<FacetSpec> facets = {
      {"applicants", kFacetApplicants},
      {"countries", kFacetCountry},
      {"ipc_subclasses", kFacetIpcSubclasses},
      {"years", kFacetYear},
  };
  return facets;
}

FacetSpy::FacetSpy(std::vector<FacetSpec> facets) : facets_(std::move(facets)), counters_(facets_.size()) {}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++documents_;
  for (size_t i = 0; i < facets_.size(); ++i) {
    const std::string encoded = doc.get_value(facets_[i].slot);
    if (encoded.empty()) continue;
    values_.clear();
    DecodeFacetValues(encoded, values_);
    for (std::string_view v : values_) counters_[i].Add(v);  // the encoding lists each value once
  }
}

}  // namespace patnav::index
