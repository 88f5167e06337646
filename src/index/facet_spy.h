// Facets of a search: for each facet slot (applicants, countries, IPC
// subclasses, years), how many matching documents carry each value. The spy
// is called by Xapian for every document the matcher considers; the caller
// makes that every matching document by asking get_mset for check_at_least
// = the database's document count (see Searcher).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/facet_counter.h"

namespace patnav::index {

struct FacetSpec {
  std::string name;  // the key in results, e.g. "applicants"
  Xapian::valueno slot;  // a multi-valued slot encoded by facet_values.h
};

// The facets search reports, in this order: applicants (kFacetApplicants),
// countries (kFacetCountry), ipc_subclasses (kFacetIpcSubclasses), years
// (kFacetYear).
const std::vector<FacetSpec>& StandardFacets();

using FacetValueCounts = std::vector<std::pair<std::string, int64_t>>;

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<FacetSpec> facets = StandardFacets());

  // Counts each distinct value of each facet slot of `doc` once. A document
  // without a value in a slot counts for nothing in that facet.
  void operator()(const Xapian::Document& doc, double wt) override;
  std::string name() const override { return "patnav::index::FacetSpy"; }

  const std::vector<FacetSpec>& facets() const { return facets_; }
  // Documents seen so far.
  int64_t documents() const { return documents_; }
  // The n most frequent values of facets()[i]: count descending, ties by
  // value ascending.
  FacetValueCounts Top(size_t i, size_t n) const { return counters_[i].Top(n); }

 private:
  std::vector<FacetSpec> facets_;
  std::vector<FacetCounter> counters_;  // one per facet
  std::vector<std::string_view> values_;  // decode buffer, reused
  int64_t documents_ = 0;
};

}  // namespace patnav::index
