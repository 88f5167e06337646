// libFuzzer target for the indicator formula language
// (domain/evaluation/formula.h): any bytes go through Formula::Parse; an
// accepted formula is evaluated with every measure bound (to a value derived
// from its name, zero for some so divisions by zero happen) and with none.
// Findings: a crash, a hang, deep recursion, an error other than
// InvalidArgument, a non-finite value returned as success, or an accepted
// formula whose own text does not parse to the same measures. Seeds:
// fuzz/corpus/formula/.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/evaluation/formula.h"

namespace {

using patnav::Result;
using patnav::StatusCode;
using patnav::domain::evaluation::Formula;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckOutcome(const Result<double>& r) {
  if (r.ok()) Check(std::isfinite(*r));
  else Check(r.status().code() == StatusCode::kInvalidArgument);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<Formula> f = Formula::Parse(text);
  if (!f.ok()) {
    Check(f.status().code() == StatusCode::kInvalidArgument);
    return 0;
  }
  Result<Formula> again = Formula::Parse(f->text());
  Check(again.ok() && again->measures() == f->measures());
  CheckOutcome(f->Evaluate([](const std::string& m) -> std::optional<double> {
    return m.size() % 3 == 0 ? 0.0 : static_cast<double>(m.size()) * 1.5;
  }));
  Result<double> none = f->Evaluate([](const std::string&) -> std::optional<double> { return std::nullopt; });
  if (!f->measures().empty()) Check(!none.ok());
  CheckOutcome(none);
  return 0;
}
