// The web app's serving rules (web_assets.h) on a table of our own, the
// bundle compiled into the binary, and the real server answering browsers.
#include "server/web_assets.h"

#include <gtest/gtest.h>

#include "api_fixture.h"

namespace patnav::server {
namespace {

using namespace std::string_view_literals;

// Sorted by path, as the generator writes them.
constexpr WebFile kFiles[] = {
    {"/assets/app-1a2b.js", "console.log(1)", "GZ-JS"},
    {"/assets/logo-9f.png", "\x89PNG", ""},
    {"/favicon.ico", "ico", ""},
    {"/index.html", "<!doctype html><div id=app></div>", "GZ-HTML"},
};

HttpRequest Get(std::string path, std::string accept_encoding = "gzip, deflate, br") {
  HttpRequest r;
  r.method = "GET";
  r.path = std::move(path);
  r.target = r.path;
  if (!accept_encoding.empty()) r.headers.emplace_back("accept-encoding", std::move(accept_encoding));
  return r;
}

std::string HeaderOf(const HttpResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(WebAssets, ServesAHashedFileGzippedAndImmutable) {
  WebAssets assets(kFiles);
  HttpResponse r = assets.Serve(Get("/assets/app-1a2b.js"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "GZ-JS");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(HeaderOf(r, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(WebAssets, SendsIdentityBytesToClientsWithoutGzip) {
  WebAssets assets(kFiles);
  for (std::string ae : {"", "identity", "gzip;q=0", "br, gzip; q=0.0"}) {
    HttpResponse r = assets.Serve(Get("/assets/app-1a2b.js", ae));
    EXPECT_EQ(r.body, "console.log(1)") << ae;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "") << ae;
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding") << ae;
  }
}

TEST(WebAssets, FilesThatDoNotCompressGoAsTheyAre) {
  WebAssets assets(kFiles);
  HttpResponse r = assets.Serve(Get("/assets/logo-9f.png"));
  EXPECT_EQ(r.body, "\x89PNG");
  EXPECT_EQ(HeaderOf(r, "Content-Type"), "image/png");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(r, "Vary"), "");
  EXPECT_EQ(HeaderOf(assets.Serve(Get("/favicon.ico")), "Cache-Control"), "no-cache");
}

TEST(WebAssets, RootAndDeepLinksGetIndexHtmlRevalidated) {
  WebAssets assets(kFiles);
  for (std::string path : {"/", "/index.html", "/search", "/patents/US7267776B1", "/alliances/%E8%81%94%E7%9B%9F"}) {
    HttpResponse r = assets.Serve(Get(path, "identity"));
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<!doctype html><div id=app></div>") << path;
    EXPECT_EQ(HeaderOf(r, "Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache") << path;
  }
}

TEST(WebAssets, MissingHashedFileIs404NotHtml) {
  WebAssets assets(kFiles);
  HttpResponse r = assets.Serve(Get("/assets/app-old.js"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(HeaderOf(r, "Content-Type"), "application/problem+json");
}

TEST(WebAssets, TraversalAndNulAre404) {
  WebAssets assets(kFiles);
  for (std::string path : {"/../etc/passwd", "/assets/../index.html", "/%2e%2e/secret", "/a%00b", "/x%5c..%5cy",
                           "/..", "relative"}) {
    EXPECT_EQ(assets.Serve(Get(path)).status, 404) << path;
  }
}

TEST(WebAssets, EmptyBundleAnswers404) {
  WebAssets assets(std::span<const WebFile>{});
  EXPECT_EQ(assets.Serve(Get("/")).status, 404);
}

TEST(WebAssets, WebPathsAreEverythingButTheApiAndProbes) {
  EXPECT_TRUE(WebAssets::IsWebPath("/"));
  EXPECT_TRUE(WebAssets::IsWebPath("/search"));
  EXPECT_TRUE(WebAssets::IsWebPath("/apiary"));
  EXPECT_FALSE(WebAssets::IsWebPath("/api"));
  EXPECT_FALSE(WebAssets::IsWebPath("/api/v1/nothing"));
  EXPECT_FALSE(WebAssets::IsWebPath("/healthz"));
  EXPECT_FALSE(WebAssets::IsWebPath("/readyz"));
}

TEST(WebAssets, AcceptEncodingParsing) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.000"));
  EXPECT_FALSE(AcceptsGzip("gzipped"));
}

TEST(WebAssets, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("/assets/index-1.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/x.SVG"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("/fonts/a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("/a.dir/noext"), "application/octet-stream");
}

// The bundle compiled into this binary: index.html and its hashed files,
// and no inline script, which the server's CSP (script-src 'self') forbids.
TEST(WebAssets, EmbeddedBundleHasIndexWithoutInlineScripts) {
  const WebAssets& assets = WebAssets::Embedded();
  const WebFile* index = assets.Find("/index.html");
  ASSERT_NE(index, nullptr);
  const std::string html(index->identity);
  size_t scripts = 0;
  for (size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) {
    ++scripts;
    const std::string tag = html.substr(at, html.find('>', at) - at);
    EXPECT_NE(tag.find(" src=\"/assets/"), std::string::npos) << tag;
    EXPECT_EQ(html.substr(html.find('>', at) + 1, 9), "</script>") << "inline script body";
  }
  EXPECT_GE(scripts, 1u);
  std::span<const WebFile> files = EmbeddedWebFiles();
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end(),
                             [](const WebFile& a, const WebFile& b) { return a.path < b.path; }));
  size_t hashed = 0;
  for (const WebFile& f : files) {
    EXPECT_FALSE(f.identity.empty()) << f.path;
    if (!f.gzip.empty()) {
      EXPECT_EQ(f.gzip.substr(0, 2), "\x1f\x8b"sv) << f.path;
      EXPECT_LT(f.gzip.size(), f.identity.size()) << f.path;
    }
    if (f.path.substr(0, 8) == "/assets/") ++hashed;
  }
  EXPECT_GE(hashed, 2u);
}

}  // namespace

namespace testing {
namespace {

// `patnav serve` hands the web app to a browser: deep links, headers, and
// the API's 404 left alone.
TEST(WebAssetsE2E, ServerAnswersTheWebApp) {
  PATNAV_REQUIRE_API();
  HttpTestClient client(api.port());
  Result<TestResponse> deep = client.Request("GET", "/patents/US1?x=1", {"Accept-Encoding: gzip"});
  ASSERT_TRUE(deep.ok()) << deep.status().ToString();
  EXPECT_EQ(deep->status, 200);
  EXPECT_EQ(deep->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(deep->Header("content-encoding"), "gzip");
  EXPECT_EQ(deep->Header("cache-control"), "no-cache");
  EXPECT_EQ(deep->body, std::string(WebAssets::Embedded().Find("/index.html")->gzip));
  EXPECT_NE(deep->Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(deep->Header("x-frame-options"), "DENY");

  Result<TestResponse> plain = client.Request("GET", "/");
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(plain->body.find("<div id=\"app\"></div>"), std::string::npos);
  EXPECT_EQ(plain->Header("content-encoding"), "");

  for (const WebFile& f : EmbeddedWebFiles()) {
    if (f.path.substr(0, 8) != "/assets/" || f.path.find(".js") == std::string_view::npos) continue;
    Result<TestResponse> js = client.Request("GET", std::string(f.path));
    ASSERT_TRUE(js.ok());
    EXPECT_EQ(js->status, 200);
    EXPECT_EQ(js->Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(js->Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(js->body, std::string(f.identity));
    break;
  }

  Result<TestResponse> api_missing = client.Request("GET", "/api/v1/not-a-route");
  ASSERT_TRUE(api_missing.ok());
  EXPECT_EQ(api_missing->status, 404);
  EXPECT_EQ(api_missing->Header("content-type"), "application/problem+json");
  Result<TestResponse> traversal = client.Request("GET", "/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(traversal.ok());
  EXPECT_EQ(traversal->status, 404);
  Result<TestResponse> post = client.Request("POST", "/search", {"X-Requested-With: patnav"});
  ASSERT_TRUE(post.ok());
  EXPECT_EQ(post->status, 404);
}

}  // namespace
}  // namespace testing
}  // namespace patnav::server
