// The active watches prepared (domain::PreparedWatches: listed, their
// queries planned and compiled) kept in the process from one ingest to the
// next -- the server's, or a workspace's successive ingests -- instead of
// prepared again by each (issue 14: 10,000 watches, about a tenth of a
// pass's CPU).
//
// Contract: PreparedWatchesOf(db) returns the watches kept for `db`'s
// connection while monitoring.db's count of watch changes
// (domain::WatchChanges, every insert, update or delete of a watch, by any
// process) equals the count they were listed at; else it loads them again
// and keeps those. A watch changed after it returns is caught by
// domain::EvaluateWatches (Unavailable: ask again). What is kept belongs to
// one connection (marked in its private temp schema), so another
// connection -- a later workspace on a recreated monitoring.db -- never
// gets it; one connection's watches are kept at a time.
//
// Thread-safety: any thread, with `db` used by that thread alone (inside
// Workspace::WithMonitoring). The result is immutable and shareable.
#pragma once

#include <memory>

#include "base/status.h"
#include "domain/monitoring_db.h"
#include "domain/watch_evaluation.h"

namespace patnav::app {

Result<std::shared_ptr<const domain::PreparedWatches>> PreparedWatchesOf(domain::MonitoringDb& db);

}  // namespace patnav::app
