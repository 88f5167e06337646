// TextSegmentWriter: the in-memory inversion and the segment's file.
#include "index/text_segment_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>

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

// Writes the file in order, keeping the body's checksum; the header goes
// last, at offset 0, once the sections' offsets are known.
class SegmentFile {
 public:
  explicit SegmentFile(const std::filesystem::path& path) : path_(path) {}
  ~SegmentFile() {
    if (fd_ >= 0) ::close(fd_);
  }

  Status Open() {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return Error("cannot create");
    offset_ = text_segment::kHeaderBytes;
    if (::lseek(fd_, static_cast<off_t>(offset_), SEEK_SET) < 0) return Error("cannot seek in");
    return Status::OK();
  }

  // Appends body bytes (buffered).
  Status Append(std::string_view bytes) {
    checksum_.Add(bytes);
    buffer_.append(bytes);
    offset_ += bytes.size();
    if (buffer_.size() >= (1u << 20)) return Flush();
    return Status::OK();
  }

  uint64_t offset() const { return offset_; }

  Status Finish(std::string header) {
    RETURN_IF_ERROR(Flush());
    text_segment::PutFixed64(header.data() + text_segment::kChecksumAt, checksum_.Finish());
    if (::pwrite(fd_, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()))
      return Error("cannot write the header of");
    if (::fsync(fd_) != 0) return Error("cannot sync");
    if (::close(fd_) != 0) {
      fd_ = -1;
      return Error("cannot close");
    }
    fd_ = -1;
    return Status::OK();
  }

 private:
  Status Flush() {
    const char* p = buffer_.data();
    size_t n = buffer_.size();
    while (n > 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) return Error("cannot write");
      p += w;
      n -= static_cast<size_t>(w);
    }
    buffer_.clear();
    return Status::OK();
  }
  Status Error(const char* what) const {
    return Status::IOError(std::string(what) + " text segment " + path_.string() + ": " + std::strerror(errno));
  }

  std::filesystem::path path_;
  int fd_ = -1;
  uint64_t offset_ = 0;
  std::string buffer_;
  text_segment::BodyChecksum checksum_;
};

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

  SegmentFile file(path);
  RETURN_IF_ERROR(file.Open());
  std::vector<uint64_t> postings_at(order.size()), positions_at(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    postings_at[i] = file.offset();
    RETURN_IF_ERROR(file.Append(terms_[order[i]].postings));
  }
  const uint64_t positions_offset = file.offset();
  for (size_t i = 0; i < order.size(); ++i) {
    positions_at[i] = file.offset();
    RETURN_IF_ERROR(file.Append(terms_[order[i]].positions));
  }
  const uint64_t doc_table_offset = file.offset();
  std::string chunk;
  uint32_t prev = 0;
  for (const auto& [docid, length] : doc_lengths_) {
    PutVarint(chunk, docid - prev);
    PutVarint(chunk, length);
    prev = docid;
    if (chunk.size() >= (1u << 16)) {
      RETURN_IF_ERROR(file.Append(chunk));
      chunk.clear();
    }
  }
  RETURN_IF_ERROR(file.Append(chunk));
  chunk.clear();
  const uint64_t dictionary_offset = file.offset();
  for (size_t i = 0; i < order.size(); ++i) {
    const TermState& t = terms_[order[i]];
    const std::string_view term = key(order[i]);
    PutVarint(chunk, term.size());
    chunk.append(term);
    PutVarint(chunk, t.doc_freq);
    PutVarint(chunk, t.coll_freq);
    PutVarint(chunk, postings_at[i]);
    PutVarint(chunk, t.postings.size());
    PutVarint(chunk, positions_at[i]);
    PutVarint(chunk, t.positions.size());
    if (chunk.size() >= (1u << 16)) {
      RETURN_IF_ERROR(file.Append(chunk));
      chunk.clear();
    }
  }
  RETURN_IF_ERROR(file.Append(chunk));

  std::string header(text_segment::kHeaderBytes, '\0');
  std::memcpy(header.data() + text_segment::kMagicAt, text_segment::kMagic, sizeof text_segment::kMagic);
  text_segment::PutFixed32(header.data() + text_segment::kVersionAt, text_segment::kVersion);
  text_segment::PutFixed32(header.data() + text_segment::kDocumentsAt, documents());
  text_segment::PutFixed32(header.data() + text_segment::kTermsAt, static_cast<uint32_t>(order.size()));
  text_segment::PutFixed64(header.data() + text_segment::kPositionsAt, positions_offset);
  text_segment::PutFixed64(header.data() + text_segment::kDocTableAt, doc_table_offset);
  text_segment::PutFixed64(header.data() + text_segment::kDictionaryAt, dictionary_offset);
  return file.Finish(std::move(header));
}

}  // namespace patnav::index
