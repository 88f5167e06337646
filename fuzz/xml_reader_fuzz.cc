// libFuzzer target: arbitrary bytes through the whole XML reader (document
// splitting, the safety/repair pass, pugixml and every format's parser).
// Contract under test: no crash, no hang, no unbounded memory; every input
// ends as records or rejections.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers/byte_source.h"
#include "readers/xml_reader.h"

namespace {
class CountingSink : public patnav::RecordSink {
 public:
  void OnRecord(patnav::PatentRecord&& r) override { n += r.publication_number.size(); }
  void OnReject(patnav::Rejection&& r) override { n += r.reason.size(); }
  size_t n = 0;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto src = patnav::NewStringSource(bytes, "fuzz");
  CountingSink sink;
  (void)patnav::NewXmlPatentReader()->Read(*src, sink);
  return 0;
}
