// Password hashing for platform accounts: Argon2id through libsodium's
// crypto_pwhash_str, whose output ("$argon2id$v=19$m=...,t=...,p=1$salt$hash")
// carries its own salt and cost, so a hash made at one cost verifies after the
// default changes. Passwords are never logged, printed or stored in clear.
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

enum class PasswordCost {
  kInteractive,  // libsodium's INTERACTIVE limits (64 MiB, ~0.1 s): the platform's
  kMinimum,      // libsodium's MIN limits: for tests only, never for real accounts
};

// A new "$argon2id$..." hash of `password` with a fresh random salt.
// Internal when libsodium cannot allocate the memory the cost asks for.
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// True when `hash` is an Argon2id hash of `password`; false for a wrong
// password or a hash that is not Argon2id. Takes the time the hash's cost says.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Spends the time of one VerifyPassword at `cost` against a hash nobody's
// password matches: what a login for an unknown user does, so that it costs
// the same time as a known one.
void VerifyAgainstDummy(std::string_view password, PasswordCost cost);

// True when `hash` was made at a cost other than `cost` (worth rehashing
// after a successful login).
bool NeedsRehash(std::string_view hash, PasswordCost cost);

// Initialises libsodium once; Internal when it cannot. Called by every
// function of this module that needs it; exposed for the token helpers.
Status EnsureSodium();

}  // namespace patnav::domain
