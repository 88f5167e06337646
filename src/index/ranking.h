// How search and similarity rank: BM25 (Xapian::BM25Weight) with k1 = 1.2,
// b = 0.75. k1 lets a repeated word keep counting a little longer before it
// saturates than Xapian's 1.0; the stronger length normalisation (Xapian's
// default b is 0.5) keeps patents with long claim sets from winning on
// length alone. k3 = 1 (a query word given twice weighs more), k2 = 0 and
// min_normlen = 0.5 are Xapian's defaults.
#pragma once

#include <xapian.h>

namespace patnav::index {

inline Xapian::BM25Weight Bm25Ranking() { return Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5); }

}  // namespace patnav::index
