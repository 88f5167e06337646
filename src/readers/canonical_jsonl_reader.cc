// Canonical JSONL reader: one RecordFromJsonText per line.
#include "readers/canonical_jsonl_reader.h"

#include "base/strings.h"
#include "base/utf8.h"
#include "model/publication_number.h"
#include "model/record_json.h"
#include "readers/line_reader.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "canonical-jsonl";

class CanonicalJsonlReader : public Reader {
 public:
  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    LineReader lines(in);
    TextLine line;
    for (;;) {
      ASSIGN_OR_RETURN(bool more, lines.Next(line));
      if (!more) return Status::OK();
      auto reject = [&](std::string reason) { sink.OnReject({in.label(), line.number, std::move(reason)}); };
      if (line.too_long) { reject("line too long"); continue; }
      if (!IsValidUtf8(line.text)) { reject("invalid UTF-8"); continue; }
      Result<PatentRecord> parsed = RecordFromJsonText(line.text);
      if (!parsed.ok()) { reject(parsed.status().message()); continue; }
      PatentRecord& r = *parsed;
      if (r.country.empty() || r.doc_number.empty()) {
        Result<PublicationKey> key = ParsePublicationNumber(r.publication_number);
        if (!key.ok()) { reject(key.status().message()); continue; }
        r.country = key->country;
        r.doc_number = key->doc_number;
        if (r.kind.empty()) r.kind = key->kind;
      }
      r.source.format = std::string(kFormat);
      r.source.file = in.label();
      r.source.doc_index = line.number;
      FinishRecord(r);
      sink.OnRecord(std::move(r));
    }
  }
};

}  // namespace

std::unique_ptr<Reader> NewCanonicalJsonlReader() { return std::make_unique<CanonicalJsonlReader>(); }

bool LooksLikeCanonicalJsonl(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return false;
  head.remove_prefix(start);
  std::string_view line = head.substr(0, head.find('\n'));
  Json j = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) {
    auto it = j.is_object() ? j.find("publication_number") : j.end();
    return j.is_object() && it != j.end() && it->is_string();
  }
  if (line.size() < head.size()) return false;  // a whole line, and not JSON
  std::string compact;
  for (char c : line.substr(0, 64)) if (c != ' ' && c != '\t') compact.push_back(c);
  return StartsWith(compact, "{\"publication_number\":\"");
}

}  // namespace patnav
