// MatchPhrase and MatchNear over a text segment: candidates by a leapfrog of
// group cursors (a group is one term for a phrase, an OR of terms for
// NEAR), positions checked per candidate.
#include "index/segment_match.h"

#include <algorithm>
#include <numeric>

namespace patnav::index {
namespace {

// The documents holding any of a group's terms, in order, with the group's
// wdf (the sum of its terms') and positions (the union) there.
class GroupCursor {
 public:
  GroupCursor(const TextSegment& seg, const std::vector<std::string>& terms) {
    for (const std::string& t : terms) {
      const SegmentTerm* e = seg.Find(t);
      if (e == nullptr) continue;
      doc_freq_ += e->doc_freq;
      cursors_.push_back(seg.Postings(t));
    }
    at_.assign(cursors_.size(), 0);
  }

  uint64_t doc_freq() const { return doc_freq_; }
  uint32_t docid() const { return doc_; }

  // Moves to the first document >= d; false when none is left (or a stream
  // is malformed: status()).
  bool SkipTo(uint32_t d) {
    uint32_t best = 0;
    for (size_t i = 0; i < cursors_.size(); ++i) {
      if (at_[i] == kEnded) continue;
      if (at_[i] < d) {
        if (cursors_[i].SkipTo(d)) {
          at_[i] = cursors_[i].docid();
        } else {
          at_[i] = kEnded;
          if (!cursors_[i].status().ok()) status_ = cursors_[i].status();
          continue;
        }
      }
      if (best == 0 || at_[i] < best) best = at_[i];
    }
    doc_ = best;
    return best != 0;
  }

  uint32_t Wdf() const {
    uint32_t wdf = 0;
    for (size_t i = 0; i < cursors_.size(); ++i)
      if (at_[i] == doc_) wdf += cursors_[i].wdf();
    return wdf;
  }
  // The wdf of the group's one term (phrases: one term per group).
  uint32_t TermWdf() const { return cursors_.front().wdf(); }

  // The union of the group's positions in the current document, ascending.
  bool Positions(std::vector<uint32_t>* out) {
    out->clear();
    size_t present = 0;
    for (size_t i = 0; i < cursors_.size(); ++i) {
      if (at_[i] != doc_) continue;
      ++present;
      if (!cursors_[i].Positions(&scratch_)) {
        status_ = cursors_[i].status();
        return false;
      }
      out->insert(out->end(), scratch_.begin(), scratch_.end());
    }
    if (present > 1) {
      std::sort(out->begin(), out->end());
      out->erase(std::unique(out->begin(), out->end()), out->end());
    }
    return true;
  }

  const Status& status() const { return status_; }

 private:
  static constexpr uint32_t kEnded = UINT32_MAX;
  std::vector<PostingCursor> cursors_;
  std::vector<uint32_t> at_;  // each cursor's docid, 0 before its first, kEnded after its last
  std::vector<uint32_t> scratch_;
  uint64_t doc_freq_ = 0;
  uint32_t doc_ = 0;
  Status status_;
};

// Calls fn(doc) for every document every group holds, ascending. The
// groups are visited rarest first. Returns the first malformed stream's
// status.
template <typename Fn>
Status ForEachCandidate(std::vector<GroupCursor>& groups, Fn&& fn) {
  std::vector<size_t> order(groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return groups[a].doc_freq() < groups[b].doc_freq(); });
  uint32_t target = 1;
  while (true) {
    bool all_there = true;
    for (size_t k : order) {
      if (!groups[k].SkipTo(target)) {
        for (const GroupCursor& g : groups)
          if (!g.status().ok()) return g.status();
        return Status::OK();
      }
      if (groups[k].docid() > target) {
        target = groups[k].docid();
        all_there = false;
        break;
      }
    }
    if (!all_there) continue;
    RETURN_IF_ERROR(fn(target));
    if (target == UINT32_MAX) return Status::OK();
    ++target;
  }
}

// One position list as NearPostList walks it: before its first position
// until Next() or SkipTo().
struct PositionWalk {
  const std::vector<uint32_t>* positions = nullptr;
  size_t i = SIZE_MAX;  // SIZE_MAX: not started
  uint32_t pos() const { return (*positions)[i]; }
  bool Next() {
    i = i == SIZE_MAX ? 0 : i + 1;
    return i < positions->size();
  }
  bool SkipTo(uint32_t p) {
    if (i == SIZE_MAX) i = 0;
    while (i < positions->size() && (*positions)[i] < p) ++i;
    return i < positions->size();
  }
};

// Heap order: the walk at the lowest position on top.
struct HigherPosition {
  bool operator()(const PositionWalk* a, const PositionWalk* b) const { return a->pos() > b->pos(); }
};

// Xapian 1.4's NearPostList::test_doc on the lists in `walks` (already in
// the order it would take them): true when one position of each, all
// distinct, fit in `window`.
bool NearWithin(std::vector<PositionWalk>& walks, uint32_t window) {
  const size_t n = walks.size();
  std::vector<PositionWalk*> heap;
  heap.reserve(n);
  if (!walks[0].Next()) return false;
  uint32_t last = walks[0].pos();
  heap.push_back(&walks[0]);
  const HigherPosition cmp;
  while (true) {
    if (last - heap.front()->pos() < window) {
      if (heap.size() != n) {
        // Start the next list within the window's reach.
        PositionWalk* w = &walks[heap.size()];
        if (last < window ? !w->Next() : !w->SkipTo(last - window + 1)) return false;
        last = std::max(last, w->pos());
        heap.push_back(w);
        std::push_heap(heap.begin(), heap.end(), cmp);
        continue;
      }
      // Every list is in the window; lists at one position are moved on,
      // ascending, until all differ or one leaves the window. The heap is
      // worked exactly as NearPostList works it (the same std:: heap
      // operations on the same array), so that which of two lists at one
      // position moves on is decided as there.
      size_t i = n;
      std::pop_heap(heap.begin(), heap.begin() + i, cmp);
      uint32_t pos = heap[--i]->pos();
      const PositionWalk* smallest = heap[n - 1];
      bool fits = true;
      while (true) {
        std::pop_heap(heap.begin(), heap.begin() + i, cmp);
        PositionWalk* w = heap[--i];
        if (w->pos() == pos) {
          if (!w->Next()) return false;
          if (w->pos() - smallest->pos() >= window) {
            last = w->pos();
            fits = false;
            break;
          }
          std::push_heap(heap.begin(), heap.begin() + ++i, cmp);
          continue;
        }
        pos = w->pos();
        if (i == 0) break;
      }
      if (fits) return true;
      std::make_heap(heap.begin(), heap.end(), cmp);
      continue;
    }
    std::pop_heap(heap.begin(), heap.end(), cmp);
    PositionWalk* low = heap.back();
    if (!low->SkipTo(last - window + 1)) return false;
    last = std::max(last, low->pos());
    std::push_heap(heap.begin(), heap.end(), cmp);
  }
}

}  // namespace

Result<SegmentPhraseHits> MatchPhrase(const TextSegment& seg, const std::vector<std::string>& terms) {
  SegmentPhraseHits out;
  const size_t k = terms.size();
  std::vector<GroupCursor> groups;
  groups.reserve(k);
  for (const std::string& t : terms) {
    groups.emplace_back(seg, std::vector<std::string>{t});
    if (groups.back().doc_freq() == 0) return out;
  }
  std::vector<std::vector<uint32_t>> positions(k);
  Status st = ForEachCandidate(groups, [&](uint32_t doc) -> Status {
    size_t fewest = 0;
    for (size_t i = 0; i < k; ++i) {
      if (!groups[i].Positions(&positions[i])) return groups[i].status();
      if (positions[i].empty()) return Status::OK();  // a term without positions: no phrase
      if (positions[i].size() < positions[fewest].size()) fewest = i;
    }
    for (uint32_t p : positions[fewest]) {
      if (p <= fewest) continue;  // the phrase would start before position 1
      const uint32_t start = p - static_cast<uint32_t>(fewest);
      bool all = true;
      for (size_t i = 0; i < k && all; ++i)
        all = i == fewest ||
              std::binary_search(positions[i].begin(), positions[i].end(), start + static_cast<uint32_t>(i));
      if (all) {
        out.docs.push_back(doc);
        for (size_t i = 0; i < k; ++i) out.wdf.push_back(groups[i].TermWdf());
        break;
      }
    }
    return Status::OK();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<uint32_t>> MatchNear(const TextSegment& seg, const std::vector<std::vector<std::string>>& groups_terms,
                                        uint32_t window) {
  std::vector<uint32_t> out;
  std::vector<GroupCursor> groups;
  groups.reserve(groups_terms.size());
  for (const std::vector<std::string>& g : groups_terms) {
    groups.emplace_back(seg, g);
    if (groups.back().doc_freq() == 0) return out;
  }
  const size_t n = groups.size();
  std::vector<std::vector<uint32_t>> positions(n);
  std::vector<PositionWalk> walks(n);
  // NearPostList sorts its lists by wdf in place, so ties keep the order of
  // the previous document: a stable sort of a persistent order.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::vector<uint32_t> wdf(n);
  Status st = ForEachCandidate(groups, [&](uint32_t doc) -> Status {
    for (size_t i = 0; i < n; ++i) {
      if (!groups[i].Positions(&positions[i])) return groups[i].status();
      wdf[i] = groups[i].Wdf();
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return wdf[a] < wdf[b]; });
    for (size_t i = 0; i < n; ++i) walks[i] = PositionWalk{&positions[order[i]]};
    if (NearWithin(walks, window)) out.push_back(doc);
    return Status::OK();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace patnav::index
