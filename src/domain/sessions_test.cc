// Sessions and API tokens of platform.db: only hashes stored, timeouts on a
// test clock, revocation at once, tokens scoped to one held grant.
#include <gtest/gtest.h>

#include "domain/api_tokens.h"
#include "domain/platform_clock.h"
#include "domain/platform_testing.h"
#include "domain/secret_token.h"
#include "domain/sessions.h"

namespace patnav::domain {
namespace {

using testing::kT0;
using testing::PlatformFixture;

constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;

TEST(SecretToken, Is43UrlSafeCharactersAndRandom) {
  Result<std::string> a = NewSecretToken(), b = NewSecretToken();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->size(), 43u);
  EXPECT_NE(*a, *b);
  for (char c : *a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << *a;
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sessions, OnlyTheHashIsStored) {
  PlatformFixture f;
  User u = f.Add("alice");
  Result<NewSession> s = CreateSession(*f.db, u.id, "192.0.2.1", "curl/8", kT0, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_GE(s->token.size(), 43u);
  EXPECT_EQ(s->expires_at, "2026-12-06T22:00:00Z");
  Result<Statement> q = f.db->db().Prepare("SELECT token_hash FROM session");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->ColumnText(0), TokenHash(s->token));
  EXPECT_NE(q->ColumnText(0), s->token);
}

TEST(Sessions, LookupGivesTheUserWithGrants) {
  PlatformFixture f;
  User u = f.Add("alice");
  ASSERT_TRUE(AddGrant(*f.db, "alice", {0, Role::kAnalyst, "", "", "", ""}, kT0).ok());
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, {});
  ASSERT_TRUE(s.ok());
  Result<SessionInfo> info = LookupSession(*f.db, s->token, kT0 + 10, {});
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->user.username, "alice");
  ASSERT_EQ(info->user.grants.size(), 1u);
  EXPECT_EQ(info->user.grants[0].role, Role::kAnalyst);
  EXPECT_EQ(LookupSession(*f.db, s->token + "x", kT0 + 10, {}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(LookupSession(*f.db, "", kT0 + 10, {}).status().code(), StatusCode::kUnauthenticated);
}

TEST(Sessions, IdleTimeoutEndsAnUnusedSession) {
  PlatformFixture f;
  User u = f.Add("alice");
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, {});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(LookupSession(*f.db, s->token, kT0 + 29 * kMinute, {}).ok());
  // Used at 29 min, so idle counts from there.
  EXPECT_TRUE(LookupSession(*f.db, s->token, kT0 + 58 * kMinute, {}).ok());
  Result<SessionInfo> late = LookupSession(*f.db, s->token, kT0 + 58 * kMinute + 30 * kMinute, {});
  EXPECT_EQ(late.status().code(), StatusCode::kUnauthenticated);
}

TEST(Sessions, TouchWritesAtMostOncePerInterval) {
  PlatformFixture f;
  User u = f.Add("alice");
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, {});
  ASSERT_TRUE(s.ok());
  auto last_seen = [&] {
    Result<Statement> q = f.db->db().Prepare("SELECT last_seen_at FROM session");
    EXPECT_TRUE(q.ok() && *q->Step());
    return std::string(q->ColumnText(0));
  };
  ASSERT_TRUE(LookupSession(*f.db, s->token, kT0 + 30, {}).ok());
  EXPECT_EQ(last_seen(), "2026-12-06T10:00:00Z");
  ASSERT_TRUE(LookupSession(*f.db, s->token, kT0 + 61, {}).ok());
  EXPECT_EQ(last_seen(), "2026-12-06T10:01:01Z");
  ASSERT_TRUE(LookupSession(*f.db, s->token, kT0 + 90, {}).ok());
  EXPECT_EQ(last_seen(), "2026-12-06T10:01:01Z");
}

TEST(Sessions, AbsoluteTimeoutEndsEvenABusySession) {
  PlatformFixture f;
  User u = f.Add("alice");
  SessionPolicy policy;
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, policy);
  ASSERT_TRUE(s.ok());
  int64_t t = kT0;
  for (; t < kT0 + 12 * kHour - 20 * kMinute; t += 20 * kMinute)
    ASSERT_TRUE(LookupSession(*f.db, s->token, t, policy).ok()) << FormatIsoUtc(t);
  EXPECT_EQ(LookupSession(*f.db, s->token, kT0 + 12 * kHour, policy).status().code(), StatusCode::kUnauthenticated);
}

TEST(Sessions, TimeoutsAreConfigurable) {
  PlatformFixture f;
  User u = f.Add("alice");
  SessionPolicy policy;
  policy.idle_seconds = 5 * kMinute;
  policy.absolute_seconds = kHour;
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, policy);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->expires_at, "2026-12-06T11:00:00Z");
  EXPECT_EQ(LookupSession(*f.db, s->token, kT0 + 6 * kMinute, policy).status().code(), StatusCode::kUnauthenticated);
}

TEST(Sessions, LogoutRevokesAndAReplayedLogoutIsRefused) {
  PlatformFixture f;
  User u = f.Add("alice");
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, {});
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(RevokeSession(*f.db, s->token, kT0 + 5).ok());
  EXPECT_EQ(LookupSession(*f.db, s->token, kT0 + 6, {}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(RevokeSession(*f.db, s->token, kT0 + 7).code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(RevokeSession(*f.db, "forged-token", kT0 + 7).code(), StatusCode::kUnauthenticated);
}

TEST(Sessions, PasswordChangeRevokesEverySessionOfTheUser) {
  PlatformFixture f;
  User alice = f.Add("alice"), bob = f.Add("bob");
  Result<NewSession> a1 = CreateSession(*f.db, alice.id, "", "", kT0, {});
  Result<NewSession> a2 = CreateSession(*f.db, alice.id, "", "", kT0, {});
  Result<NewSession> b = CreateSession(*f.db, bob.id, "", "", kT0, {});
  ASSERT_TRUE(a1.ok() && a2.ok() && b.ok());
  ASSERT_TRUE(SetPassword(*f.db, "alice", "a brand new password", PasswordCost::kMinimum, kT0 + 10).ok());
  EXPECT_FALSE(LookupSession(*f.db, a1->token, kT0 + 11, {}).ok());
  EXPECT_FALSE(LookupSession(*f.db, a2->token, kT0 + 11, {}).ok());
  EXPECT_TRUE(LookupSession(*f.db, b->token, kT0 + 11, {}).ok());
  EXPECT_EQ(SetPassword(*f.db, "alice", "short", PasswordCost::kMinimum, kT0).code(), StatusCode::kInvalidArgument);
}

TEST(Sessions, DisablingAUserRefusesItsSessionsAndTokensAtOnce) {
  PlatformFixture f;
  User u = f.Add("alice");
  Grant analyst{0, Role::kAnalyst, "", "", "", ""};
  ASSERT_TRUE(AddGrant(*f.db, "alice", analyst, kT0).ok());
  Result<NewSession> s = CreateSession(*f.db, u.id, "", "", kT0, {});
  Result<CreatedApiToken> t = CreateApiToken(*f.db, {"alice", analyst, "ci", 30}, kT0);
  ASSERT_TRUE(s.ok() && t.ok());
  ASSERT_TRUE(LookupSession(*f.db, s->token, kT0 + 1, {}).ok());
  ASSERT_TRUE(LookupApiToken(*f.db, t->token, kT0 + 1).ok());
  ASSERT_TRUE(DisableUser(*f.db, "alice", kT0 + 2).ok());
  EXPECT_EQ(LookupSession(*f.db, s->token, kT0 + 3, {}).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(LookupApiToken(*f.db, t->token, kT0 + 3).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(f.Count("SELECT count(*) FROM session WHERE revoked_at IS NULL"), 0);
  EXPECT_EQ(f.Count("SELECT count(*) FROM api_token WHERE revoked_at IS NULL"), 0);
}

TEST(ApiTokens, ScopedToOneHeldGrantAndStoredHashed) {
  PlatformFixture f;
  f.Add("olga");
  Grant op{0, Role::kOperator, "Battery Alliance", "", "", ""};
  Grant analyst{0, Role::kAnalyst, "", "", "", ""};
  ASSERT_TRUE(AddGrant(*f.db, "olga", op, kT0).ok());
  ASSERT_TRUE(AddGrant(*f.db, "olga", analyst, kT0).ok());
  Result<CreatedApiToken> t = CreateApiToken(*f.db, {"olga", op, "nightly", 90}, kT0);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->token.rfind("pnt_", 0), 0u);
  EXPECT_GE(t->token.size(), 4u + 43u);
  EXPECT_EQ(t->info.expires_at, "2027-03-06T10:00:00Z");
  EXPECT_EQ(t->info.name, "nightly");
  EXPECT_EQ(f.Count("SELECT count(*) FROM api_token WHERE token_hash = '" + TokenHash(t->token) + "'"), 1);

  Result<ApiTokenIdentity> id = LookupApiToken(*f.db, t->token, kT0 + 5);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(id->user.username, "olga");
  ASSERT_EQ(id->user.grants.size(), 1u) << "only the token's grant";
  EXPECT_EQ(id->user.grants[0].role, Role::kOperator);
  EXPECT_EQ(id->user.grants[0].alliance, "Battery Alliance");
}

TEST(ApiTokens, RefusesAScopeNotHeldAndBadLifetimes) {
  PlatformFixture f;
  f.Add("olga");
  Grant op{0, Role::kOperator, "Battery Alliance", "", "", ""};
  ASSERT_TRUE(AddGrant(*f.db, "olga", op, kT0).ok());
  Grant other{0, Role::kOperator, "Other Alliance", "", "", ""};
  EXPECT_EQ(CreateApiToken(*f.db, {"olga", other, "", 30}, kT0).status().code(), StatusCode::kPermissionDenied);
  Grant admin{0, Role::kAdministrator, "", "", "", ""};
  EXPECT_EQ(CreateApiToken(*f.db, {"olga", admin, "", 30}, kT0).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(CreateApiToken(*f.db, {"olga", op, "", 0}, kT0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(CreateApiToken(*f.db, {"olga", op, "", 366}, kT0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CreateApiToken(*f.db, {"olga", op, "", 365}, kT0).ok());
  EXPECT_EQ(CreateApiToken(*f.db, {"nobody", op, "", 30}, kT0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(f.Count("SELECT count(*) FROM api_token"), 1);
}

TEST(ApiTokens, ExpireRevokeAndLoseTheirGrant) {
  PlatformFixture f;
  f.Add("olga");
  Grant op{0, Role::kOperator, "Battery Alliance", "", "", ""};
  ASSERT_TRUE(AddGrant(*f.db, "olga", op, kT0).ok());
  Result<CreatedApiToken> a = CreateApiToken(*f.db, {"olga", op, "a", 1}, kT0);
  Result<CreatedApiToken> b = CreateApiToken(*f.db, {"olga", op, "b", 30}, kT0);
  Result<CreatedApiToken> c = CreateApiToken(*f.db, {"olga", op, "c", 30}, kT0);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_TRUE(LookupApiToken(*f.db, a->token, kT0 + kDay - 1).ok());
  EXPECT_EQ(LookupApiToken(*f.db, a->token, kT0 + kDay).status().code(), StatusCode::kUnauthenticated);

  ASSERT_TRUE(RevokeApiToken(*f.db, b->info.id, kT0 + 10).ok());
  EXPECT_EQ(LookupApiToken(*f.db, b->token, kT0 + 11).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(RevokeApiToken(*f.db, b->info.id, kT0 + 12).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(RevokeApiToken(*f.db, 999, kT0 + 12).code(), StatusCode::kNotFound);

  ASSERT_TRUE(LookupApiToken(*f.db, c->token, kT0 + 20).ok());
  ASSERT_TRUE(RemoveGrant(*f.db, "olga", op, kT0 + 21).ok());
  EXPECT_EQ(LookupApiToken(*f.db, c->token, kT0 + 22).status().code(), StatusCode::kUnauthenticated);

  EXPECT_EQ(LookupApiToken(*f.db, "pnt_forged", kT0).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(LookupApiToken(*f.db, c->token.substr(4), kT0).status().code(), StatusCode::kUnauthenticated);

  Result<std::vector<ApiToken>> listed = ListApiTokens(*f.db, "olga");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].name, "c") << "newest first";
  EXPECT_FALSE((*listed)[0].last_used_at.empty());
  EXPECT_TRUE((*listed)[1].revoked());
}

}  // namespace
}  // namespace patnav::domain
