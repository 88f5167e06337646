// Tests of the XLSX workbook: the produced file is opened as a zip and its
// sheet list (xl/workbook.xml), shared strings and sheet cells are compared
// with the input landscape.
#include <zip.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "report/labels.h"
#include "report/report.h"
#include "report/sample_landscape_testing.h"
#include "testing.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

std::string XmlUnescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities)
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1))
      s.replace(pos, std::strlen(from), to);
  return s;
}

// The parts of an .xlsx (a zip) read back: sheet names in order, and each
// sheet's cells as text (shared strings resolved, numbers as written).
class Xlsx {
 public:
  explicit Xlsx(const std::filesystem::path& path) {
    int err = 0;
    zip_t* z = zip_open(path.string().c_str(), ZIP_RDONLY, &err);
    if (!z) return;
    auto read = [&](const std::string& name) -> std::string {
      zip_file_t* f = zip_fopen(z, name.c_str(), 0);
      if (!f) return {};
      std::string out;
      char buf[65536];
      zip_int64_t n;
      while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
      zip_fclose(f);
      return out;
    };
    workbook_xml = read("xl/workbook.xml");
    styles_xml = read("xl/styles.xml");
    std::regex sheet_re("<sheet name=\"([^\"]*)\" sheetId=\"(\\d+)\"");
    for (std::sregex_iterator it(workbook_xml.begin(), workbook_xml.end(), sheet_re), end; it != end; ++it)
      sheets.push_back(XmlUnescape((*it)[1]));
    std::string shared = read("xl/sharedStrings.xml");
    std::regex si_re("<si><t(?: xml:space=\"preserve\")?>([^<]*)</t></si>");
    for (std::sregex_iterator it(shared.begin(), shared.end(), si_re), end; it != end; ++it)
      strings.push_back(XmlUnescape((*it)[1]));
    std::regex cell_re("<c r=\"([A-Z]+\\d+)\"( s=\"(\\d+)\")?( t=\"(\\w+)\")?>(?:<v>([^<]*)</v>)?</c>");
    for (size_t i = 0; i < sheets.size(); ++i) {
      std::string xml = read("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
      auto& cells = this->cells[sheets[i]];
      for (std::sregex_iterator it(xml.begin(), xml.end(), cell_re), end; it != end; ++it) {
        const auto& m = *it;
        std::string v = m[6];
        if (m[5] == "s") v = strings.at(std::stoul(v));
        cells[m[1]] = v;
        styles[sheets[i]][m[1]] = m[3];
      }
    }
    zip_close(z);
  }

  std::string workbook_xml, styles_xml;
  std::vector<std::string> sheets;
  std::vector<std::string> strings;
  std::map<std::string, std::map<std::string, std::string>> cells;   // sheet -> ref -> text
  std::map<std::string, std::map<std::string, std::string>> styles;  // sheet -> ref -> style id
};

std::string Ref(int col, int row) {  // 0-based col, 1-based row; col < 26*26
  std::string letters;
  if (col >= 26) letters += static_cast<char>('A' + col / 26 - 1);
  letters += static_cast<char>('A' + col % 26);
  return letters + std::to_string(row);
}

double AsNumber(const std::string& s) { return std::stod(s); }

TEST(XlsxReport, SheetsCellsAndHeaders) {
  Json landscape = testing::SampleLandscape();
  patnav::testing::ScratchDir dir;
  auto path = dir.path() / "landscape.xlsx";
  Status st = WriteXlsx(landscape, path);
  ASSERT_TRUE(st.ok()) << st.ToString();
  Xlsx x(path);
  std::vector<std::string> expected = {"summary"};
  for (const auto& name : KnownAnalyses()) {
    expected.push_back(name);
    if (name == "collaboration") {
      expected.push_back("collaboration_edges");
      expected.push_back("collaboration_communities");
    }
    if (name == "legal_status")
      for (const char* table : {"legal_status_by_year", "legal_status_expiring", "legal_status_by_applicant"})
        expected.push_back(table);
  }
  EXPECT_EQ(x.sheets, expected);

  // trend: year and count per row as numbers, countries as flattened columns.
  const auto& trend = x.cells["trend"];
  EXPECT_EQ(trend.at("A1"), "Year / 年份");
  EXPECT_EQ(trend.at("B1"), "Count / 数量");
  EXPECT_EQ(trend.at("E1"), "US");
  const Json& rows = landscape["trend"];
  for (size_t i = 0; i < rows.size(); ++i) {
    int r = static_cast<int>(i) + 2;
    EXPECT_EQ(AsNumber(trend.at(Ref(0, r))), rows[i]["year"].get<double>());
    EXPECT_EQ(AsNumber(trend.at(Ref(1, r))), rows[i]["count"].get<double>());
    EXPECT_EQ(AsNumber(trend.at(Ref(4, r))), rows[i]["by_country"]["US"].get<double>());
  }
  // top_applicants: names (UTF-8, markup as text) and shares as numbers.
  const auto& top = x.cells["top_applicants"];
  const Json& applicants = landscape["top_applicants"];
  for (size_t i = 0; i < applicants.size(); ++i) {
    int r = static_cast<int>(i) + 2;
    EXPECT_EQ(top.at(Ref(0, r)), applicants[i]["name"].get<std::string>());
    EXPECT_DOUBLE_EQ(AsNumber(top.at(Ref(3, r))), applicants[i]["share"].get<double>());
  }
  std::set<std::string> strings(x.strings.begin(), x.strings.end());
  EXPECT_TRUE(strings.count(testing::kEvilName));
  EXPECT_TRUE(strings.count(testing::kChineseName));
  // Header cells share one style, a bold font exists, data cells differ.
  std::string header_style = x.styles["trend"]["A1"];
  EXPECT_FALSE(header_style.empty());
  EXPECT_EQ(x.styles["top_applicants"]["A1"], header_style);
  EXPECT_NE(x.styles["trend"]["A2"], header_style);
  EXPECT_NE(x.styles_xml.find("<b/>"), std::string::npos);
  // competitor_matrix: applicants down, groups across.
  const auto& matrix = x.cells["competitor_matrix"];
  const Json& m = landscape["competitor_matrix"];
  EXPECT_EQ(matrix.at("C1"), m["groups"][0].get<std::string>());
  EXPECT_EQ(matrix.at("A3"), m["applicants"][1].get<std::string>());
  EXPECT_EQ(AsNumber(matrix.at("D3")), m["cells"][1][1].get<double>());
  // collaboration edges: node indexes resolved to names.
  const auto& edges = x.cells["collaboration_edges"];
  const Json& e0 = landscape["collaboration"]["edges"][0];
  EXPECT_EQ(edges.at("A2"), landscape["collaboration"]["nodes"][e0["source"].get<int>()]["name"].get<std::string>());
  // summary: query and the lifecycle stage parameter.
  const auto& summary = x.cells["summary"];
  EXPECT_EQ(summary.at("B2"), landscape["meta"]["query"].get<std::string>());
  EXPECT_EQ(AsNumber(summary.at("B3")), landscape["meta"]["patents"].get<double>());
  bool stage_found = false;
  std::string stage = landscape["lifecycle"]["stage"].get<std::string>();
  for (const auto& [ref, text] : summary) stage_found |= text == stage + " / 成长期";
  EXPECT_TRUE(stage_found);
}

TEST(XlsxReport, SheetNamesValidAndUnique) {
  Json l = {{"meta", {{"query", "q"}}},
            {"trend", Json::array()},
            {"an_analysis_name_far_longer_than_31_characters_a", Json::array({{{"x", 1}}})},
            {"an_analysis_name_far_longer_than_31_characters_b", Json::array({{{"x", 2}}})},
            {"odd:name/with*chars?", Json::array({{{"x", 3}}})},
            {"SUMMARY", Json::array({{{"x", 4}}})}};
  patnav::testing::ScratchDir dir;
  auto path = dir.path() / "names.xlsx";
  Status st = WriteXlsx(l, path, {"zh"});
  ASSERT_TRUE(st.ok()) << st.ToString();
  Xlsx x(path);
  ASSERT_EQ(x.sheets.size(), 6u);
  std::set<std::string> lower;
  for (const auto& s : x.sheets) {
    EXPECT_LE(CountCodePoints(s), 31u) << s;
    EXPECT_EQ(s.find_first_of("[]:*?/\\"), std::string::npos) << s;
    std::string folded = s;
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(lower.insert(folded).second) << s;
  }
  // Chinese labels with language zh; the empty trend sheet still has its header.
  EXPECT_EQ(x.cells["summary"].at("A1"), "项目");
  EXPECT_EQ(x.cells["trend"].count("A1"), 0u);  // no rows, no known columns
  EXPECT_EQ(AsNumber(x.cells[x.sheets[3]].at("A2")), 2);
}

TEST(XlsxReport, DeterministicBytes) {
  Json landscape = testing::SampleLandscape();
  patnav::testing::ScratchDir dir;
  ASSERT_TRUE(WriteXlsx(landscape, dir.path() / "a.xlsx").ok());
  ASSERT_TRUE(WriteXlsx(Json::parse(landscape.dump()), dir.path() / "b.xlsx").ok());
  std::string a = patnav::testing::ReadFile(dir.path() / "a.xlsx");
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, patnav::testing::ReadFile(dir.path() / "b.xlsx"));
}

TEST(XlsxReport, Errors) {
  EXPECT_EQ(WriteXlsx(Json(3), "/tmp/x.xlsx").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteXlsx(testing::SampleLandscape(), "/tmp/x.xlsx", {"de"}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteXlsx(testing::SampleLandscape(), "/nonexistent-dir/x/l.xlsx").code(),
            StatusCode::kIOError);
}

}  // namespace
}  // namespace patnav::report
