// Accounts of platform.db: password hashes, username and password rules,
// grants, disabling, and the schema's refusals.
#include <gtest/gtest.h>

#include "domain/password_hash.h"
#include "domain/platform_clock.h"
#include "domain/platform_testing.h"
#include "domain/users.h"

namespace patnav::domain {
namespace {

using testing::kT0;
using testing::PlatformFixture;

TEST(PasswordHash, IsArgon2idAndVerifiesOnlyTheRightPassword) {
  Result<std::string> h = HashPassword("correct horse battery", PasswordCost::kMinimum);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*h, ""));
  Result<std::string> again = HashPassword("correct horse battery", PasswordCost::kMinimum);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*h, *again) << "each hash has its own salt";
  EXPECT_FALSE(VerifyPassword("$argon2i$v=19$m=8,t=1,p=1$xx$yy", "correct horse battery"));
}

TEST(PasswordHash, InteractiveCostIsTheDefaultForAccounts) {
  Result<std::string> h = HashPassword("correct horse battery", PasswordCost::kInteractive);
  ASSERT_TRUE(h.ok());
  EXPECT_NE(h->find("m=65536"), std::string::npos) << *h;
  EXPECT_TRUE(NeedsRehash(*h, PasswordCost::kMinimum));
  EXPECT_FALSE(NeedsRehash(*h, PasswordCost::kInteractive));
}

TEST(IsoTime, RoundTripsAndRefusesOtherForms) {
  EXPECT_EQ(FormatIsoUtc(kT0), "2026-12-06T10:00:00Z");
  Result<int64_t> t = ParseIsoUtc("2026-12-06T10:00:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, kT0);
  EXPECT_FALSE(ParseIsoUtc("2026-02-30T10:00:00Z").ok());
  EXPECT_FALSE(ParseIsoUtc("2026-12-06 10:00:00").ok());
  EXPECT_FALSE(ParseIsoUtc("2026-12-06T10:00:00+01:00").ok());
}

TEST(Users, StoredHashIsArgon2idAndNeverThePassword) {
  PlatformFixture f;
  f.Add("alice", "correct horse battery");
  ASSERT_TRUE(f.db);
  Result<Statement> s = f.db->db().Prepare("SELECT password_hash FROM user WHERE username = 'alice'");
  ASSERT_TRUE(s.ok());
  Result<bool> row = s->Step();
  ASSERT_TRUE(row.ok() && *row);
  std::string hash(s->ColumnText(0));
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find("correct horse battery"), std::string::npos);
}

TEST(Users, UsernameRules) {
  EXPECT_TRUE(ValidateUsername("alice").ok());
  EXPECT_TRUE(ValidateUsername("a.b_c-1").ok());
  EXPECT_TRUE(ValidateUsername("张伟").ok());
  EXPECT_TRUE(ValidateUsername("Zoë").ok());
  EXPECT_TRUE(ValidateUsername(std::string(64, 'x')).ok());
  EXPECT_FALSE(ValidateUsername("").ok());
  EXPECT_FALSE(ValidateUsername(std::string(65, 'x')).ok());
  EXPECT_FALSE(ValidateUsername("alice smith").ok());
  EXPECT_FALSE(ValidateUsername("alice@example").ok());
  EXPECT_FALSE(ValidateUsername("../etc").ok());
  EXPECT_FALSE(ValidateUsername("a\xff").ok());
  Status st = ValidateUsername("a/b");
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("letters, digits"), std::string::npos) << st.message();
}

TEST(Users, PasswordRules) {
  EXPECT_TRUE(ValidatePassword("0123456789", "alice").ok());
  EXPECT_TRUE(ValidatePassword("密码密码密码密码密码", "alice").ok()) << "ten characters, not ten bytes";
  EXPECT_FALSE(ValidatePassword("012345678", "alice").ok());
  EXPECT_FALSE(ValidatePassword("alice.smith", "Alice.Smith").ok()) << "not the username";
  EXPECT_FALSE(ValidatePassword(std::string(1025, 'p'), "alice").ok());
}

TEST(Users, AddRefusesTakenNamesInAnyCaseOrWidth) {
  PlatformFixture f;
  f.Add("Alice");
  Result<User> dup = AddUser(*f.db, {"alice", "", "another password"}, PasswordCost::kMinimum, kT0);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  Result<User> wide = AddUser(*f.db, {"ＡＬＩＣＥ", "", "another password"}, PasswordCost::kMinimum, kT0);
  EXPECT_EQ(wide.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(f.Count("SELECT count(*) FROM user"), 1);
  Result<User> found = FindUser(*f.db, "ALICE");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->username, "Alice") << "the case first given is kept";
  EXPECT_EQ(found->created_at, "2026-12-06T10:00:00Z");
}

TEST(Users, AddRefusesBadInputAndWritesNothing) {
  PlatformFixture f;
  EXPECT_EQ(AddUser(*f.db, {"bob", "", "short"}, PasswordCost::kMinimum, kT0).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AddUser(*f.db, {"bob smith", "", "long enough password"}, PasswordCost::kMinimum, kT0).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AddUser(*f.db, {"bob", "a\nb", "long enough password"}, PasswordCost::kMinimum, kT0).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(f.Count("SELECT count(*) FROM user"), 0);
}

TEST(Users, GrantsAreValidatedUniqueAndListed) {
  PlatformFixture f;
  f.Add("olga");
  Grant op{0, Role::kOperator, "Battery Alliance", "", "", ""};
  Result<Grant> g = AddGrant(*f.db, "olga", op, kT0);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_GT(g->id, 0);
  EXPECT_EQ(AddGrant(*f.db, "OLGA", op, kT0).status().code(), StatusCode::kAlreadyExists);
  Grant no_alliance{0, Role::kOperator, "", "", "", ""};
  EXPECT_EQ(AddGrant(*f.db, "olga", no_alliance, kT0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AddGrant(*f.db, "nobody", op, kT0).status().code(), StatusCode::kNotFound);
  Grant analyst{0, Role::kAnalyst, "", "", "", ""};
  ASSERT_TRUE(AddGrant(*f.db, "olga", analyst, kT0).ok());

  Result<std::vector<User>> users = ListUsers(*f.db);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 1u);
  ASSERT_EQ((*users)[0].grants.size(), 2u);
  EXPECT_EQ((*users)[0].grants[0].role, Role::kOperator);
  EXPECT_EQ((*users)[0].grants[0].alliance, "Battery Alliance");
  EXPECT_EQ((*users)[0].grants[1].role, Role::kAnalyst);

  ASSERT_TRUE(RemoveGrant(*f.db, "olga", op, kT0).ok());
  EXPECT_EQ(RemoveGrant(*f.db, "olga", op, kT0).code(), StatusCode::kNotFound);
  EXPECT_EQ(f.Count("SELECT count(*) FROM \"grant\""), 1);
}

TEST(Users, ListIsOrderedByName) {
  PlatformFixture f;
  f.Add("carol");
  f.Add("Alice");
  f.Add("bob");
  Result<std::vector<User>> users = ListUsers(*f.db);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].username, "Alice");
  EXPECT_EQ((*users)[1].username, "bob");
  EXPECT_EQ((*users)[2].username, "carol");
}

TEST(Users, DisableTwiceIsAFailedPrecondition) {
  PlatformFixture f;
  f.Add("dave");
  ASSERT_TRUE(DisableUser(*f.db, "dave", kT0 + 5).ok());
  Result<User> u = FindUser(*f.db, "dave");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->disabled_at, "2026-12-06T10:00:05Z");
  EXPECT_EQ(DisableUser(*f.db, "dave", kT0 + 6).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(DisableUser(*f.db, "nobody", kT0).code(), StatusCode::kNotFound);
}

TEST(PlatformDbSchema, RefusesAHashThatIsNotArgon2id) {
  PlatformFixture f;
  Status st = f.db->db().Exec(
      "INSERT INTO user(username, username_key, password_hash, created_at, password_changed_at) "
      "VALUES ('eve', 'eve', 'plaintext', 'x', 'x')");
  EXPECT_FALSE(st.ok());
}

TEST(PlatformDbSchema, ReopensAtTheSameVersionAndIsOwnerOnly) {
  PlatformFixture f;
  f.Add("alice");
  const int version = f.db->schema_version();
  EXPECT_EQ(version, 1);
  f.db.reset();
  Result<std::unique_ptr<PlatformDb>> again = PlatformDb::Open(f.dir.path());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->schema_version(), version);
  EXPECT_TRUE(FindUser(**again, "alice").ok());
  namespace fs = std::filesystem;
  fs::perms p = fs::status(f.dir.path() / kPlatformFileName).permissions();
  EXPECT_EQ(p & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
}

}  // namespace
}  // namespace patnav::domain
