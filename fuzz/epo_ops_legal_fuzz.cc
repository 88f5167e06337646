// libFuzzer target for the EPO OPS legal-status reader: detection and the
// reader over arbitrary bytes. Crashes, hangs and broken invariants (an event
// that LegalEventProblem refuses or without its epo-ops source, a record that
// is not a well-formed EP/xx publication, a rejection or warning without a
// reason) are findings. Seeds: fuzz/corpus/epo_ops/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/epo_ops_legal_reader.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override {
    Check(r.country.size() == 2 && !r.doc_number.empty() && !r.kind.empty());
    Check(r.publication_number == r.country + r.doc_number + r.kind);
    Check(IsValidUtf8(r.publication_number) && IsValidUtf8(r.application_number));
  }
  void OnReject(Rejection&& rej) override { Check(rej.doc_index >= 0 && !rej.reason.empty()); }
  void OnWarning(Rejection&& w) override { Check(!w.reason.empty()); }
  void OnLegalEvent(LegalEvent&& e) override {
    Check(LegalEventProblem(e).empty());
    Check(e.territory.size() == 2 && !e.inpadoc_code.empty());
    Check(e.sources.size() == 1 && e.sources[0].format == kEpoOpsFormat);
    Check(IsValidUtf8(e.subject) && IsValidUtf8(e.sources[0].text));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  (void)LooksLikeEpoOpsLegal(data);
  auto src = NewStringSource(data, "fuzz");
  CheckingSink sink;
  (void)NewEpoOpsLegalReader()->Read(*src, sink);
  return 0;
}
