// The inbox (issue 14, part 3): the notifications a user may see -- those of
// the user's own watches and of the watches shared with an alliance the user
// sees -- with each user's read state. Reading state is per user: one
// member marking a shared notification read leaves it unread for the others.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/monitoring_db.h"

namespace patnav::domain {

// Whose inbox: the user, and the alliances whose shared watches they see.
struct InboxViewer {
  int64_t user_id = 0;
  bool all_alliances = false;          // administrators and the command line
  std::vector<std::string> alliances;  // otherwise: these
};

struct InboxHit {
  std::string item;    // a publication number
  std::string event;   // "match", "legal:<event key>", "expiry:<date>", "cites:<subject>"
  std::string detail;  // a title, or what the event was
};

struct InboxItem {
  int64_t id = 0;  // the notification
  int64_t watch_id = 0;
  std::string watch_name, watch_kind, alliance, created_at;
  int64_t hit_count = 0;
  bool read = false;
  std::vector<InboxHit> hits;  // at most the first 100, by item
};

struct InboxQuery {
  bool unread_only = false;
  int64_t limit = 50;      // 1..500
  int64_t before_id = 0;   // > 0: only notifications older than this one (paging)
  int64_t watch_id = 0;    // > 0: only this watch's notifications (its feed)
};

// Newest first. InvalidArgument for a limit outside 1..500.
Result<std::vector<InboxItem>> ListInbox(MonitoringDb& db, const InboxViewer& viewer, const InboxQuery& q);
Result<int64_t> UnreadCount(MonitoringDb& db, const InboxViewer& viewer);
// Marks notification `id` read for the viewer (again: no change). NotFound
// when the notification does not exist or the viewer may not see it.
Status MarkRead(MonitoringDb& db, const InboxViewer& viewer, int64_t id, std::string_view now);

}  // namespace patnav::domain
