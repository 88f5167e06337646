// The tenancy matrix: every role x every endpoint x own and other alliance
// (and own and other member or licensee), each case's expected answer
// written down here from docs/api.md ("Roles and tenancy"), independently of
// app/authorize.cc, and every case asserted over real HTTP.
//
// "allowed" means the request got past authorisation: any status but 401,
// 403 and 404 (writes here name objects that already exist, so an allowed
// write is refused as a duplicate and changes nothing).
#include <map>
#include <set>
#include <sstream>

#include "api_fixture.h"

namespace patnav::server::testing {
namespace {

enum class Expect { kAllowed, kUnauthenticated, kForbidden, kNotFound };

const char* Name(Expect e) {
  switch (e) {
    case Expect::kAllowed: return "allowed";
    case Expect::kUnauthenticated: return "401";
    case Expect::kForbidden: return "403";
    case Expect::kNotFound: return "404";
  }
  return "?";
}

Expect Observed(int status) {
  if (status == 401) return Expect::kUnauthenticated;
  if (status == 403) return Expect::kForbidden;
  if (status == 404) return Expect::kNotFound;
  return Expect::kAllowed;
}

// What an alliance's fixtures are called.
struct Tenant {
  std::string alliance, member, other_member, pool, programme, licensee;
};
const Tenant kAlpha = {"Alpha", "Acme", "Tsinghua", "PA", "GA", "BYD"};
const Tenant kBeta = {"Beta", "BetaCo", "", "PB", "GB", "NIO"};

// The classes of alliance endpoints, by what they expose.
enum class Kind {
  kRead,         // the alliance's shared, non-money views
  kMoney,        // the alliance's money: ledger, every statement, fund, distribution plans
  kMemberMoney,  // one member's statement or balance (the tenant's `member`)
  kLicensee,     // one licensee's agreements and reports (the tenant's `licensee`)
  kWrite,        // the operator's changes
};

struct Role {
  std::string label;
  std::string home;  // the alliance of its grant; "" none; "*" administrator
  std::string kind;  // administrator, operator, member, licensee, analyst, reviewer, anonymous
  std::string member, licensee;
};

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> r = {
      {"admin", "*", "administrator", "", ""}, {"opA", "Alpha", "operator", "", ""},
      {"opB", "Beta", "operator", "", ""},      {"memA", "Alpha", "member", "Acme", ""},
      {"memT", "Alpha", "member", "Tsinghua", ""}, {"licA", "Alpha", "licensee", "", "BYD"},
      {"anaA", "Alpha", "analyst", "", ""},     {"ana", "", "analyst", "", ""},
      {"rev", "", "reviewer", "", ""},          {"", "", "anonymous", "", ""},
  };
  return r;
}

Expect Expected(const Role& role, Kind kind, const Tenant& t) {
  if (role.kind == "anonymous") return Expect::kUnauthenticated;
  if (role.home == "*") return Expect::kAllowed;
  if (role.home != t.alliance) return Expect::kNotFound;
  if (role.kind == "operator") return Expect::kAllowed;
  switch (kind) {
    case Kind::kRead:
      return role.kind == "member" || role.kind == "analyst" ? Expect::kAllowed : Expect::kForbidden;
    case Kind::kMemberMoney:
      if (role.kind == "member") return role.member == t.member ? Expect::kAllowed : Expect::kNotFound;
      return Expect::kForbidden;
    case Kind::kLicensee:
      if (role.kind == "licensee") return role.licensee == t.licensee ? Expect::kAllowed : Expect::kNotFound;
      return Expect::kForbidden;
    case Kind::kMoney:
    case Kind::kWrite:
      return Expect::kForbidden;
  }
  return Expect::kForbidden;
}

struct Endpoint {
  Kind kind;
  std::string method;
  std::string path;  // {A} alliance, {M} member, {P} pool, {G} programme, {L} licensee
  std::string body;  // the same placeholders
};

const std::vector<Endpoint>& AllianceEndpoints() {
  static const std::vector<Endpoint> e = {
      {Kind::kRead, "GET", "/api/v1/alliances/{A}", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/members", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/pools", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/pools/{P}", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/programmes", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/experts", ""},
      {Kind::kRead, "GET", "/api/v1/alliances/{A}/landscapes", ""},
      {Kind::kMoney, "GET", "/api/v1/alliances/{A}/ledger", ""},
      {Kind::kMoney, "GET", "/api/v1/alliances/{A}/ledger/check", ""},
      {Kind::kMoney, "GET", "/api/v1/alliances/{A}/statements?period=2025Q1", ""},
      {Kind::kMoney, "GET", "/api/v1/alliances/{A}/fund", ""},
      {Kind::kMoney, "POST", "/api/v1/alliances/{A}/distributions", R"({"pool":"{P}","period":"2025Q1"})"},
      {Kind::kMemberMoney, "GET", "/api/v1/alliances/{A}/members/{M}/statement?period=2025Q1", ""},
      {Kind::kMemberMoney, "GET", "/api/v1/alliances/{A}/members/{M}/balance", ""},
      {Kind::kLicensee, "GET", "/api/v1/alliances/{A}/royalty-reports?licensee={L}", ""},
      {Kind::kLicensee, "GET", "/api/v1/alliances/{A}/agreements?licensee={L}", ""},
      {Kind::kWrite, "POST", "/api/v1/alliances/{A}/members", R"({"name":"{M}","type":"industry"})"},
      {Kind::kWrite, "POST", "/api/v1/alliances/{A}/pools", R"({"name":"{P}","currency":"USD"})"},
      {Kind::kWrite, "POST", "/api/v1/alliances/{A}/licensees", R"({"name":"{L}","country":"CN"})"},
      {Kind::kWrite, "POST", "/api/v1/alliances/{A}/programmes", R"({"pool":"{P}","name":"{G}","rate":"0.50"})"},
      {Kind::kWrite, "PUT", "/api/v1/alliances/{A}/charter/1", R"({"text":"联盟名称 / name"})"},
  };
  return e;
}

std::string Fill(std::string s, const Tenant& t, const std::string& member) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  };
  replace("{A}", t.alliance);
  replace("{M}", member);
  replace("{P}", t.pool);
  replace("{G}", t.programme);
  replace("{L}", t.licensee);
  return s;
}

TEST(ApiTenancy, EveryRoleEveryAllianceEndpointOwnAndOtherAlliance) {
  PATNAV_REQUIRE_API();
  int cases = 0;
  std::ostringstream failures;
  for (const Tenant& t : {kAlpha, kBeta}) {
    for (const Endpoint& e : AllianceEndpoints()) {
      for (const Role& role : AllRoles()) {
        const std::string path = Fill(e.path, t, t.member), body = Fill(e.body, t, t.member);
        Expect want = Expected(role, e.kind, t);
        TestResponse r = api.Call(role.label, e.method, path, body);
        Expect got = Observed(r.status);
        ++cases;
        if (got != want)
          failures << role.label << " " << e.method << " " << path << ": want " << Name(want) << ", got " << r.status
                   << " " << r.body.substr(0, 160) << "\n";
      }
    }
  }
  EXPECT_GE(cases, 400);
  EXPECT_EQ(failures.str(), "") << cases << " cases";
}

TEST(ApiTenancy, OtherMembersAndLicenseesWithinTheAlliance) {
  PATNAV_REQUIRE_API();
  // Acme's member user asks for Tsinghua's money; BYD's licensee for NIO's
  // (another alliance) and for a licensee that does not exist.
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Tsinghua/statement?period=2025Q1").status, 404);
  EXPECT_EQ(api.Call("memA", "GET", "/api/v1/alliances/Alpha/members/Tsinghua/balance").status, 404);
  EXPECT_EQ(api.Call("memT", "GET", "/api/v1/alliances/Alpha/members/Tsinghua/balance").status, 200);
  EXPECT_EQ(api.Call("licA", "GET", "/api/v1/alliances/Alpha/royalty-reports?licensee=NIO").status, 404);
  EXPECT_EQ(api.Call("licA", "GET", "/api/v1/alliances/Alpha/royalty-reports?licensee=Nobody").status, 404);
  // Another tenant's object answers exactly as a missing one.
  TestResponse other = api.Call("opA", "GET", "/api/v1/alliances/Alpha/pools/PB");
  TestResponse missing = api.Call("opA", "GET", "/api/v1/alliances/Alpha/pools/NoSuchPool");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  Json a = Json::parse(other.body), b = Json::parse(missing.body);
  std::string da = a["detail"], db = b["detail"];
  EXPECT_EQ(da.replace(da.find("PB"), 2, "X"), db.replace(db.find("NoSuchPool"), 10, "X"));
  TestResponse beta = api.Call("opA", "GET", "/api/v1/alliances/Beta");
  TestResponse none = api.Call("opA", "GET", "/api/v1/alliances/Gamma");
  EXPECT_EQ(beta.status, 404);
  EXPECT_EQ(none.status, 404);
}

TEST(ApiTenancy, PatentDataAndPlatformEndpointsByRole) {
  PATNAV_REQUIRE_API();
  const std::string pn = api.publications()[0];
  struct Case {
    std::string method, path, body;
    std::set<std::string> allowed;  // role labels
  };
  const std::set<std::string> searchers = {"admin", "opA", "opB", "memA", "memT", "anaA", "ana", "rev"};
  const std::set<std::string> exporters = {"admin", "opA", "opB", "anaA", "ana"};
  const std::set<std::string> landscapers = {"admin", "opA", "opB", "memA", "memT", "anaA", "ana"};
  const std::vector<Case> cases = {
      {"GET", "/api/v1/search?q=battery", "", searchers},
      {"GET", "/api/v1/patents/" + pn, "", searchers},
      {"GET", "/api/v1/patents/" + pn + "/value", "", searchers},
      {"GET", "/api/v1/patents/" + pn + "/status", "", searchers},
      {"GET", "/api/v1/similar?pn=" + pn + "&limit=2", "", searchers},
      {"GET", "/api/v1/stats", "", searchers},
      {"GET", "/api/v1/export?q=" + Encode("PN=" + pn), "", exporters},
      {"POST", "/api/v1/landscapes", R"({"only":["trend"]})", landscapers},
      {"GET", "/api/v1/users", "", {"admin"}},
      {"POST", "/api/v1/alliances", R"({"name":"Alpha","form":"business_entity"})", {"admin"}},
  };
  std::ostringstream failures;
  int n = 0;
  for (const Case& c : cases)
    for (const Role& role : AllRoles()) {
      TestResponse r = api.Call(role.label, c.method, c.path, c.body);
      Expect want = role.kind == "anonymous" ? Expect::kUnauthenticated
                    : c.allowed.count(role.label) ? Expect::kAllowed
                                                  : Expect::kForbidden;
      ++n;
      if (Observed(r.status) != want)
        failures << (role.label.empty() ? "anonymous" : role.label) << " " << c.method << " " << c.path << ": want "
                 << Name(want) << ", got " << r.status << " " << r.body.substr(0, 160) << "\n";
    }
  EXPECT_EQ(failures.str(), "") << n << " cases";
}

TEST(ApiTenancy, AllianceListShowsOnlyOwnAlliances) {
  PATNAV_REQUIRE_API();
  auto names = [&](const std::string& who) {
    std::set<std::string> out;
    TestResponse r = api.Call(who, "GET", "/api/v1/alliances");
    EXPECT_EQ(r.status, 200) << who;
    for (const auto& a : Json::parse(r.body)) out.insert(a["name"].get<std::string>());
    return out;
  };
  EXPECT_EQ(names("admin"), (std::set<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(names("memA"), (std::set<std::string>{"Alpha"}));
  EXPECT_EQ(names("opB"), (std::set<std::string>{"Beta"}));
  EXPECT_EQ(names("ana"), (std::set<std::string>{}));
}

}  // namespace
}  // namespace patnav::server::testing
