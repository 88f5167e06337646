// Synthetic USPTO patent assignment day files (`us-patent-assignments`, the
// layout of the daily ad*.xml: readers/uspto_assignment_reader.h) for tests
// and benchmarks: each record one recorded conveyance (assignments from
// inventors to their employer, later sales between companies, security
// interests and their releases, mergers, changes of name) with its reel and
// frame, dates, assignors, assignees and one to three patent properties.
// Deterministic: the same options give the same bytes. Names are XML-escaped
// (organisations such as "SMITH & SONS").
#pragma once

#include <cstdint>
#include <ostream>

#include "base/status.h"

namespace patnav {

struct AssignmentFileOptions {
  uint64_t records = 1000;
  uint64_t seed = 42;
};

// Writes one day file of `records` assignment records about patents numbered
// from 7,000,000 upwards (as WriteMaintFeeEvents numbers them); returns the
// number of patent properties written. IOError when the stream fails.
Result<uint64_t> WriteAssignmentFile(const AssignmentFileOptions& options, std::ostream& out);

}  // namespace patnav
