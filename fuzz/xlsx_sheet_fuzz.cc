// libFuzzer target for the Excel workbook parsers: the bytes as a worksheet
// part, as shared strings and as styles (xlsx_sheet.h), and, when they start
// like a zip or OLE2 file, as a whole workbook through the workbook reader
// under small limits. Crashes, hangs and broken invariants (rows out of
// order, a row number or column out of range, text that is not UTF-8, a
// record whose publication number is not country + number + kind) are
// findings. Seeds: fuzz/corpus/xlsx/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "readers/workbook_reader.h"
#include "readers/xlsx_sheet.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

class CheckingSink : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override {
    Check(r.publication_number == r.country + r.doc_number + r.kind);
    for (const auto& [lang, text] : r.title) Check(IsValidUtf8(text));
    for (const auto& p : r.applicants) Check(IsValidUtf8(p.name));
  }
  void OnReject(Rejection&& rej) override { Check(!rej.reason.empty()); }
  void OnWarning(Rejection&& w) override { Check(!w.reason.empty()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  static const std::vector<std::string> shared = {"公开号", "名称", "申请人", "CN1234567A"};
  static const std::vector<bool> styles = {false, true, false};
  XlsxSheetContext ctx{&shared, &styles, size % 2 == 1};
  Result<std::vector<CsvRow>> rows = ParseXlsxSheet(data, ctx);
  if (rows.ok()) {
    int64_t last = 0;
    for (const auto& row : *rows) {
      Check(row.line > last && row.line <= kXlsxMaxRows);
      last = row.line;
      Check(row.fields.size() <= static_cast<size_t>(kXlsxMaxColumns));
      for (const auto& f : row.fields) Check(IsValidUtf8(f));
    }
  }
  Result<std::vector<std::string>> strings = ParseXlsxSharedStrings(data);
  if (strings.ok())
    for (const auto& s : *strings) Check(IsValidUtf8(s));
  (void)ParseXlsxDateStyles(data);
  if (LooksLikeWorkbook(data)) {
    WorkbookLimits limits;
    limits.max_part_bytes = 8 << 20;
    limits.max_total_bytes = 16 << 20;
    auto src = NewStringSource(data, "fuzz.xlsx");
    CheckingSink sink;
    (void)NewWorkbookReader(ReaderOptions{}, limits)->Read(*src, sink);
  }
  return 0;
}
