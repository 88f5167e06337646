// Application calls for distributions and statements: preview or close a
// pool's period (preview kReadAllianceMoney, close kOperateAlliance), one
// member's statement (kReadMemberMoney, Scope::member: a member user reads
// its own, another member being NotFound), and every member's statement for
// a period (kReadAllianceMoney).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/distribution.h"
#include "domain/distribution_book.h"
#include "domain/statement.h"

namespace patnav::app {

struct DistributeRequest {
  std::string alliance, pool, period;
  std::string method = "value";  // value, patent-country, blend
  double weight = 0.5;           // blend: weight of the value share, 0..1
  bool close = false;            // record, post and close the period (final)
};
struct DistributeResult {
  domain::DistributionPlan plan;
  bool closed = false;               // this call closed the period
  int64_t distribution_id = 0;       // when closed
  int64_t txn_id = 0;                // when closed: the ledger transaction
  std::optional<domain::ClosedPeriod> already_closed;  // preview of a period closed earlier
  std::vector<std::string> warnings;
};
Result<DistributeResult> Distribute(const Caller& caller, Workspace& ws, const DistributeRequest& req);

struct StatementRequest {
  std::string alliance, member, period;
  bool with_lines = false;  // list the royalty line numbers behind each amount
};
struct StatementResult {
  domain::MemberStatement statement;
  std::vector<std::string> warnings;
};
Result<StatementResult> MemberStatement(const Caller& caller, Workspace& ws, const StatementRequest& req);

struct ListStatementsRequest {
  std::string alliance, period;
};
struct ListStatementsResult {
  std::vector<domain::MemberStatement> statements;  // one per member of the alliance, by name
  std::vector<std::string> warnings;
};
Result<ListStatementsResult> ListStatements(const Caller& caller, Workspace& ws, const ListStatementsRequest& req);

}  // namespace patnav::app
