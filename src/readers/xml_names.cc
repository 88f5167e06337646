// Element lookup by local name (xml_names.h).
#include "readers/xml_names.h"

#include "readers/xml_text.h"

namespace patnav {

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node ChildByLocal(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  return {};
}

std::vector<pugi::xml_node> ChildrenByLocal(const pugi::xml_node& node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) out.push_back(c);
  return out;
}

pugi::xml_node DescendantByLocal(const pugi::xml_node& node, std::string_view local) {
  // Iterative depth-first walk: deeply nested hostile input must not exhaust the stack.
  pugi::xml_node cur = node.first_child();
  while (cur) {
    if (cur.type() == pugi::node_element && LocalName(cur) == local) return cur;
    if (cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur && !cur.next_sibling()) {
      cur = cur.parent();
      if (cur == node) return {};
    }
    if (cur) cur = cur.next_sibling();
  }
  return {};
}

std::string TextByLocalPath(const pugi::xml_node& node, std::string_view path) {
  pugi::xml_node cur = node;
  while (cur && !path.empty()) {
    size_t slash = path.find('/');
    cur = ChildByLocal(cur, path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return cur ? NodeText(cur) : std::string();
}

}  // namespace patnav
