// Logging in: one message for every wrong credential, disabled users
// refused, and the throttle per account and per client address.
#include <gtest/gtest.h>

#include "domain/login.h"
#include "domain/platform_testing.h"

namespace patnav::domain {
namespace {

using testing::kT0;
using testing::PlatformFixture;

constexpr const char* kRight = "correct horse battery";

TEST(Login, RightPasswordOpensASession) {
  PlatformFixture f;
  f.Add("alice", kRight);
  LoginOutcome out = f.LogIn("alice", kRight, kT0);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  EXPECT_EQ(out.user.username, "alice");
  EXPECT_TRUE(LookupSession(*f.db, out.session.token, kT0 + 1, {}).ok());
  LoginOutcome any_case = f.LogIn("ALICE", kRight, kT0);
  EXPECT_TRUE(any_case.status.ok());
}

TEST(Login, WrongPasswordUnknownUserAndDisabledUserSayTheSame) {
  PlatformFixture f;
  f.Add("alice", kRight);
  f.Add("dave", kRight);
  ASSERT_TRUE(DisableUser(*f.db, "dave", kT0).ok());
  LoginOutcome wrong = f.LogIn("alice", "not the password", kT0);
  LoginOutcome unknown = f.LogIn("nobody", kRight, kT0);
  LoginOutcome invalid = f.LogIn("no body", kRight, kT0);
  LoginOutcome disabled = f.LogIn("dave", kRight, kT0);
  for (const LoginOutcome* o : {&wrong, &unknown, &invalid, &disabled}) {
    EXPECT_EQ(o->status.code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(o->status.message(), "wrong username or password");
    EXPECT_TRUE(o->session.token.empty());
  }
  EXPECT_EQ(f.Count("SELECT count(*) FROM session"), 0);
}

TEST(Login, FiveFailuresLockTheAccountEvenForTheRightPassword) {
  PlatformFixture f;
  f.Add("alice", kRight);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(f.LogIn("alice", "wrong password", kT0 + i * 60).status.code(), StatusCode::kUnauthenticated);
  LoginOutcome locked = f.LogIn("alice", kRight, kT0 + 300);
  EXPECT_EQ(locked.status.code(), StatusCode::kResourceExhausted);
  // The first failure (at kT0) leaves the 15-minute window at kT0 + 900.
  EXPECT_EQ(locked.retry_after_seconds, 600);
  EXPECT_TRUE(locked.session.token.empty());
  // Another address is locked out of this account too.
  EXPECT_EQ(f.LogIn("alice", kRight, kT0 + 301, "198.51.100.7").status.code(), StatusCode::kResourceExhausted);
  // Refused attempts are not counted: the wait does not grow.
  EXPECT_EQ(f.LogIn("alice", kRight, kT0 + 899).retry_after_seconds, 1);
  LoginOutcome later = f.LogIn("alice", kRight, kT0 + 900);
  EXPECT_TRUE(later.status.ok()) << later.status.ToString();
}

TEST(Login, ASuccessResetsTheAccountCounter) {
  PlatformFixture f;
  f.Add("alice", kRight);
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(f.LogIn("alice", "wrong password", kT0 + i).status.ok());
  ASSERT_TRUE(f.LogIn("alice", kRight, kT0 + 10).status.ok());
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(f.LogIn("alice", "wrong password", kT0 + 20 + i).status.ok());
  EXPECT_TRUE(f.LogIn("alice", kRight, kT0 + 30).status.ok());
}

TEST(Login, UnknownUsernamesAreThrottledLikeKnownOnes) {
  PlatformFixture f;
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(f.LogIn("nobody", "wrong password", kT0 + i).status.ok());
  EXPECT_EQ(f.LogIn("nobody", "wrong password", kT0 + 5).status.code(), StatusCode::kResourceExhausted);
}

TEST(Login, TwentyFailuresFromOneAddressLockThatAddress) {
  PlatformFixture f;
  f.Add("alice", kRight);
  for (int i = 0; i < 20; ++i) {
    // Four names, five failures each would lock them; spread over 20 names.
    LoginOutcome o = f.LogIn("user" + std::to_string(i), "wrong password", kT0 + i, "203.0.113.9");
    ASSERT_EQ(o.status.code(), StatusCode::kUnauthenticated) << i;
  }
  LoginOutcome locked = f.LogIn("alice", kRight, kT0 + 100, "203.0.113.9");
  EXPECT_EQ(locked.status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(locked.retry_after_seconds, 800);
  EXPECT_TRUE(f.LogIn("alice", kRight, kT0 + 100, "198.51.100.7").status.ok()) << "another address is not locked";
}

TEST(Login, ASuccessDoesNotCountAgainstTheAddress) {
  PlatformFixture f;
  f.Add("alice", kRight);
  for (int i = 0; i < 25; ++i) ASSERT_TRUE(f.LogIn("alice", kRight, kT0 + i, "203.0.113.9").status.ok()) << i;
}

}  // namespace
}  // namespace patnav::domain
