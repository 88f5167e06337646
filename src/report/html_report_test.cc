// Tests of the HTML report: every section, escaping, self-containment,
// determinism, empty analyses, languages, and readings computed from the data.
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "report/escape.h"
#include "report/labels.h"
#include "report/report.h"
#include "report/sample_landscape_testing.h"
#include "testing.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

// The text of <script type="application/json" id="patnav-data">.
std::string DataScript(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"patnav-data\">";
  size_t start = html.find(open);
  if (start == std::string::npos) return {};
  start += open.size();
  return html.substr(start, html.find("</script>", start) - start);
}

// The HTML without its script elements (what a reader sees).
std::string Markup(const std::string& html) {
  std::string out;
  size_t pos = 0;
  for (size_t open; (open = html.find("<script", pos)) != std::string::npos;) {
    out += html.substr(pos, open - pos);
    size_t close = html.find("</script>", open);
    if (close == std::string::npos) return out;
    pos = close + 9;
  }
  return out + html.substr(pos);
}

TEST(HtmlReport, EverySectionWithChartTocAndTable) {
  Json landscape = testing::SampleLandscape();
  auto html = RenderHtml(landscape);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  for (const auto& name : KnownAnalyses()) {
    SCOPED_TRACE(name);
    EXPECT_EQ(Count(*html, "<section class=\"analysis\" id=\"sec-" + name + "\""), 1u);
    EXPECT_EQ(Count(*html, "<div class=\"chart\" id=\"chart-" + name + "\""), 1u);
    EXPECT_EQ(Count(*html, "<a href=\"#sec-" + name + "\">"), 1u);
    Bilingual title = AnalysisTitle(name, landscape);
    EXPECT_NE(html->find(title.en + " / " + title.zh), std::string::npos);
  }
  EXPECT_NE(html->find("data-charts-expected=\"16\""), std::string::npos);
  // The definition from meta wins over the built-in one, escaped.
  EXPECT_NE(html->find("Filings counted by filing year &lt;per country&gt;."), std::string::npos);
  // The summary: query and patent count from meta.
  EXPECT_NE(html->find("TAC=(锂电池 OR &quot;solid &lt;electrolyte&gt;&quot;) AND PD&gt;=2010"),
            std::string::npos);
  std::string patents = landscape["meta"]["patents"].dump();
  if (patents.size() > 3) patents.insert(patents.size() - 3, ",");
  EXPECT_NE(html->find("<dd>" + patents + "</dd>"), std::string::npos);
  // Data tables: one row per applicant in top_applicants.
  size_t table = html->find("<section class=\"analysis\" id=\"sec-top_applicants\"");
  size_t end = html->find("</section>", table);
  std::string section = html->substr(table, end - table);
  EXPECT_EQ(Count(section, "<tr>"), landscape["top_applicants"].size() + 1);
}

TEST(HtmlReport, NamesAreEscapedEverywhere) {
  auto html = RenderHtml(testing::SampleLandscape());
  ASSERT_TRUE(html.ok());
  // The only </script> are the ends of our four script elements.
  EXPECT_EQ(Count(*html, "</script>"), 4u);
  EXPECT_EQ(Count(Markup(*html), "<b>"), 0u);
  EXPECT_EQ(html->find(testing::kEvilName), std::string::npos);
  EXPECT_NE(Markup(*html).find("Evil &lt;/script&gt;&lt;b&gt;&amp;&quot; Corp"), std::string::npos);
  // No raw U+2028/U+2029 inside the data script; the JSON gives the input back.
  std::string data = DataScript(*html);
  EXPECT_EQ(data.find("\u2028"), std::string::npos);
  EXPECT_EQ(data.find('<'), std::string::npos);
  Json parsed = Json::parse(data);
  EXPECT_EQ(parsed["landscape"], testing::SampleLandscape());
  EXPECT_EQ(parsed["charts"].size(), 16u);
}

TEST(HtmlReport, SelfContainedWithEchartsInlined) {
  auto html = RenderHtml(testing::SampleLandscape());
  ASSERT_TRUE(html.ok());
  for (const char* external : {"src=\"http", "href=\"http", "src='http", "href='http", "<link",
                               "<script src", "@import", "url(http", "src=\"//", "href=\"//"})
    EXPECT_EQ(html->find(external), std::string::npos) << external;
  std::string echarts = patnav::testing::ReadFile(PATNAV_ECHARTS_JS_PATH);
  ASSERT_GT(echarts.size(), 100000u);
  EXPECT_NE(html->find(echarts), std::string::npos) << "echarts.min.js is not inlined byte for byte";
}

TEST(HtmlReport, DeterministicAndWrittenToFile) {
  Json landscape = testing::SampleLandscape();
  auto a = RenderHtml(landscape);
  auto b = RenderHtml(Json::parse(landscape.dump()));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  patnav::testing::ScratchDir dir;
  auto path = dir.path() / "report.html";
  ASSERT_TRUE(WriteHtml(landscape, path).ok());
  EXPECT_EQ(patnav::testing::ReadFile(path), *a);
  // A different seed gives different data, hence a different page.
  auto c = RenderHtml(testing::SampleLandscape(7));
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*a, *c);
}

TEST(HtmlReport, EmptyAnalysesHaveNoChartButASection) {
  Json l = {{"meta", {{"query", "nothing"}, {"patents", 0}}},
            {"trend", Json::array()},
            {"top_applicants", Json::array()},
            {"technology", {{"scheme", "ipc"}, {"rows", Json::array()}}},
            {"competitor_matrix", {{"applicants", Json::array()}, {"groups", Json::array()}, {"cells", Json::array()}}},
            {"lifecycle", {{"rows", Json::array()}, {"stage", "germination"}, {"rule", "too few patents"}}},
            {"collaboration", {{"nodes", Json::array()}, {"edges", Json::array()}, {"communities", Json::array()}}},
            {"emerging_terms", {{"period_a", {2010, 2014}}, {"period_b", {2015, 2019}}, {"rows", Json::array()}}}};
  auto html = RenderHtml(l);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("data-charts-expected=\"0\""), std::string::npos);
  EXPECT_EQ(Count(*html, "<div class=\"chart\""), 0u);
  EXPECT_EQ(Count(*html, "<section class=\"analysis\""), 7u);
  EXPECT_EQ(Count(*html, "<p class=\"empty\""), 7u);
  EXPECT_NE(html->find("The technology is in its germination stage (rule: too few patents)."),
            std::string::npos);
  // An analysis the report does not know is shown as a table, after the known ones.
  l["future_analysis"] = Json::array({{{"x", 1}, {"label", "<i>"}}});
  html = RenderHtml(l);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("id=\"sec-future_analysis\""), std::string::npos);
  EXPECT_NE(html->find("<td>&lt;i&gt;</td>"), std::string::npos);
  EXPECT_GT(html->find("id=\"sec-future_analysis\""), html->find("id=\"sec-emerging_terms\""));
}

TEST(HtmlReport, Languages) {
  Json landscape = testing::SampleLandscape();
  auto en = RenderHtml(landscape, {"en"});
  auto zh = RenderHtml(landscape, {"zh"});
  ASSERT_TRUE(en.ok() && zh.ok());
  std::string en_markup = Markup(*en), zh_markup = Markup(*zh);
  EXPECT_NE(en_markup.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en_markup.find("Top applicants"), std::string::npos);
  EXPECT_EQ(en_markup.find("主要申请人"), std::string::npos);
  EXPECT_EQ(en_markup.find("<p class=\"reading\" lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(zh_markup.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(zh_markup.find("主要申请人"), std::string::npos);
  EXPECT_EQ(zh_markup.find("Top applicants"), std::string::npos);
  EXPECT_EQ(zh_markup.find("<p class=\"reading\" lang=\"en\">"), std::string::npos);
  EXPECT_EQ(RenderHtml(landscape, {"fr"}).status().code(), StatusCode::kInvalidArgument);
}

TEST(HtmlReport, ReadingsQuoteTheData) {
  Json landscape = testing::SampleLandscape();
  auto html = RenderHtml(landscape, {"en"});
  ASSERT_TRUE(html.ok());
  const Json& trend = landscape["trend"];
  const Json& first = trend.front();
  const Json& last = trend.back();
  std::string direction = last["count"].get<int>() >= first["count"].get<int>() ? "grew" : "fell";
  auto thousands = [](int n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), 1, ',');
    return s;
  };
  std::string expected = "Filings " + direction + " from " + thousands(first["count"].get<int>()) + " in " +
                         first["year"].dump() + " to " + thousands(last["count"].get<int>()) + " in " +
                         last["year"].dump() + " (CAGR ";
  EXPECT_NE(html->find(HtmlEscape(expected)), std::string::npos) << expected;
  const Json& top = landscape["top_applicants"].front();
  std::string top_name = top["name"].get<std::string>();
  EXPECT_NE(html->find(HtmlEscape("The largest applicant is " + top_name + " with " +
                                  thousands(top["count"].get<int>()) + " patents")),
            std::string::npos)
      << top_name;
  auto zh = RenderHtml(landscape, {"zh"});
  ASSERT_TRUE(zh.ok());
  EXPECT_NE(zh->find("该技术处于成长期"), std::string::npos);
  // Key findings: headlines (first sentences) in a fixed order, lifecycle first.
  size_t findings = html->find("<section class=\"findings\"");
  ASSERT_NE(findings, std::string::npos);
  std::string block = html->substr(findings, html->find("</section>", findings) - findings);
  size_t stage = block.find("The technology is in its growth stage");
  size_t filings = block.find(HtmlEscape(expected));
  EXPECT_NE(stage, std::string::npos);
  EXPECT_NE(filings, std::string::npos);
  EXPECT_LT(stage, filings);
  EXPECT_EQ(block.find("Recent years may be incomplete"), std::string::npos);  // not a headline
  EXPECT_EQ(html->find('\x1e'), std::string::npos);
}

TEST(HtmlReport, Errors) {
  EXPECT_EQ(RenderHtml(Json::array()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteHtml(testing::SampleLandscape(), "/nonexistent-dir/x/report.html").code(),
            StatusCode::kIOError);
}

}  // namespace
}  // namespace patnav::report

namespace patnav::report {
namespace {

// Every analysis replaced by values of the wrong shape: the report renders
// (sections without charts where nothing is usable) and never throws.
TEST(HtmlReport, MalformedAnalysesDoNotBreakTheReport) {
  const std::vector<Json> wrong = {
      Json("text"), Json(3), Json(nullptr), Json::array({1, 2}), Json::array({Json::array({1})}),
      Json::object({{"rows", "x"}}), Json::object({{"rows", Json::array({1, "a"})}}),
      Json::array({Json::object({{"year", "abc"}, {"count", "many"}, {"name", 5}, {"by_country", 3}})}),
      Json::object({{"applicants", Json::array({"a", "b"})}, {"groups", Json::array({"g"})}, {"cells", 7}}),
      Json::object({{"applicants", Json::array({"a"})}, {"groups", Json::array({"g"})},
                    {"cells", Json::array({5})}}),
      Json::object({{"nodes", "n"}, {"edges", Json::array({Json::object({{"source", 9}, {"target", -1}})})},
                    {"communities", 4}}),
      Json::object({{"nodes", Json::array({Json::object({{"name", "x"}})})}, {"edges", 1}}),
      Json::object({{"stage", 5}, {"rows", Json::array({Json::object({{"year", 2020}})})}}),
      Json::object({{"period_a", "x"}, {"rows", Json::array({Json::object({{"term", Json::array()}})})}}),
  };
  for (const auto& name : KnownAnalyses()) {
    for (size_t k = 0; k < wrong.size(); ++k) {
      SCOPED_TRACE(name + " #" + std::to_string(k));
      Json l = testing::SampleLandscape();
      l[name] = wrong[k];
      auto html = RenderHtml(l);
      EXPECT_TRUE(html.ok()) << html.status().ToString();
      if (html.ok()) {
        EXPECT_NE(html->find("id=\"sec-" + name + "\""), std::string::npos);
      }
      patnav::testing::ScratchDir dir;
      Status st = WriteXlsx(l, dir.path() / "w.xlsx");
      EXPECT_TRUE(st.ok()) << st.ToString();
    }
  }
  Json bad_meta = testing::SampleLandscape();
  bad_meta["meta"] = Json::array({1});
  EXPECT_TRUE(RenderHtml(bad_meta).ok());
  bad_meta["meta"] = Json::object({{"analyses", 3}, {"members", Json::object({{"a", 1}})}, {"query", 5}});
  EXPECT_TRUE(RenderHtml(bad_meta).ok());
  patnav::testing::ScratchDir dir;
  EXPECT_TRUE(WriteXlsx(bad_meta, dir.path() / "m.xlsx").ok());
}

}  // namespace
}  // namespace patnav::report
