// libFuzzer target for the USPTO patent assignment reader: detection and the
// streaming reader over arbitrary bytes. Crashes, hangs and broken event
// invariants (an event that LegalEventProblem refuses, one without a
// reel/frame, parties or the uspto-assignment source; a rejection without a
// reason) are findings. Seeds: fuzz/corpus/assignment/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/uspto_assignment_reader.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&&) override { Check(false); }
  void OnReject(Rejection&& rej) override { Check(rej.doc_index >= 0 && !rej.reason.empty()); }
  void OnLegalEvent(LegalEvent&& e) override {
    Check(LegalEventProblem(e).empty());
    Check(e.territory == "US" && e.inpadoc_office == "US" && e.inpadoc_code == "AS");
    Check(e.reference.size() >= 11 && e.reference.find('/') != std::string::npos);
    Check(e.parties.size() >= 2 && !e.conveyance.empty());
    Check(e.sources.size() == 1 && e.sources[0].format == kUsptoAssignmentFormat);
    Check(IsValidUtf8(e.subject) && IsValidUtf8(e.application_number));
    for (const LegalEventParty& p : e.parties) Check(IsValidUtf8(p.name) && IsValidUtf8(p.address));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  (void)LooksLikeUsptoAssignments(data);
  auto src = NewStringSource(data, "fuzz");
  CheckingSink sink;
  (void)NewUsptoAssignmentReader()->Read(*src, sink);
  return 0;
}
