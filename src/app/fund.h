// Application calls for the alliance's fund: member contributions, bridge
// loans and repayments (kOperateAlliance), and the fund's balances with its
// loans (kReadAllianceMoney). A member or loan of another alliance is
// NotFound worded as an unknown one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/fund.h"
#include "domain/ledger.h"

namespace patnav::app {

struct FundContributeRequest {
  std::string alliance, member;
  std::string amount;    // decimal in the currency, e.g. "100000.00"
  std::string currency;  // ISO 4217
  std::string on;        // ISO; empty: today
};
struct FundContributeResult {
  int64_t txn_id = 0;
  int64_t amount_minor = 0;
  std::string currency;
  std::vector<std::string> warnings;
};
Result<FundContributeResult> FundContribute(const Caller& caller, Workspace& ws, const FundContributeRequest& req);

struct LoanRequest {
  std::string alliance, member;
  std::string amount, currency;
  std::string rate = "0";  // annual interest, percent
  std::string start_on;    // ISO; empty: today
  int months = 12;
};
struct LoanResult {
  domain::LoanStatus loan;
  std::vector<domain::Instalment> schedule;
  std::vector<std::string> warnings;
};
Result<LoanResult> GrantLoan(const Caller& caller, Workspace& ws, const LoanRequest& req);

struct RepayRequest {
  std::string alliance;
  int64_t loan = 0;
  std::string principal;       // decimal in the loan's currency
  std::string interest = "0";
  std::string on;              // ISO; empty: today
};
struct RepayResult {
  int64_t txn_id = 0;
  domain::LoanStatus loan;  // after the repayment
  int64_t principal_minor = 0, interest_minor = 0;
  std::vector<std::string> warnings;
};
Result<RepayResult> RepayLoan(const Caller& caller, Workspace& ws, const RepayRequest& req);

struct FundShowRequest {
  std::string alliance;
  std::string member;  // optional: only this member's loans
};
struct FundView {
  std::vector<domain::AccountBalance> balances;  // fund:ALLIANCE and fund-income:ALLIANCE
  std::vector<domain::LoanStatus> loans;
  std::vector<std::string> warnings;
};
Result<FundView> ShowFund(const Caller& caller, Workspace& ws, const FundShowRequest& req);

}  // namespace patnav::app
