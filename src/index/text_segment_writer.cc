// TextSegmentWriter: the in-memory inversion and the segment's file.
#include "index/text_segment_writer.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "index/text_segment_file.h"
#include "index/text_segment_format.h"

namespace patnav::index {
namespace {

using text_segment::PutVarint;

// Decodes a positions run written by Add (deltas from 0, ascending).
std::vector<uint32_t> DecodePositions(std::string_view bytes) {
  std::vector<uint32_t> out;
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  uint64_t at = 0, delta = 0;
  while (p < end && text_segment::GetVarint(&p, end, &delta)) {
    at += delta;
    out.push_back(static_cast<uint32_t>(at));
  }
  return out;
}

}  // namespace

void TextSegmentWriter::BeginDocument(uint32_t docid) {
  assert(open_ == 0 && docid > last_docid_);
  open_ = docid;
  open_length_ = 0;
}

void TextSegmentWriter::Add(std::string_view term, uint32_t position) {
  assert(open_ != 0 && !term.empty());
  const uint64_t hash = FastHash(term);
  uint32_t id;
  if (const uint32_t* found = ids_.FindHashed(term, hash)) {
    id = *found;
  } else {
    id = static_cast<uint32_t>(terms_.size());
    ids_.InsertHashed(term, hash, id);
    TermState& fresh = terms_.emplace_back();
    fresh.key_offset = static_cast<uint32_t>(keys_.size());
    fresh.key_length = static_cast<uint32_t>(term.size());
    keys_.append(term);
  }
  TermState& t = terms_[id];
  if (t.open_doc != open_) {
    t.open_doc = open_;
    t.wdf = 0;
    t.last_position = 0;
    t.unsorted = false;
    t.positions_start = static_cast<uint32_t>(t.positions.size());
    touched_.push_back(id);
  }
  ++t.wdf;
  ++open_length_;
  if (position == 0) return;
  if (t.unsorted) {
    unsorted_[id].push_back(position);
    return;
  }
  if (position == t.last_position) return;  // a position set: kept once
  if (position < t.last_position) {
    // Out of order (the analyser never does this): collect the document's
    // positions of the term as numbers, sorted at EndDocument.
    std::vector<uint32_t>& all = unsorted_[id];
    all = DecodePositions(std::string_view(t.positions).substr(t.positions_start));
    all.push_back(position);
    t.positions.resize(t.positions_start);
    t.unsorted = true;
    return;
  }
  const size_t before = t.positions.size();
  PutVarint(t.positions, position - t.last_position);
  bytes_ += t.positions.size() - before;
  t.last_position = position;
}

void TextSegmentWriter::EndDocument() {
  assert(open_ != 0);
  for (uint32_t id : touched_) {
    TermState& t = terms_[id];
    if (t.unsorted) {
      std::vector<uint32_t>& all = unsorted_[id];
      std::sort(all.begin(), all.end());
      all.erase(std::unique(all.begin(), all.end()), all.end());
      uint32_t prev = 0;
      for (uint32_t a : all) {
        PutVarint(t.positions, a - prev);
        prev = a;
      }
      t.unsorted = false;
    }
    const size_t before = t.postings.size();
    PutVarint(t.postings, open_ - t.last_doc);
    PutVarint(t.postings, t.wdf);
    PutVarint(t.postings, t.positions.size() - t.positions_start);
    bytes_ += t.postings.size() - before;
    t.last_doc = open_;
    ++t.doc_freq;
    t.coll_freq += t.wdf;
  }
  if (!touched_.empty()) doc_lengths_.emplace_back(open_, open_length_);
  touched_.clear();
  unsorted_.clear();
  last_docid_ = open_;
  open_ = 0;
}

Status TextSegmentWriter::Write(const std::filesystem::path& path) const {
  assert(open_ == 0);
  std::vector<uint32_t> order(terms_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [this](uint32_t id) {
    const TermState& t = terms_[id];
    return std::string_view(keys_.data() + t.key_offset, t.key_length);
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });

  SegmentFileWriter file(path);
  RETURN_IF_ERROR(file.Open());
  for (uint32_t id : order) {
    const TermState& t = terms_[id];
    RETURN_IF_ERROR(file.AddTerm(key(id), t.doc_freq, t.coll_freq, t.postings, t.positions));
  }
  for (const auto& [docid, length] : doc_lengths_) file.AddDocument(docid, length);
  return file.Finish();
}

}  // namespace patnav::index
