// Report order of the analyses (see section_order.h).
#include "report/section_order.h"

#include <set>

#include "report/labels.h"

namespace patnav::report {

std::vector<std::string> SectionOrder(const nlohmann::ordered_json& landscape) {
  std::vector<std::string> order;
  std::set<std::string> known;
  for (const auto& name : KnownAnalyses()) {
    known.insert(name);
    if (landscape.contains(name)) order.push_back(name);
  }
  for (const auto& [key, value] : landscape.items())
    if (key != "meta" && !known.count(key)) order.push_back(key);
  return order;
}

}  // namespace patnav::report
