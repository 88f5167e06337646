// XML text extraction.
#include "readers/xml_text.h"

#include <cstring>

#include "base/strings.h"

namespace patnav {

namespace {

void Collect(const pugi::xml_node& n, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.append(c.value());
    } else if (c.type() == pugi::node_element) {
      Collect(c, out);
    }
  }
}

bool IsBlock(const char* name) {
  static const char* kBlocks[] = {"p", "heading", "claim-text", "li", "br", "PARA", "P", "H", "CLMSTEP", "CLM",
                                  "description-of-drawings", "table", "row", "tr"};
  for (const char* b : kBlocks) if (std::strcmp(name, b) == 0) return true;
  return false;
}

void CollectBlocks(const pugi::xml_node& n, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.append(c.value());
    } else if (c.type() == pugi::node_element) {
      bool block = IsBlock(c.name());
      if (block && !out.empty() && out.back() != '\n') out.push_back('\n');
      CollectBlocks(c, out);
      if (block && !out.empty() && out.back() != '\n') out.push_back('\n');
    }
  }
}

}  // namespace

std::string NodeText(const pugi::xml_node& node) {
  if (!node) return "";
  std::string raw;
  Collect(node, raw);
  return CollapseWhitespace(raw);
}

std::string BlockText(const pugi::xml_node& node) {
  if (!node) return "";
  std::string raw;
  CollectBlocks(node, raw);
  std::string out;
  for (auto line : Split(raw, '\n')) {
    std::string l = CollapseWhitespace(line);
    if (l.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += l;
  }
  return out;
}

std::string ChildText(const pugi::xml_node& node, std::string_view path) {
  pugi::xml_node n = node;
  for (auto part : Split(path, '/')) {
    if (!n) break;
    n = n.child(std::string(part).c_str());
  }
  return NodeText(n);
}

pugi::xml_node FindDescendant(const pugi::xml_node& node, std::string_view name) {
  std::string n(name);
  return node.find_node([&](const pugi::xml_node& x) { return x.type() == pugi::node_element && n == x.name(); });
}

}  // namespace patnav
