// Fuzzes the API's request parsers: the closed-schema JSON body check, the
// multipart/form-data splitter and the router's path matching. None may
// crash, hang or accept a body that breaks its own contract.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/json_body.h"
#include "server/multipart.h"
#include "server/router.h"

using namespace patnav::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  static const FieldSpec kFields[] = {
      {"q", FieldType::kString, true, ""},
      {"limit", FieldType::kInteger, false, ""},
      {"tags", FieldType::kStringArray, false, ""},
      {"opts", FieldType::kObject, false, ""},
  };
  BodyError error;
  nlohmann::json body = ParseBody(in, kFields, &error, 256);
  if (error.status.ok()) {
    // Accepted: an object with a string q and only the named fields.
    if (!body.is_object() || !body["q"].is_string()) std::abort();
    for (auto it = body.begin(); it != body.end(); ++it)
      if (it.key() != "q" && it.key() != "limit" && it.key() != "tags" && it.key() != "opts") std::abort();
  }
  auto parts = ParseMultipart(in, "XyZ");
  if (parts.ok())
    for (const FormPart& p : *parts)
      if (p.data.data() < in.data() || p.data.data() + p.data.size() > in.data() + in.size()) std::abort();
  (void)MultipartBoundary(in);
  std::string segment;
  if (DecodePathSegment(in, &segment) && segment.find('\0') != std::string::npos) std::abort();
  return 0;
}
