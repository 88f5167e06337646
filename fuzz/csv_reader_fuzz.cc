// libFuzzer target for the tabular readers: the bytes go through the CSV
// parser, the Google Patents, PatentsView and canonical JSONL readers, and
// the mapped-table reader chosen from their head. Crashes, hangs and broken
// record invariants (publication_number != country + doc_number + kind,
// strings that are not UTF-8) are findings. Seeds: fuzz/corpus/csv/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/canonical_jsonl_reader.h"
#include "readers/csv_parser.h"
#include "readers/google_patents_csv_reader.h"
#include "readers/mapped_table_reader.h"
#include "readers/patentsview_csv_reader.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override {
    Check(r.publication_number == r.country + r.doc_number + r.kind);
    Check(!r.publication_number.empty());
    for (const auto& [lang, text] : r.title) Check(IsValidUtf8(lang) && IsValidUtf8(text));
    for (const auto& [lang, text] : r.abstract_text) Check(IsValidUtf8(lang) && IsValidUtf8(text));
    for (const auto* parties : {&r.applicants, &r.assignees, &r.inventors})
      for (const auto& p : *parties) Check(IsValidUtf8(p.name) && IsValidUtf8(p.normalized) && IsValidUtf8(p.city));
    for (const auto& c : r.claims) Check(IsValidUtf8(c.text));
    Check(IsValidUtf8(r.application_number));
  }
  void OnReject(Rejection&& rej) override { Check(rej.doc_index >= 0 && !rej.reason.empty()); }
  // Legal-status columns (table_legal_status.h): well-formed events only.
  void OnLegalEvent(LegalEvent&& e) override {
    Check(LegalEventProblem(e).empty() && e.sources.size() == 1 && IsValidUtf8(e.sources[0].text));
  }
  void OnWarning(Rejection&& w) override { Check(!w.reason.empty()); }
};

void Run(Reader& reader, std::string_view data) {
  auto src = NewStringSource(data, "fuzz");
  CheckingSink sink;
  (void)reader.Read(*src, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  {
    auto src = NewStringSource(data, "fuzz");
    CsvParser parser(*src, CsvOptions{.delimiter = 0, .max_field_bytes = 4096, .max_row_bytes = 16384});
    CsvRow row;
    int64_t last_line = 0;
    for (;;) {
      Result<bool> more = parser.Next(row);
      if (!more.ok() || !*more) break;
      Check(row.line > last_line);  // rows come in order, each from a later line
      last_line = row.line;
      if (row.error.empty())
        for (const auto& f : row.fields) Check(IsValidUtf8(f));
    }
  }
  std::string_view head = data.substr(0, 65536);
  if (LooksLikeGooglePatentsCsv(head)) Run(*NewGooglePatentsCsvReader(), data);
  else Run(*NewGooglePatentsCsvReader(), "id,title,assignee,inventor/author,priority date\n" + std::string(data));
  if (LooksLikePatentsView(head)) Run(*NewPatentsViewReader(), data);
  if (LooksLikeCanonicalJsonl(head)) Run(*NewCanonicalJsonlReader(), data);
  Result<std::unique_ptr<Reader>> mapped = NewMappedTableReader(head, ReaderOptions{});
  if (mapped.ok()) Run(**mapped, data);
  return 0;
}
