// TextSegment: the checks at open, the dictionary and document table held
// in memory, postings read in place from the mapping.
#include "index/text_segment.h"

#include <algorithm>
#include <cstring>

#include "index/text_segment_format.h"

namespace patnav::index {

using text_segment::GetFixed32;
using text_segment::GetFixed64;
using text_segment::GetVarint;

PostingCursor::PostingCursor(std::string_view postings, std::string_view positions, std::string_view name)
    : p_(postings.data()),
      end_(postings.data() + postings.size()),
      positions_(positions.data()),
      positions_end_(positions.data() + positions.size()),
      doc_positions_(positions.data()),
      name_(name) {}

bool PostingCursor::Fail(const char* what) {
  status_ = Status::Corruption(std::string(name_) + ": " + what + " after document " + std::to_string(docid_));
  p_ = end_;
  ended_ = true;
  return false;
}

bool PostingCursor::Next() {
  if (p_ == nullptr || p_ >= end_) {
    ended_ = true;
    return false;
  }
  uint64_t delta = 0, wdf = 0, bytes = 0;
  if (!GetVarint(&p_, end_, &delta) || !GetVarint(&p_, end_, &wdf) || !GetVarint(&p_, end_, &bytes))
    return Fail("a posting is cut short");
  if (delta == 0 || delta > UINT32_MAX - docid_) return Fail("docids do not ascend");
  if (wdf > UINT32_MAX) return Fail("a wdf is out of range");
  // The previous document's run ends where this one's starts.
  doc_positions_ += doc_positions_bytes_;
  if (bytes > static_cast<uint64_t>(positions_end_ - doc_positions_)) return Fail("positions run past their stream");
  doc_positions_bytes_ = bytes;
  docid_ += static_cast<uint32_t>(delta);
  wdf_ = static_cast<uint32_t>(wdf);
  return true;
}

bool PostingCursor::SkipTo(uint32_t docid) {
  if (ended_) return false;
  if (docid_ >= docid && docid_ != 0) return true;
  while (Next())
    if (docid_ >= docid) return true;
  return false;
}

bool PostingCursor::Positions(std::vector<uint32_t>* out) {
  out->clear();
  const char* p = doc_positions_;
  const char* end = doc_positions_ + doc_positions_bytes_;
  uint64_t at = 0, delta = 0;
  while (p < end) {
    if (!GetVarint(&p, end, &delta) || delta == 0 || delta > UINT32_MAX - at) {
      status_ = Status::Corruption(std::string(name_) + ": malformed positions in document " + std::to_string(docid_));
      out->clear();
      return false;
    }
    at += delta;
    out->push_back(static_cast<uint32_t>(at));
  }
  return true;
}

Result<TextSegment> TextSegment::Open(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(MappedFile file, MappedFile::Open(path.string()));
  TextSegment s;
  s.file_ = std::make_shared<MappedFile>(std::move(file));
  s.name_ = std::make_shared<const std::string>(path.string());
  RETURN_IF_ERROR(s.Parse(s.file_->bytes()));
  return s;
}

Result<TextSegment> TextSegment::FromBytes(std::string_view bytes, std::string name) {
  TextSegment s;
  s.name_ = std::make_shared<const std::string>(std::move(name));
  RETURN_IF_ERROR(s.Parse(bytes));
  return s;
}

Status TextSegment::Parse(std::string_view bytes) {
  auto bad = [this](const std::string& why) { return Status::Corruption("text segment " + *name_ + ": " + why); };
  if (bytes.size() < text_segment::kHeaderBytes) return bad("shorter than its header");
  const char* base = bytes.data();
  if (std::memcmp(base + text_segment::kMagicAt, text_segment::kMagic, sizeof text_segment::kMagic) != 0)
    return bad("not a text segment (bad magic)");
  if (const uint32_t v = GetFixed32(base + text_segment::kVersionAt); v != text_segment::kVersion)
    return bad("format version " + std::to_string(v) + ", this build reads " + std::to_string(text_segment::kVersion));
  const uint32_t documents = GetFixed32(base + text_segment::kDocumentsAt);
  const uint32_t terms = GetFixed32(base + text_segment::kTermsAt);
  const uint64_t doc_table_at = GetFixed64(base + text_segment::kDocTableAt);
  const uint64_t dictionary_at = GetFixed64(base + text_segment::kDictionaryAt);
  if (!(text_segment::kHeaderBytes <= doc_table_at && doc_table_at <= dictionary_at && dictionary_at <= bytes.size()))
    return bad("its sections are out of order or past the end of the file");
  text_segment::BodyChecksum checksum;
  checksum.Add(bytes.substr(text_segment::kHeaderBytes));
  if (checksum.Finish() != GetFixed64(base + text_segment::kChecksumAt))
    return bad("checksum mismatch (the file is damaged or was cut short)");

  // The document table.
  const char* p = base + doc_table_at;
  const char* end = base + dictionary_at;
  // Each entry takes at least two bytes: a count beyond that is a lie.
  if (documents > (dictionary_at - doc_table_at) / 2) return bad("more documents than its table can hold");
  docids_.reserve(documents);
  lengths_.reserve(documents);
  uint64_t docid = 0;
  for (uint32_t i = 0; i < documents; ++i) {
    uint64_t delta = 0, length = 0;
    if (!GetVarint(&p, end, &delta) || !GetVarint(&p, end, &length))
      return bad("document table cut short at entry " + std::to_string(i));
    if (delta == 0 || docid + delta > UINT32_MAX) return bad("docids do not ascend at entry " + std::to_string(i));
    docid += delta;
    docids_.push_back(static_cast<uint32_t>(docid));
    lengths_.push_back(length);
    total_length_ += length;
  }
  if (p != end) return bad("bytes left after the document table");

  // The dictionary.
  p = base + dictionary_at;
  end = base + bytes.size();
  if (terms > (bytes.size() - dictionary_at) / 8) return bad("more terms than its dictionary can hold");
  dictionary_.reserve(terms);
  for (uint32_t i = 0; i < terms; ++i) {
    uint64_t length = 0, df = 0, cf = 0, post_at = 0, post_bytes = 0, pos_bytes = 0;
    auto entry = [&] { return "dictionary entry " + std::to_string(i) + ": "; };
    if (!GetVarint(&p, end, &length) || length == 0 || length > static_cast<uint64_t>(end - p))
      return bad(entry() + "its term runs past the end");
    SegmentTerm t;
    t.term = std::string_view(p, length);
    p += length;
    if (!GetVarint(&p, end, &df) || !GetVarint(&p, end, &cf) || !GetVarint(&p, end, &post_at) ||
        !GetVarint(&p, end, &post_bytes) || !GetVarint(&p, end, &pos_bytes))
      return bad(entry() + "cut short");
    if (!dictionary_.empty() && !(dictionary_.back().term < t.term)) return bad(entry() + "terms do not ascend");
    if (df == 0 || df > documents || cf < df) return bad(entry() + "document frequency out of range");
    if (post_at < text_segment::kHeaderBytes || post_at > doc_table_at || post_bytes > doc_table_at - post_at ||
        pos_bytes > doc_table_at - post_at - post_bytes)
      return bad(entry() + "streams outside their section");
    t.doc_freq = static_cast<uint32_t>(df);
    t.coll_freq = cf;
    t.postings = std::string_view(base + post_at, post_bytes);
    t.positions = std::string_view(base + post_at + post_bytes, pos_bytes);
    dictionary_.push_back(t);
  }
  if (p != end) return bad("bytes left after the dictionary");
  return Status::OK();
}

const SegmentTerm* TextSegment::Find(std::string_view term) const {
  auto it = std::lower_bound(dictionary_.begin(), dictionary_.end(), term,
                             [](const SegmentTerm& e, std::string_view t) { return e.term < t; });
  if (it == dictionary_.end() || it->term != term) return nullptr;
  return &*it;
}

PostingCursor TextSegment::Postings(std::string_view term) const {
  const SegmentTerm* t = Find(term);
  if (t == nullptr) return PostingCursor();
  return PostingCursor(t->postings, t->positions, *name_);
}

std::optional<uint64_t> TextSegment::DocLength(uint32_t docid) const {
  auto it = std::lower_bound(docids_.begin(), docids_.end(), docid);
  if (it == docids_.end() || *it != docid) return std::nullopt;
  return lengths_[static_cast<size_t>(it - docids_.begin())];
}

}  // namespace patnav::index
