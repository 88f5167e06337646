// The end-to-end fixture of the API tests: a data directory with a small
// generated corpus, two alliances (Alpha, Beta) set up through the API by an
// administrator, a user for every role, and `patnav serve` running on
// 127.0.0.1 with an ephemeral port. Shared by the tests of one binary
// (SetUpTestSuite), so each test must leave the fixtures as it found them or
// use objects of its own.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http_test_client.h"
#include "server_process.h"
#include "testing.h"

namespace patnav::server::testing {

using Json = nlohmann::json;
using patnav::testing::ScratchDir;
using patnav::testing::ServerProcess;

inline constexpr const char* kPassword = "correct-horse-1";

// Users of the fixture by label; each holds the grant its name says.
//   admin  administrator          opA    operator of Alpha      opB  operator of Beta
//   memA   member Alpha/Acme      memT   member Alpha/Tsinghua  licA licensee Alpha/BYD
//   anaA   analyst of Alpha       ana    analyst (no alliance)  rev  reviewer of 北京市
inline const std::vector<std::string>& Roles() {
  static const std::vector<std::string> r = {"admin", "opA", "opB", "memA", "memT", "licA", "anaA", "ana", "rev"};
  return r;
}

class ApiFixture {
 public:
  // Builds everything once; false with the reason in error() when it could not.
  static ApiFixture& Get();
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  int port() const { return server_->port(); }
  const std::filesystem::path& data() const { return data_; }
  const std::filesystem::path& dir() const { return dir_.path(); }
  ServerProcess& server() { return *server_; }
  // Publication numbers in the store (the first few of the export).
  const std::vector<std::string>& publications() const { return pns_; }

  // A request as `who` ("" or "anonymous": no cookie) with the CSRF header
  // and, for a body, Content-Type: application/json.
  TestResponse Call(const std::string& who, const std::string& method, const std::string& target,
                    const std::string& body = "", std::vector<std::string> headers = {});
  TestResponse Call(const std::string& who, const std::string& method, const std::string& target, const Json& body) {
    return Call(who, method, target, body.dump());
  }
  std::string Token(const std::string& who) const;
  // Signs in `username`; the session token, or "" (failure recorded).
  std::string Login(const std::string& username, const std::string& password = kPassword);
  // Restarts the server on the same data directory (after a kill).
  bool Restart();
  // Every response seen, by "METHOD pattern-less path" (for the OpenAPI check).
  struct Seen {
    std::string method, path;
    int status;
    std::string content_type, body;
  };
  const std::vector<Seen>& seen() const { return seen_; }

 private:
  ApiFixture();
  bool Setup();
  bool Expect(const TestResponse& r, int status, const std::string& what);

  ScratchDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, std::string> tokens_;
  std::vector<std::string> pns_;
  std::vector<Seen> seen_;
  std::string error_;
};

// Percent-encodes a path segment or query value.
std::string Encode(std::string_view s);

#define PATNAV_REQUIRE_API()                                               \
  ApiFixture& api = ApiFixture::Get();                                    \
  ASSERT_TRUE(api.ok()) << "the API fixture could not be built: " << api.error()

}  // namespace patnav::server::testing
