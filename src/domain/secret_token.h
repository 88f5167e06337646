// Bearer secrets of the platform (session tokens, API tokens): 256 random
// bits from the operating system, written base64url without padding; only
// their SHA-256 is ever stored, so a copy of platform.db lets nobody in.
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

// 43 characters of [A-Za-z0-9_-] encoding 32 random bytes.
Result<std::string> NewSecretToken();

// The SHA-256 of `token`, 64 lowercase hex digits: the stored form.
std::string TokenHash(std::string_view token);

// Compares two stored hashes in time independent of where they differ.
bool SameTokenHash(std::string_view a, std::string_view b);

}  // namespace patnav::domain
