// How search and similarity rank: BM25 (Xapian::BM25Weight) with k1 = 1.2,
// b = 0.75. k1 lets a repeated word keep counting a little longer before it
// saturates than Xapian's 1.0; the stronger length normalisation (Xapian's
// default b is 0.5) keeps patents with long claim sets from winning on
// length alone. k3 = 1 (a query word given twice weighs more), k2 = 0 and
// min_normlen = 0.5 are Xapian's defaults.
//
// The same formula written out, for the ranked page computed from posting
// lists (ranked_page.h); for one term it gives Xapian's weight:
//   weight(term, doc) = TermWeight(N, df) * wdf / (LengthNorm(len, avg) + wdf)
#pragma once

#include <algorithm>
#include <cmath>

#include <xapian.h>

namespace patnav::index {

inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;
inline constexpr double kBm25MinNormLength = 0.5;

inline Xapian::BM25Weight Bm25Ranking() { return Xapian::BM25Weight(1.2, 0, 1, kBm25B, kBm25MinNormLength); }

// idf * (k1 + 1), as Xapian 1.4 computes it without relevance information:
// a term in more than about a third of the documents keeps a small positive
// weight instead of going to zero or below.
inline double Bm25TermWeight(double documents, double termfreq) {
  double tw = (documents - termfreq + 0.5) / (termfreq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw) * (kBm25K1 + 1);
}

// k1 * (b * normalised length + 1 - b); the length normalised by the average
// and at least kBm25MinNormLength.
inline double Bm25LengthNorm(double length, double average_length) {
  const double normlen = std::max(average_length > 0 ? length / average_length : 0.0, kBm25MinNormLength);
  return kBm25K1 * (normlen * kBm25B + (1 - kBm25B));
}

}  // namespace patnav::index
