// The router (router.h).
#include "server/router.h"

#include <set>

namespace patnav::server {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    else if (j == i && i != 0 && j == path.size()) break;
    i = j + 1;
  }
  return out;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool MatchPattern(const std::string& pattern, std::string_view path, std::map<std::string, std::string>* params) {
  std::vector<std::string_view> want = Segments(pattern), have = Segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    std::string_view w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      std::string value;
      if (!DecodePathSegment(have[i], &value) || value.empty()) return false;
      found[std::string(w.substr(1, w.size() - 2))] = std::move(value);
    } else if (w != have[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

bool DecodePathSegment(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = Hex(in[i + 1]), lo = Hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      if (c == '\0') return false;
      i += 2;
    }
    out->push_back(c);
  }
  return true;
}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

RouteMatch Router::Match(const std::string& method, const std::string& path) const {
  RouteMatch m;
  std::set<std::string> allowed;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, &params)) continue;
    m.path_known = true;
    allowed.insert(r.method);
    if (r.method == "GET") allowed.insert("HEAD");
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
  }
  for (const std::string& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
  return m;
}

}  // namespace patnav::server
