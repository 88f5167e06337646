// Which analyses a landscape holds, in the order the report shows them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace patnav::report {

// The known analyses present (KnownAnalyses() order), then every other
// top-level key except "meta", in input order.
std::vector<std::string> SectionOrder(const nlohmann::ordered_json& landscape);

}  // namespace patnav::report
