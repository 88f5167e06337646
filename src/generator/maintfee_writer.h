// Synthetic USPTO maintenance fee event files (MaintFeeEvents_*.txt layout,
// readers/uspto_maintfee_reader.h) for tests and benchmarks: for each patent,
// its fee history as the USPTO records it (fees paid on time or late with a
// surcharge, expiry for non-payment, now and then a reinstatement), sorted by
// patent number like the real cumulative file. Deterministic: the same
// options give the same bytes.
#pragma once

#include <cstdint>
#include <ostream>

#include "base/status.h"

namespace patnav {

struct MaintFeeOptions {
  uint64_t patents = 1000;
  uint64_t seed = 42;
  bool old_layout = false;  // the pre-2014 layout: 7-character patent numbers, 51-character lines
};

// Writes the events of `patents` patents, numbered from 7,000,000 upwards;
// returns the number of lines written. IOError when the stream fails.
Result<uint64_t> WriteMaintFeeEvents(const MaintFeeOptions& options, std::ostream& out);

}  // namespace patnav
