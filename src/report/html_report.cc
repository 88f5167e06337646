// WriteHtml / RenderHtml: the self-contained HTML landscape report. The page
// is static HTML (summary, contents, one section per analysis with its
// reading, definition and data table) plus three inline scripts: the data as
// JSON, ECharts, and assets/report.js which draws one chart per
// `div.chart[data-analysis]` from that data.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "base/strings.h"
#include "report/analysis_table.h"
#include "report/assets.h"
#include "report/escape.h"
#include "report/labels.h"
#include "report/reading.h"
#include "report/report.h"
#include "report/section_order.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

// Rows shown in a section's HTML table; the XLSX and JSON have them all.
constexpr size_t kMaxHtmlRows = 500;

std::string Lang(Language language) { return language == Language::kZh ? "zh-CN" : "en"; }

std::string Text(const Bilingual& text, Language language) {
  return HtmlEscape(Pick(text, language));
}

// A paragraph per language shown (both: English then Chinese).
void Paragraphs(std::ostringstream& html, const char* cls, const Bilingual& text, Language language) {
  if (language != Language::kZh && !text.en.empty())
    html << "<p class=\"" << cls << "\" lang=\"en\">" << HtmlEscape(text.en) << "</p>\n";
  if (language != Language::kEn && !text.zh.empty())
    html << "<p class=\"" << cls << "\" lang=\"zh-CN\">" << HtmlEscape(text.zh) << "</p>\n";
}

std::string Cell(const std::string& key, const Json& v) {
  if (IsFractionColumn(key) && v.is_number()) {
    Json pct = v.get<double>() * 100;
    return HtmlEscape(DisplayValue(pct, 1)) + "%";
  }
  return HtmlEscape(DisplayValue(v));
}

void WriteTable(std::ostringstream& html, const Table& t, Language language, bool open) {
  size_t shown = std::min(t.rows.size(), kMaxHtmlRows);
  html << "<details class=\"data\"" << (open ? " open" : "") << "><summary>";
  if (!t.caption.en.empty() || !t.caption.zh.empty())
    html << Text(t.caption, language) << " — ";
  html << Text({"Data table", "数据表"}, language) << " (" << t.rows.size() << ")</summary>\n";
  if (shown < t.rows.size())
    html << "<p class=\"note\">" << Text({"First " + std::to_string(shown) + " of " +
                                              std::to_string(t.rows.size()) +
                                              " rows; the XLSX workbook has them all.",
                                          "仅显示前 " + std::to_string(shown) + " 行（共 " +
                                              std::to_string(t.rows.size()) +
                                              " 行）；XLSX 工作簿包含全部数据。"},
                                         language)
         << "</p>\n";
  html << "<div class=\"table-wrap\"><table><thead><tr>";
  for (const auto& c : t.columns) html << "<th>" << Text(c.label, language) << "</th>";
  html << "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < shown; ++i) {
    html << "<tr>";
    for (size_t j = 0; j < t.columns.size(); ++j) {
      const Json& v = t.rows[i][j];
      html << (v.is_number() ? "<td class=\"num\">" : "<td>") << Cell(t.columns[j].key, v) << "</td>";
    }
    html << "</tr>\n";
  }
  html << "</tbody></table></div></details>\n";
}

std::string MetaText(const Json& meta, const char* key) {
  auto it = meta.find(key);
  return it == meta.end() ? std::string() : DisplayValue(*it);
}


// Runs before ECharts: collects script errors and console.error calls for
// report.js to publish on <body> (data-error-count, data-errors).
constexpr char kErrorCollector[] =
    "(function(){var errs=window.__patnavErrors=[];"
    "window.addEventListener('error',function(e){errs.push(String(e.message||e));});"
    "var ce=console.error;console.error=function(){"
    "errs.push(Array.prototype.map.call(arguments,String).join(' '));"
    "return ce.apply(console,arguments);};})();";

// An inlined script must not end its <script> element early nor enter the
// "escaped" parsing state; ECharts' build has neither, and this checks it.
Status CheckInlineScript(std::string_view name, std::string_view script) {
  std::string lower(script);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("</script") != std::string::npos || lower.find("<!--") != std::string::npos)
    return Status::Internal(std::string(name) + " contains </script or <!-- and cannot be inlined");
  return Status::OK();
}

Result<std::string> Render(const Json& landscape, const ReportOptions& options) {
  ASSIGN_OR_RETURN(Language language, ParseLanguage(options.language));
  RETURN_IF_ERROR(CheckInlineScript("echarts.min.js", internal::EchartsScript()));
  RETURN_IF_ERROR(CheckInlineScript("report.js", internal::ReportScript()));
  static const Json kNoMeta = Json::object();
  const Json& meta =
      landscape.contains("meta") && landscape["meta"].is_object() ? landscape["meta"] : kNoMeta;
  std::vector<std::string> sections = SectionOrder(landscape);
  std::set<std::string> known(KnownAnalyses().begin(), KnownAnalyses().end());
  std::vector<std::string> charted;
  for (const auto& name : sections)
    if (known.count(name) && MainRowCount(name, landscape[name]) > 0) charted.push_back(name);

  Bilingual report_title{"Patent landscape report", "专利导航分析报告"};
  std::string query = MetaText(meta, "query");
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"" << Lang(language) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<meta name=\"generator\" content=\"patnav\">\n"
       << "<title>" << Text(report_title, language) << (query.empty() ? "" : " — ")
       << HtmlEscape(query) << "</title>\n<style>\n"
       << internal::ReportStyle() << "\n</style>\n<script>" << kErrorCollector << "</script>\n</head>\n"
       << "<body data-charts-expected=\"" << charted.size() << "\">\n<header>\n<h1>"
       << Text(report_title, language) << "</h1>\n<dl class=\"summary\">\n";
  auto summary = [&](const Bilingual& label, const std::string& value) {
    if (value.empty()) return;
    html << "<dt>" << Text(label, language) << "</dt><dd>" << HtmlEscape(value) << "</dd>\n";
  };
  summary({"Query", "检索式"}, query);
  std::string patents = MetaText(meta, "patents");
  if (IsAsciiDigits(patents))
    for (int i = static_cast<int>(patents.size()) - 3; i > 0; i -= 3) patents.insert(i, ",");
  summary({"Patents", "专利数量"}, patents);
  summary({"Generated", "生成时间"}, MetaText(meta, "generated_at"));
  summary({"Alliance members", "联盟成员"}, MetaText(meta, "members"));
  summary({"Analyses", "分析项"}, std::to_string(sections.size()));
  html << "</dl>\n</header>\n";
  std::vector<Bilingual> findings = KeyFindings(landscape);
  if (!findings.empty()) {
    html << "<section class=\"findings\" id=\"findings\">\n<h2>" << Text({"Key findings", "主要发现"}, language)
         << "</h2>\n<ul>\n";
    for (const auto& f : findings) {
      html << "<li>";
      Paragraphs(html, "finding", f, language);
      html << "</li>\n";
    }
    html << "</ul>\n</section>\n";
  }
  html << "<nav class=\"toc\">\n<h2>" << Text({"Contents", "目录"}, language)
       << "</h2>\n<ol>\n";
  for (const auto& name : sections)
    html << "<li><a href=\"#sec-" << HtmlEscape(name) << "\">"
         << Text(AnalysisTitle(name, landscape), language) << "</a></li>\n";
  html << "</ol>\n</nav>\n<main>\n";

  for (size_t i = 0; i < sections.size(); ++i) {
    const std::string& name = sections[i];
    const Json& value = landscape[name];
    bool has_chart = std::find(charted.begin(), charted.end(), name) != charted.end();
    AnalysisView view = ViewOf(name, value);
    html << "<section class=\"analysis\" id=\"sec-" << HtmlEscape(name) << "\" data-analysis=\""
         << HtmlEscape(name) << "\">\n<h2>" << (i + 1) << ". "
         << Text(AnalysisTitle(name, landscape), language) << "</h2>\n";
    if (known.count(name)) Paragraphs(html, "reading", ReadingOf(name, value), language);
    if (has_chart) {
      html << "<div class=\"chart\" id=\"chart-" << HtmlEscape(name) << "\" data-analysis=\""
           << HtmlEscape(name) << "\"></div>\n";
    } else if (known.count(name)) {
      html << "<p class=\"empty\">" << Text({"No data for this patent set.", "该专利集合没有此项数据。"}, language)
           << "</p>\n";
    }
    if (!view.parameters.empty()) {
      html << "<dl class=\"parameters\">\n";
      for (const auto& [key, v] : view.parameters)
        if (std::string text = Pick(ParameterText(key, v), language); !text.empty())
          html << "<dt>" << Text(ColumnLabel(key), language) << "</dt><dd>" << HtmlEscape(text)
               << "</dd>\n";
      html << "</dl>\n";
    }
    Bilingual definition = AnalysisDefinition(name, landscape);
    if (!definition.en.empty() || !definition.zh.empty()) {
      html << "<div class=\"definition\"><h3>" << Text({"Definition", "定义"}, language) << "</h3>\n";
      Paragraphs(html, "definition-text", definition, language);
      html << "</div>\n";
    }
    for (const auto& t : view.tables)
      if (!t.rows.empty()) WriteTable(html, t, language, name == "core_patents" && t.id == name);
    html << "</section>\n";
  }
  html << "</main>\n<footer>" << Text({"Generated by patnav. Charts drawn with Apache ECharts (Apache License 2.0), inlined.",
                                       "由 patnav 生成。图表使用 Apache ECharts（Apache License 2.0）绘制，已内嵌。"},
                                      language)
       << "</footer>\n";

  Json data = Json::object();
  data["language"] = options.language;
  data["ui"] = UiLabels(language);
  data["charts"] = charted;
  data["landscape"] = landscape;
  html << "<script type=\"application/json\" id=\"patnav-data\">" << JsonForScript(data)
       << "</script>\n<script>\n" << internal::EchartsScript() << "\n</script>\n<script>\n"
       << internal::ReportScript() << "\n</script>\n</body>\n</html>\n";
  return html.str();
}

}  // namespace

Result<std::string> RenderHtml(const Json& landscape, const ReportOptions& options) {
  if (!landscape.is_object()) return Status::InvalidArgument("landscape JSON is not an object");
  // The renderer checks shapes before use; this is the module's guarantee
  // that no JSON exception escapes whatever the input.
  try {
    return Render(landscape, options);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("landscape JSON of an unexpected shape: ") + e.what());
  }
}

Status WriteHtml(const Json& landscape, const std::filesystem::path& out,
                 const ReportOptions& options) {
  ASSIGN_OR_RETURN(std::string html, RenderHtml(landscape, options));
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IOError("cannot write " + out.string());
  f << html;
  if (!f.flush()) return Status::IOError("cannot write " + out.string());
  return Status::OK();
}

}  // namespace patnav::report
