// The HTML report opened in headless Chromium: every chart must draw visible
// pixels on its canvas and the page must log no script or console error
// (report.js publishes both on <body>), and a screenshot must be non-trivial.
// Skipped, with the reason, where /usr/bin/chromium is absent.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "report/report.h"
#include "report/sample_landscape_testing.h"
#include "testing.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kChromium = "/usr/bin/chromium";

using ::patnav::testing::ShellQuote;

// Runs headless Chromium on `page` with `args`; returns its stdout. Headless
// Chromium under --virtual-time-budget now and then never exits; such a run
// is killed after 45 s and retried once when `done` says it produced nothing.
std::string RunChromium(const patnav::testing::ScratchDir& dir, const std::filesystem::path& page,
                        const std::string& args,
                        const std::function<bool(const std::string&)>& done) {
  std::string out;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::string profile = (dir.path() / ("profile" + std::to_string(attempt))).string();
    std::string cmd = "timeout -s KILL 45 " + std::string(kChromium) +
                      " --headless=new --disable-gpu --no-sandbox --no-first-run"
                      " --no-default-browser-check --disable-background-networking"
                      " --disable-component-update --disable-extensions --disable-sync"
                      " --disable-default-apps --disable-dev-shm-usage --mute-audio --hide-scrollbars"
                      " --user-data-dir=" + ShellQuote(profile) +
                      " --virtual-time-budget=5000 " + args + " " +
                      ShellQuote("file://" + page.string()) + " 2>/dev/null";
    out.clear();
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    if (done(out)) break;
  }
  return out;
}

bool HasBodyState(const std::string& dom) { return dom.find("data-charts-rendered=") != std::string::npos; }

struct BodyState {
  std::string expected, rendered, error_count, errors;
};

// The attributes report.js set on <body> (the first <body> of the dump;
// later ones are inside the inlined scripts).
BodyState ReadBody(const std::string& dom) {
  BodyState s;
  std::smatch m;
  std::string body = dom.substr(0, dom.find('>', dom.find("<body")) + 1);
  auto attr = [&](const char* name) {
    std::regex re(std::string(name) + "=\"([^\"]*)\"");
    return std::regex_search(body, m, re) ? std::string(m[1]) : std::string("(absent)");
  };
  s.expected = attr("data-charts-expected");
  s.rendered = attr("data-charts-rendered");
  s.error_count = attr("data-error-count");
  s.errors = attr("data-errors");
  return s;
}

class BrowserRender : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kChromium))
      GTEST_SKIP() << kChromium << " is absent (Debian package chromium): browser rendering not tested";
  }
  patnav::testing::ScratchDir dir_;
};

TEST_F(BrowserRender, EveryChartDrawsAndNoErrors) {
  auto page = dir_.path() / "report.html";
  ASSERT_TRUE(WriteHtml(testing::SampleLandscape(), page).ok());
  BodyState s = ReadBody(RunChromium(dir_, page, "--dump-dom", HasBodyState));
  EXPECT_EQ(s.expected, "16");
  EXPECT_EQ(s.rendered, "16") << "errors: " << s.errors;
  EXPECT_EQ(s.error_count, "0") << s.errors;
}

TEST_F(BrowserRender, EnglishOnlyAndEmptyAnalysesToo) {
  Json l = testing::SampleLandscape(3);
  l["inventors"] = Json::array();
  l["collaboration"] = {{"nodes", Json::array()}, {"edges", Json::array()}, {"communities", Json::array()}};
  auto page = dir_.path() / "report-en.html";
  ASSERT_TRUE(WriteHtml(l, page, {"en"}).ok());
  BodyState s = ReadBody(RunChromium(dir_, page, "--dump-dom", HasBodyState));
  EXPECT_EQ(s.expected, "14");
  EXPECT_EQ(s.rendered, "14") << "errors: " << s.errors;
  EXPECT_EQ(s.error_count, "0") << s.errors;
}

// The detector itself: a chart that cannot draw (no width, so no pixels) and
// a console.error must both show up.
TEST_F(BrowserRender, DetectsBlankChartsAndConsoleErrors) {
  auto html = RenderHtml(testing::SampleLandscape());
  ASSERT_TRUE(html.ok());
  std::string broken = *html;
  size_t main_end = broken.find("</main>");
  ASSERT_NE(main_end, std::string::npos);
  broken.insert(main_end,
                "<div class=\"chart\" data-analysis=\"trend\" style=\"width:0\"></div>"
                "<script>console.error('deliberate failure');</script>");
  auto page = dir_.path() / "broken.html";
  patnav::testing::WriteFile(page, broken);
  BodyState s = ReadBody(RunChromium(dir_, page, "--dump-dom", HasBodyState));
  EXPECT_EQ(s.rendered, "16");  // of 17 chart elements
  EXPECT_EQ(s.error_count, "1");
  EXPECT_NE(s.errors.find("deliberate failure"), std::string::npos) << s.errors;
}

TEST_F(BrowserRender, ScreenshotIsNonTrivial) {
  auto page = dir_.path() / "report.html";
  auto shot = dir_.path() / "report.png";
  ASSERT_TRUE(WriteHtml(testing::SampleLandscape(), page).ok());
  RunChromium(dir_, page, "--window-size=1200,3000 --screenshot=" + ShellQuote(shot.string()),
              [&](const std::string&) { return std::filesystem::exists(shot); });
  ASSERT_TRUE(std::filesystem::exists(shot));
  std::string png = patnav::testing::ReadFile(shot);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // Width and height from the IHDR chunk.
  auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_EQ(be32(16), 1200u);
  EXPECT_EQ(be32(20), 3000u);
  // A blank page compresses to a few kilobytes; charts and text do not.
  EXPECT_GT(png.size(), 100000u);
}

// The whole path on a generated corpus: generate → ingest → landscape
// --format html, rendered in the browser. Skipped when the patnav binary has
// not been built.
TEST_F(BrowserRender, LandscapeOfAGeneratedCorpus) {
  std::filesystem::path patnav = patnav::testing::PatnavBinary();
  if (patnav.empty() || !std::filesystem::exists(patnav))
    GTEST_SKIP() << "the patnav binary is not built: end-to-end report not tested";
  std::string bin = ShellQuote(patnav.string());
  std::string db = ShellQuote((dir_.path() / "db").string());
  std::string corpus = ShellQuote((dir_.path() / "corpus.xml").string());
  auto page = dir_.path() / "landscape.html";
  std::string cmd = bin + " generate --docs 300 --seed 7 --out " + corpus + " >/dev/null && " + bin +
                    " ingest --db " + db + " " + corpus + " >/dev/null && " + bin + " landscape '*' --db " +
                    db + " --format html --out " + ShellQuote(page.string()) + " && " + bin +
                    " landscape '*' --db " + db + " --format xlsx --out " +
                    ShellQuote((dir_.path() / "landscape.xlsx").string());
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  ASSERT_TRUE(std::filesystem::exists(dir_.path() / "landscape.xlsx"));
  BodyState s = ReadBody(RunChromium(dir_, page, "--dump-dom", HasBodyState));
  EXPECT_GE(std::atoi(s.expected.c_str()), 10) << s.expected;
  EXPECT_EQ(s.rendered, s.expected) << "errors: " << s.errors;
  EXPECT_EQ(s.error_count, "0") << s.errors;
}

}  // namespace
}  // namespace patnav::report
