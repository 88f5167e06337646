// TextSegmentWriter: inverts the free-text terms of documents, handed over
// term by term, in memory, and writes them as one text segment
// (text_segment_format.h, docs/formats/text-segment.md).
//
// Why our own inverter rather than Xapian's (bench/README.md, "An inverter
// of our own"): Xapian 1.4 keeps a document's terms in a std::map of
// strings, then merges them into per-term std::maps of changes, a node and
// a string per posting and per position; the profile of an index build is
// four fifths that. Here a term is looked up once per occurrence in one
// open-addressing table (FlatStringMap), and its postings and positions are
// appended, varint-encoded, to two byte strings of its own: no allocation
// per posting, no per-document map.
//
// The segment holds what Xapian would hold for the same calls: for
// Add(term, position) in document d, d's wdf of the term grows by one and,
// for a position other than 0, d's positions of the term include it (a
// position added twice is kept once, as Xapian's position set does); a
// document's length is the sum of its wdfs.
//
// Not thread-safe; one writer per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "index/flat_string_map.h"

namespace patnav::index {

class TextSegmentWriter {
 public:
  // Starts document `docid`. REQUIRES: no document is open, docid > 0 and
  // docid greater than every docid begun before.
  void BeginDocument(uint32_t docid);

  // One occurrence of `term` in the open document, at `position` (0: none).
  // REQUIRES: a document is open; term is not empty.
  void Add(std::string_view term, uint32_t position);

  // Ends the open document. A document with no term is not recorded.
  void EndDocument();

  uint32_t documents() const { return static_cast<uint32_t>(doc_lengths_.size()); }
  size_t terms() const { return terms_.size(); }
  // Bytes held in memory (streams, table, keys), for a caller's flush
  // threshold.
  size_t MemoryBytes() const { return bytes_ + ids_.bytes() + terms_.capacity() * sizeof(TermState); }

  // Writes the segment to `path` (created or truncated) and syncs it to
  // disk. IOError naming the file on failure. The writer is unchanged, so
  // a failed write may be retried elsewhere.
  Status Write(const std::filesystem::path& path) const;

 private:
  struct TermState {
    uint32_t key_offset = 0;  // of the term in keys_
    uint32_t key_length = 0;
    uint32_t open_doc = 0;    // the document whose occurrences are being counted (0: none yet)
    uint32_t last_doc = 0;    // the last document written to `postings`
    uint32_t wdf = 0;         // in open_doc
    uint32_t last_position = 0;
    uint32_t positions_start = 0;  // size of `positions` when open_doc began
    bool unsorted = false;    // open_doc's positions arrived out of order
    uint32_t doc_freq = 0;
    uint64_t coll_freq = 0;
    std::string postings;
    std::string positions;
  };

  FlatStringMap<uint32_t> ids_;  // term -> index in terms_
  std::vector<TermState> terms_;
  std::string keys_;             // every term, back to back
  std::unordered_map<uint32_t, std::vector<uint32_t>> unsorted_;  // the open document's out-of-order terms
  std::vector<uint32_t> touched_;  // terms of the open document, first occurrence order
  std::vector<std::pair<uint32_t, uint64_t>> doc_lengths_;  // (docid, length), ascending
  uint32_t open_ = 0;            // the open document, 0 when none
  uint32_t last_docid_ = 0;
  uint64_t open_length_ = 0;
  size_t bytes_ = 0;             // postings and positions bytes, approximately
};

}  // namespace patnav::index
