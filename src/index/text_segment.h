// TextSegment: one text segment (text_segment_format.h) read in place, and
// PostingCursor, a term's postings walked in docid order with each
// document's wdf and positions.
//
// Open checks the whole file before anything is read from it: the magic
// and version, the body's checksum, every section inside the file, every
// dictionary entry's streams inside their section, terms strictly
// ascending, docids strictly ascending. A file that fails is refused whole
// with Corruption naming the file and what is wrong. A cursor still bounds
// every read, so a file that passes the checks by accident cannot make it
// read outside the segment: a malformed stream ends the walk with
// cursor.status() Corruption.
//
// Thread-safety: a TextSegment is immutable and may be shared; a cursor is
// used by one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/mapped_file.h"
#include "base/status.h"

namespace patnav::index {

struct SegmentTerm {
  std::string_view term;  // points into the segment
  uint32_t doc_freq = 0;
  uint64_t coll_freq = 0;  // sum of the wdf over its documents
  std::string_view postings;   // the term's postings stream
  std::string_view positions;  // the term's positions stream
};

class PostingCursor {
 public:
  PostingCursor() = default;
  PostingCursor(std::string_view postings, std::string_view positions, std::string_view name);

  // Moves to the next document holding the term (the first, on the first
  // call). False at the end, or when the stream is malformed (status()).
  bool Next();
  // Moves to the first document >= `docid` from the current one (never
  // back). False when there is none.
  bool SkipTo(uint32_t docid);

  uint32_t docid() const { return docid_; }
  uint32_t wdf() const { return wdf_; }
  // The current document's positions of the term, ascending (empty for a
  // term added without positions). False when they are malformed.
  bool Positions(std::vector<uint32_t>* out);
  // The current document's positions as stored (the bytes its posting
  // names), for copying them unchanged.
  std::string_view PositionBytes() const { return {doc_positions_, static_cast<size_t>(doc_positions_bytes_)}; }
  const Status& status() const { return status_; }

 private:
  bool Fail(const char* what);

  const char* p_ = nullptr;
  const char* end_ = nullptr;
  const char* positions_ = nullptr;
  const char* positions_end_ = nullptr;
  const char* doc_positions_ = nullptr;  // the current document's run
  uint64_t doc_positions_bytes_ = 0;
  std::string_view name_;
  uint32_t docid_ = 0;
  uint32_t wdf_ = 0;
  bool ended_ = false;
  Status status_;
};

class TextSegment {
 public:
  // Maps and checks the segment at `path`. IOError when it cannot be read,
  // Corruption when it is not a sound text segment.
  static Result<TextSegment> Open(const std::filesystem::path& path);
  // The same checks over bytes the caller keeps alive (tests, fuzzing).
  // `name` names the bytes in messages.
  static Result<TextSegment> FromBytes(std::string_view bytes, std::string name);

  uint32_t documents() const { return static_cast<uint32_t>(docids_.size()); }
  size_t terms() const { return dictionary_.size(); }
  const std::vector<SegmentTerm>& dictionary() const { return dictionary_; }  // ascending by term

  // The entry of `term`, or null.
  const SegmentTerm* Find(std::string_view term) const;
  // A cursor over `term`'s postings (one that finds nothing when the term
  // is absent).
  PostingCursor Postings(std::string_view term) const;

  // Documents ascending, with their lengths (sum of wdf).
  const std::vector<uint32_t>& docids() const { return docids_; }
  const std::vector<uint64_t>& lengths() const { return lengths_; }  // of docids(), index for index
  // The length of `docid`, or nullopt when the segment does not hold it.
  std::optional<uint64_t> DocLength(uint32_t docid) const;
  uint64_t total_length() const { return total_length_; }

 private:
  TextSegment() = default;
  Status Parse(std::string_view bytes);

  std::shared_ptr<MappedFile> file_;  // null for FromBytes
  std::shared_ptr<const std::string> name_;  // shared: cursors name it, and segments move
  std::vector<SegmentTerm> dictionary_;
  std::vector<uint32_t> docids_;
  std::vector<uint64_t> lengths_;
  uint64_t total_length_ = 0;
};

}  // namespace patnav::index
