// The measure codes patnav computes and their template names (computed_measures.h).
#include "domain/computed_measures.h"

#include "domain/alliance_measures.h"
#include "domain/round_measures.h"

namespace patnav::domain {

std::vector<std::string> ComputedMeasureParts(std::string_view code) {
  if (code == "hv_invention_patents" || code == "hv") return {kHighValueInventionPatents};
  if (code == "licences_transfers") return {kRecordedLicences, kRecordedTransfers};
  if (code == "serious_violations" || code == kActiveDishonestyRecords) return {kActiveDishonestyRecords};
  for (const std::vector<std::string>* set : {&PatentMeasures(), &AllianceMeasures()})
    for (const std::string& m : *set)
      if (m == code) return {m};
  return {};
}

}  // namespace patnav::domain
