// Which measure codes of an indicator system patnav fills itself when a
// round computes (app ComputeObservations): the patent measures
// (round_measures.h), the alliance measures (alliance_measures.h), the
// credibility gate's active_dishonesty_records, and the names the shipped
// templates (data/indicators/) use for them:
//   hv_invention_patents, hv  ->  high_value_invention_patents
//   licences_transfers        ->  recorded_licences + recorded_transfers
//   serious_violations        ->  active_dishonesty_records
// A declared code stands for the sum of its parts.
// Thread-safety: pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patnav::domain {

inline constexpr const char* kActiveDishonestyRecords = "active_dishonesty_records";

// The computed measures `code` stands for; empty when patnav does not compute it.
std::vector<std::string> ComputedMeasureParts(std::string_view code);

}  // namespace patnav::domain
