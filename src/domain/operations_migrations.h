// The schema history of operations.db (alliances, pools, licensing, the
// ledger): ordered forward migrations, applied like the patent store's
// (store/migrations.h) but recorded under their own application id, so the
// two databases cannot be mistaken for each other. docs/formats/operations.md
// describes the resulting schema.
#pragma once

#include <span>

#include "store/migrations.h"

namespace patnav::domain {

// Every migration, in order; version i is at index i-1. Append new steps at
// the end; never edit one that has shipped.
std::span<const Migration> OperationsMigrations();

// "pnop": PRAGMA application_id of operations.db.
inline constexpr int64_t kOperationsApplicationId = 0x706E6F70;

}  // namespace patnav::domain
