// Text out of XML elements, as every XML parser needs it: markup removed,
// whitespace collapsed, paragraphs separated.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace patnav {

// All descendant text of `node`, whitespace collapsed ("" for a null node).
std::string NodeText(const pugi::xml_node& node);
// Like NodeText, but block elements (p, heading, claim-text, li, br, PARA)
// are separated by a newline; used for descriptions and claims.
std::string BlockText(const pugi::xml_node& node);
// Text of the first element found at `path` (a pugixml XPath-free child path
// like "publication-reference/document-id/doc-number"), collapsed.
std::string ChildText(const pugi::xml_node& node, std::string_view path);
// The first descendant element named `name` (depth-first), or a null node.
pugi::xml_node FindDescendant(const pugi::xml_node& node, std::string_view name);

}  // namespace patnav
