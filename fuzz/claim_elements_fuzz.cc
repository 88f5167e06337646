// libFuzzer target for the claim element splitter and the product sentence
// cut of the risk screening (domain/claim_elements.h, risk_evidence.h): any
// bytes are a claim and a product description. Findings: a crash, a hang, an
// empty or invalid-UTF-8 element, a sentence whose offsets do not give back
// its text, an evidence share outside 0..100 or a verdict that contradicts
// its own tally. Seeds: fuzz/corpus/claim_elements/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "domain/claim_elements.h"
#include "domain/risk_evidence.h"
#include "domain/risk_screening.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace patnav::domain;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<ClaimElement> elements = SplitClaimElements(text);
  for (const ClaimElement& e : elements) Check(!e.text.empty() && patnav::IsValidUtf8(e.text));

  ProductEvidence product(text);
  for (const ProductSentence& s : product.sentences()) {
    Check(s.start < s.end && s.end <= text.size());
    Check(text.substr(s.start, s.end - s.start) == s.text);
  }
  for (const ClaimElement& e : elements) {
    ElementEvidence ev = product.Evidence(e.text);
    Check(ev.percent >= 0 && ev.percent <= 100 && ev.keys >= 0);
    Check(!ev.evidenced || !ev.sentences.empty());
    for (const SentenceEvidence& se : ev.sentences)
      Check(se.sentence >= 0 && static_cast<size_t>(se.sentence) < product.sentences().size());
  }
  patnav::PatentRecord record;
  record.claims.push_back({1, std::string(text), true, {}});
  ClaimScreening screening = ScreenClaims(record, product);
  Check(screening.claims.size() == 1);
  const ScreenedClaim& c = screening.claims[0];
  Check(c.evidenced <= c.checked);
  Check((screening.verdict.tier == RiskTier::kHigh) == (c.checked > 0 && c.evidenced == c.checked));
  return 0;
}
