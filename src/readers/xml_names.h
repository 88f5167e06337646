// Element lookup by local name, for XML whose namespace prefixes vary from
// one producer to the next: the EPO's OPS and Register documents write
// `ops:legal`, `ns2:world-patent-data`, `reg:register-document` or
// `ns3:register-document` for the same elements. pugixml keeps prefixes in
// names, so these helpers compare the part after the last ':'.
//
// Thread-safety: pure functions over the caller's document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace patnav {

// "legal" for <ops:legal>, "legal" for <legal>.
std::string_view LocalName(const pugi::xml_node& node);
// The first child element of `node` with local name `local`, or a null node.
pugi::xml_node ChildByLocal(const pugi::xml_node& node, std::string_view local);
// Every child element of `node` with local name `local`, in document order.
std::vector<pugi::xml_node> ChildrenByLocal(const pugi::xml_node& node, std::string_view local);
// The first descendant element (depth-first) with local name `local`, or null.
pugi::xml_node DescendantByLocal(const pugi::xml_node& node, std::string_view local);
// Text (NodeText) of the element at the '/'-separated local-name path below
// `node` ("document-id/doc-number"); "" when absent.
std::string TextByLocalPath(const pugi::xml_node& node, std::string_view path);

}  // namespace patnav
