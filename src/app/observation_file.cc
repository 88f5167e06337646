// Observations from CSV, JSON or XLSX bytes (observation_file.h).
#include "app/observation_file.h"

#include <algorithm>

#include "base/strings.h"
#include "readers/workbook_package.h"
#include "readers/xlsx_sheet.h"

namespace patnav::app {

namespace ev = domain::evaluation;

namespace {

constexpr const char* kColumns[] = {"subject", "measure", "period", "value"};

std::string CsvField(const std::string& f) {
  if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
  std::string out = "\"";
  for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields, size_t width) {
  std::string line;
  for (size_t i = 0; i < width; ++i) {
    if (i > 0) line += ',';
    line += CsvField(i < fields.size() ? std::string(Trim(fields[i])) : std::string());
  }
  return line + "\n";
}

bool IsHeader(const CsvRow& row) {
  for (const char* need : kColumns)
    if (std::none_of(row.fields.begin(), row.fields.end(), [&](const std::string& f) { return Trim(f) == need; }))
      return false;
  return true;
}

// The rows of one sheet from its header on as CSV text whose line N is the
// sheet's row (header row + N - 1); empty when the sheet has no header.
std::string SheetAsCsv(const std::vector<CsvRow>& rows, int64_t& header_row) {
  for (size_t h = 0; h < rows.size() && h < 10; ++h) {
    if (!IsHeader(rows[h])) continue;
    size_t width = rows[h].fields.size();
    while (width > 0 && Trim(rows[h].fields[width - 1]).empty()) --width;
    header_row = rows[h].line;
    std::string text = CsvLine(rows[h].fields, width);
    int64_t line = header_row;
    for (size_t i = h + 1; i < rows.size(); ++i) {
      for (++line; line < rows[i].line; ++line) text += "\n";
      text += CsvLine(rows[i].fields, width);
    }
    return text;
  }
  return "";
}

Result<ev::RoundInput> ParseWorkbook(std::string bytes, const std::string& name) {
  auto bad = [&](const Status& st) { return Status::InvalidArgument(name + ": " + st.message()); };
  Result<std::unique_ptr<WorkbookPackage>> pkg = WorkbookPackage::Open(std::move(bytes), WorkbookLimits{});
  if (!pkg.ok()) return bad(pkg.status());
  bool date1904 = false;
  Result<std::vector<WorkbookSheetRef>> sheets = (*pkg)->Sheets(date1904);
  if (!sheets.ok()) return bad(sheets.status());
  std::vector<std::string> shared;
  if ((*pkg)->Has("xl/sharedStrings.xml")) {
    Result<std::string> xml = (*pkg)->Read("xl/sharedStrings.xml");
    if (!xml.ok()) return bad(xml.status());
    Result<std::vector<std::string>> parsed = ParseXlsxSharedStrings(*xml);
    if (!parsed.ok()) return bad(parsed.status());
    shared = std::move(*parsed);
  }
  XlsxSheetContext context;
  context.shared_strings = &shared;
  context.date1904 = date1904;
  for (const WorkbookSheetRef& sheet : *sheets) {
    Result<std::string> xml = (*pkg)->Read(sheet.part);
    if (!xml.ok()) return bad(xml.status());
    Result<std::vector<CsvRow>> rows = ParseXlsxSheet(*xml, context);
    if (!rows.ok()) return Status::InvalidArgument(name + "!" + sheet.name + ": " + rows.status().message());
    int64_t header_row = 0;
    std::string csv = SheetAsCsv(*rows, header_row);
    if (csv.empty()) continue;
    return ev::ParseObservationsCsv(csv, name + "!" + sheet.name + " (line 1 is row " + std::to_string(header_row) + ")");
  }
  return Status::InvalidArgument(name + ": no worksheet has a header row naming subject, measure, period and value");
}

}  // namespace

Result<ev::RoundInput> ParseObservationFile(std::string bytes, std::string_view name) {
  const std::string n = name.empty() ? std::string("upload") : std::string(name);
  if (LooksLikeOle2(bytes))
    return Status::InvalidArgument(n + ": a legacy .xls or an encrypted workbook; save it as .xlsx or CSV");
  if (LooksLikeZip(bytes)) return ParseWorkbook(std::move(bytes), n);
  std::string_view head = Trim(bytes);
  if (!head.empty() && head[0] == '{') return ev::ParseObservationsJson(bytes, n);
  return ev::ParseObservationsCsv(bytes, n);
}

}  // namespace patnav::app
