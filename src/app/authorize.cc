// The authorisation policy (authorize.h). One table of who may do what; the
// tenancy rules (NotFound for another tenant) are applied around it.
#include "app/authorize.h"

namespace patnav::app {

using domain::Grant;
using domain::Role;

namespace {

bool IsAllianceAction(Action a) {
  switch (a) {
    case Action::kReadAlliance:
    case Action::kOperateAlliance:
    case Action::kReadAllianceMoney:
    case Action::kReadMemberMoney:
    case Action::kReadLicensee:
    case Action::kFileRoyaltyReport:
    case Action::kReadSharedLandscapes:
    case Action::kShareLandscape:
      return true;
    default:
      return false;
  }
}

// Platform-wide actions: which roles (any scope) may do them.
bool PlatformAllows(const Caller& c, Action a) {
  for (const Grant& g : c.grants) {
    switch (a) {
      case Action::kSearchPatents:
        if (g.role == Role::kAnalyst || g.role == Role::kOperator || g.role == Role::kMember ||
            g.role == Role::kReviewer)
          return true;
        break;
      case Action::kExportPatents:
      case Action::kRunLandscape:
        if (g.role == Role::kAnalyst || g.role == Role::kOperator) return true;
        if (a == Action::kRunLandscape && g.role == Role::kMember) return true;
        break;
      case Action::kIngest:
        if (g.role == Role::kAnalyst) return true;
        break;
      case Action::kReadAudit:
        if (g.role == Role::kOperator) return true;  // their alliance's rows (the audit call filters)
        break;
      default:
        break;
    }
  }
  return false;
}

// One grant's rights within its own alliance.
bool GrantAllows(const Grant& g, Action a, const Scope& s) {
  switch (g.role) {
    case Role::kOperator:
      return true;  // everything of its alliance
    case Role::kMember:
      if (a == Action::kReadAlliance || a == Action::kReadSharedLandscapes) return true;
      if (a == Action::kReadMemberMoney) return s.member == g.member;
      return false;
    case Role::kLicensee:
      if (a == Action::kReadLicensee || a == Action::kFileRoyaltyReport) return s.licensee == g.licensee;
      return false;
    case Role::kAnalyst:
      return a == Action::kReadAlliance || a == Action::kReadSharedLandscapes || a == Action::kShareLandscape;
    default:
      return false;
  }
}

// True when the caller's grants in the alliance confine it to one member or
// licensee and the scope names another: that object is hidden (NotFound).
bool OtherPartysObject(const Caller& c, Action a, const Scope& s) {
  bool confined = false, own = false;
  for (const Grant& g : c.grants) {
    if (g.alliance != s.alliance) continue;
    if (g.role == Role::kOperator) return false;
    if (a == Action::kReadMemberMoney && g.role == Role::kMember) {
      confined = true;
      own = own || g.member == s.member;
    }
    if ((a == Action::kReadLicensee || a == Action::kFileRoyaltyReport) && g.role == Role::kLicensee) {
      confined = true;
      own = own || g.licensee == s.licensee;
    }
  }
  return confined && !own;
}

}  // namespace

const char* ActionName(Action a) {
  switch (a) {
    case Action::kSearchPatents: return "search_patents";
    case Action::kExportPatents: return "export_patents";
    case Action::kRunLandscape: return "run_landscape";
    case Action::kIngest: return "ingest";
    case Action::kAdministerUsers: return "administer_users";
    case Action::kReadAudit: return "read_audit";
    case Action::kCreateAlliance: return "create_alliance";
    case Action::kReadAlliance: return "read_alliance";
    case Action::kOperateAlliance: return "operate_alliance";
    case Action::kReadAllianceMoney: return "read_alliance_money";
    case Action::kReadMemberMoney: return "read_member_money";
    case Action::kReadLicensee: return "read_licensee";
    case Action::kFileRoyaltyReport: return "file_royalty_report";
    case Action::kReadSharedLandscapes: return "read_shared_landscapes";
    case Action::kShareLandscape: return "share_landscape";
  }
  return "unknown";
}

bool SeesAlliance(const Caller& c, const std::string& alliance) {
  if (c.IsAdministrator()) return true;
  for (const Grant& g : c.grants)
    if (!g.alliance.empty() && g.alliance == alliance) return true;
  return false;
}

Status Authorize(const Caller& c, Action a, const Scope& s) {
  if (c.local || c.IsAdministrator()) return Status::OK();
  if (c.anonymous) {
    if (a == Action::kSearchPatents && c.public_search) return Status::OK();
    return Status::Unauthenticated("sign in first");
  }
  if (!IsAllianceAction(a)) {
    if (PlatformAllows(c, a)) return Status::OK();
    return Status::PermissionDenied(std::string("your roles do not allow ") + ActionName(a));
  }
  if (!SeesAlliance(c, s.alliance)) return Status::NotFound("unknown alliance '" + s.alliance + "'");
  if (OtherPartysObject(c, a, s)) {
    if (a == Action::kReadMemberMoney) return Status::NotFound("unknown member '" + s.member + "'");
    return Status::NotFound("unknown licensee '" + s.licensee + "'");
  }
  for (const Grant& g : c.grants)
    if (g.alliance == s.alliance && GrantAllows(g, a, s)) return Status::OK();
  return Status::PermissionDenied(std::string("your roles in '") + s.alliance + "' do not allow " + ActionName(a));
}

}  // namespace patnav::app
