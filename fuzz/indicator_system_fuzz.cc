// libFuzzer target for indicator-system files
// (domain/evaluation/indicator_system.h): any bytes go through
// ParseIndicatorSystem. Findings: a crash, a hang, an error other than
// InvalidArgument, or an accepted system that breaks the invariants of
// indicator_system.h (parents before children, weights summing to 1).
// Seeds: fuzz/corpus/indicator_system/ (and data/indicators/*.json).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/evaluation/indicator_system.h"

namespace {

using namespace patnav::domain::evaluation;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckWeights(const IndicatorSystem& sys, int group) {
  double sum = 0;
  for (int c : sys.WeightedChildren(group)) sum += sys.nodes[c].weight;
  Check(std::fabs(sum - 1) <= 1e-6);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  patnav::Result<IndicatorSystem> sys = ParseIndicatorSystem(text, "fuzz.json");
  if (!sys.ok()) {
    Check(sys.status().code() == patnav::StatusCode::kInvalidArgument);
    return 0;
  }
  CheckWeights(*sys, -1);
  for (size_t i = 0; i < sys->nodes.size(); ++i) {
    const IndicatorNode& n = sys->nodes[i];
    Check(n.parent < static_cast<int>(i));
    if (n.kind == NodeKind::kGroup) CheckWeights(*sys, static_cast<int>(i));
    else Check(n.formula.has_value() && n.children.empty());
  }
  return 0;
}
