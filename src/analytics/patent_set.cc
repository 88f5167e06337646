// PatentSet construction.
#include "analytics/patent_set.h"

#include <algorithm>

namespace patnav::analytics {

PatentSet PatentSet::All(const Snapshot& s) {
  PatentSet set;
  if (s.size() > 0) set.bits_.addRange(0, s.size());
  set.bits_.runOptimize();
  return set;
}

PatentSet PatentSet::FromDocids(const Snapshot& s, const std::vector<uint32_t>& docids) {
  PatentSet set;
  std::vector<uint32_t> rows;
  rows.reserve(docids.size());
  for (uint32_t id : docids) {
    const uint32_t row = s.RowOf(id);
    if (row == UINT32_MAX) ++set.missing_;
    else rows.push_back(row);
  }
  set.bits_.addMany(rows.size(), rows.data());
  set.bits_.runOptimize();
  return set;
}

PatentSet PatentSet::FromRows(const std::vector<uint32_t>& rows) {
  PatentSet set;
  set.bits_.addMany(rows.size(), rows.data());
  set.bits_.runOptimize();
  return set;
}

PatentSet PatentSet::Where(const Snapshot& s, const std::function<bool(uint32_t row)>& keep) {
  std::vector<uint32_t> rows;
  for (uint32_t r = 0; r < s.size(); ++r)
    if (keep(r)) rows.push_back(r);
  return FromRows(rows);
}

std::vector<uint32_t> PatentSet::Rows() const {
  std::vector<uint32_t> rows(size());
  if (!rows.empty()) bits_.toUint32Array(rows.data());
  return rows;
}

PatentSet Select(const Snapshot& s, const PatentFilter& f) {
  std::vector<uint32_t> countries, applicants;
  for (const auto& c : f.countries) countries.push_back(s.countries.Find(c));
  for (const auto& a : f.applicants) applicants.push_back(s.applicant_table.keys.Find(a));
  std::vector<bool> group_ok;
  if (!f.class_prefixes.empty()) {
    group_ok.assign(s.classes.codes.size(), false);
    for (uint32_t id = 0; id < s.classes.codes.size(); ++id)
      for (const auto& p : f.class_prefixes)
        if (s.classes.codes[id].starts_with(p)) group_ok[id] = true;
  }
  auto any_of = [](std::span<const uint32_t> values, const std::vector<uint32_t>& wanted) {
    for (uint32_t v : values)
      if (std::find(wanted.begin(), wanted.end(), v) != wanted.end()) return true;
    return false;
  };
  return PatentSet::Where(s, [&](uint32_t r) {
    const int y = s.filing_year[r];
    if (f.from_year && (y == 0 || y < f.from_year)) return false;
    if (f.to_year && (y == 0 || y > f.to_year)) return false;
    if (!countries.empty() && std::find(countries.begin(), countries.end(), s.country[r]) == countries.end())
      return false;
    if (!applicants.empty() && !any_of(s.applicants[r], applicants)) return false;
    if (!group_ok.empty()) {
      bool hit = false;
      for (uint32_t g : s.groups[r]) hit = hit || group_ok[g];
      if (!hit) return false;
    }
    return true;
  });
}

}  // namespace patnav::analytics
