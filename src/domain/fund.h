// The alliance's fund pool (guidelines II(II)2, IV(III)): member
// contributions and low-cost bridge loans to members, with principal, annual
// rate, monthly schedule and repayments, all in the ledger.
//
// Accounts: fund:ALLIANCE (the fund's money, debit), capital:MEMBER (what the
// fund owes a contributing member, credit), loan:MEMBER (principal a member
// owes the fund, debit), fund-income:ALLIANCE (interest earned, credit).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

// A member pays `amount_minor` (> 0) into the fund. Returns the ledger transaction.
Result<int64_t> FundContribute(OperationsDb& ops, std::string_view member, int64_t amount_minor, std::string_view currency,
                               std::string_view on);

struct LoanInput {
  std::string member;
  int64_t principal_minor = 0;
  std::string currency;
  int64_t rate_ppm = 0;     // annual interest, parts per million (3% = 30000)
  std::string start_on;     // ISO; empty: today
  int term_months = 12;
};
// Lends from the fund. InvalidArgument when the fund's balance in the
// currency is smaller than the principal. Returns the loan id.
Result<int64_t> GrantLoan(OperationsDb& ops, const LoanInput& in);

struct Instalment {
  std::string due_on;
  int64_t principal_minor = 0, interest_minor = 0;
};
// Equal monthly principal (largest remainder, so they sum to the principal)
// plus a month's interest on the balance outstanding, rounded half up.
std::vector<Instalment> LoanSchedule(int64_t principal_minor, int64_t rate_ppm, std::string_view start_on, int months);

// A repayment: principal (at most what is outstanding) and interest.
// Returns the ledger transaction.
Result<int64_t> RepayLoan(OperationsDb& ops, int64_t loan_id, int64_t principal_minor, int64_t interest_minor,
                          std::string_view on);

struct LoanStatus {
  int64_t id = 0;
  std::string member, currency, start_on;
  int64_t principal_minor = 0, repaid_minor = 0, interest_paid_minor = 0, rate_ppm = 0;
  int term_months = 0;
};
Result<std::vector<LoanStatus>> Loans(OperationsDb& ops, std::string_view member_or_empty);

}  // namespace patnav::domain
