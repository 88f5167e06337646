// Facet slot lists: NUL-joined values.
#include "index/facet_values.h"

#include <algorithm>

namespace patnav::index {

std::string EncodeFacetValues(const std::vector<std::string>& values) {
  std::string out;
  std::vector<std::string> seen;
  for (const std::string& raw : values) {
    std::string v = raw;
    v.erase(std::remove(v.begin(), v.end(), '\0'), v.end());
    if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
    if (!out.empty()) out.push_back('\0');
    out += v;
    seen.push_back(std::move(v));
  }
  return out;
}

void DecodeFacetValues(std::string_view encoded, std::vector<std::string_view>& out) {
  while (!encoded.empty()) {
    const size_t nul = encoded.find('\0');
    const std::string_view v = encoded.substr(0, nul);
    if (!v.empty()) out.push_back(v);
    if (nul == std::string_view::npos) break;
    encoded.remove_prefix(nul + 1);
  }
}

std::vector<std::string> DecodeFacetValues(std::string_view encoded) {
  std::vector<std::string_view> views;
  DecodeFacetValues(encoded, views);
  return std::vector<std::string>(views.begin(), views.end());
}

}  // namespace patnav::index
