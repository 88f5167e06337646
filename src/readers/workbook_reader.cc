// Excel workbooks through the table mapping (workbook_reader.h).
#include "readers/workbook_reader.h"

#include <algorithm>

#include "readers/table_mapping.h"
#include "readers/table_rows.h"
#include "readers/xls_workbook.h"
#include "readers/xlsx_sheet.h"

namespace patnav {

namespace {

// `s` with `prefix` before its message (same code).
Status Prefixed(const Status& s, const std::string& prefix) {
  std::string msg = prefix + s.message();
  switch (s.code()) {
    case StatusCode::kNotFound: return Status::NotFound(std::move(msg));
    case StatusCode::kCorruption: return Status::Corruption(std::move(msg));
    case StatusCode::kUnsupported: return Status::Unsupported(std::move(msg));
    case StatusCode::kIOError: return Status::IOError(std::move(msg));
    case StatusCode::kResourceExhausted: return Status::ResourceExhausted(std::move(msg));
    case StatusCode::kInvalidArgument: return Status::InvalidArgument(std::move(msg));
    default: return Status::Internal(std::move(msg));
  }
}

class VectorRowSource : public TableRowSource {
 public:
  explicit VectorRowSource(std::vector<CsvRow>& rows) : rows_(rows) {}
  Result<bool> Next(CsvRow& row) override {
    if (next_ >= rows_.size()) return false;
    row = std::move(rows_[next_++]);
    return true;
  }

 private:
  std::vector<CsvRow>& rows_;
  size_t next_ = 0;
};

// Whether one of the sheet's first rows is a header the mapping fits.
bool SheetHasHeader(const std::vector<CsvRow>& rows, const TableMapping& mapping, bool from_file) {
  size_t n = std::min<size_t>(rows.size(), kHeaderSearchRows);
  for (size_t i = 0; i < n; ++i)
    if (rows[i].error.empty() && BindingFits(BindColumns(mapping, rows[i].fields), from_file)) return true;
  return false;
}

Result<std::vector<WorkbookSheetRows>> ReadXlsxSheets(std::string bytes, const WorkbookLimits& limits,
                                                      bool& date1904) {
  ASSIGN_OR_RETURN(std::unique_ptr<WorkbookPackage> pkg, WorkbookPackage::Open(std::move(bytes), limits));
  ASSIGN_OR_RETURN(std::vector<WorkbookSheetRef> refs, pkg->Sheets(date1904));
  std::vector<std::string> shared;
  if (pkg->Has("xl/sharedStrings.xml")) {
    ASSIGN_OR_RETURN(std::string xml, pkg->Read("xl/sharedStrings.xml"));
    ASSIGN_OR_RETURN(shared, ParseXlsxSharedStrings(xml));
  }
  std::vector<bool> date_styles;
  if (pkg->Has("xl/styles.xml")) {
    ASSIGN_OR_RETURN(std::string xml, pkg->Read("xl/styles.xml"));
    ASSIGN_OR_RETURN(date_styles, ParseXlsxDateStyles(xml));
  }
  XlsxSheetContext context{&shared, &date_styles, date1904};
  std::vector<WorkbookSheetRows> out;
  for (const WorkbookSheetRef& ref : refs) {
    auto in_sheet = [&](const Status& s) { return Prefixed(s, "sheet '" + ref.name + "': "); };
    Result<std::string> xml = pkg->Read(ref.part);
    if (!xml.ok()) return in_sheet(xml.status());
    Result<std::vector<CsvRow>> rows = ParseXlsxSheet(*xml, context);
    if (!rows.ok()) return in_sheet(rows.status());
    out.push_back({ref.name, std::move(*rows)});
  }
  return out;
}

class WorkbookReader : public Reader {
 public:
  WorkbookReader(ReaderOptions options, WorkbookLimits limits) : options_(std::move(options)), limits_(limits) {}

  std::string_view name() const override { return "workbook"; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    const std::string& label = in.label();
    auto fail = [&](const Status& s) { return Prefixed(s, label + ": "); };
    std::string bytes;
    char chunk[1 << 16];
    for (;;) {
      ASSIGN_OR_RETURN(size_t got, in.Read(chunk, sizeof chunk));
      if (got == 0) break;
      bytes.append(chunk, got);
      if (bytes.size() > limits_.max_input_bytes)
        return fail(Status::ResourceExhausted("workbook larger than " + std::to_string(limits_.max_input_bytes >> 20) +
                                              " MiB, not read"));
    }
    const bool from_file = !options_.mapping_file.empty();
    TableMapping mapping;
    if (from_file) {
      Result<TableMapping> loaded = LoadTableMapping(options_.mapping_file);
      if (!loaded.ok()) return fail(loaded.status());
      mapping = std::move(*loaded);
    } else {
      mapping = BuiltinTableMapping();
    }
    bool date1904 = false;
    Result<std::vector<WorkbookSheetRows>> sheets = Status::Unsupported("not an Excel workbook (neither zip nor OLE2)");
    if (LooksLikeZip(bytes)) {
      format_ = "xlsx-mapped";
      sheets = ReadXlsxSheets(std::move(bytes), limits_, date1904);
    } else if (LooksLikeOle2(bytes)) {
      format_ = "xls-mapped";
      sheets = ReadXlsSheets(bytes);
    }
    if (!sheets.ok()) return fail(sheets.status());
    size_t fitting = 0;
    for (const auto& sheet : *sheets) fitting += SheetHasHeader(sheet.rows, mapping, from_file);
    if (fitting == 0) return fail(NoHeader(*sheets, from_file));
    TableReadOptions topts{.mapping_from_file = from_file, .ragged_rows = true, .excel_serials = true,
                           .date1904 = date1904, .format = format_};
    for (auto& sheet : *sheets) {
      const std::string sheet_label = label + "!" + sheet.name;
      if (!SheetHasHeader(sheet.rows, mapping, from_file)) {
        sink.OnWarning({label, 0, "sheet '" + sheet.name + "' has no recognisable header row: skipped"});
        continue;
      }
      VectorRowSource rows(sheet.rows);
      RETURN_IF_ERROR(ReadTableRows(rows, mapping, topts, sheet_label, sink));
    }
    return Status::OK();
  }

 private:
  Status NoHeader(const std::vector<WorkbookSheetRows>& sheets, bool from_file) const {
    std::string names;
    for (const auto& s : sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
    if (names.empty()) return Status::NotFound("the workbook has no worksheet");
    std::string what = from_file ? "mapping file " + options_.mapping_file + " fits no header row"
                                 : "no recognisable header row";
    return Status::NotFound(what + " in the first " + std::to_string(kHeaderSearchRows) + " rows of sheet" +
                            (sheets.size() > 1 ? "s " : " ") + names +
                            (from_file ? "" : ": give --mapping FILE (see docs/formats/mapping.md)"));
  }

  ReaderOptions options_;
  WorkbookLimits limits_;
  std::string_view format_ = "xlsx-mapped";
};

}  // namespace

bool LooksLikeWorkbook(std::string_view head) { return LooksLikeZip(head) || LooksLikeOle2(head); }

std::unique_ptr<Reader> NewWorkbookReader(const ReaderOptions& options, WorkbookLimits limits) {
  return std::make_unique<WorkbookReader>(options, limits);
}

}  // namespace patnav
