// Splitting XML streams into documents and dispatching them by root element.
#include "readers/xml_reader.h"

#include <cstring>
#include <string>

#include <pugixml.hpp>

#include "base/strings.h"
#include "readers/xml_document.h"
#include "readers/xml_prepare.h"

namespace patnav {

namespace {

constexpr std::string_view kXmlDecl = "<?xml";

struct RootParser {
  const char* root;
  Result<PatentRecord> (*parse)(const pugi::xml_node&);
};

constexpr RootParser kParsers[] = {
    {"us-patent-grant", &ParseUsptoGrantV4},
    {"us-patent-application", &ParseUsptoApplicationV4},
    {"PATDOC", &ParseUsptoGrantSgml},
    {"patent-application-publication", &ParseUsptoApplicationPap},
    {"ep-patent-document", &ParseEpoDocument},
};

std::string_view SkipBomAndSpace(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t')) s.remove_prefix(1);
  return s;
}

class XmlPatentReader : public Reader {
 public:
  std::string_view name() const override { return "xml"; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    // buf_ holds the unconsumed tail: at most one document plus one chunk.
    std::string buf;
    int64_t index = 0;
    constexpr size_t kChunk = 1 << 20;
    bool eof = false;
    bool oversized = false;  // skipping the rest of a too-large document
    while (!eof) {
      size_t old = buf.size();
      buf.resize(old + kChunk);
      ASSIGN_OR_RETURN(size_t got, in.Read(buf.data() + old, kChunk));
      buf.resize(old + got);
      eof = got == 0;
      // Emit every complete document: one that is followed by another "<?xml".
      size_t start = 0;
      for (;;) {
        size_t search_from = start + 1;
        size_t next = buf.find(kXmlDecl, search_from);
        if (next == std::string::npos) break;
        Emit(std::string_view(buf).substr(start, next - start), in.label(), index++, oversized, sink);
        oversized = false;
        start = next;
      }
      buf.erase(0, start);
      if (!eof && buf.size() > kMaxXmlDocumentBytes) {
        if (!oversized) {
          sink.OnReject({in.label(), index, "document larger than " + std::to_string(kMaxXmlDocumentBytes >> 20) +
                                                " MiB: not read"});
          oversized = true;
        }
        // Keep only a tail long enough to find the next declaration.
        buf.erase(0, buf.size() - (kXmlDecl.size() - 1));
      }
    }
    if (!Trim(buf).empty()) Emit(buf, in.label(), index++, oversized, sink);
    return Status::OK();
  }

 private:
  static void Emit(std::string_view doc, const std::string& file, int64_t index, bool oversized, RecordSink& sink) {
    if (oversized) return;  // already rejected
    if (Trim(doc).empty()) return;
    if (doc.size() > kMaxXmlDocumentBytes) {
      sink.OnReject({file, index, "document larger than " + std::to_string(kMaxXmlDocumentBytes >> 20) + " MiB: not read"});
      return;
    }
    Result<PatentRecord> r = ParseXmlPatentDocument(doc, file, index);
    if (r.ok()) sink.OnRecord(std::move(r).value());
    else sink.OnReject({file, index, r.status().message()});
  }
};

}  // namespace

bool LooksLikeXml(std::string_view head) {
  head = SkipBomAndSpace(head);
  return StartsWith(head, "<?xml") || StartsWith(head, "<!DOCTYPE") || StartsWith(head, "<!--") ||
         (head.size() > 1 && head[0] == '<' && (std::isalpha(static_cast<unsigned char>(head[1])) != 0));
}

std::unique_ptr<Reader> NewXmlPatentReader() { return std::make_unique<XmlPatentReader>(); }

Result<PatentRecord> ParseXmlPatentDocument(std::string_view doc, std::string_view file, int64_t doc_index) {
  ASSIGN_OR_RETURN(PreparedXml prepared, PrepareXml(doc));
  pugi::xml_document xml;
  pugi::xml_parse_result parsed =
      xml.load_buffer_inplace(prepared.text.data(), prepared.text.size(), kPatentXmlParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    // Offsets are into the prepared text, which differs from the input only by
    // the removed DOCTYPE and entity replacements: report the line as well.
    size_t off = static_cast<size_t>(parsed.offset);
    size_t line = 1;
    for (size_t i = 0; i < off && i < prepared.text.size(); ++i) line += prepared.text[i] == '\n';
    return Status::Corruption(std::string("malformed XML: ") + parsed.description() + " (line " +
                              std::to_string(line) + " of the document)");
  }
  pugi::xml_node root = xml.document_element();
  if (!root) return Status::Corruption("XML document has no root element");
  for (const RootParser& p : kParsers) {
    if (std::strcmp(root.name(), p.root) == 0) {
      Result<PatentRecord> r = p.parse(root);
      if (!r.ok()) return r.status();
      PatentRecord rec = std::move(r).value();
      rec.source.file = std::string(file);
      rec.source.doc_index = doc_index;
      FinishRecord(rec);
      return rec;
    }
  }
  return Status::Unsupported(std::string("unknown XML document type <") + root.name() +
                             ">: not a USPTO or EPO patent document");
}

}  // namespace patnav
