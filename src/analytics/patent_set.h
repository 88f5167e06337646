// A patent set: a compressed bitmap (CRoaring) of snapshot rows, from a search
// query's docids, a structured filter, or the whole snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <roaring/roaring.hh>

#include "analytics/snapshot.h"

namespace patnav::analytics {

class PatentSet {
 public:
  PatentSet() = default;
  static PatentSet All(const Snapshot& s);
  // Rows of the docids found in the snapshot; docids it lacks (an index
  // ahead of the snapshot) are ignored and counted in missing().
  static PatentSet FromDocids(const Snapshot& s, const std::vector<uint32_t>& docids);
  static PatentSet FromRows(const std::vector<uint32_t>& rows);
  static PatentSet Where(const Snapshot& s, const std::function<bool(uint32_t row)>& keep);

  uint64_t size() const { return bits_.cardinality(); }
  bool contains(uint32_t row) const { return bits_.contains(row); }
  // The rows, ascending.
  std::vector<uint32_t> Rows() const;
  const Roaring& bitmap() const { return bits_; }
  uint64_t missing() const { return missing_; }

 private:
  Roaring bits_;
  uint64_t missing_ = 0;
};

// A structured filter; empty fields do not restrict. Conditions are ANDed,
// the values of one field ORed.
struct PatentFilter {
  int from_year = 0, to_year = 0;          // filing year, inclusive
  std::vector<std::string> countries;      // publication country
  std::vector<std::string> class_prefixes; // IPC main-group code prefixes: "H01M", "H01M 10/"
  std::vector<std::string> applicants;     // applicant grouping keys
};
PatentSet Select(const Snapshot& s, const PatentFilter& f);

}  // namespace patnav::analytics
