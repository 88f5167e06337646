// MergeSegments: the owner of each document decided first (one array by
// docid), then the dictionaries merged term by term, each term's postings
// merged by docid from the inputs that own them, positions copied as
// stored.
#include "index/segment_merge.h"

#include <algorithm>
#include <queue>
#include <string>

#include "index/text_segment_file.h"
#include "index/text_segment_format.h"

namespace patnav::index {

Status MergeSegments(const std::vector<const TextSegment*>& inputs, const std::function<bool(uint32_t docid)>& live,
                     const std::filesystem::path& out) {
  if (inputs.size() >= UINT16_MAX) return Status::InvalidArgument("too many segments to merge at once");
  // owner[docid]: 1 + the index of the newest input holding it, 0 when none
  // or not live.
  uint32_t max_docid = 0;
  for (const TextSegment* in : inputs)
    if (!in->docids().empty()) max_docid = std::max(max_docid, in->docids().back());
  std::vector<uint16_t> owner(static_cast<size_t>(max_docid) + 1, 0);
  for (size_t i = 0; i < inputs.size(); ++i)
    for (uint32_t d : inputs[i]->docids()) owner[d] = static_cast<uint16_t>(i + 1);
  std::vector<std::pair<uint32_t, uint64_t>> documents;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::vector<uint32_t>& ids = inputs[i]->docids();
    for (size_t k = 0; k < ids.size(); ++k) {
      if (owner[ids[k]] != i + 1) continue;
      if (!live(ids[k])) {
        owner[ids[k]] = 0;
        continue;
      }
      documents.emplace_back(ids[k], inputs[i]->lengths()[k]);
    }
  }
  std::sort(documents.begin(), documents.end());

  SegmentFileWriter file(out);
  RETURN_IF_ERROR(file.Open());
  // The dictionaries merged: a heap of (term, input) at each input's next entry.
  std::vector<size_t> next(inputs.size(), 0);
  auto later = [&](size_t a, size_t b) {
    const std::string_view ta = inputs[a]->dictionary()[next[a]].term, tb = inputs[b]->dictionary()[next[b]].term;
    return ta != tb ? ta > tb : a > b;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i]->dictionary().empty()) heap.push(i);
  std::vector<size_t> holders;
  std::vector<PostingCursor> cursors;
  std::vector<bool> has;
  std::string postings, positions;
  while (!heap.empty()) {
    const std::string_view term = inputs[heap.top()]->dictionary()[next[heap.top()]].term;
    holders.clear();
    while (!heap.empty() && inputs[heap.top()]->dictionary()[next[heap.top()]].term == term) {
      holders.push_back(heap.top());
      heap.pop();
    }
    cursors.clear();
    has.assign(holders.size(), false);
    for (size_t k = 0; k < holders.size(); ++k) {
      const SegmentTerm& e = inputs[holders[k]]->dictionary()[next[holders[k]]];
      cursors.emplace_back(e.postings, e.positions, "merge input");
    }
    // Each cursor moved to its next document that its input owns.
    auto advance = [&](size_t k) {
      while (cursors[k].Next())
        if (owner[cursors[k].docid()] == holders[k] + 1) return true;
      return false;
    };
    for (size_t k = 0; k < holders.size(); ++k) has[k] = advance(k);
    postings.clear();
    positions.clear();
    uint64_t doc_freq = 0, coll_freq = 0;
    uint32_t last = 0;
    while (true) {
      size_t best = holders.size();
      for (size_t k = 0; k < holders.size(); ++k)
        if (has[k] && (best == holders.size() || cursors[k].docid() < cursors[best].docid())) best = k;
      if (best == holders.size()) break;
      PostingCursor& c = cursors[best];
      const std::string_view run = c.PositionBytes();
      text_segment::PutVarint(postings, c.docid() - last);
      text_segment::PutVarint(postings, c.wdf());
      text_segment::PutVarint(postings, run.size());
      positions.append(run);
      last = c.docid();
      ++doc_freq;
      coll_freq += c.wdf();
      has[best] = advance(best);
    }
    for (size_t k = 0; k < holders.size(); ++k)
      if (!cursors[k].status().ok()) return cursors[k].status();
    if (doc_freq > 0) RETURN_IF_ERROR(file.AddTerm(term, doc_freq, coll_freq, postings, positions));
    for (size_t i : holders)
      if (++next[i] < inputs[i]->dictionary().size()) heap.push(i);
  }
  for (const auto& [docid, length] : documents) file.AddDocument(docid, length);
  return file.Finish();
}

Status MergeSegmentFiles(const std::vector<std::filesystem::path>& inputs,
                         const std::function<bool(uint32_t docid)>& live, const std::filesystem::path& out) {
  std::vector<TextSegment> open;
  open.reserve(inputs.size());
  for (const std::filesystem::path& p : inputs) {
    ASSIGN_OR_RETURN(TextSegment seg, TextSegment::Open(p));
    open.push_back(std::move(seg));
  }
  std::vector<const TextSegment*> pointers;
  for (const TextSegment& seg : open) pointers.push_back(&seg);
  return MergeSegments(pointers, live, out);
}

}  // namespace patnav::index
