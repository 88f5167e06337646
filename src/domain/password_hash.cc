// Argon2id password hashes (password_hash.h).
#include "domain/password_hash.h"

#include <sodium.h>

#include <string>

namespace patnav::domain {

namespace {

struct Limits {
  unsigned long long ops;
  size_t mem;
};

Limits LimitsFor(PasswordCost cost) {
  if (cost == PasswordCost::kMinimum)
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

// The dummy hashes, one per cost, made once (thread-safe static init).
const std::string& DummyHash(PasswordCost cost) {
  static const std::string interactive = [] {
    Result<std::string> h = HashPassword("patnav: no account has this password", PasswordCost::kInteractive);
    return h.ok() ? *h : std::string();
  }();
  static const std::string minimum = [] {
    Result<std::string> h = HashPassword("patnav: no account has this password", PasswordCost::kMinimum);
    return h.ok() ? *h : std::string();
  }();
  return cost == PasswordCost::kMinimum ? minimum : interactive;
}

}  // namespace

Status EnsureSodium() {
  static const int rc = sodium_init();  // 0 first time, 1 when already done
  if (rc < 0) return Status::Internal("libsodium cannot be initialised");
  return Status::OK();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  RETURN_IF_ERROR(EnsureSodium());
  Limits l = LimitsFor(cost);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), l.ops, l.mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::Internal("not enough memory to hash a password");
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (!EnsureSodium().ok()) return false;
  if (hash.rfind("$argon2id$", 0) != 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password, PasswordCost cost) {
  (void)VerifyPassword(DummyHash(cost), password);
}

bool NeedsRehash(std::string_view hash, PasswordCost cost) {
  if (!EnsureSodium().ok()) return false;
  Limits l = LimitsFor(cost);
  std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), l.ops, l.mem) != 0;
}

}  // namespace patnav::domain
