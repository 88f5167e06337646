// libFuzzer target for the USPTO maintenance fee reader: detection and the
// reader over arbitrary bytes. Crashes, hangs and broken event invariants (an
// event that LegalEventProblem refuses, a subject that is not US, a rejection
// without a line number or reason) are findings. Seeds: fuzz/corpus/maintfee/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/uspto_maintfee_reader.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&&) override { Check(false); }
  void OnReject(Rejection&& rej) override { Check(rej.doc_index >= 1 && !rej.reason.empty()); }
  void OnLegalEvent(LegalEvent&& e) override {
    Check(LegalEventProblem(e).empty());
    Check(e.subject.starts_with("US") && e.territory == "US");
    Check(e.sources.size() == 1 && e.sources[0].format == "uspto-maintfee");
    Check(IsValidUtf8(e.subject) && IsValidUtf8(e.application_number));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  (void)LooksLikeUsptoMaintFee(data);
  auto src = NewStringSource(data, "fuzz");
  CheckingSink sink;
  (void)NewUsptoMaintFeeReader()->Read(*src, sink);
  return 0;
}
