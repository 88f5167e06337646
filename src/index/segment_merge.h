// MergeSegments: several text segments made one, the way an index keeps
// its segments few: each document as the newest segment holding it has it,
// documents no longer in the index left out. The result holds exactly what
// a TextSegmentWriter fed those documents would hold (segment_merge_test.cc).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "base/status.h"
#include "index/text_segment.h"

namespace patnav::index {

// Writes to `out` the documents of `inputs` (oldest first), each from the
// last input holding it, when live(docid); terms left with no document are
// dropped. A malformed input stream is Corruption; a write failure IOError.
// `out` is complete only when this returns OK.
Status MergeSegments(const std::vector<const TextSegment*>& inputs, const std::function<bool(uint32_t docid)>& live,
                     const std::filesystem::path& out);

// The same over segment files, opened (and checked) first: an input that
// cannot be opened is its error (text_segment.h) and nothing is written.
Status MergeSegmentFiles(const std::vector<std::filesystem::path>& inputs,
                         const std::function<bool(uint32_t docid)>& live, const std::filesystem::path& out);

}  // namespace patnav::index
