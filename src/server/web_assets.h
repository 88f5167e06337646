// The web app (web/, issue 11) as the server hands it to browsers: the files
// of the Vite bundle, compiled into the binary at build time
// (web/embed/web_embed.cc), each with its bytes and a gzip copy.
//
// Serving rules (WebAssets::Serve): `/` and any path that names no file of
// the bundle get index.html, so the single-page app's deep links survive a
// reload; a missing file under /assets/ is 404 (a stale hashed name must not
// come back as HTML). Hashed files under /assets/ are cached for a year
// (immutable), everything else revalidates (no-cache). The gzip copy goes to
// clients whose Accept-Encoding allows gzip, with Vary: Accept-Encoding. A
// path holding "..", a NUL or a backslash is 404.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "server/http.h"

namespace patnav::server {

// One file of the bundle. `gzip` is empty when compressing did not pay
// (images, fonts already compressed).
struct WebFile {
  std::string_view path;  // "/index.html", "/assets/index-3f2a.js"
  std::string_view identity;
  std::string_view gzip;
};

// The files compiled into the binary (generated at build time, sorted by path).
std::span<const WebFile> EmbeddedWebFiles();

// The bundle as served. Immutable after construction: thread-safe.
class WebAssets {
 public:
  // `files` must outlive this object and be sorted by path.
  explicit WebAssets(std::span<const WebFile> files);

  // The bundle compiled into the binary.
  static const WebAssets& Embedded();

  // Whether `path` (as sent, percent-encoded) belongs to the web app rather
  // than to the API: anything but /api, /api/..., /healthz and /readyz.
  static bool IsWebPath(std::string_view path);

  // The response to GET or HEAD of `request.path`.
  HttpResponse Serve(const HttpRequest& request) const;

  // The file at exactly `path`, or nullptr.
  const WebFile* Find(std::string_view path) const;

 private:
  std::span<const WebFile> files_;
};

// The Content-Type of a file name, by extension
// ("application/octet-stream" when unknown).
std::string ContentTypeFor(std::string_view path);

// Whether an Accept-Encoding header value allows gzip (a "gzip" or "*"
// coding whose q is not 0).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace patnav::server
