// WriteXlsx: the landscape workbook, written with libxlsxwriter. The analysis
// sheets come from the same tabular views as the HTML data tables
// (analysis_table.h); the summary sheet lists the meta data, every analysis
// with its sheet and reading, and the analyses' scalar parameters.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <set>

#include "base/strings.h"
#include "base/utf8.h"
#include "report/analysis_table.h"
#include "report/xlsx_cells.h"
#include "report/escape.h"
#include "report/labels.h"
#include "report/reading.h"
#include "report/report.h"
#include "report/section_order.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

class Workbook {
 public:
  Workbook(const std::filesystem::path& out, Language language)
      : language_(language), wb_(workbook_new(out.string().c_str())) {
    if (!wb_) return;
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    format_set_bg_color(bold_, 0xDDEBF7);
    format_set_bottom(bold_, LXW_BORDER_THIN);
    percent_ = workbook_add_format(wb_);
    format_set_num_format(percent_, "0.0%");
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);  // an error path: the file is left incomplete
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return wb_ != nullptr; }
  Language language() const { return language_; }

  Result<lxw_worksheet*> AddSheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) return Status::Internal("cannot add sheet '" + name + "'");
    return ws;
  }

  void Header(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& labels) {
    for (size_t c = 0; c < labels.size(); ++c)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), CellText(labels[c]).c_str(), bold_);
  }

  // Numbers as numeric cells (fractions formatted as percentages), booleans
  // as booleans, everything else as UTF-8 text; null stays blank.
  void Write(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Json& v, bool fraction = false,
             lxw_format* format = nullptr) {
    if (v.is_null()) return;
    if (v.is_number()) {
      double d = v.get<double>();
      if (std::isfinite(d))
        worksheet_write_number(ws, row, col, d, fraction ? percent_ : format);
    } else if (v.is_boolean()) {
      worksheet_write_boolean(ws, row, col, v.get<bool>(), format);
    } else {
      std::string text = CellText(DisplayValue(v));
      if (!text.empty()) worksheet_write_string(ws, row, col, text.c_str(), format);
    }
  }

  Status WriteTable(lxw_worksheet* ws, const Table& t) {
    std::vector<std::string> labels;
    for (const auto& c : t.columns) labels.push_back(Pick(c.label, language_));
    Header(ws, 0, labels);
    std::vector<size_t> width(t.columns.size());
    for (size_t c = 0; c < labels.size(); ++c) width[c] = CountCodePoints(labels[c]);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const Json& v = t.rows[r][c];
        Write(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), v,
              IsFractionColumn(t.columns[c].key));
        if (r < 200) width[c] = std::max(width[c], CountCodePoints(ValidUtf8(DisplayValue(v))));
      }
    }
    for (size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp(static_cast<double>(width[c]) * 1.2 + 2, 8.0, 60.0), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.rows.empty() && !t.columns.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                           static_cast<lxw_col_t>(t.columns.size() - 1));
    return Status::OK();
  }

  lxw_format* wrap() const { return wrap_; }

  // Title, author, and the creation time taken from meta.generated_at.
  void SetProperties(const std::string& title, const std::string& generated_at) {
    title_ = CellText(title);
    lxw_doc_properties props{};
    props.title = title_.data();
    props.author = author_.data();
    std::tm tm{};
    if (strptime(generated_at.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) props.created = timegm(&tm);
    workbook_set_properties(wb_, &props);
  }

  Status Close(const std::filesystem::path& out) {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
      return Status::IOError("cannot write " + out.string() + ": " + lxw_strerror(err));
    return Status::OK();
  }

 private:
  Language language_;
  lxw_workbook* wb_;
  lxw_format* bold_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* wrap_ = nullptr;
  std::string title_;
  std::string author_ = "patnav";
};

struct PlannedSheet {
  std::string analysis;
  std::string name;
  Table table;
};

Status Write(const Json& landscape, const std::filesystem::path& out, Language language) {
  static const Json kNoMeta = Json::object();
  const Json& meta =
      landscape.contains("meta") && landscape["meta"].is_object() ? landscape["meta"] : kNoMeta;

  // Plan every sheet first: the summary names them.
  std::set<std::string> taken;
  std::string summary_name = SheetName("summary", taken);
  std::vector<std::string> sections = SectionOrder(landscape);
  std::vector<PlannedSheet> sheets;
  std::vector<std::pair<std::string, std::pair<std::string, Json>>> parameters;
  for (const auto& name : sections) {
    AnalysisView view = ViewOf(name, landscape[name]);
    if (view.tables.empty()) view.tables.push_back(Table{name, {}, {}, {}});
    for (auto& t : view.tables) {
      std::string sheet = SheetName(t.id, taken);
      sheets.push_back({name, sheet, std::move(t)});
    }
    for (auto& p : view.parameters) parameters.emplace_back(name, std::move(p));
  }

  Workbook wb(out, language);
  if (!wb.ok()) return Status::IOError("cannot create " + out.string());
  auto pick = [&](const Bilingual& b) { return Pick(b, language); };
  wb.SetProperties(pick({"Patent landscape", "专利导航分析"}) +
                       (meta.contains("query") ? ": " + DisplayValue(meta["query"]) : std::string()),
                   meta.contains("generated_at") ? DisplayValue(meta["generated_at"]) : std::string());

  ASSIGN_OR_RETURN(lxw_worksheet * summary, wb.AddSheet(summary_name));
  lxw_row_t row = 0;
  wb.Header(summary, row++, {pick({"Field", "项目"}), pick({"Value", "内容"})});
  auto meta_row = [&](const Bilingual& label, const char* key) {
    if (!meta.contains(key)) return;
    wb.Write(summary, row, 0, Json(pick(label)));
    wb.Write(summary, row, 1, meta[key]);
    ++row;
  };
  meta_row({"Query", "检索式"}, "query");
  meta_row({"Patents", "专利数量"}, "patents");
  meta_row({"Generated", "生成时间"}, "generated_at");
  meta_row({"Alliance members", "联盟成员"}, "members");
  meta_row({"Format version", "格式版本"}, "format_version");
  for (const auto& finding : KeyFindings(landscape)) {
    wb.Write(summary, row, 0, Json(pick({"Key finding", "主要发现"})));
    wb.Write(summary, row, 1, Json(pick(finding)), false, wb.wrap());
    ++row;
  }
  ++row;
  wb.Header(summary, row++,
            {pick({"Analysis", "分析项"}), pick({"Title", "标题"}), pick({"Sheet", "工作表"}),
             pick({"Rows", "行数"}), pick({"Reading", "解读"}), pick({"Definition", "定义"})});
  std::set<std::string> known(KnownAnalyses().begin(), KnownAnalyses().end());
  for (const auto& name : sections) {
    std::string sheet_list;
    size_t rows = 0;
    for (const auto& s : sheets)
      if (s.analysis == name) {
        sheet_list += (sheet_list.empty() ? "" : ", ") + s.name;
        if (rows == 0) rows = s.table.rows.size();
      }
    wb.Write(summary, row, 0, Json(name));
    wb.Write(summary, row, 1, Json(pick(AnalysisTitle(name, landscape))));
    wb.Write(summary, row, 2, Json(sheet_list));
    wb.Write(summary, row, 3, Json(rows));
    if (known.count(name))
      wb.Write(summary, row, 4, Json(pick(ReadingOf(name, landscape[name]))), false, wb.wrap());
    wb.Write(summary, row, 5, Json(pick(AnalysisDefinition(name, landscape))), false, wb.wrap());
    ++row;
  }
  if (!parameters.empty()) {
    ++row;
    wb.Header(summary, row++, {pick({"Analysis", "分析项"}), pick({"Parameter", "参数"}), pick({"Value", "内容"})});
    for (const auto& [name, p] : parameters) {
      wb.Write(summary, row, 0, Json(name));
      wb.Write(summary, row, 1, Json(pick(ColumnLabel(p.first))));
      wb.Write(summary, row, 2, p.second.is_number() ? p.second : Json(pick(ParameterText(p.first, p.second))),
               false, wb.wrap());
      ++row;
    }
  }
  worksheet_set_column(summary, 0, 0, 22, nullptr);
  worksheet_set_column(summary, 1, 1, 36, nullptr);
  worksheet_set_column(summary, 2, 3, 16, nullptr);
  worksheet_set_column(summary, 4, 5, 80, nullptr);

  for (const auto& s : sheets) {
    ASSIGN_OR_RETURN(lxw_worksheet * ws, wb.AddSheet(s.name));
    RETURN_IF_ERROR(wb.WriteTable(ws, s.table));
  }
  return wb.Close(out);
}

}  // namespace

Status WriteXlsx(const Json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options) {
  if (!landscape.is_object()) return Status::InvalidArgument("landscape JSON is not an object");
  ASSIGN_OR_RETURN(Language language, ParseLanguage(options.language));
  // As RenderHtml: no JSON exception escapes, whatever the input.
  try {
    return Write(landscape, out, language);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("landscape JSON of an unexpected shape: ") + e.what());
  }
}

}  // namespace patnav::report
