// The INPADOC code table and its lookups.
#include "model/inpadoc_codes.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace patnav {

namespace {

constexpr InpadocCode kCodes[] = {
#include "model/inpadoc_codes.inc"
};

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::span<const InpadocCode> InpadocCodes() { return kCodes; }

const InpadocCode* FindInpadocCode(std::string_view office, std::string_view code) {
  office = Trimmed(office);
  code = Trimmed(code);
  auto less = [](const InpadocCode& c, std::pair<std::string_view, std::string_view> k) {
    int o = std::string_view(c.office).compare(k.first);
    return o != 0 ? o < 0 : std::string_view(c.code) < k.second;
  };
  const InpadocCode* it = std::lower_bound(std::begin(kCodes), std::end(kCodes), std::make_pair(office, code), less);
  if (it == std::end(kCodes) || office != it->office || code != it->code) return nullptr;
  return it;
}

std::string_view InpadocClassName(char event_class) {
  switch (event_class) {
    case 'A': return "filing";
    case 'B': return "application discontinuation";
    case 'C': return "application revival";
    case 'D': return "search and examination";
    case 'E': return "pre-grant review request";
    case 'F': return "grant";
    case 'G': return "protection beyond term";
    case 'H': return "cessation";
    case 'K': return "right revival";
    case 'L': return "review request";
    case 'M': return "maintenance";
    case 'P': return "re-publication";
    case 'Q': return "publication";
    case 'R': return "party data change";
    case 'S': return "licensing and transfer";
    case 'T': return "administrative procedure adjustment";
    case 'U': return "payment";
    case 'V': return "appeal";
    case 'W': return "other";
    case 'Y': return "correction";
    case 'Z': return "pending";
    default: return "";
  }
}

}  // namespace patnav
