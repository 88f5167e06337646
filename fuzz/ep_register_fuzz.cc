// libFuzzer target for the EP Register reader: detection and the reader over
// arbitrary bytes. Crashes, hangs and broken invariants (an event that
// LegalEventProblem refuses, one not of an EP subject or without its
// ep-register source, a record that is not an EP publication, a rejection or
// warning without a reason) are findings. Seeds: fuzz/corpus/ep_register/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/ep_register_reader.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override {
    Check(r.country == "EP" && !r.doc_number.empty() && !r.kind.empty());
    Check(r.publication_number == r.country + r.doc_number + r.kind);
    for (const Party& p : r.applicants) Check(IsValidUtf8(p.name));
  }
  void OnReject(Rejection&& rej) override { Check(rej.doc_index >= 0 && !rej.reason.empty()); }
  void OnWarning(Rejection&& w) override { Check(!w.reason.empty()); }
  void OnLegalEvent(LegalEvent&& e) override {
    Check(LegalEventProblem(e).empty());
    Check(e.subject.starts_with("EP") && e.territory.size() == 2);
    Check(e.sources.size() == 1 && e.sources[0].format == kEpRegisterFormat && !e.sources[0].code.empty());
    Check(IsValidUtf8(e.sources[0].text));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  (void)LooksLikeEpRegister(data);
  auto src = NewStringSource(data, "fuzz");
  CheckingSink sink;
  (void)NewEpRegisterReader()->Read(*src, sink);
  return 0;
}
