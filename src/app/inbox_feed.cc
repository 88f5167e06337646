// Building the Atom feed with pugixml (inbox_feed.h).
#include "app/inbox_feed.h"

#include <sstream>

#include <pugixml.hpp>

#include "domain/period.h"

namespace patnav::app {

namespace {

// XML 1.0 has no place for C0 controls but tab, newline and return: each
// other one becomes a space (the rest of the UTF-8 text is kept as is).
std::string Clean(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  return s;
}

void Text(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).append_child(pugi::node_pcdata).set_value(Clean(value).c_str());
}

void Link(pugi::xml_node parent, const char* rel, const std::string& href, const std::string& title = "") {
  pugi::xml_node l = parent.append_child("link");
  l.append_attribute("rel") = rel;
  l.append_attribute("href") = Clean(href).c_str();
  if (!title.empty()) l.append_attribute("title") = Clean(title).c_str();
}

std::string EntryTitle(const domain::InboxItem& it) {
  if (it.hit_count == 0) return it.watch_name + ": nothing new";
  return it.watch_name + ": " + std::to_string(it.hit_count) + (it.hit_count == 1 ? " new hit" : " new hits");
}

std::string Summary(const domain::InboxItem& it) {
  std::string out;
  for (const domain::InboxHit& h : it.hits) {
    out += h.item + "  " + h.event;
    if (!h.detail.empty()) out += "  " + h.detail;
    out += "\n";
  }
  if (static_cast<int64_t>(it.hits.size()) < it.hit_count)
    out += "... " + std::to_string(it.hit_count - static_cast<int64_t>(it.hits.size())) + " more\n";
  return out;
}

}  // namespace

std::string InboxAtomFeed(const std::vector<domain::InboxItem>& items, const AtomFeedInfo& info) {
  pugi::xml_document doc;
  pugi::xml_node feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  Text(feed, "id", info.id);
  Text(feed, "title", info.title);
  Text(feed, "updated", !items.empty() ? items.front().created_at : !info.updated.empty() ? info.updated : domain::NowUtc());
  Text(feed.append_child("author"), "name", "patnav");
  Text(feed, "generator", "patnav");
  Link(feed, "self", info.base_url + info.self_path);
  Link(feed, "alternate", info.base_url + "/watches");
  for (const domain::InboxItem& it : items) {
    pugi::xml_node e = feed.append_child("entry");
    Text(e, "id", "urn:patnav:notification:" + std::to_string(it.id));
    Text(e, "title", EntryTitle(it));
    Text(e, "updated", it.created_at);
    Link(e, "alternate", info.base_url + "/watches?alert=" + std::to_string(it.id));
    for (const domain::InboxHit& h : it.hits) Link(e, "related", info.base_url + "/patents/" + h.item, h.item);
    pugi::xml_node category = e.append_child("category");
    category.append_attribute("term") = Clean(it.watch_kind).c_str();
    pugi::xml_node summary = e.append_child("summary");
    summary.append_attribute("type") = "text";
    summary.append_child(pugi::node_pcdata).set_value(Clean(Summary(it)).c_str());
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + out.str();
}

}  // namespace patnav::app
