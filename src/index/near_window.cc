// NearWindow: parsed from Query::get_description().
#include "index/near_window.h"

#include <string>

namespace patnav::index {

std::optional<uint32_t> NearWindow(const Xapian::Query& q) {
  if (q.get_type() != Xapian::Query::OP_NEAR) return std::nullopt;
  // Xapian 1.4 describes OP_NEAR as "(a NEAR w b NEAR w c)"; the subqueries
  // (terms, which hold no space, and ORs of them) cannot hold " NEAR ".
  const std::string d = q.get_description();
  const size_t at = d.find(" NEAR ");
  if (at == std::string::npos) return std::nullopt;
  uint64_t w = 0;
  size_t i = at + 6, digits = 0;
  for (; i < d.size() && d[i] >= '0' && d[i] <= '9' && digits < 9; ++i, ++digits) w = w * 10 + (d[i] - '0');
  if (digits == 0 || i >= d.size() || d[i] != ' ' || w < q.get_num_subqueries()) return std::nullopt;
  return static_cast<uint32_t>(w);
}

}  // namespace patnav::index
