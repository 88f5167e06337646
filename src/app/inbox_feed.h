// The inbox (or one watch's alerts) as an Atom 1.0 feed (RFC 4287; issue 14), for feed readers that
// sign in with an API token: one entry per notification, newest first, its
// id a stable URN, its title the watch's name (any script, as written) and
// the number of new hits, a link to the alert in the web app and one
// "related" link per patent hit, the hits as a plain-text summary. Built
// with pugixml, so every text and attribute is escaped by the serializer.
#pragma once

#include <string>
#include <vector>

#include "domain/inbox.h"

namespace patnav::app {

struct AtomFeedInfo {
  std::string id;        // "urn:patnav:inbox:user:7"
  std::string title;     // "patnav alerts: alice"
  std::string base_url;  // "https://patnav.example.org" (no trailing '/'); "" -> relative links
  std::string updated;   // ISO UTC, when there is no entry; "" = now
  std::string self_path = "/api/v1/inbox.atom";  // the feed's own path (rel="self")
};

// The feed document, UTF-8, with its XML declaration.
std::string InboxAtomFeed(const std::vector<domain::InboxItem>& items, const AtomFeedInfo& info);

}  // namespace patnav::app
