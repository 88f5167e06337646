// WriteXlsxTables with libxlsxwriter (xlsx_tables.h).
#include "report/xlsx_tables.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "base/utf8.h"
#include "report/escape.h"
#include "report/xlsx_cells.h"

namespace patnav::report {

namespace {

constexpr size_t kMaxRows = 1048575;  // below the header

// Owns the workbook until Close; an error path leaves the file incomplete.
class TablesWorkbook {
 public:
  explicit TablesWorkbook(const std::filesystem::path& out) : wb_(workbook_new(out.string().c_str())) {
    if (!wb_) return;
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    format_set_bg_color(bold_, 0xDDEBF7);
    format_set_bottom(bold_, LXW_BORDER_THIN);
  }
  ~TablesWorkbook() {
    if (wb_) workbook_close(wb_);
  }
  TablesWorkbook(const TablesWorkbook&) = delete;
  TablesWorkbook& operator=(const TablesWorkbook&) = delete;

  bool ok() const { return wb_ != nullptr; }

  Status Add(const XlsxTable& t, std::set<std::string>& taken) {
    const std::string name = SheetName(t.sheet, taken);
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) return Status::Internal("cannot add sheet '" + name + "'");
    std::vector<size_t> width(t.header.size(), 8);
    for (size_t c = 0; c < t.header.size(); ++c) {
      const std::string text = CellText(t.header[c]);
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), text.c_str(), bold_);
      width[c] = std::max(width[c], CountCodePoints(text));
    }
    const size_t rows = std::min(t.rows.size(), kMaxRows - 1);
    for (size_t r = 0; r < rows; ++r) {
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        const nlohmann::ordered_json& v = t.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto col = static_cast<lxw_col_t>(c);
        std::string text;
        if (v.is_null()) continue;
        if (v.is_number()) {
          const double d = v.get<double>();
          if (std::isfinite(d)) worksheet_write_number(ws, row, col, d, nullptr);
          text = v.dump();
        } else if (v.is_boolean()) {
          worksheet_write_boolean(ws, row, col, v.get<bool>(), nullptr);
        } else {
          text = CellText(v.is_string() ? v.get<std::string>() : v.dump());
          if (!text.empty()) worksheet_write_string(ws, row, col, text.c_str(), nullptr);
        }
        if (r < 200 && c < width.size()) width[c] = std::max(width[c], CountCodePoints(text));
      }
    }
    if (rows < t.rows.size() || t.omitted_rows > 0) {
      const std::string note = "… " + std::to_string(t.rows.size() - rows + t.omitted_rows) + " more rows not shown";
      worksheet_write_string(ws, static_cast<lxw_row_t>(rows + 1), 0, note.c_str(), nullptr);
    }
    for (size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp(static_cast<double>(width[c]) * 1.2 + 2, 8.0, 60.0), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (rows > 0 && !t.header.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(t.header.size() - 1));
    return Status::OK();
  }

  Status Close(const std::filesystem::path& out) {
    const lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR) return Status::IOError("cannot write " + out.string() + ": " + lxw_strerror(err));
    return Status::OK();
  }

 private:
  lxw_workbook* wb_;
  lxw_format* bold_ = nullptr;
};

}  // namespace

Status WriteXlsxTables(const std::vector<XlsxTable>& tables, const std::filesystem::path& out) {
  if (tables.empty()) return Status::InvalidArgument("a workbook needs at least one table");
  TablesWorkbook wb(out);
  if (!wb.ok()) return Status::IOError("cannot create " + out.string());
  std::set<std::string> taken;
  for (const XlsxTable& t : tables) RETURN_IF_ERROR(wb.Add(t, taken));
  return wb.Close(out);
}

}  // namespace patnav::report
