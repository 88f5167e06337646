// libFuzzer target for text segments (index/text_segment.h): any bytes, with
// the body's checksum recomputed into the header so that the structural
// checks behind it are reached, go through TextSegment::FromBytes; an
// accepted segment has every term's postings and positions walked. Findings:
// a crash or out-of-bounds read, a hang, an error other than Corruption, or
// an accepted segment that breaks its invariants (terms not ascending, a
// cursor's docids not ascending, positions not ascending).
// Seeds: fuzz/corpus/text_segment/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "index/text_segment.h"
#include "index/text_segment_format.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace patnav::index;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= text_segment::kHeaderBytes) {
    text_segment::BodyChecksum sum;
    sum.Add(std::string_view(bytes).substr(text_segment::kHeaderBytes));
    text_segment::PutFixed64(bytes.data() + text_segment::kChecksumAt, sum.Finish());
  }
  patnav::Result<TextSegment> seg = TextSegment::FromBytes(bytes, "fuzz.seg");
  if (!seg.ok()) {
    Check(seg.status().code() == patnav::StatusCode::kCorruption);
    return 0;
  }
  std::string_view previous;
  std::vector<uint32_t> positions;
  for (const SegmentTerm& t : seg->dictionary()) {
    Check(previous.empty() || previous < t.term);
    previous = t.term;
    PostingCursor c = seg->Postings(t.term);
    uint32_t last = 0;
    while (c.Next()) {
      Check(c.docid() > last);
      last = c.docid();
      if (c.Positions(&positions))
        for (size_t i = 1; i < positions.size(); ++i) Check(positions[i - 1] < positions[i]);
    }
    Check(c.status().ok() || c.status().code() == patnav::StatusCode::kCorruption);
  }
  return 0;
}
