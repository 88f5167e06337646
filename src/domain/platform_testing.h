// Test helpers for platform.db: a database in a scratch directory, users
// made at the minimum hashing cost, and a login runner without locks.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "domain/login.h"
#include "domain/platform_db.h"
#include "domain/users.h"
#include "testing.h"

namespace patnav::domain::testing {

// 2026-12-06T10:00:00Z: the tests' "now".
inline constexpr int64_t kT0 = 1796551200;

struct PlatformFixture {
  patnav::testing::ScratchDir dir;
  std::unique_ptr<PlatformDb> db;

  PlatformFixture() {
    Result<std::unique_ptr<PlatformDb>> opened = PlatformDb::Open(dir.path());
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    if (opened.ok()) db = std::move(opened).value();
  }
  User Add(const std::string& name, const std::string& password = "correct horse battery") {
    Result<User> u = AddUser(*db, {name, "", password}, PasswordCost::kMinimum, kT0);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : User{};
  }
  PlatformAccess Access() {
    return [this](const std::function<Status(PlatformDb&)>& fn) { return fn(*db); };
  }
  LoginOutcome LogIn(const std::string& name, const std::string& password, int64_t now,
                     const std::string& address = "192.0.2.1") {
    LoginPolicy policy;
    policy.cost = PasswordCost::kMinimum;
    return Login(Access(), {name, password, address, "test-agent"}, now, policy);
  }
  int64_t Count(const std::string& sql) {
    Result<int64_t> n = db->db().QueryInt64(sql);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  }
};

}  // namespace patnav::domain::testing
