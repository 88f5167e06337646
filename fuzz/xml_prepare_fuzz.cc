// libFuzzer target for the XML safety and repair pass: PrepareXml must never
// crash, hang or blow up memory, and whatever it accepts must be free of
// DOCTYPEs and safe to hand to pugixml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <pugixml.hpp>

#include "readers/xml_prepare.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  patnav::Result<patnav::PreparedXml> prepared = patnav::PrepareXml(raw);
  if (!prepared.ok()) return 0;
  const std::string& text = prepared->text;
  // Output is bounded: an input byte becomes at most 5 bytes ("&" -> "&amp;";
  // 3 after Latin-1 transcoding), and internal entity expansion adds at most
  // the (transcoded) input size plus 64 KiB.
  if (text.size() > 8 * size + 64 * 1024 + 16) std::abort();
  if (prepared->repairs < 0 || prepared->unknown_entities > prepared->repairs) std::abort();
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_doctype);
  if (parsed) {
    for (const pugi::xml_node node : doc.children()) {
      if (node.type() == pugi::node_doctype) std::abort();
    }
  }
  return 0;
}
