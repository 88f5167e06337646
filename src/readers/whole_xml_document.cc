// Reading a one-document XML input whole (whole_xml_document.h).
#include "readers/whole_xml_document.h"

#include "readers/xml_document.h"
#include "readers/xml_prepare.h"
#include "readers/xml_reader.h"

namespace patnav {

Result<bool> ReadWholeXml(ByteSource& in, RecordSink& sink, const char* what, std::string& buffer,
                          pugi::xml_document& xml) {
  std::string raw;
  char chunk[1 << 16];
  for (;;) {
    ASSIGN_OR_RETURN(size_t got, in.Read(chunk, sizeof chunk));
    if (got == 0) break;
    raw.append(chunk, got);
    if (raw.size() > kMaxXmlDocumentBytes) {
      sink.OnReject({in.label(), 0, std::string(what) + ": larger than " +
                                        std::to_string(kMaxXmlDocumentBytes >> 20) + " MiB, not read"});
      return false;
    }
  }
  Result<PreparedXml> prepared = PrepareXml(raw);
  if (!prepared.ok()) {
    sink.OnReject({in.label(), 0, std::string(what) + ": " + prepared.status().message() + ": not read"});
    return false;
  }
  buffer = std::move(prepared->text);
  pugi::xml_parse_result parsed =
      xml.load_buffer_inplace(buffer.data(), buffer.size(), kPatentXmlParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    sink.OnReject({in.label(), 0, std::string(what) + ": malformed XML: " + parsed.description() + " at byte " +
                                      std::to_string(parsed.offset)});
    return false;
  }
  return true;
}

}  // namespace patnav
