// libFuzzer target for an uploaded observations file of a stored round
// (app/observation_file.h): any bytes as CSV, JSON or an .xlsx workbook
// (the workbook path rewrites the first worksheet with a header as CSV).
// Findings: a crash, a hang, an error other than InvalidArgument, or an
// accepted file with an observation lacking a subject, measure or period or
// holding a non-finite value. Seeds: fuzz/corpus/observations/.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/observation_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  patnav::Result<patnav::domain::evaluation::RoundInput> r = patnav::app::ParseObservationFile(bytes, "fuzz");
  if (!r.ok()) {
    if (r.status().code() != patnav::StatusCode::kInvalidArgument) std::abort();
    return 0;
  }
  for (const auto& o : r->observations)
    if (o.subject.empty() || o.measure.empty() || o.period.empty() || !std::isfinite(o.value)) std::abort();
  return 0;
}
