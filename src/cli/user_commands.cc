// patnav user add|passwd|disable|list|grant|revoke and user token
// create|list|revoke: the platform's accounts from the machine that holds the
// data (how the first administrator is made). Thin: parse, call
// app::Accounts as Caller::Local(), print. Passwords come from standard input
// (--password-stdin) or the terminal with echo off, never from arguments,
// and are never printed.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/accounts.h"
#include "app/accounts_json.h"
#include "base/status_table.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/password_input.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct UserOptions {
  std::string db, name, display, format = "text", label;
  std::string role, alliance, member, licensee, province;
  bool password_stdin = false;
  int days = 0;
  int64_t token_id = 0;
};

int Fail(const char* command, const Status& st) {
  std::fprintf(stderr, "patnav %s: %s\n", command, st.message().c_str());
  return ExitCodeFor(st.code());
}

std::unique_ptr<app::Workspace> OpenWorkspaceOf(const UserOptions& o) {
  app::Workspace::Options options;
  options.dir = ResolveDataDir(o.db);
  return std::make_unique<app::Workspace>(std::move(options));
}

Result<domain::Grant> GrantOf(const UserOptions& o) {
  domain::Grant g;
  ASSIGN_OR_RETURN(g.role, domain::ParseRole(o.role));
  g.alliance = o.alliance;
  g.member = o.member;
  g.licensee = o.licensee;
  g.province = o.province;
  RETURN_IF_ERROR(domain::ValidateGrant(g));
  return g;
}

// "operator@Battery Alliance", "member@Battery Alliance/Acme", "reviewer@北京市".
std::string GrantText(const domain::Grant& g) {
  std::string s = domain::RoleName(g.role);
  if (!g.alliance.empty()) s += "@" + g.alliance;
  if (!g.member.empty()) s += "/" + g.member;
  if (!g.licensee.empty()) s += "/" + g.licensee;
  if (!g.province.empty()) s += "@" + g.province;
  return s;
}

Result<std::string> NewPassword(const UserOptions& o) {
  if (o.password_stdin) return ReadPasswordLine();
  return PromptNewPassword("New password for " + o.name);
}

int RunAdd(const UserOptions& o) {
  app::AddUserRequest req{o.name, o.display, "", {}};
  if (!o.role.empty()) {
    Result<domain::Grant> g = GrantOf(o);
    if (!g.ok()) return Fail("user add", g.status());
    req.grants.push_back(*g);
  }
  Result<std::string> password = NewPassword(o);
  if (!password.ok()) return Fail("user add", password.status());
  req.password = std::move(*password);
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Result<domain::User> u = accounts.AddUser(app::Caller::Local(), req);
  if (!u.ok()) return Fail("user add", u.status());
  std::printf("user '%s' added", u->username.c_str());
  for (const domain::Grant& g : u->grants) std::printf(" as %s", GrantText(g).c_str());
  std::printf("\n");
  return kExitOk;
}

int RunPasswd(const UserOptions& o) {
  Result<std::string> password = NewPassword(o);
  if (!password.ok()) return Fail("user passwd", password.status());
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Status st = accounts.SetPassword(app::Caller::Local(), {o.name, *password, ""});
  if (!st.ok()) return Fail("user passwd", st);
  std::printf("password of '%s' changed; their sessions are signed out\n", o.name.c_str());
  return kExitOk;
}

int RunDisable(const UserOptions& o) {
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Status st = accounts.DisableUser(app::Caller::Local(), o.name);
  if (!st.ok()) return Fail("user disable", st);
  std::printf("user '%s' disabled; their sessions and API tokens are revoked\n", o.name.c_str());
  return kExitOk;
}

int RunList(const UserOptions& o) {
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Result<std::vector<domain::User>> users = accounts.ListUsers(app::Caller::Local());
  if (!users.ok()) return Fail("user list", users.status());
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const domain::User& u : *users) j.push_back(app::ToJson(u));
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  if (users->empty()) {
    std::printf("no users (the first administrator: patnav user add NAME --role administrator)\n");
    return kExitOk;
  }
  std::printf("%-20s %-9s %-20s %s\n", "USER", "STATUS", "CREATED", "GRANTS");
  for (const domain::User& u : *users) {
    std::string grants;
    for (const domain::Grant& g : u.grants) grants += (grants.empty() ? "" : ", ") + GrantText(g);
    std::printf("%-20s %-9s %-20s %s\n", u.username.c_str(), u.disabled() ? "disabled" : "active",
                u.created_at.c_str(), grants.empty() ? "-" : grants.c_str());
  }
  return kExitOk;
}

int RunGrant(const UserOptions& o, bool grant) {
  const char* cmd = grant ? "user grant" : "user revoke";
  Result<domain::Grant> g = GrantOf(o);
  if (!g.ok()) return Fail(cmd, g.status());
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Status st = grant ? accounts.GrantRole(app::Caller::Local(), {o.name, *g}).status()
                    : accounts.RevokeRole(app::Caller::Local(), {o.name, *g});
  if (!st.ok()) return Fail(cmd, st);
  std::printf(grant ? "granted %s to '%s'\n" : "revoked %s from '%s'\n", GrantText(*g).c_str(), o.name.c_str());
  return kExitOk;
}

int RunTokenCreate(const UserOptions& o) {
  Result<domain::Grant> g = GrantOf(o);
  if (!g.ok()) return Fail("user token create", g.status());
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Result<domain::CreatedApiToken> t = accounts.CreateApiToken(app::Caller::Local(), {o.name, *g, o.label, o.days});
  if (!t.ok()) return Fail("user token create", t.status());
  // The secret alone on stdout (TOKEN=$(patnav user token create ...)); the rest on stderr.
  std::printf("%s\n", t->token.c_str());
  std::fprintf(stderr, "patnav user token create: token %lld for '%s' as %s, expires %s; it is shown only now\n",
               static_cast<long long>(t->info.id), t->info.username.c_str(), GrantText(t->info.scope).c_str(),
               t->info.expires_at.c_str());
  return kExitOk;
}

int RunTokenList(const UserOptions& o) {
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Result<std::vector<domain::ApiToken>> tokens = accounts.ListApiTokens(app::Caller::Local(), {o.name});
  if (!tokens.ok()) return Fail("user token list", tokens.status());
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const domain::ApiToken& t : *tokens) j.push_back(app::ToJson(t));
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-6s %-20s %-30s %-20s %-8s %s\n", "ID", "USER", "SCOPE", "EXPIRES", "STATUS", "NAME");
  for (const domain::ApiToken& t : *tokens)
    std::printf("%-6lld %-20s %-30s %-20s %-8s %s\n", static_cast<long long>(t.id), t.username.c_str(),
                GrantText(t.scope).c_str(), t.expires_at.c_str(), t.revoked() ? "revoked" : "live", t.name.c_str());
  return kExitOk;
}

int RunTokenRevoke(const UserOptions& o) {
  auto ws = OpenWorkspaceOf(o);
  app::Accounts accounts(*ws);
  Status st = accounts.RevokeApiToken(app::Caller::Local(), o.token_id);
  if (!st.ok()) return Fail("user token revoke", st);
  std::printf("API token %lld revoked\n", static_cast<long long>(o.token_id));
  return kExitOk;
}

void AddGrantOptions(CLI::App* c, UserOptions& o, bool required) {
  auto* role = c->add_option("--role", o.role, "administrator, operator, member, licensee, analyst or reviewer");
  if (required) role->required();
  c->add_option("--alliance", o.alliance, "the alliance (operator, member, licensee; optional for analyst)");
  c->add_option("--member", o.member, "the member (member role)");
  c->add_option("--licensee", o.licensee, "the licensee (licensee role)");
  c->add_option("--province", o.province, "the province (reviewer role)");
}

CLI::App* Sub(CLI::App* parent, const char* name, const char* help, std::shared_ptr<UserOptions> o) {
  CLI::App* c = parent->add_subcommand(name, help);
  c->add_option("--db", o->db, kDbHelp);
  return c;
}

}  // namespace

void AddUserCommands(CLI::App& app, int* exit_code) {
  CLI::App* user = app.add_subcommand("user", "platform accounts: add, passwd, disable, list, grant, revoke, token");
  user->require_subcommand(1);
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(user, "add", "add an account (the first one: --role administrator)", o);
    c->add_option("name", o->name, "username: letters, digits, '.', '_', '-'")->required();
    c->add_option("--display", o->display, "display name");
    AddGrantOptions(c, *o, false);
    c->add_flag("--password-stdin", o->password_stdin, "read the password from the first line of standard input");
    c->callback([o, exit_code] { *exit_code = RunAdd(*o); });
  }
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(user, "passwd", "set a new password (signs the user's sessions out)", o);
    c->add_option("name", o->name, "username")->required();
    c->add_flag("--password-stdin", o->password_stdin, "read the password from the first line of standard input");
    c->callback([o, exit_code] { *exit_code = RunPasswd(*o); });
  }
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(user, "disable", "disable an account: its sessions and API tokens stop at once", o);
    c->add_option("name", o->name, "username")->required();
    c->callback([o, exit_code] { *exit_code = RunDisable(*o); });
  }
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(user, "list", "every account with its grants", o);
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunList(*o); });
  }
  for (bool grant : {true, false}) {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(user, grant ? "grant" : "revoke", grant ? "grant a role" : "take a role away", o);
    c->add_option("name", o->name, "username")->required();
    AddGrantOptions(c, *o, true);
    c->callback([o, exit_code, grant] { *exit_code = RunGrant(*o, grant); });
  }
  CLI::App* token = user->add_subcommand("token", "API tokens for scripts: create, list, revoke");
  token->require_subcommand(1);
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(token, "create", "a token scoped to one of the user's grants (printed once)", o);
    c->add_option("username", o->name, "username")->required();
    AddGrantOptions(c, *o, true);
    c->add_option("--days", o->days, "lifetime in days (1-365)")->required()->check(CLI::Range(1, 365));
    c->add_option("--name", o->label, "a label (\"nightly export\")");
    c->callback([o, exit_code] { *exit_code = RunTokenCreate(*o); });
  }
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(token, "list", "API tokens (of one user, or everyone's)", o);
    c->add_option("name", o->name, "username (default: every user)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunTokenList(*o); });
  }
  {
    auto o = std::make_shared<UserOptions>();
    CLI::App* c = Sub(token, "revoke", "revoke an API token", o);
    c->add_option("id", o->token_id, "the token's id (user token list)")->required();
    c->callback([o, exit_code] { *exit_code = RunTokenRevoke(*o); });
  }
}

}  // namespace patnav::cli
