// Every document matching a query, for analytics: the docids (= the store's
// publication ids) of all matches, unranked, rather than one ranked page.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::index {

// The docids of every document of the index of `data_dir` matching `query`
// (the expert query language), ascending. NotFound (with the hint to run
// `patnav index`) when there is no index; InvalidArgument for a bad query.
Result<std::vector<uint32_t>> MatchingDocids(const std::filesystem::path& data_dir, std::string_view query);

}  // namespace patnav::index
