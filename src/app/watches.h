// Watches and the inbox (issue 14), one typed call per operation, authorised:
//   - creating a watch needs the right to search patents
//     (Action::kSearchPatents); sharing it with an alliance, or watching an
//     alliance's portfolio, needs the right to read that alliance;
//   - a watch is visible to its owner, and when shared to everyone who sees
//     its alliance; anyone else gets NotFound, worded as if it did not exist;
//     only its owner (or an administrator) may remove it (others who see it:
//     PermissionDenied);
//   - the inbox is the caller's: the notifications of the watches visible to
//     the caller, with the caller's own read marks.
// The command line (Caller::Local) is user 0 and sees everything.
//
// Evaluation: EvaluateWatchesNow runs the evaluation of
// domain/watch_evaluation.h; app::Ingest calls it after its batches commit,
// and `patnav watch run` catches up with it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/inbox.h"
#include "domain/watch.h"
#include "domain/watch_evaluation.h"

namespace patnav::app {

// The preview cap when none is configured: at most this many hits over the
// last year. $PATNAV_WATCH_PREVIEW_CAP (a positive integer) overrides it.
inline constexpr int64_t kDefaultWatchPreviewCap = 1000;
int64_t ConfiguredWatchPreviewCap();

struct WatchRequest {
  std::string name;
  std::string kind;              // query, applicant, technology, patents, cites-portfolio
  std::string rate = "immediate";
  std::string alliance;          // share with this alliance ("" private)
  bool notify_empty = false;
  bool active = true;            // false: saved only, no alerts (a saved query)
  domain::WatchParams params;
  int64_t cap = 0;               // preview cap; 0 = ConfiguredWatchPreviewCap()
  std::string today;             // the end of the preview year; "" = today (tests set it)
};

// Validates (nothing saved on any error: InvalidArgument for a query that does
// not parse, with its column), previews an active watch (FailedPrecondition
// above the cap; a watch saved only alerts nobody, so it has no cap), then
// saves the watch starting after the store's current changes.
Result<domain::Watch> AddWatch(const Caller& caller, Workspace& ws, WatchRequest request);
// The watches visible to the caller, by id.
Result<std::vector<domain::Watch>> ListWatches(const Caller& caller, Workspace& ws);
Result<domain::Watch> ShowWatch(const Caller& caller, Workspace& ws, int64_t id);
Status RemoveWatch(const Caller& caller, Workspace& ws, int64_t id);
// The preview of a watch not saved (validated as AddWatch does).
Result<domain::WatchPreview> PreviewWatch(const Caller& caller, Workspace& ws, WatchRequest request);

// Evaluates the active watches against what changed since the watermark.
// Nothing to do (an empty summary) when no watch was ever created.
// Authorised as Action::kIngest.
Result<domain::EvaluationSummary> RunWatches(const Caller& caller, Workspace& ws,
                                             const domain::EvaluationOptions& options = {});
// The same without authorisation, for callers that already hold the right
// (app::Ingest after its batches commit).
Result<domain::EvaluationSummary> EvaluateWatchesNow(Workspace& ws, const domain::EvaluationOptions& options = {});

// The portfolios of the given cites-portfolio watches: the alliance's pool
// contributions (of the member, when the watch names one) from
// operations.db, and with a member also the patents it holds itself
// (domain::MemberPatentSubjects) from the store. An absent database, store
// or alliance: an empty part. Takes the operations handle, then the store's:
// call it with no workspace handle held. With `store_connection` the
// member's patents are read through it instead of the workspace's store
// handle (a follower's own connection while an ingest holds that handle).
Result<domain::Portfolios> PortfoliosOf(Workspace& ws, const std::vector<const domain::WatchInput*>& watches,
                                        PatentStore* store_connection = nullptr);

Result<std::vector<domain::InboxItem>> ListInbox(const Caller& caller, Workspace& ws, const domain::InboxQuery& q);
Result<int64_t> InboxUnreadCount(const Caller& caller, Workspace& ws);
Status MarkInboxRead(const Caller& caller, Workspace& ws, int64_t notification_id);

// JSON forms for the API and the CLI's --format json.
nlohmann::ordered_json WatchJson(const domain::Watch& w);
nlohmann::ordered_json PreviewJson(const domain::WatchPreview& p, int64_t cap);
nlohmann::ordered_json EvaluationJson(const domain::EvaluationSummary& s);
nlohmann::ordered_json InboxItemJson(const domain::InboxItem& item);

}  // namespace patnav::app
