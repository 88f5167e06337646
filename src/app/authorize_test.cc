// The authorisation policy: roles against actions, and the tenancy rule that
// another tenant's object is NotFound, not PermissionDenied.
#include "app/authorize.h"

#include <gtest/gtest.h>

namespace patnav::app {
namespace {

using domain::Grant;
using domain::Role;

Caller With(std::vector<Grant> grants) {
  Caller c;
  c.user_id = 7;
  c.username = "u";
  c.grants = std::move(grants);
  return c;
}

Grant G(Role role, std::string alliance = "", std::string member = "", std::string licensee = "") {
  Grant g;
  g.role = role;
  g.alliance = std::move(alliance);
  g.member = std::move(member);
  g.licensee = std::move(licensee);
  return g;
}

StatusCode Code(const Caller& c, Action a, Scope s = {}) { return Authorize(c, a, s).code(); }

TEST(Authorize, LocalAndAdministratorMayDoEverything) {
  Caller admin = With({G(Role::kAdministrator)});
  for (Caller c : {Caller::Local(), admin}) {
    EXPECT_EQ(Code(c, Action::kAdministerUsers), StatusCode::kOk);
    EXPECT_EQ(Code(c, Action::kReadAllianceMoney, {"B", "", ""}), StatusCode::kOk);
    EXPECT_EQ(Code(c, Action::kReadMemberMoney, {"B", "m", ""}), StatusCode::kOk);
  }
}

TEST(Authorize, AnonymousIsUnauthenticatedUnlessPublicSearch) {
  EXPECT_EQ(Code(Caller::Anonymous(), Action::kSearchPatents), StatusCode::kUnauthenticated);
  EXPECT_EQ(Code(Caller::Anonymous(true), Action::kSearchPatents), StatusCode::kOk);
  EXPECT_EQ(Code(Caller::Anonymous(true), Action::kExportPatents), StatusCode::kUnauthenticated);
  EXPECT_EQ(Code(Caller::Anonymous(true), Action::kReadAlliance, {"A", "", ""}), StatusCode::kUnauthenticated);
}

TEST(Authorize, AnotherAllianceIsNotFound) {
  Caller op = With({G(Role::kOperator, "A")});
  EXPECT_EQ(Code(op, Action::kOperateAlliance, {"A", "", ""}), StatusCode::kOk);
  Status other = Authorize(op, Action::kOperateAlliance, {"B", "", ""});
  EXPECT_EQ(other.code(), StatusCode::kNotFound);
  EXPECT_EQ(other.message(), "unknown alliance 'B'");
  EXPECT_EQ(Code(op, Action::kReadAlliance, {"B", "", ""}), StatusCode::kNotFound);
}

TEST(Authorize, MemberSeesOnlyItsOwnMoney) {
  Caller m = With({G(Role::kMember, "A", "Acme")});
  EXPECT_EQ(Code(m, Action::kReadAlliance, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(m, Action::kReadMemberMoney, {"A", "Acme", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(m, Action::kReadMemberMoney, {"A", "Other", ""}), StatusCode::kNotFound);
  EXPECT_EQ(Code(m, Action::kReadAllianceMoney, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(m, Action::kOperateAlliance, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(m, Action::kReadMemberMoney, {"B", "Acme", ""}), StatusCode::kNotFound);
}

TEST(Authorize, LicenseeSeesOnlyItself) {
  Caller l = With({G(Role::kLicensee, "A", "", "BYD")});
  EXPECT_EQ(Code(l, Action::kFileRoyaltyReport, {"A", "", "BYD"}), StatusCode::kOk);
  EXPECT_EQ(Code(l, Action::kReadLicensee, {"A", "", "BYD"}), StatusCode::kOk);
  EXPECT_EQ(Code(l, Action::kFileRoyaltyReport, {"A", "", "NIO"}), StatusCode::kNotFound);
  EXPECT_EQ(Code(l, Action::kReadAlliance, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(l, Action::kSearchPatents), StatusCode::kPermissionDenied);
}

TEST(Authorize, AnalystHasPatentDataButNoMoney) {
  Caller a = With({G(Role::kAnalyst, "A")});
  EXPECT_EQ(Code(a, Action::kSearchPatents), StatusCode::kOk);
  EXPECT_EQ(Code(a, Action::kExportPatents), StatusCode::kOk);
  EXPECT_EQ(Code(a, Action::kIngest), StatusCode::kOk);
  EXPECT_EQ(Code(a, Action::kReadAlliance, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(a, Action::kReadAllianceMoney, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(a, Action::kAdministerUsers), StatusCode::kPermissionDenied);
}

TEST(Authorize, OperatorOfOneAllianceMemberOfAnother) {
  Caller c = With({G(Role::kOperator, "A"), G(Role::kMember, "B", "Acme")});
  EXPECT_EQ(Code(c, Action::kReadAllianceMoney, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(c, Action::kReadAllianceMoney, {"B", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(c, Action::kReadMemberMoney, {"A", "Zeta", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(c, Action::kReadMemberMoney, {"B", "Zeta", ""}), StatusCode::kNotFound);
}

TEST(Authorize, SharedLandscapesReadByMembersAnalystsAndOperatorSharedByAnalystsAndOperator) {
  Caller op = With({G(Role::kOperator, "A")});
  Caller member = With({G(Role::kMember, "A", "Acme")});
  Caller analyst = With({G(Role::kAnalyst, "A")});
  Caller loose_analyst = With({G(Role::kAnalyst)});
  Caller licensee = With({G(Role::kLicensee, "A", "", "BYD")});
  for (const Caller& c : {op, member, analyst})
    EXPECT_EQ(Code(c, Action::kReadSharedLandscapes, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(licensee, Action::kReadSharedLandscapes, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(loose_analyst, Action::kReadSharedLandscapes, {"A", "", ""}), StatusCode::kNotFound);
  for (const Caller& c : {op, member, analyst, licensee})
    EXPECT_EQ(Code(c, Action::kReadSharedLandscapes, {"B", "", ""}), StatusCode::kNotFound);
  EXPECT_EQ(Code(op, Action::kShareLandscape, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(analyst, Action::kShareLandscape, {"A", "", ""}), StatusCode::kOk);
  EXPECT_EQ(Code(member, Action::kShareLandscape, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(licensee, Action::kShareLandscape, {"A", "", ""}), StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(analyst, Action::kShareLandscape, {"B", "", ""}), StatusCode::kNotFound);
}

}  // namespace
}  // namespace patnav::app
