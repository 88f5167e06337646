// The accounts calls: who may administer users, own passwords and tokens,
// tenancy of the audit trail, grants checked against operations.db, and an
// audit row for every change.
#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/accounts_json.h"
#include "domain/alliance.h"
#include "domain/members.h"
#include "testing.h"

namespace patnav::app {
namespace {

using domain::Grant;
using domain::Role;

constexpr int64_t kT0 = 1796551200;  // 2026-12-06T10:00:00Z
constexpr const char* kPassword = "correct horse battery";

struct AccountsFixture {
  patnav::testing::ScratchDir dir;
  Workspace ws{Workspace::Options{dir.path(), false}};
  domain::ManualClock clock{kT0};
  Accounts accounts{ws, Options()};

  AccountsOptions Options() {
    AccountsOptions o;
    o.password_cost = domain::PasswordCost::kMinimum;
    o.clock = &clock;
    return o;
  }
  void Alliance(const std::string& name) {
    Status st = ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
      return domain::CreateAlliance(ops, {name, "Beijing", "social", ""}).status();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  void Member(const std::string& alliance, const std::string& name) {
    Status st = ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
      return domain::AddMember(ops, {alliance, name, "industry", "2026-01-01", ""}).status();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  domain::User Add(const std::string& name, std::vector<Grant> grants = {}) {
    Result<domain::User> u = accounts.AddUser(Caller::Local(), {name, "", kPassword, std::move(grants)});
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : domain::User{};
  }
  Caller SignIn(const std::string& name) {
    LoginOutcome out = accounts.Login({name, kPassword, "192.0.2.1", "test"});
    EXPECT_TRUE(out.status.ok()) << out.status.ToString();
    Result<Caller> c = accounts.Authenticate(out.result.token);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : Caller::Anonymous();
  }
  std::vector<std::string> AuditActions() {
    Result<domain::AuditPage> page = accounts.ReadAudit(Caller::Local(), {});
    EXPECT_TRUE(page.ok());
    std::vector<std::string> out;
    if (page.ok())
      for (const auto& e : page->entries) out.push_back(e.actor + " " + e.action + " " + e.object + " " + e.outcome);
    return out;
  }
};

Grant Operator(const std::string& alliance) { return {0, Role::kOperator, alliance, "", "", ""}; }
Grant Analyst() { return {0, Role::kAnalyst, "", "", "", ""}; }
Grant Admin() { return {0, Role::kAdministrator, "", "", "", ""}; }

TEST(Accounts, ANonAdministratorCannotAddUsers) {
  AccountsFixture f;
  f.Add("ana", {Analyst()});
  Caller ana = f.SignIn("ana");
  Result<domain::User> r = f.accounts.AddUser(ana, {"mallory", "", kPassword, {}});
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.ListUsers(ana).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.DisableUser(ana, "ana").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.GrantRole(ana, {"ana", Admin()}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.AddUser(Caller::Anonymous(), {"mallory", "", kPassword, {}}).status().code(),
            StatusCode::kUnauthenticated);
  Result<std::vector<domain::User>> users = f.accounts.ListUsers(Caller::Local());
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 1u);
  const std::vector<std::string> audit = f.AuditActions();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0], "anonymous user.add user:mallory unauthenticated");
  EXPECT_EQ(audit[1], "ana user.grant user:ana permission_denied");
}

TEST(Accounts, AnAdministratorAddsUsersWithGrants) {
  AccountsFixture f;
  f.Alliance("Battery Alliance");
  f.Add("root", {Admin()});
  Caller root = f.SignIn("root");
  EXPECT_TRUE(root.IsAdministrator());
  Result<domain::User> olga = f.accounts.AddUser(root, {"olga", "Olga", kPassword, {Operator("Battery Alliance")}});
  ASSERT_TRUE(olga.ok()) << olga.status().ToString();
  ASSERT_EQ(olga->grants.size(), 1u);
  EXPECT_EQ(f.accounts.AddUser(root, {"OLGA", "", kPassword, {}}).status().code(), StatusCode::kAlreadyExists);
  Caller o = f.SignIn("olga");
  ASSERT_EQ(o.grants.size(), 1u);
  EXPECT_EQ(o.grants[0].alliance, "Battery Alliance");
  EXPECT_EQ(o.username, "olga");
  EXPECT_EQ(o.user_id, olga->id);
}

TEST(Accounts, GrantsNameAllianceMembersAndLicenseesThatExist) {
  AccountsFixture f;
  f.Alliance("Battery Alliance");
  f.Alliance("Solar Alliance");
  f.Member("Battery Alliance", "Acme Cells");
  f.Add("mia");
  Caller local = Caller::Local();
  EXPECT_EQ(f.accounts.GrantRole(local, {"mia", Operator("Nowhere Alliance")}).status().code(), StatusCode::kNotFound);
  Grant wrong_alliance{0, Role::kMember, "Solar Alliance", "Acme Cells", "", ""};
  EXPECT_EQ(f.accounts.GrantRole(local, {"mia", wrong_alliance}).status().code(), StatusCode::kNotFound);
  Grant no_such_member{0, Role::kMember, "Battery Alliance", "Nobody Ltd", "", ""};
  EXPECT_EQ(f.accounts.GrantRole(local, {"mia", no_such_member}).status().code(), StatusCode::kNotFound);
  Grant no_such_licensee{0, Role::kLicensee, "Battery Alliance", "", "Nobody Ltd", ""};
  EXPECT_EQ(f.accounts.GrantRole(local, {"mia", no_such_licensee}).status().code(), StatusCode::kNotFound);
  Grant member{0, Role::kMember, "Battery Alliance", "Acme Cells", "", ""};
  Result<Grant> g = f.accounts.GrantRole(local, {"mia", member});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(f.accounts.GrantRole(local, {"mia", member}).status().code(), StatusCode::kAlreadyExists);
  Grant reviewer{0, Role::kReviewer, "", "", "", "北京市"};
  EXPECT_TRUE(f.accounts.GrantRole(local, {"mia", reviewer}).ok()) << "no operations database needed";
  EXPECT_TRUE(f.accounts.RevokeRole(local, {"mia", member}).ok());
  EXPECT_EQ(f.accounts.RevokeRole(local, {"mia", member}).code(), StatusCode::kNotFound);
}

TEST(Accounts, GrantOfAnAllianceBeforeAnyOperationsDatabaseIsNotFound) {
  AccountsFixture f;
  f.Add("mia");
  Result<Grant> g = f.accounts.GrantRole(Caller::Local(), {"mia", Operator("Battery Alliance")});
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(g.status().message(), "unknown alliance 'Battery Alliance'");
  EXPECT_FALSE(std::filesystem::exists(f.dir.path() / "operations.db")) << "a refused grant creates nothing";
}

TEST(Accounts, UsersChangeTheirOwnPasswordOnlyWithTheCurrentOne) {
  AccountsFixture f;
  f.Add("ana", {Analyst()});
  f.Add("bob", {Analyst()});
  Caller ana = f.SignIn("ana");
  EXPECT_EQ(f.accounts.SetPassword(ana, {"ana", "a brand new password", "not the current"}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.SetPassword(ana, {"bob", "a brand new password", kPassword}).code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(f.accounts.SetPassword(ana, {"ana", "a brand new password", kPassword}).ok());
  EXPECT_EQ(f.accounts.Login({"ana", kPassword, "", ""}).status.code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(f.accounts.Login({"ana", "a brand new password", "", ""}).status.ok());
  EXPECT_TRUE(f.accounts.SetPassword(Caller::Local(), {"bob", "set by the operator", ""}).ok());
}

TEST(Accounts, LoginLogoutAndAReplayedLogout) {
  AccountsFixture f;
  f.Add("ana", {Analyst()});
  LoginOutcome in = f.accounts.Login({"ana", kPassword, "192.0.2.1", "curl/8"});
  ASSERT_TRUE(in.status.ok());
  EXPECT_EQ(in.result.expires_at, "2026-12-06T22:00:00Z");
  ASSERT_TRUE(f.accounts.Authenticate(in.result.token).ok());
  f.clock.Advance(31 * 60);
  EXPECT_EQ(f.accounts.Authenticate(in.result.token).status().code(), StatusCode::kUnauthenticated) << "idle";

  LoginOutcome again = f.accounts.Login({"ana", kPassword, "192.0.2.1", "curl/8"});
  ASSERT_TRUE(again.status.ok());
  ASSERT_TRUE(f.accounts.Logout(again.result.token, "192.0.2.1").ok());
  EXPECT_EQ(f.accounts.Authenticate(again.result.token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(f.accounts.Logout(again.result.token, "192.0.2.1").code(), StatusCode::kUnauthenticated);

  EXPECT_EQ(f.accounts.Login({"ana", "", "", ""}).status.code(), StatusCode::kInvalidArgument);
  const std::vector<std::string> audit = f.AuditActions();
  ASSERT_GE(audit.size(), 3u);
  EXPECT_EQ(audit[0], "ana session.logout user:ana ok");
  EXPECT_EQ(audit[1], "ana session.login user:ana ok");
}

TEST(Accounts, ThrottledLoginSaysHowLongToWait) {
  AccountsFixture f;
  f.Add("ana");
  for (int i = 0; i < 5; ++i) {
    LoginOutcome o = f.accounts.Login({"ana", "wrong password", "192.0.2.1", ""});
    EXPECT_EQ(o.status.code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(o.status.message(), "wrong username or password");
  }
  f.clock.Advance(60);
  LoginOutcome o = f.accounts.Login({"ana", kPassword, "192.0.2.1", ""});
  EXPECT_EQ(o.status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(o.retry_after_seconds, 840);
  EXPECT_TRUE(o.result.token.empty());
  EXPECT_EQ(f.AuditActions()[0], "anonymous session.login user:ana resource_exhausted");
}

TEST(Accounts, DisabledUsersLoseSessionsAndTokensAtOnce) {
  AccountsFixture f;
  f.Add("ana", {Analyst()});
  LoginOutcome in = f.accounts.Login({"ana", kPassword, "", ""});
  ASSERT_TRUE(in.status.ok());
  Result<domain::CreatedApiToken> t = f.accounts.CreateApiToken(Caller::Local(), {"ana", Analyst(), "ci", 30});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_TRUE(f.accounts.AuthenticateBearer(t->token).ok());
  ASSERT_TRUE(f.accounts.DisableUser(Caller::Local(), "ana").ok());
  EXPECT_EQ(f.accounts.Authenticate(in.result.token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(f.accounts.AuthenticateBearer(t->token).status().code(), StatusCode::kUnauthenticated);
  LoginOutcome after = f.accounts.Login({"ana", kPassword, "", ""});
  EXPECT_EQ(after.status.message(), "wrong username or password");
}

TEST(Accounts, AdministratorsCannotDisableThemselves) {
  AccountsFixture f;
  f.Add("root", {Admin()});
  Caller root = f.SignIn("root");
  EXPECT_EQ(f.accounts.DisableUser(root, "root").code(), StatusCode::kFailedPrecondition);
}

TEST(Accounts, OwnApiTokensCarryOnlyAGrantTheCallerHolds) {
  AccountsFixture f;
  f.Alliance("Battery Alliance");
  f.Add("olga", {Operator("Battery Alliance"), Analyst()});
  f.Add("bob", {Analyst()});
  Caller olga = f.SignIn("olga");
  Result<domain::CreatedApiToken> t = f.accounts.CreateApiToken(olga, {"", Operator("Battery Alliance"), "ops", 7});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  Result<Caller> bearer = f.accounts.AuthenticateBearer(t->token);
  ASSERT_TRUE(bearer.ok());
  ASSERT_EQ(bearer->grants.size(), 1u);
  EXPECT_EQ(bearer->grants[0].role, Role::kOperator);
  EXPECT_EQ(bearer->username, "olga");

  // A token's caller holds only the token's grant, so it cannot mint an analyst token.
  EXPECT_EQ(f.accounts.CreateApiToken(*bearer, {"", Analyst(), "", 7}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.CreateApiToken(olga, {"", Admin(), "", 7}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(f.accounts.CreateApiToken(olga, {"bob", Analyst(), "", 7}).status().code(), StatusCode::kPermissionDenied);

  Caller bob = f.SignIn("bob");
  EXPECT_EQ(f.accounts.RevokeApiToken(bob, t->info.id).code(), StatusCode::kNotFound) << "another's token";
  Result<std::vector<domain::ApiToken>> bobs = f.accounts.ListApiTokens(bob, {});
  ASSERT_TRUE(bobs.ok());
  EXPECT_TRUE(bobs->empty());
  EXPECT_EQ(f.accounts.ListApiTokens(bob, {"olga"}).status().code(), StatusCode::kPermissionDenied);
  Result<std::vector<domain::ApiToken>> mine = f.accounts.ListApiTokens(olga, {});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  ASSERT_TRUE(f.accounts.RevokeApiToken(olga, t->info.id).ok());
  EXPECT_FALSE(f.accounts.AuthenticateBearer(t->token).ok());
}

TEST(Accounts, OperatorsReadOnlyTheirAlliancesAuditRows) {
  AccountsFixture f;
  f.Alliance("Battery Alliance");
  f.Alliance("Solar Alliance");
  f.Add("olga", {Operator("Battery Alliance")});
  f.Add("ivan", {Operator("Solar Alliance")});
  f.Add("mia", {Analyst()});
  Caller olga = f.SignIn("olga"), ivan = f.SignIn("ivan"), mia = f.SignIn("mia");
  ASSERT_TRUE(f.accounts.RecordAudit(olga, {"pool.create", "pool:LTE", "Battery Alliance", Status::OK(), ""}).ok());
  ASSERT_TRUE(f.accounts.RecordAudit(ivan, {"pool.create", "pool:PV", "Solar Alliance", Status::OK(), ""}).ok());
  ASSERT_TRUE(f.accounts
                  .RecordAudit(ivan, {"distribution.close", "pool:PV", "Solar Alliance",
                                      Status::FailedPrecondition("period already closed"), ""})
                  .ok());

  Result<domain::AuditPage> seen = f.accounts.ReadAudit(olga, {});
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->entries.size(), 1u);
  EXPECT_EQ(seen->entries[0].object, "pool:LTE");
  EXPECT_EQ(seen->total, 1);

  domain::AuditFilter other;
  other.alliance = "Solar Alliance";
  EXPECT_EQ(f.accounts.ReadAudit(olga, other).status().code(), StatusCode::kNotFound);
  Result<domain::AuditPage> solar = f.accounts.ReadAudit(ivan, other);
  ASSERT_TRUE(solar.ok());
  ASSERT_EQ(solar->entries.size(), 2u);
  EXPECT_EQ(solar->entries[0].outcome, "failed_precondition");
  EXPECT_EQ(solar->entries[0].detail, "period already closed");
  EXPECT_EQ(f.accounts.ReadAudit(mia, {}).status().code(), StatusCode::kPermissionDenied);

  Result<domain::AuditPage> everything = f.accounts.ReadAudit(Caller::Local(), {});
  ASSERT_TRUE(everything.ok());
  EXPECT_GT(everything->total, 3) << "plus the user.add and session.login rows";
}

TEST(AccountsJson, NeverCarriesHashesOrSecrets) {
  AccountsFixture f;
  f.Add("ana", {Analyst()});
  LoginOutcome in = f.accounts.Login({"ana", kPassword, "", ""});
  ASSERT_TRUE(in.status.ok());
  Result<domain::CreatedApiToken> t = f.accounts.CreateApiToken(Caller::Local(), {"ana", Analyst(), "ci", 30});
  ASSERT_TRUE(t.ok());
  Result<std::vector<domain::User>> users = f.accounts.ListUsers(Caller::Local());
  ASSERT_TRUE(users.ok());
  const std::string user = ToJson((*users)[0]).dump();
  const std::string login = ToJson(in.result).dump();
  const std::string token = ToJson(t->info).dump();
  for (const std::string& text : {user, login, token}) {
    EXPECT_EQ(text.find("argon2"), std::string::npos) << text;
    EXPECT_EQ(text.find("hash"), std::string::npos) << text;
    EXPECT_EQ(text.find(in.result.token), std::string::npos) << text;
    EXPECT_EQ(text.find(t->token), std::string::npos) << text;
  }
  EXPECT_EQ(ToJson((*users)[0])["grants"][0]["role"], "analyst");
  EXPECT_TRUE(ToJson((*users)[0])["disabled_at"].is_null());
  EXPECT_EQ(ToJson(*t)["token"], t->token) << "shown once, at creation";
  Result<domain::AuditPage> page = f.accounts.ReadAudit(Caller::Local(), {});
  ASSERT_TRUE(page.ok());
  const std::string audit = ToJson(*page).dump();
  EXPECT_EQ(audit.find(kPassword), std::string::npos);
  EXPECT_EQ(audit.find(t->token), std::string::npos);
}

}  // namespace
}  // namespace patnav::app
