// TextSegmentSet: the text segments one revision of the search index names
// (its metadata kMetaTextSegments, oldest first), read together. A document
// re-indexed after its first segment appears again in a later one: the
// set reads each document from the newest segment holding it only.
//
// Thread-safety: immutable once loaded; shared by the searchers of one
// revision, as the other columns are (searcher.h, Columns).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/status.h"
#include "index/phrase_match.h"
#include "index/text_segment.h"

namespace patnav::index {

// Index metadata: the segment files of this revision, space-separated,
// oldest first (docs/formats/index.md). Absent: no segments.
inline constexpr const char* kMetaTextSegments = "patnav.text_segments";

class TextSegmentSet {
 public:
  // The segments `db`'s revision names, from `index_dir`. Null when it
  // names none. NotFound when a named file is missing (a later revision
  // merged it away: reopen and load again); Corruption for a damaged one.
  // Throws Xapian::Error reading the metadata.
  static Result<std::shared_ptr<const TextSegmentSet>> Load(const Xapian::Database& db,
                                                            const std::filesystem::path& index_dir);
  // Over segments already open (tests), oldest first.
  static std::shared_ptr<const TextSegmentSet> Of(std::vector<TextSegment> segments);

  // The exact phrase's documents, ascending, with the wdf of each term (as
  // MatchPhrase over Xapian gives them: phrase_match.h).
  Result<PhraseHits> Phrase(const std::vector<std::string>& terms) const;
  // The documents matching NEAR over `groups` within `window` (segment_match.h).
  Result<std::vector<uint32_t>> Near(const std::vector<std::vector<std::string>>& groups, uint32_t window) const;

  const std::vector<TextSegment>& segments() const { return segments_; }

 private:
  TextSegmentSet() = default;
  void Index();
  // Whether segment `s` holds the version of `docid` the set reads.
  bool Owns(size_t s, uint32_t docid) const {
    return segments_.size() == 1 || (docid < owner_.size() && owner_[docid] == s + 1);
  }

  std::vector<TextSegment> segments_;
  std::vector<uint16_t> owner_;  // docid -> 1 + the newest segment holding it (empty with one segment)
};

}  // namespace patnav::index
