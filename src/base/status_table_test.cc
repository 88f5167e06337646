// The status table: every code has one row with distinct names, and the
// mappings the CLI and the API document.
#include "base/status_table.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace patnav {
namespace {

TEST(StatusTable, EveryCodeHasItsOwnRow) {
  std::set<std::string> names;
  for (int i = 0; i <= static_cast<int>(StatusCode::kResourceExhausted); ++i) {
    const StatusCodeInfo& info = InfoFor(static_cast<StatusCode>(i));
    EXPECT_EQ(static_cast<int>(info.code), i);
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
  }
}

TEST(StatusTable, RefusedInputExitsTwoAndFailuresOne) {
  EXPECT_EQ(ExitCodeFor(StatusCode::kOk), 0);
  EXPECT_EQ(ExitCodeFor(StatusCode::kInvalidArgument), 2);
  EXPECT_EQ(ExitCodeFor(StatusCode::kNotFound), 2);
  EXPECT_EQ(ExitCodeFor(StatusCode::kAlreadyExists), 2);
  EXPECT_EQ(ExitCodeFor(StatusCode::kFailedPrecondition), 2);
  EXPECT_EQ(ExitCodeFor(StatusCode::kIOError), 1);
  EXPECT_EQ(ExitCodeFor(StatusCode::kInternal), 1);
  EXPECT_EQ(ExitCodeFor(StatusCode::kPermissionDenied), 4);
  EXPECT_EQ(ExitCodeFor(StatusCode::kUnavailable), 5);
}

TEST(StatusTable, HttpStatuses) {
  EXPECT_EQ(HttpStatusFor(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(StatusCode::kInternal), 500);
  EXPECT_EQ(HttpStatusFor(StatusCode::kUnavailable), 503);
}

TEST(StatusTable, ToStringUsesTheTitle) {
  EXPECT_EQ(Status::PermissionDenied("no").ToString(), "Permission denied: no");
  EXPECT_EQ(Status::Corruption("bad").ToString(), "Corruption: bad");
  EXPECT_EQ(Status::OK().ToString(), "OK");
}

}  // namespace
}  // namespace patnav
