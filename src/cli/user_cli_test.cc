// End-to-end tests of `patnav user ...` through the binary: the first
// administrator from standard input, listing as text and JSON, refusals with
// their exit statuses, API tokens printed once, and no password ever in the
// output.
#include <sys/wait.h>

#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace patnav {
namespace {

namespace fs = std::filesystem;
using Outcome = testing::CommandOutcome;

constexpr const char* kPassword = "s3cret-Ärger-密码-horse";

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PatnavBinary().empty() || !fs::exists(testing::PatnavBinary()))
      GTEST_SKIP() << "patnav binary not built";
    db_ = (dir_.path() / "db").string();
  }
  Outcome Run(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_});
    return testing::RunPatnav(dir_, args);
  }
  // Runs patnav with `input` on standard input (and no controlling terminal
  // when `detach`, so a prompt cannot wait for one).
  Outcome RunWithInput(std::vector<std::string> args, const std::string& input, bool detach = false) {
    args.insert(args.end(), {"--db", db_});
    const fs::path in = dir_.path() / "stdin.txt", out = dir_.path() / "stdout.txt", err = dir_.path() / "stderr.txt";
    testing::WriteFile(in, input);
    std::string cmd = detach ? "setsid -w " : "";
    cmd += testing::ShellQuote(testing::PatnavBinary().string());
    for (const auto& a : args) cmd += " " + testing::ShellQuote(a);
    cmd += " < " + testing::ShellQuote(in.string()) + " > " + testing::ShellQuote(out.string()) + " 2> " +
           testing::ShellQuote(err.string());
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }
  static void ExpectNoPassword(const Outcome& o) {
    EXPECT_EQ(o.out.find(kPassword), std::string::npos) << o.out;
    EXPECT_EQ(o.err.find(kPassword), std::string::npos) << o.err;
  }
  testing::ScratchDir dir_;
  std::string db_;
};

TEST_F(UserCliTest, FirstAdministratorFromStandardInputThenListed) {
  Outcome add = RunWithInput({"user", "add", "root", "--role", "administrator", "--display", "Platform Admin",
                              "--password-stdin"},
                             std::string(kPassword) + "\n");
  ASSERT_EQ(add.code, 0) << add.err;
  EXPECT_EQ(add.out, "user 'root' added as administrator\n");
  ExpectNoPassword(add);

  Outcome list = Run({"user", "list"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("root"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("active"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("administrator"), std::string::npos) << list.out;
  ExpectNoPassword(list);

  Outcome json = Run({"user", "list", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  nlohmann::json users = nlohmann::json::parse(json.out);
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["username"], "root");
  EXPECT_EQ(users[0]["display_name"], "Platform Admin");
  EXPECT_EQ(users[0]["disabled"], false);
  EXPECT_EQ(users[0]["grants"][0]["role"], "administrator");
  EXPECT_EQ(json.out.find("argon2"), std::string::npos);
  EXPECT_EQ(json.out.find("hash"), std::string::npos);

  const std::string stored = testing::ReadFile(fs::path(db_) / "platform.db");
  EXPECT_NE(stored.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(stored.find(kPassword), std::string::npos);
}

TEST_F(UserCliTest, RefusalsExitWithTheirStatus) {
  Outcome role = RunWithInput({"user", "add", "ana", "--role", "superuser", "--password-stdin"},
                              std::string(kPassword) + "\n");
  EXPECT_EQ(role.code, 2);
  EXPECT_NE(role.err.find("patnav user add: unknown role 'superuser'"), std::string::npos) << role.err;
  ExpectNoPassword(role);

  Outcome scope = RunWithInput({"user", "add", "ana", "--role", "operator", "--password-stdin"},
                               std::string(kPassword) + "\n");
  EXPECT_EQ(scope.code, 2);
  EXPECT_NE(scope.err.find("needs an alliance"), std::string::npos) << scope.err;

  Outcome shortpw = RunWithInput({"user", "add", "ana", "--password-stdin"}, "short\n");
  EXPECT_EQ(shortpw.code, 2);
  EXPECT_NE(shortpw.err.find("shorter than 10 characters"), std::string::npos) << shortpw.err;

  Outcome badname = RunWithInput({"user", "add", "ana smith", "--password-stdin"}, std::string(kPassword) + "\n");
  EXPECT_EQ(badname.code, 2);

  Outcome empty = RunWithInput({"user", "add", "ana", "--password-stdin"}, "");
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("standard input is empty"), std::string::npos) << empty.err;

  Outcome list = Run({"user", "list", "--format", "json"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 0u) << "nothing was written";

  ASSERT_EQ(RunWithInput({"user", "add", "ana", "--password-stdin"}, std::string(kPassword) + "\n").code, 0);
  Outcome dup = RunWithInput({"user", "add", "ANA", "--password-stdin"}, std::string(kPassword) + "\n");
  EXPECT_EQ(dup.code, 2);
  EXPECT_NE(dup.err.find("is taken"), std::string::npos) << dup.err;

  Outcome alliance = Run({"user", "grant", "ana", "--role", "operator", "--alliance", "Nowhere Alliance"});
  EXPECT_EQ(alliance.code, 2);
  EXPECT_NE(alliance.err.find("patnav user grant: unknown alliance 'Nowhere Alliance'"), std::string::npos)
      << alliance.err;
  EXPECT_EQ(Run({"user", "disable", "nobody"}).code, 2);
}

TEST_F(UserCliTest, WithoutATerminalThePasswordMustComeFromStandardInput) {
  if (std::system("command -v setsid > /dev/null 2>&1") != 0) GTEST_SKIP() << "no setsid";
  Outcome o = RunWithInput({"user", "add", "ana"}, std::string(kPassword) + "\n", /*detach=*/true);
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("use --password-stdin"), std::string::npos) << o.err;
  ExpectNoPassword(o);
}

TEST_F(UserCliTest, GrantPasswdDisable) {
  ASSERT_EQ(RunWithInput({"user", "add", "ana", "--password-stdin"}, std::string(kPassword) + "\n").code, 0);
  Outcome grant = Run({"user", "grant", "ana", "--role", "reviewer", "--province", "北京市"});
  ASSERT_EQ(grant.code, 0) << grant.err;
  EXPECT_EQ(grant.out, "granted reviewer@北京市 to 'ana'\n");
  EXPECT_EQ(Run({"user", "grant", "ana", "--role", "reviewer", "--province", "北京市"}).code, 2) << "held already";

  Outcome passwd = RunWithInput({"user", "passwd", "ana", "--password-stdin"}, "another long password\r\n");
  ASSERT_EQ(passwd.code, 0) << passwd.err;
  EXPECT_EQ(passwd.out.find("another long password"), std::string::npos);

  ASSERT_EQ(Run({"user", "revoke", "ana", "--role", "reviewer", "--province", "北京市"}).code, 0);
  EXPECT_EQ(Run({"user", "revoke", "ana", "--role", "reviewer", "--province", "北京市"}).code, 2);

  Outcome disable = Run({"user", "disable", "ana"});
  ASSERT_EQ(disable.code, 0) << disable.err;
  EXPECT_EQ(Run({"user", "disable", "ana"}).code, 2) << "already disabled";
  nlohmann::json users = nlohmann::json::parse(Run({"user", "list", "--format", "json"}).out);
  EXPECT_EQ(users[0]["disabled"], true);
  EXPECT_TRUE(users[0]["grants"].empty());
}

TEST_F(UserCliTest, ApiTokenIsPrintedOnceAndRevocable) {
  ASSERT_EQ(RunWithInput({"user", "add", "ana", "--role", "analyst", "--password-stdin"},
                         std::string(kPassword) + "\n")
                .code,
            0);
  Outcome create = Run({"user", "token", "create", "ana", "--role", "analyst", "--days", "30", "--name", "nightly"});
  ASSERT_EQ(create.code, 0) << create.err;
  ASSERT_EQ(create.out.rfind("pnt_", 0), 0u) << create.out;
  const std::string token = create.out.substr(0, create.out.size() - 1);
  EXPECT_GE(token.size(), 47u);
  EXPECT_NE(create.err.find("shown only now"), std::string::npos) << create.err;

  Outcome list = Run({"user", "token", "list", "--format", "json"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(list.out.find(token), std::string::npos) << "never shown again";
  nlohmann::json tokens = nlohmann::json::parse(list.out);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0]["name"], "nightly");
  EXPECT_TRUE(tokens[0]["revoked_at"].is_null());
  const std::string id = std::to_string(tokens[0]["id"].get<int64_t>());

  EXPECT_EQ(Run({"user", "token", "create", "ana", "--role", "operator", "--alliance", "X", "--days", "30"}).code, 4)
      << "a grant ana does not hold: permission denied";
  EXPECT_EQ(Run({"user", "token", "create", "ana", "--role", "analyst", "--days", "400"}).code, 2);

  ASSERT_EQ(Run({"user", "token", "revoke", id}).code, 0);
  EXPECT_EQ(Run({"user", "token", "revoke", id}).code, 2) << "already revoked";
  EXPECT_EQ(Run({"user", "token", "revoke", "999"}).code, 2);
}

}  // namespace
}  // namespace patnav
