// geography: priority country -> publication country flows.
#include <algorithm>
#include <map>
#include <tuple>

#include "analytics/analyses.h"

namespace patnav::analytics {

namespace {

Json Run(const AnalysisContext& ctx) {
  const Snapshot& s = ctx.snap;
  std::map<std::pair<uint16_t, uint16_t>, uint32_t> flows;
  for (uint32_t r : ctx.rows) ++flows[{s.priority_country[r], s.country[r]}];
  std::vector<std::tuple<uint32_t, std::string_view, std::string_view>> rows;
  for (const auto& [key, n] : flows) rows.emplace_back(n, s.countries[key.first], s.countries[key.second]);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
  });
  Json out = Json::array();
  for (const auto& [n, from, to] : rows) out.push_back({{"from", from}, {"to", to}, {"count", n}});
  return out;
}

}  // namespace

const AnalysisSpec kGeographyAnalysis = {
    "geography", "Priority to publication flows", "技术来源国与目标市场",
    "Each patent of the set counts once for the pair (priority country, publication country): the priority "
    "country is that of its earliest priority claim, or its own publication country when it claims no "
    "priority (a first filing). Rows by count descending, then from and to. An unknown country is \"\".",
    Run};

}  // namespace patnav::analytics
