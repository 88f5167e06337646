// FacetColumns: one pass over each facet slot's value stream (docid order),
// values interned per facet.
#include "index/facet_columns.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "index/facet_values.h"

namespace patnav::index {

std::shared_ptr<const FacetColumns> FacetColumns::Load(const Xapian::Database& db, std::vector<FacetSpec> facets) {
  auto out = std::make_shared<FacetColumns>();
  out->facets_ = std::move(facets);
  out->columns_.resize(out->facets_.size());
  const Xapian::docid last = db.get_lastdocid();
  std::vector<std::string_view> decoded;
  for (size_t f = 0; f < out->facets_.size(); ++f) {
    Column& c = out->columns_[f];
    c.offsets.assign(static_cast<size_t>(last) + 2, 0);
    std::unordered_map<std::string, uint32_t> id_of;
    Xapian::docid next = 0;  // offsets [0, next] are set
    for (auto v = db.valuestream_begin(out->facets_[f].slot); v != db.valuestream_end(out->facets_[f].slot); ++v) {
      const Xapian::docid did = v.get_docid();
      if (did > last) break;  // a document added after get_lastdocid: not in this revision's columns
      while (next < did) c.offsets[++next] = static_cast<uint32_t>(c.ids.size());
      const std::string encoded = *v;
      decoded.clear();
      DecodeFacetValues(encoded, decoded);
      for (std::string_view value : decoded) {
        auto [it, added] = id_of.try_emplace(std::string(value), static_cast<uint32_t>(c.values.size()));
        if (added) c.values.emplace_back(value);
        c.ids.push_back(it->second);
      }
    }
    while (next < last + 1) c.offsets[++next] = static_cast<uint32_t>(c.ids.size());
    c.ids.shrink_to_fit();
    // Ids renumbered by frequency, most frequent first: counting a hit set
    // then increments mostly a few hot counters at the front of the count
    // array rather than all over it (an applicant facet has one value per
    // few documents, and its counts outgrow the CPU caches).
    std::vector<uint32_t> frequency(c.values.size(), 0);
    for (uint32_t id : c.ids) ++frequency[id];
    std::vector<uint32_t> order(c.values.size());
    for (uint32_t id = 0; id < order.size(); ++id) order[id] = id;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return frequency[a] > frequency[b]; });
    std::vector<uint32_t> renumbered(order.size());
    std::vector<std::string> values(order.size());
    for (uint32_t rank = 0; rank < order.size(); ++rank) {
      renumbered[order[rank]] = rank;
      values[rank] = std::move(c.values[order[rank]]);
    }
    c.values = std::move(values);
    for (uint32_t& id : c.ids) id = renumbered[id];
  }
  return out;
}

size_t FacetColumns::MemoryBytes() const {
  size_t bytes = 0;
  for (const Column& c : columns_) {
    bytes += c.offsets.capacity() * sizeof(uint32_t) + c.ids.capacity() * sizeof(uint32_t);
    for (const std::string& v : c.values) bytes += sizeof(std::string) + (v.size() > 15 ? v.capacity() : 0);
  }
  return bytes;
}

ColumnFacetSpy::ColumnFacetSpy(std::shared_ptr<const FacetColumns> columns) : columns_(std::move(columns)) {
  counts_.resize(columns_->facets().size());
  for (size_t f = 0; f < counts_.size(); ++f) counts_[f].assign(columns_->Distinct(f), 0);
}

FacetValueCounts ColumnFacetSpy::Top(size_t f, size_t n) const {
  const std::vector<uint32_t>& counts = counts_[f];
  std::vector<uint32_t> filled;
  for (uint32_t id = 0; id < counts.size(); ++id)
    if (counts[id] != 0) filled.push_back(id);
  auto before = [&](uint32_t a, uint32_t b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return columns_->Value(f, a) < columns_->Value(f, b);
  };
  n = std::min(n, filled.size());
  std::partial_sort(filled.begin(), filled.begin() + static_cast<std::ptrdiff_t>(n), filled.end(), before);
  FacetValueCounts top;
  top.reserve(n);
  for (size_t i = 0; i < n; ++i) top.emplace_back(columns_->Value(f, filled[i]), counts[filled[i]]);
  return top;
}

}  // namespace patnav::index
