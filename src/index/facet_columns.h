// Facet columns: the facet slots (index_schema.h kFacet*) of every document
// of one index revision, decoded once and held in memory as columns, so that
// counting the facets of a hit set costs an array lookup per hit and value
// instead of a value-slot read and a decode (FacetSpy). For long-lived
// searchers (the server, benchmarks): loading reads every document's facet
// slots once (~1 s per million documents), which a one-shot command would
// rather not pay.
//
// Memory: 4 bytes per document per facet (offsets) plus 4 bytes per value,
// plus each distinct value once.
// Thread-safety: immutable after Load; a ColumnFacetSpy per search.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/doc_set.h"
#include "index/facet_spy.h"

namespace patnav::index {

class FacetColumns {
 public:
  // Reads the facet slots of every document of `db`. Throws Xapian::Error.
  static std::shared_ptr<const FacetColumns> Load(const Xapian::Database& db,
                                                  std::vector<FacetSpec> facets = StandardFacets());

  const std::vector<FacetSpec>& facets() const { return facets_; }
  // The value ids of document `did` in facets()[f]; empty beyond the last
  // document loaded.
  std::span<const uint32_t> Values(size_t f, Xapian::docid did) const {
    const Column& c = columns_[f];
    if (did + 1 >= c.offsets.size()) return {};
    return {c.ids.data() + c.offsets[did], c.ids.data() + c.offsets[did + 1]};
  }
  const std::string& Value(size_t f, uint32_t id) const { return columns_[f].values[id]; }
  size_t Distinct(size_t f) const { return columns_[f].values.size(); }
  size_t MemoryBytes() const;

 private:
  struct Column {
    std::vector<uint32_t> offsets;     // [did] .. [did + 1] index ids; size last docid + 2
    std::vector<uint32_t> ids;         // value ids, each document's in slot order
    std::vector<std::string> values;   // id -> value
  };
  std::vector<FacetSpec> facets_;
  std::vector<Column> columns_;
};

// A match spy counting facets from FacetColumns; the same results as a
// FacetSpy over the same documents.
class ColumnFacetSpy : public Xapian::MatchSpy {
 public:
  explicit ColumnFacetSpy(std::shared_ptr<const FacetColumns> columns);

  void operator()(const Xapian::Document& doc, double wt) override { Count(doc.get_docid()); }
  // Counts document `did` (for callers that have the hit set themselves).
  void Count(Xapian::docid did) {
    for (size_t f = 0; f < counts_.size(); ++f)
      for (uint32_t id : columns_->Values(f, did)) ++counts_[f][id];
  }
  // Counts every document of `docs`, one facet at a time (each facet's
  // arrays stream through the cache once, instead of all at once).
  void CountAll(const DocSet& docs) {
    for (size_t f = 0; f < counts_.size(); ++f) {
      uint32_t* counts = counts_[f].data();
      docs.ForEach([&](Xapian::docid did) {
        for (uint32_t id : columns_->Values(f, did)) ++counts[id];
      });
    }
  }
  std::string name() const override { return "patnav::index::ColumnFacetSpy"; }

  const std::vector<FacetSpec>& facets() const { return columns_->facets(); }
  // As FacetSpy::Top: count descending, ties by value ascending.
  FacetValueCounts Top(size_t f, size_t n) const;

 private:
  std::shared_ptr<const FacetColumns> columns_;
  std::vector<std::vector<uint32_t>> counts_;  // [facet][value id]
};

}  // namespace patnav::index
