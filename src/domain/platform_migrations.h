// The schema history of platform.db (users, grants, sessions, API tokens,
// login throttling, the audit trail): ordered forward migrations, applied
// like the patent store's (store/migrations.h) under their own application
// id. docs/formats/platform.md describes the resulting schema.
#pragma once

#include <span>

#include "store/migrations.h"

namespace patnav::domain {

// Every migration, in order; version i is at index i-1. Append new steps at
// the end; never edit one that has shipped.
std::span<const Migration> PlatformMigrations();

// "pnpl": PRAGMA application_id of platform.db.
inline constexpr int64_t kPlatformApplicationId = 0x706E706C;

}  // namespace patnav::domain
