// libFuzzer target for RecordFromJsonText (the simdjson decoder of stored and
// canonical JSONL records): over arbitrary bytes it must agree with
// RecordFromJson on nlohmann's DOM, accepting and refusing the same inputs
// and giving the same record. Any difference is a finding. Seeds:
// fuzz/corpus/record_json/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model/record_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace patnav;
  const std::string text(reinterpret_cast<const char*>(bytes), size);
  Result<PatentRecord> fast = RecordFromJsonText(text);
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  Result<PatentRecord> slow = j.is_discarded() ? Result<PatentRecord>(Status::Corruption("not valid JSON"))
                                               : RecordFromJson(j);
  if (fast.ok() != slow.ok()) std::abort();
  if (fast.ok() && RecordToJsonLine(*fast) != RecordToJsonLine(*slow)) std::abort();
  return 0;
}
