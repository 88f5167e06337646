// The monitoring.db migrations. Times are ISO 8601 UTC text. Invariants the
// schema holds:
//   - a hit is unique per (watch, item, event), its key (a table without
//     row ids since migration 7): re-evaluating the same records or events
//     can never record it twice (INSERT OR IGNORE). Since migration 8 the
//     key is ordered (item, event, watch): an evaluation's hits are on the
//     few publications and patents its range holds, so they are written to
//     a few pages side by side, where keyed by watch first they touched a
//     page for each of thousands of watches, whose writes grew with the
//     table (bench/README.md "Watches"). A hit on a publication
//     itself keeps no copy of its title (detail ''): hit_title holds it once
//     per publication (monitoring_db.h kHitColumnsSql reads either);
//   - every hit belongs to exactly one notification of its watch, and a
//     notification to one evaluation (UNIQUE (watch_id, evaluation_id)),
//     the first of the ingest whose hits it holds: since migration 8 a
//     notification is open (open = 1) while the evaluations of its ingest
//     add hits to it (watch_evaluation.h IngestNotifications); an immediate
//     watch's deliveries are queued when it closes;
//   - since migration 9 a hit also names the evaluation that wrote it, and
//     that evaluation lies in its notification's range [evaluation_id,
//     last_evaluation_id]; hits are found by (evaluation, watch)
//     (hit_pass), so a notification's hits are those of its watch and of
//     itself in the evaluations of its range (monitoring_db.h
//     kNotificationHitsSql). An index by notification put each of an
//     ingest's passes' hits beside the earlier hits of thousands of open
//     notifications, a page each; by evaluation they are appended. Nothing
//     cascades to hits: whoever deletes a notification that has hits
//     deletes them first (DeleteWatch; an evaluation deletes only
//     notifications no hit names);
//   - a digest is unique per (watch, period); it is written in the
//     transaction that marks its notifications (notification.digest_id), so a
//     notification belongs to at most one digest and a period is digested once;
//   - a delivery is unique per (webhook, notification or digest) and is
//     queued in the transaction that makes its notification or digest
//     (or closes the notification, above);
//   - meta 'watch_changes' grows with every insert, update or delete of a
//     watch (triggers), in the same transaction: an evaluator holding the
//     watches prepared from one pass to the next (app/watch_follower.h)
//     knows when to list them again;
//   - the watermark is written in the transaction that writes the hits of the
//     changes up to it (domain/watch_evaluation.cc), so either both are there
//     or neither is.
#include "domain/monitoring_migrations.h"

namespace patnav::domain {

namespace {

constexpr Migration kMigrations[] = {
    {1, "watches, evaluations, notifications, hits, inbox read state, watermark",
     R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE watch(
  id              INTEGER PRIMARY KEY,
  owner_user_id   INTEGER NOT NULL,
  alliance        TEXT NOT NULL DEFAULT '',
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('query', 'applicant', 'technology', 'patents', 'cites-portfolio')),
  params          TEXT NOT NULL,
  rate            TEXT NOT NULL CHECK (rate IN ('immediate', 'daily', 'weekly', 'monthly')),
  notify_empty    INTEGER NOT NULL DEFAULT 0 CHECK (notify_empty IN (0, 1)),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  since_sequence  INTEGER NOT NULL,
  since_event     INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  UNIQUE (owner_user_id, name)
);

CREATE TABLE evaluation(
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  from_sequence  INTEGER NOT NULL,
  to_sequence    INTEGER NOT NULL,
  from_event     INTEGER NOT NULL,
  to_event       INTEGER NOT NULL,
  hits           INTEGER NOT NULL
);

CREATE TABLE notification(
  id            INTEGER PRIMARY KEY,
  watch_id      INTEGER NOT NULL REFERENCES watch(id) ON DELETE CASCADE,
  evaluation_id INTEGER NOT NULL REFERENCES evaluation(id),
  created_at    TEXT NOT NULL,
  hit_count     INTEGER NOT NULL,
  UNIQUE (watch_id, evaluation_id)
);

CREATE TABLE hit(
  id              INTEGER PRIMARY KEY,
  watch_id        INTEGER NOT NULL REFERENCES watch(id) ON DELETE CASCADE,
  item            TEXT NOT NULL,
  event           TEXT NOT NULL,
  detail          TEXT NOT NULL DEFAULT '',
  notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
  UNIQUE (watch_id, item, event)
);
CREATE INDEX hit_notification ON hit(notification_id);

CREATE TABLE inbox_read(
  user_id         INTEGER NOT NULL,
  notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
  read_at         TEXT NOT NULL,
  PRIMARY KEY (user_id, notification_id)
) WITHOUT ROWID;

CREATE TABLE watermark(
  store_id        TEXT PRIMARY KEY,
  change_sequence INTEGER NOT NULL,
  legal_event_id  INTEGER NOT NULL,
  evaluated_at    TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
    {2, "digests of the slower rates: one per watch and period, notifications marked with theirs",
     R"sql(
CREATE TABLE digest(
  id                 INTEGER PRIMARY KEY,
  watch_id           INTEGER NOT NULL REFERENCES watch(id) ON DELETE CASCADE,
  period             TEXT NOT NULL,
  period_start       TEXT NOT NULL,
  period_end         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  notification_count INTEGER NOT NULL,
  hit_count          INTEGER NOT NULL,
  UNIQUE (watch_id, period)
);
ALTER TABLE notification ADD COLUMN digest_id INTEGER REFERENCES digest(id) ON DELETE SET NULL;
CREATE INDEX notification_undigested ON notification(watch_id, created_at) WHERE digest_id IS NULL;
)sql"},
    {3, "webhooks and their delivery log",
     R"sql(
CREATE TABLE webhook(
  id            INTEGER PRIMARY KEY,
  owner_user_id INTEGER NOT NULL,
  watch_id      INTEGER REFERENCES watch(id) ON DELETE CASCADE,
  url           TEXT NOT NULL,
  secret        TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL
);
CREATE INDEX webhook_owner ON webhook(owner_user_id);

CREATE TABLE delivery(
  id               INTEGER PRIMARY KEY,
  webhook_id       INTEGER NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
  subject          TEXT NOT NULL CHECK (subject IN ('notification', 'digest')),
  subject_id       INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  last_http_status INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  delivered_at     TEXT,
  UNIQUE (webhook_id, subject, subject_id)
);
CREATE INDEX delivery_due ON delivery(next_attempt_at) WHERE status = 'pending';
)sql"},
    {4, "e-mail as a delivery channel beside webhooks",
     R"sql(
ALTER TABLE webhook ADD COLUMN channel TEXT NOT NULL DEFAULT 'webhook' CHECK (channel IN ('webhook', 'email'));
)sql"},
    {5, "a delivery channel disabled after repeated failures, with the reason",
     R"sql(
ALTER TABLE webhook ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook ADD COLUMN disabled_reason TEXT NOT NULL DEFAULT '';
)sql"},
    {6, "a count of the changes to the watches, for evaluators that keep them prepared between passes",
     R"sql(
INSERT OR IGNORE INTO meta(key, value) VALUES ('watch_changes', '0');
CREATE TRIGGER watch_inserted AFTER INSERT ON watch BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'watch_changes';
END;
CREATE TRIGGER watch_updated AFTER UPDATE ON watch BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'watch_changes';
END;
CREATE TRIGGER watch_deleted AFTER DELETE ON watch BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'watch_changes';
END;
)sql"},
    {7, "narrower hits: keyed by (watch, item, event) without a row id, a publication's title kept once",
     R"sql(
CREATE TABLE hit_title(
  item  TEXT PRIMARY KEY,
  title TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE hit_keyed(
  watch_id        INTEGER NOT NULL REFERENCES watch(id) ON DELETE CASCADE,
  item            TEXT NOT NULL,
  event           TEXT NOT NULL,
  detail          TEXT NOT NULL DEFAULT '',
  notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
  PRIMARY KEY (watch_id, item, event)
) WITHOUT ROWID;
INSERT INTO hit_keyed(watch_id, item, event, detail, notification_id)
  SELECT watch_id, item, event, detail, notification_id FROM hit;
DROP TABLE hit;
ALTER TABLE hit_keyed RENAME TO hit;
CREATE INDEX hit_notification ON hit(notification_id);
)sql"},
    {8, "hits keyed by (item, event, watch); notifications open while their ingest goes on",
     R"sql(
CREATE TABLE hit_by_item(
  item            TEXT NOT NULL,
  event           TEXT NOT NULL,
  watch_id        INTEGER NOT NULL,
  detail          TEXT NOT NULL DEFAULT '',
  notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
  PRIMARY KEY (item, event, watch_id)
) WITHOUT ROWID;
INSERT INTO hit_by_item(item, event, watch_id, detail, notification_id)
  SELECT item, event, watch_id, detail, notification_id FROM hit;
DROP TABLE hit;
ALTER TABLE hit_by_item RENAME TO hit;
CREATE INDEX hit_notification ON hit(notification_id);
ALTER TABLE notification ADD COLUMN open INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1));
CREATE INDEX notification_open ON notification(watch_id) WHERE open = 1;
)sql"},
    {9, "hits found by the evaluation that wrote them; a notification spans a range of evaluations",
     R"sql(
CREATE TABLE hit_by_pass(
  item            TEXT NOT NULL,
  event           TEXT NOT NULL,
  watch_id        INTEGER NOT NULL,
  detail          TEXT NOT NULL DEFAULT '',
  notification_id INTEGER NOT NULL,
  evaluation_id   INTEGER NOT NULL,
  PRIMARY KEY (item, event, watch_id)
) WITHOUT ROWID;
INSERT INTO hit_by_pass(item, event, watch_id, detail, notification_id, evaluation_id)
  SELECT h.item, h.event, h.watch_id, h.detail, h.notification_id, n.evaluation_id
  FROM hit h JOIN notification n ON n.id = h.notification_id;
DROP TABLE hit;
ALTER TABLE hit_by_pass RENAME TO hit;
CREATE INDEX hit_pass ON hit(evaluation_id, watch_id);
ALTER TABLE notification ADD COLUMN last_evaluation_id INTEGER NOT NULL DEFAULT 0;
UPDATE notification SET last_evaluation_id = evaluation_id;
)sql"},
};

}  // namespace

std::span<const Migration> MonitoringMigrations() { return kMigrations; }

}  // namespace patnav::domain
