// The API fixture (api_testing.h). Compiled into the server tests only.
#include "api_fixture.h"

namespace patnav::server::testing {

namespace {

std::string Shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

std::string Encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out.push_back(static_cast<char>(c));
    else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// Destroyed at exit: the server stopped and reaped, the scratch directory
// (data, logs) removed, so a test process leaves nothing in $TMPDIR.
ApiFixture& ApiFixture::Get() {
  static ApiFixture fixture;
  return fixture;
}

ApiFixture::ApiFixture() {
  if (patnav::testing::PatnavBinary().empty() || !std::filesystem::exists(patnav::testing::PatnavBinary())) {
    error_ = "the patnav binary is not built";
    return;
  }
  if (!Setup() && error_.empty()) error_ = "setup failed";
}

std::string ApiFixture::Token(const std::string& who) const {
  auto it = tokens_.find(who);
  return it == tokens_.end() ? "" : it->second;
}

TestResponse ApiFixture::Call(const std::string& who, const std::string& method, const std::string& target,
                              const std::string& body, std::vector<std::string> headers) {
  HttpTestClient client(static_cast<uint16_t>(port()), std::chrono::milliseconds(30000));
  const std::string token = Token(who);
  if (!token.empty()) headers.push_back("Cookie: patnav_session=" + token);
  bool has_csrf = false, has_type = false;
  for (const auto& h : headers) {
    has_csrf |= h.rfind("X-Requested-With:", 0) == 0 || h.rfind("x-requested-with:", 0) == 0 || h == "NO-CSRF";
    has_type |= h.rfind("Content-Type:", 0) == 0;
  }
  std::vector<std::string> sent;
  for (const auto& h : headers)
    if (h != "NO-CSRF") sent.push_back(h);
  if (!has_csrf) sent.push_back("X-Requested-With: patnav");
  if (!body.empty() && !has_type) sent.push_back("Content-Type: application/json");
  Result<TestResponse> r = client.Request(method, target, sent, body);
  if (!r.ok()) {
    TestResponse failed;
    failed.status = -1;
    failed.body = r.status().ToString();
    return failed;
  }
  std::string path = target.substr(0, target.find('?'));
  seen_.push_back({method, path, r->status, r->Header("content-type"), r->body});
  return *r;
}

bool ApiFixture::Expect(const TestResponse& r, int status, const std::string& what) {
  if (r.status == status) return true;
  error_ = what + ": HTTP " + std::to_string(r.status) + " " + r.body;
  return false;
}

std::string ApiFixture::Login(const std::string& username, const std::string& password) {
  TestResponse r = Call("", "POST", "/api/v1/session", Json{{"username", username}, {"password", password}});
  if (r.status != 200) return "";
  std::string cookie = r.Header("set-cookie");
  size_t eq = cookie.find('='), semi = cookie.find(';');
  if (eq == std::string::npos) return "";
  return cookie.substr(eq + 1, semi - eq - 1);
}

bool ApiFixture::Restart() {
  server_ = std::make_unique<ServerProcess>();
  // No request-rate limit: the tenancy matrix alone sends hundreds of
  // requests a second (the limit has a test of its own). The monitoring
  // timer every second, so that webhook deliveries arrive within a test.
  if (!server_->Start(data_, dir_.path(),
                      {"--access-log", (dir_.path() / "access.log").string(), "--rate-limit", "0",
                       "--monitoring-interval", "1"})) {
    error_ = server_->error();
    return false;
  }
  return true;
}

bool ApiFixture::Setup() {
  namespace fs = std::filesystem;
  data_ = dir_.path() / "data";
  const std::string bin = patnav::testing::ShellQuote(patnav::testing::PatnavBinary().string());
  const std::string corpus = (dir_.path() / "corpus.xml").string();
  auto run = [&](const std::string& args) { return std::system((bin + " " + args + " > /dev/null 2>&1").c_str()); };
  if (run("generate --docs 300 --seed 11 --format uspto-xml --out " + patnav::testing::ShellQuote(corpus)) != 0 ||
      run("ingest --no-progress --db " + patnav::testing::ShellQuote(data_.string()) + " " +
          patnav::testing::ShellQuote(corpus)) != 0) {
    error_ = "generate or ingest failed";
    return false;
  }
  std::string exported = Shell(bin + " export --db " + patnav::testing::ShellQuote(data_.string()) + " --format jsonl");
  for (size_t at = 0; pns_.size() < 8 && (at = exported.find("{\"publication_number\":\"US", at)) != std::string::npos;) {
    at += 23;
    pns_.push_back(exported.substr(at, exported.find('"', at) - at));
  }
  if (pns_.size() < 8) {
    error_ = "the export has fewer than 8 publications";
    return false;
  }
  std::string admin = "printf '%s\\n' " + std::string(kPassword) + " | " + bin + " user add admin --role administrator --password-stdin --db " +
                      patnav::testing::ShellQuote(data_.string()) + " > /dev/null 2>&1";
  if (std::system(admin.c_str()) != 0) {
    error_ = "patnav user add admin failed";
    return false;
  }
  if (!Restart()) return false;
  tokens_["admin"] = Login("admin");
  if (tokens_["admin"].empty()) {
    error_ = "the administrator could not sign in";
    return false;
  }
  struct Step {
    std::string method, target;
    Json body;
  };
  const std::string a = "/api/v1/alliances/Alpha", b = "/api/v1/alliances/Beta";
  std::vector<Step> steps = {
      {"POST", "/api/v1/alliances", {{"name", "Alpha"}, {"form", "cooperative_organization"}, {"address", "北京市海淀区"}}},
      {"POST", "/api/v1/alliances", {{"name", "Beta"}, {"form", "business_entity"}}},
      {"POST", a + "/members", {{"name", "Acme"}, {"type", "industry"}, {"joined_on", "2020-01-01"}}},
      {"POST", a + "/members", {{"name", "Tsinghua"}, {"type", "university"}, {"joined_on", "2020-01-01"}}},
      {"POST", b + "/members", {{"name", "BetaCo"}, {"type", "industry"}, {"joined_on", "2020-01-01"}}},
      {"POST", a + "/pools", {{"name", "PA"}, {"currency", "USD"}, {"fee", "10"}}},
      {"POST", b + "/pools", {{"name", "PB"}, {"currency", "USD"}}},
      {"POST", a + "/pools/PA/contributions",
       {{"member", "Acme"}, {"publications", {pns_[0], pns_[1]}}, {"contributed_on", "2024-01-01"}, {"countries", {"CN"}}}},
      {"POST", a + "/pools/PA/contributions",
       {{"member", "Tsinghua"}, {"publications", {pns_[2]}}, {"contributed_on", "2024-01-01"}, {"countries", {"CN"}}}},
      {"POST", b + "/pools/PB/contributions",
       {{"member", "BetaCo"}, {"publications", {pns_[3]}}, {"contributed_on", "2024-01-01"}, {"countries", {"CN"}}}},
      {"POST", a + "/programmes", {{"pool", "PA"}, {"name", "GA"}, {"rate", "0.50"}}},
      {"POST", b + "/programmes", {{"pool", "PB"}, {"name", "GB"}, {"rate", "0.50"}}},
      {"POST", a + "/licensees", {{"name", "BYD"}, {"country", "CN"}}},
      {"POST", b + "/licensees", {{"name", "NIO"}, {"country", "CN"}}},
      {"POST", a + "/agreements",
       {{"licensee", "BYD"}, {"programme", "GA"}, {"territories", {"CN", "US"}}, {"effective_from", "2024-01-01"}}},
      {"POST", b + "/agreements",
       {{"licensee", "NIO"}, {"programme", "GB"}, {"territories", {"CN"}}, {"effective_from", "2024-01-01"}}},
      {"POST", a + "/royalty-reports",
       {{"licensee", "BYD"}, {"programme", "GA"}, {"period", "2025Q1"}, {"lines", {{{"country", "CN"}, {"figure", "1000"}}}}}},
  };
  for (const Step& s : steps)
    if (!Expect(Call("admin", s.method, s.target, s.body), 201, s.method + " " + s.target)) return false;
  struct NewUser {
    std::string name;
    Json grant;
  };
  std::vector<NewUser> users = {
      {"opA", {{"role", "operator"}, {"alliance", "Alpha"}}},
      {"opB", {{"role", "operator"}, {"alliance", "Beta"}}},
      {"memA", {{"role", "member"}, {"alliance", "Alpha"}, {"member", "Acme"}}},
      {"memT", {{"role", "member"}, {"alliance", "Alpha"}, {"member", "Tsinghua"}}},
      {"licA", {{"role", "licensee"}, {"alliance", "Alpha"}, {"licensee", "BYD"}}},
      {"anaA", {{"role", "analyst"}, {"alliance", "Alpha"}}},
      {"ana", {{"role", "analyst"}}},
      {"rev", {{"role", "reviewer"}, {"province", "北京市"}}},
  };
  for (const NewUser& u : users) {
    Json body = {{"username", u.name}, {"password", kPassword}, {"grants", Json::array({u.grant})}};
    if (!Expect(Call("admin", "POST", "/api/v1/users", body), 201, "add user " + u.name)) return false;
    tokens_[u.name] = Login(u.name);
    if (tokens_[u.name].empty()) {
      error_ = u.name + " could not sign in";
      return false;
    }
  }
  return true;
}

}  // namespace patnav::server::testing
