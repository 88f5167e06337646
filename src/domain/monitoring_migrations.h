// The schema history of monitoring.db (watches, their hits and notifications,
// the inbox's read state, and the evaluation watermark): ordered forward
// migrations under their own application id, so they never collide with the
// store's, operations.db's or platform.db's. docs/monitoring.md describes the
// resulting schema.
#pragma once

#include <span>

#include "store/migrations.h"

namespace patnav::domain {

// Every migration, in order; version i is at index i-1. Append new steps at
// the end; never edit one that has shipped.
std::span<const Migration> MonitoringMigrations();

// "pnmo": PRAGMA application_id of monitoring.db.
inline constexpr int64_t kMonitoringApplicationId = 0x706E6D6F;

}  // namespace patnav::domain
