// Positional matching over one text segment (text_segment.h): exact phrases
// and NEAR, with the documents Xapian 1.4 gives for OP_PHRASE (window = the
// phrase's length) and OP_NEAR over the same terms and positions. The
// differential test (segment_match_test.cc) runs both on random documents.
//
// How: the documents holding every term, by a leapfrog of the terms'
// cursors led by the rarest; for each, the positions of its terms decoded
// in place from the segment and checked. No B-tree, no per-list cursor
// set-up: a term's positions for consecutive candidates lie one after the
// other in its stream, so a check reads them sequentially.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/text_segment.h"

namespace patnav::index {

struct SegmentPhraseHits {
  std::vector<uint32_t> docs;  // ascending
  // terms.size() per document: docs[i]'s wdf of terms[j] at i * terms.size() + j.
  std::vector<uint32_t> wdf;
};

// The documents of `seg` where some position p holds terms[i] at p + i for
// every i (a term may repeat). REQUIRES: terms.size() >= 1. A malformed
// stream is Corruption.
Result<SegmentPhraseHits> MatchPhrase(const TextSegment& seg, const std::vector<std::string>& terms);

// The documents of `seg` matching NEAR over `groups` within `window`: one
// position from each group (a group's positions are the union of its
// terms'), all at distinct positions, with the largest less than the
// smallest + window -- found as Xapian 1.4's NearPostList finds them (the
// groups ordered by their wdf, the window slid from the first group's
// positions, a position shared by two groups moved on to the group's
// next). REQUIRES: groups.size() >= 2, no group empty, window >= 1.
Result<std::vector<uint32_t>> MatchNear(const TextSegment& seg, const std::vector<std::vector<std::string>>& groups,
                                        uint32_t window);

}  // namespace patnav::index
