// The web app's files as HTTP responses (web_assets.h).
#include "server/web_assets.h"

#include <algorithm>
#include <cctype>

#include "server/problem.h"

namespace patnav::server {

namespace {

constexpr std::string_view kIndex = "/index.html";
constexpr std::string_view kHashedPrefix = "/assets/";

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether a decoded path could escape the bundle or smuggle bytes: "..",
// NUL or a backslash anywhere.
bool Suspicious(std::string_view path) {
  return path.find("..") != std::string_view::npos || path.find('\0') != std::string_view::npos ||
         path.find('\\') != std::string_view::npos;
}

HttpResponse NotFound() {
  HttpResponse r = Problem(404, "not_found", "no such page");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace

std::string ContentTypeFor(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
  };
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return "application/octet-stream";
  const std::string ext = Lower(path.substr(dot));
  for (const auto& [e, type] : kTypes)
    if (ext == e) return std::string(type);
  return "application/octet-stream";
}

bool AcceptsGzip(std::string_view accept_encoding) {
  std::string_view rest = accept_encoding;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    size_t semi = item.find(';');
    const std::string coding = Lower(Trim(item.substr(0, semi)));
    if (coding != "gzip" && coding != "x-gzip" && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string params = Lower(item.substr(semi + 1));
    params.erase(std::remove_if(params.begin(), params.end(), [](char c) { return c == ' ' || c == '\t'; }),
                 params.end());
    size_t q = params.find("q=");
    if (q == std::string::npos) return true;
    std::string_view value = std::string_view(params).substr(q + 2);
    // q=0, q=0.0, q=0.000 refuse; anything else accepts.
    bool zero = !value.empty() && value.front() == '0';
    for (size_t i = 1; zero && i < value.size() && value[i] != ';'; ++i)
      zero = value[i] == '.' || value[i] == '0';
    if (!zero) return true;
  }
  return false;
}

WebAssets::WebAssets(std::span<const WebFile> files) : files_(files) {}

const WebAssets& WebAssets::Embedded() {
  static const WebAssets assets(EmbeddedWebFiles());
  return assets;
}

bool WebAssets::IsWebPath(std::string_view path) {
  if (path == "/api" || StartsWith(path, "/api/")) return false;
  return path != "/healthz" && path != "/readyz";
}

const WebFile* WebAssets::Find(std::string_view path) const {
  auto it = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const WebFile& f, std::string_view p) { return f.path < p; });
  if (it == files_.end() || it->path != path) return nullptr;
  return &*it;
}

HttpResponse WebAssets::Serve(const HttpRequest& request) const {
  const std::string path = PercentDecode(request.path, false);
  if (path.empty() || path.front() != '/' || Suspicious(path)) return NotFound();
  const WebFile* file = path == "/" ? nullptr : Find(path);
  if (!file) {
    if (StartsWith(path, kHashedPrefix)) return NotFound();
    file = Find(kIndex);
    if (!file) return NotFound();
  }
  HttpResponse r;
  r.SetHeader("Content-Type", ContentTypeFor(file->path));
  r.SetHeader("Cache-Control", StartsWith(file->path, kHashedPrefix) ? "public, max-age=31536000, immutable"
                                                                      : "no-cache");
  if (!file->gzip.empty()) {
    r.SetHeader("Vary", "Accept-Encoding");
    if (AcceptsGzip(request.Header("accept-encoding"))) {
      r.SetHeader("Content-Encoding", "gzip");
      r.body.assign(file->gzip);
      return r;
    }
  }
  r.body.assign(file->identity);
  return r;
}

}  // namespace patnav::server
