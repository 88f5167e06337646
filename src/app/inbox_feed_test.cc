// The inbox's Atom feed parsed back with pugixml: the Atom namespace, feed
// and entry ids, titles (Chinese intact), updated times, the alert and
// patent links, the hits in the summary; markup and control characters in
// the data escaped or replaced, never breaking the document.
#include "app/inbox_feed.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

namespace patnav::app {
namespace {

domain::InboxItem Item(int64_t id, const std::string& watch, int64_t hits) {
  domain::InboxItem it;
  it.id = id;
  it.watch_id = 3;
  it.watch_name = watch;
  it.watch_kind = "query";
  it.created_at = "2026-12-0" + std::to_string(id) + "T08:00:00Z";
  it.hit_count = hits;
  return it;
}

TEST(InboxAtomFeed, ParsesBackWithIdsTitlesLinksAndChineseIntact) {
  domain::InboxItem a = Item(7, "锂电池 竞争对手", 2);
  a.hits.push_back({"CN112345678A", "match", "一种锂离子电池正极材料"});
  a.hits.push_back({"US8926509B2", "legal:EXP", "R&D <lapse> \"fee\"\x01 end"});
  domain::InboxItem b = Item(5, "Watch <b>&amp;</b>", 0);
  const std::string xml =
      InboxAtomFeed({a, b}, {.id = "urn:patnav:inbox:user:9", .title = "patnav alerts: 张三",
                             .base_url = "https://patnav.example.org", .updated = "2026-12-09T00:00:00Z"});
  ASSERT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u) << xml.substr(0, 80);

  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << "\n" << xml;
  pugi::xml_node feed = doc.child("feed");
  ASSERT_TRUE(feed);
  EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(feed.child_value("id"), "urn:patnav:inbox:user:9");
  EXPECT_STREQ(feed.child_value("title"), "patnav alerts: 张三");
  EXPECT_STREQ(feed.child_value("updated"), "2026-12-07T08:00:00Z");  // the newest entry
  EXPECT_STREQ(feed.child("author").child_value("name"), "patnav");
  EXPECT_STREQ(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(),
               "https://patnav.example.org/api/v1/inbox.atom");

  std::vector<pugi::xml_node> entries;
  for (pugi::xml_node e : feed.children("entry")) entries.push_back(e);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_STREQ(entries[0].child_value("id"), "urn:patnav:notification:7");
  EXPECT_STREQ(entries[0].child_value("title"), "锂电池 竞争对手: 2 new hits");
  EXPECT_STREQ(entries[0].child_value("updated"), "2026-12-07T08:00:00Z");
  EXPECT_STREQ(entries[0].find_child_by_attribute("link", "rel", "alternate").attribute("href").value(),
               "https://patnav.example.org/watches?alert=7");
  std::vector<std::string> related;
  for (pugi::xml_node l : entries[0].children("link"))
    if (std::string(l.attribute("rel").value()) == "related") related.push_back(l.attribute("href").value());
  EXPECT_EQ(related, (std::vector<std::string>{"https://patnav.example.org/patents/CN112345678A",
                                               "https://patnav.example.org/patents/US8926509B2"}));
  const std::string summary = entries[0].child_value("summary");
  EXPECT_NE(summary.find("CN112345678A  match  一种锂离子电池正极材料"), std::string::npos) << summary;
  EXPECT_NE(summary.find("R&D <lapse> \"fee\"  end"), std::string::npos) << summary;  // \x01 became a space
  EXPECT_STREQ(entries[0].child("summary").attribute("type").value(), "text");
  EXPECT_STREQ(entries[0].child("category").attribute("term").value(), "query");
  EXPECT_STREQ(entries[1].child_value("id"), "urn:patnav:notification:5");
  EXPECT_STREQ(entries[1].child_value("title"), "Watch <b>&amp;</b>: nothing new");
}

TEST(InboxAtomFeed, AnEmptyInboxIsAValidFeedWithRelativeLinksWithoutABase) {
  const std::string xml = InboxAtomFeed({}, {.id = "urn:patnav:inbox:user:0", .title = "t", .updated = "2026-12-06T10:00:00Z"});
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  EXPECT_STREQ(doc.child("feed").child_value("updated"), "2026-12-06T10:00:00Z");
  EXPECT_FALSE(doc.child("feed").child("entry"));
  EXPECT_STREQ(doc.child("feed").find_child_by_attribute("link", "rel", "self").attribute("href").value(),
               "/api/v1/inbox.atom");
}

}  // namespace
}  // namespace patnav::app
