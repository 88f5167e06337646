// Gates of built queries (query_gate.h).
#include "index/query_gate.h"

#include <algorithm>

#include "index/index_schema.h"

namespace patnav::index {

namespace {

using Gate = std::optional<std::vector<std::string>>;

// Lower is more selective: a set without a country, kind or year term
// (values that a large share of the corpus holds) before one with, then by
// size.
std::pair<int, size_t> Cost(const std::vector<std::string>& gate) {
  int broad = 0;
  for (const std::string& t : gate)
    for (std::string_view prefix : {kCountry, kKind, kYear})
      if (t.compare(0, prefix.size(), prefix) == 0) ++broad;
  return {broad > 0 ? 1 : 0, gate.size()};
}

Gate GateOf(const Xapian::Query& q) {
  const Xapian::Query::op op = q.get_type();
  const size_t n = q.get_num_subqueries();
  switch (op) {
    case Xapian::Query::LEAF_TERM: {
      // The empty term is the query matching everything.
      auto it = q.get_unique_terms_begin();
      if (it == q.get_unique_terms_end() || (*it).empty()) return std::nullopt;
      return std::vector<std::string>{*it};
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR: {
      Gate best;
      for (size_t i = 0; i < n; ++i) {
        Gate g = GateOf(q.get_subquery(i));
        if (g && (!best || Cost(*g) < Cost(*best))) best = std::move(g);
      }
      return best;
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_MAX: {
      std::vector<std::string> all;
      for (size_t i = 0; i < n; ++i) {
        Gate g = GateOf(q.get_subquery(i));
        if (!g) return std::nullopt;
        all.insert(all.end(), g->begin(), g->end());
      }
      if (all.empty()) return std::nullopt;
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      return all;
    }
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (n == 0) return std::nullopt;
      return GateOf(q.get_subquery(0));
    default:
      // Value ranges, wildcards, LEAF_MATCH_ALL, LEAF_MATCH_NOTHING (no
      // document can match it, but "ungated" is the safe answer) and any
      // operator added later.
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::vector<std::string>> QueryGate(const Xapian::Query& q) { return GateOf(q); }

}  // namespace patnav::index
