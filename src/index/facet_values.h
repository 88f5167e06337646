// The encoding of a multi-valued facet slot (index_schema.h kFacet*): a list
// of non-empty strings joined by NUL bytes, in the order given, each value
// once. Cheap to decode without allocation, which facet counting over a
// whole hit set needs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace patnav::index {

// Encodes `values`: empty strings and repeats are dropped, NUL bytes inside a
// value are removed. An empty list encodes as "".
std::string EncodeFacetValues(const std::vector<std::string>& values);

// The values of an encoded list, in order.
std::vector<std::string> DecodeFacetValues(std::string_view encoded);

// Appends views of the values of `encoded` to `out` (they point into
// `encoded`, which must outlive them).
void DecodeFacetValues(std::string_view encoded, std::vector<std::string_view>& out);

}  // namespace patnav::index
