// SpreadsheetML parts to text rows (xlsx_sheet.h).
#include "readers/xlsx_sheet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <pugixml.hpp>

#include "base/strings.h"
#include "readers/table_record_builder.h"
#include "readers/xml_names.h"
#include "readers/xml_prepare.h"

namespace patnav {

namespace {

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;
constexpr int64_t kMaxMergeFills = int64_t{4} << 20;

// A parsed part: the prepared text must outlive the document.
struct ParsedPart {
  std::string text;
  pugi::xml_document doc;
};

Status Parse(std::string_view xml, const char* what, ParsedPart& part) {
  Result<PreparedXml> prepared = PrepareXml(xml);
  if (!prepared.ok()) return Status::Corruption(std::string(what) + ": " + prepared.status().message());
  part.text = std::move(prepared->text);
  pugi::xml_parse_result parsed =
      part.doc.load_buffer_inplace(part.text.data(), part.text.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed)
    return Status::Corruption(std::string(what) + ": malformed XML: " + parsed.description() + " at byte " +
                              std::to_string(parsed.offset));
  return Status::OK();
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s.
std::string StringItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node child : item.children()) {
    std::string_view name = LocalName(child);
    if (name == "t") out += child.text().get();
    else if (name == "r") out += ChildByLocal(child, "t").text().get();
  }
  return out;
}

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// "A1" -> column 0, row 1. False when malformed or out of range.
bool ParseCellRef(std::string_view ref, int& col, int64_t& row) {
  size_t i = 0;
  int64_t c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) c = c * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || c > kXlsxMaxColumns) return false;
  int64_t r = 0;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8) { r = r * 10 + (ref[i++] - '0'); ++digits; }
  if (i != ref.size() || r < 1 || r > kXlsxMaxRows) return false;
  col = static_cast<int>(c - 1);
  row = r;
  return true;
}

// A cell reference's column only ("C" of "C7"), for cells written without
// a row part; -1 when malformed.
int ColumnOfRef(std::string_view ref) {
  int col;
  int64_t row;
  return ParseCellRef(ref, col, row) ? col : -1;
}

// "1.2345678901E+11" -> "123456789010" (an integer Excel wrote in exponent
// form); anything else unchanged.
std::string NumberText(std::string_view v) {
  if (v.find_first_of("eE") == std::string_view::npos) return std::string(v);
  std::string s(v);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(d) || std::fabs(d) >= 1e15 || d != std::floor(d)) return s;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

std::string CellValue(const pugi::xml_node& c, const XlsxSheetContext& ctx) {
  std::string_view type = c.attribute("t").value();
  pugi::xml_node v = ChildByLocal(c, "v");
  if (type == "inlineStr") return StringItemText(ChildByLocal(c, "is"));
  std::string_view value = Trim(v.text().get());
  if (type == "s") {
    if (!ctx.shared_strings || value.empty() || value.size() > 9 || !IsAsciiDigits(value)) return "";
    size_t index = std::strtoull(std::string(value).c_str(), nullptr, 10);
    return index < ctx.shared_strings->size() ? (*ctx.shared_strings)[index] : "";
  }
  if (type == "str") return v.text().get();
  if (type == "e") return "";
  if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : "";
  if (type == "d") return std::string(value.substr(0, 10));
  if (value.empty()) return "";
  pugi::xml_attribute style = c.attribute("s");
  if (style && ctx.date_styles) {
    unsigned s = style.as_uint(~0u);
    if (s < ctx.date_styles->size() && (*ctx.date_styles)[s]) {
      std::string iso = ExcelSerialToIsoDate(value, ctx.date1904);
      if (!iso.empty()) return iso;
    }
  }
  return NumberText(value);
}

struct MergeRange {
  int c1, c2;
  int64_t r1, r2;
};

bool ParseRange(std::string_view ref, MergeRange& m) {
  size_t colon = ref.find(':');
  if (colon == std::string_view::npos) return false;
  if (!ParseCellRef(ref.substr(0, colon), m.c1, m.r1) || !ParseCellRef(ref.substr(colon + 1), m.c2, m.r2)) return false;
  if (m.c2 < m.c1) std::swap(m.c1, m.c2);
  if (m.r2 < m.r1) std::swap(m.r1, m.r2);
  return true;
}

// Carries each merged range's top-left value into its empty cells.
void FillMerges(const pugi::xml_node& worksheet, std::vector<CsvRow>& rows) {
  pugi::xml_node merges = ChildByLocal(worksheet, "mergeCells");
  if (!merges || rows.empty()) return;
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.fields.size());
  auto row_at = [&](int64_t number) {
    return std::lower_bound(rows.begin(), rows.end(), number,
                            [](const CsvRow& r, int64_t n) { return r.line < n; });
  };
  int64_t budget = kMaxMergeFills;
  for (pugi::xml_node mc : ChildrenByLocal(merges, "mergeCell")) {
    MergeRange m;
    if (!ParseRange(mc.attribute("ref").value(), m)) continue;
    auto first = row_at(m.r1);
    if (first == rows.end() || first->line != m.r1 || static_cast<size_t>(m.c1) >= first->fields.size()) continue;
    const std::string value = first->fields[m.c1];
    if (value.empty()) continue;
    size_t last_col = std::min(static_cast<size_t>(m.c2), width - 1);
    for (auto it = first; it != rows.end() && it->line <= m.r2 && budget > 0; ++it) {
      if (it->fields.size() <= last_col) it->fields.resize(last_col + 1);
      for (size_t c = m.c1; c <= last_col && budget > 0; ++c, --budget)
        if (it->fields[c].empty()) it->fields[c] = value;
    }
  }
}

}  // namespace

Result<std::vector<std::string>> ParseXlsxSharedStrings(std::string_view xml) {
  ParsedPart part;
  RETURN_IF_ERROR(Parse(xml, "shared strings", part));
  std::vector<std::string> out;
  pugi::xml_node sst = part.doc.document_element();
  for (pugi::xml_node si : ChildrenByLocal(sst, "si")) out.push_back(StringItemText(si));
  return out;
}

bool IsDateFormatCode(std::string_view code) {
  std::string plain;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;  // the first section decides
    } else {
      plain.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return plain.find_first_of("yd") != std::string::npos;
}

Result<std::vector<bool>> ParseXlsxDateStyles(std::string_view xml) {
  ParsedPart part;
  RETURN_IF_ERROR(Parse(xml, "styles", part));
  pugi::xml_node root = part.doc.document_element();
  std::vector<std::pair<int, bool>> custom;
  for (pugi::xml_node f : ChildrenByLocal(ChildByLocal(root, "numFmts"), "numFmt"))
    custom.emplace_back(f.attribute("numFmtId").as_int(-1), IsDateFormatCode(f.attribute("formatCode").value()));
  std::vector<bool> out;
  for (pugi::xml_node xf : ChildrenByLocal(ChildByLocal(root, "cellXfs"), "xf")) {
    int id = xf.attribute("numFmtId").as_int(0);
    bool date = IsBuiltinDateFormat(id);
    for (const auto& [cid, is_date] : custom)
      if (cid == id) date = is_date;
    out.push_back(date);
  }
  return out;
}

Result<std::vector<CsvRow>> ParseXlsxSheet(std::string_view xml, const XlsxSheetContext& context) {
  ParsedPart part;
  RETURN_IF_ERROR(Parse(xml, "worksheet", part));
  pugi::xml_node worksheet = part.doc.document_element();
  std::vector<CsvRow> rows;
  int64_t last_row = 0;
  for (pugi::xml_node row : ChildrenByLocal(ChildByLocal(worksheet, "sheetData"), "row")) {
    int64_t number = last_row + 1;
    if (pugi::xml_attribute r = row.attribute("r")) {
      std::string_view text = r.value();
      if (text.empty() || text.size() > 7 || !IsAsciiDigits(text))
        return Status::Corruption("worksheet: bad row number \"" + std::string(text.substr(0, 16)) + "\"");
      number = std::strtoll(r.value(), nullptr, 10);
    }
    if (number <= last_row || number > kXlsxMaxRows)
      return Status::Corruption("worksheet: row " + std::to_string(number) + " out of order or range");
    last_row = number;
    CsvRow out;
    out.line = number;
    int next_col = 0;
    bool any = false;
    for (pugi::xml_node c : ChildrenByLocal(row, "c")) {
      int col = next_col;
      if (pugi::xml_attribute ref = c.attribute("r")) {
        col = ColumnOfRef(ref.value());
        if (col < 0) return Status::Corruption("worksheet: bad cell reference \"" +
                                               std::string(std::string_view(ref.value()).substr(0, 16)) + "\"");
      }
      if (col >= kXlsxMaxColumns) return Status::Corruption("worksheet: too many columns in row " + std::to_string(number));
      next_col = col + 1;
      std::string value = CellValue(c, context);
      if (value.empty()) continue;
      if (out.fields.size() <= static_cast<size_t>(col)) out.fields.resize(col + 1);
      out.fields[col] = std::move(value);
      any = true;
    }
    if (any) rows.push_back(std::move(out));
  }
  FillMerges(worksheet, rows);
  return rows;
}

}  // namespace patnav
