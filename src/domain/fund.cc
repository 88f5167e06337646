// Fund contributions and bridge loans.
#include "domain/fund.h"

#include "domain/allocation.h"
#include "domain/ledger.h"
#include "domain/members.h"
#include "domain/money.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

Result<int64_t> BalanceOf(OperationsDb& ops, const std::string& account, std::string_view currency) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT coalesce(sum(e.amount_minor), 0) FROM ledger_entry e JOIN account a ON a.id = e.account_id "
      "WHERE a.name = ?1 AND e.currency = ?2"));
  s.BindText(1, account);
  s.BindText(2, currency);
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt64(0) : 0;
}

}  // namespace

Result<int64_t> FundContribute(OperationsDb& ops, std::string_view member, int64_t amount, std::string_view currency,
                               std::string_view on) {
  RETURN_IF_ERROR(CheckCurrency(currency));
  if (amount <= 0) return Status::InvalidArgument("a fund contribution must be positive");
  std::string date = on.empty() ? TodayUtc() : std::string(on);
  RETURN_IF_ERROR(CheckIsoDate(date, "contribution date"));
  int64_t txn = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Member m, FindMember(ops, member));
    std::vector<LedgerEntry> e = {{"fund:" + m.alliance, "fund", std::string(currency), amount},
                                  {"capital:" + m.name, "member", std::string(currency), -amount}};
    ASSIGN_OR_RETURN(txn, PostTransaction(ops, "fund-contribution", m.name + " pays into the fund on " + date, e));
    return Status::OK();
  }));
  return txn;
}

Result<int64_t> GrantLoan(OperationsDb& ops, const LoanInput& in) {
  RETURN_IF_ERROR(CheckCurrency(in.currency));
  if (in.principal_minor <= 0) return Status::InvalidArgument("a loan's principal must be positive");
  if (in.rate_ppm < 0) return Status::InvalidArgument("negative interest rate");
  if (in.term_months <= 0 || in.term_months > 600) return Status::InvalidArgument("term must be 1..600 months");
  std::string start = in.start_on.empty() ? TodayUtc() : in.start_on;
  RETURN_IF_ERROR(CheckIsoDate(start, "loan start"));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Member m, FindMember(ops, in.member));
    if (!m.active_on(start)) return Status::InvalidArgument("'" + m.name + "' is not a member on " + start);
    const std::string fund = "fund:" + m.alliance;
    ASSIGN_OR_RETURN(int64_t balance, BalanceOf(ops, fund, in.currency));
    if (balance < in.principal_minor)
      return Status::InvalidArgument("the fund of '" + m.alliance + "' holds " + FormatAmount(balance, in.currency) + " " +
                                     in.currency + ", less than the loan of " + FormatAmount(in.principal_minor, in.currency));
    std::vector<LedgerEntry> e = {{"loan:" + m.name, "loan", in.currency, in.principal_minor},
                                  {fund, "fund", in.currency, -in.principal_minor}};
    ASSIGN_OR_RETURN(int64_t txn, PostTransaction(ops, "loan", "bridge loan to " + m.name + " from " + start, e));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO loan(alliance_id, member_id, currency, principal_minor, rate_ppm, start_on, term_months, txn_id) "
        "SELECT alliance_id, id, ?2, ?3, ?4, ?5, ?6, ?7 FROM member WHERE id = ?1"));
    s.BindInt64(1, m.id);
    s.BindText(2, in.currency);
    s.BindInt64(3, in.principal_minor);
    s.BindInt64(4, in.rate_ppm);
    s.BindText(5, start);
    s.BindInt64(6, in.term_months);
    s.BindInt64(7, txn);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

std::vector<Instalment> LoanSchedule(int64_t principal, int64_t rate_ppm, std::string_view start, int months) {
  std::vector<Instalment> out;
  if (months <= 0 || principal <= 0) return out;
  std::vector<int64_t> ones(static_cast<size_t>(months), 1);
  std::vector<int64_t> parts = AllocateLargestRemainder(principal, ones);
  int64_t outstanding = principal;
  for (int i = 0; i < months; ++i) {
    Instalment x;
    x.due_on = AddMonths(start, i + 1);
    x.principal_minor = parts[static_cast<size_t>(i)];
    // A month's interest: outstanding * rate / 12, half up.
    __int128 num = static_cast<__int128>(outstanding) * rate_ppm;
    x.interest_minor = static_cast<int64_t>((num + 6'000'000) / 12'000'000);
    outstanding -= x.principal_minor;
    out.push_back(x);
  }
  return out;
}

Result<int64_t> RepayLoan(OperationsDb& ops, int64_t loan_id, int64_t principal, int64_t interest, std::string_view on) {
  if (principal < 0 || interest < 0) return Status::InvalidArgument("negative amount");
  if (principal == 0 && interest == 0) return Status::InvalidArgument("a repayment needs an amount");
  std::string date = on.empty() ? TodayUtc() : std::string(on);
  RETURN_IF_ERROR(CheckIsoDate(date, "repayment date"));
  int64_t txn = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(std::vector<LoanStatus> all, Loans(ops, ""));
    const LoanStatus* loan = nullptr;
    for (const auto& l : all) if (l.id == loan_id) loan = &l;
    if (!loan) return Status::NotFound("no loan " + std::to_string(loan_id));
    int64_t outstanding = loan->principal_minor - loan->repaid_minor;
    if (principal > outstanding)
      return Status::InvalidArgument("loan " + std::to_string(loan_id) + " has " + FormatAmount(outstanding, loan->currency) +
                                     " outstanding, less than the " + FormatAmount(principal, loan->currency) + " repaid");
    ASSIGN_OR_RETURN(Member m, FindMember(ops, loan->member));
    std::vector<LedgerEntry> e = {{"fund:" + m.alliance, "fund", loan->currency, principal + interest},
                                  {"loan:" + m.name, "loan", loan->currency, -principal},
                                  {"fund-income:" + m.alliance, "income", loan->currency, -interest}};
    ASSIGN_OR_RETURN(txn, PostTransaction(ops, "loan-repayment", "repayment of loan " + std::to_string(loan_id) + " on " + date, e));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO loan_repayment(loan_id, paid_on, principal_minor, interest_minor, txn_id) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.BindInt64(1, loan_id);
    s.BindText(2, date);
    s.BindInt64(3, principal);
    s.BindInt64(4, interest);
    s.BindInt64(5, txn);
    return s.Run();
  }));
  return txn;
}

Result<std::vector<LoanStatus>> Loans(OperationsDb& ops, std::string_view member) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT l.id, m.name, l.currency, l.start_on, l.principal_minor, "
      "(SELECT coalesce(sum(principal_minor), 0) FROM loan_repayment r WHERE r.loan_id = l.id), "
      "(SELECT coalesce(sum(interest_minor), 0) FROM loan_repayment r WHERE r.loan_id = l.id), l.rate_ppm, l.term_months "
      "FROM loan l JOIN member m ON m.id = l.member_id WHERE ?1 = '' OR m.name = ?1 ORDER BY l.id"));
  s.BindText(1, member);
  std::vector<LoanStatus> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    LoanStatus l;
    l.id = s.ColumnInt64(0);
    l.member = s.ColumnText(1);
    l.currency = s.ColumnText(2);
    l.start_on = s.ColumnText(3);
    l.principal_minor = s.ColumnInt64(4);
    l.repaid_minor = s.ColumnInt64(5);
    l.interest_paid_minor = s.ColumnInt64(6);
    l.rate_ppm = s.ColumnInt64(7);
    l.term_months = static_cast<int>(s.ColumnInt64(8));
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace patnav::domain
