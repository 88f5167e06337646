// SegmentCatalog: the text segments of the index being written
// (docs/formats/text-segment.md, "Segments in the index"): it writes a
// segment of the documents a commit re-indexes and names the segments in
// the metadata of that commit, so the Xapian commit stays the one atomic
// point of an index update:
//   - a segment file is complete and synced before the commit naming it;
//   - a file no committed revision names is dead (a crash between the two),
//     deleted by the next Prune;
//   - when more than kMaxSegments are named, Compact merges them into one
//     (each document's newest version, documents Xapian no longer holds left
//     out) and commits the new list; readers of an older revision that have
//     not opened their segments yet find them gone and reopen
//     (text_segment_set.h).
// One writer at a time: the caller holds the index's write lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/text_segment_writer.h"
#include "model/patent_record.h"

namespace patnav::index {

class SegmentCatalog {
 public:
  // Segments named beyond this are merged into one after the commit.
  static constexpr size_t kMaxSegments = 8;

  // The segments `db`'s revision names, in `dir` (the index directory).
  SegmentCatalog(std::filesystem::path dir, const Xapian::Database& db);

  // Writes a segment of `records` (docid, record; any order, a docid at most
  // once) under a new name and adds it to the list. Nothing is written for
  // no records. IOError when the file cannot be written.
  Status Add(std::vector<std::pair<uint32_t, const PatentRecord*>> records);
  // The list into `db`'s metadata, for its next commit.
  void Name(Xapian::WritableDatabase& db) const;
  // After a commit: merges the segments when more than kMaxSegments are
  // named (and commits the new list), then deletes the segment files of
  // `dir` the list does not name. Throws Xapian::Error.
  Status Compact(Xapian::WritableDatabase& db);
  // Deletes the segment files of `dir` the list does not name.
  void Prune() const;

  const std::vector<std::string>& names() const { return names_; }

 private:
  std::string NewName();

  std::filesystem::path dir_;
  std::vector<std::string> names_;  // oldest first
  uint64_t next_ = 1;               // number of the next new file
};

// The free text of `r` (ForEachFreeText; the description only with
// `description`) into `writer` as document `docid`.
void AddFreeText(TextSegmentWriter& writer, uint32_t docid, const PatentRecord& r, bool description = true);

// Whether `name` is a segment file name the catalog makes ("text.N.seg").
bool IsSegmentFileName(const std::string& name);

}  // namespace patnav::index
