// patnav distribute, statement, ledger balance|check|reverse,
// fund contribute|loan|repay|show.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/caller.h"
#include "app/distributions.h"
#include "app/fund.h"
#include "app/ledger.h"
#include "app/operations_json.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/pool_cli.h"
#include "domain/money.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct DistributeOptions {
  std::string db, alliance, pool, period, method = "value", format = "text";
  double weight = 0.5;
  bool close = false;
};

void PrintPlan(const app::DistributeResult& r, const std::string& format) {
  const domain::DistributionPlan& p = r.plan;
  const std::string& cur = p.currency;
  auto money = [&](int64_t v) { return domain::FormatAmount(v, cur); };
  if (format == "json") {
    std::printf("%s\n", app::ToJson(p, r.closed).dump(2).c_str());
    return;
  }
  std::printf("Pool %s, period %s, method %s", p.pool.c_str(), p.period.c_str(), domain::DistributionMethodName(p.method));
  if (p.method == domain::DistributionMethod::kBlend) std::printf(" (value weight %.2f)", p.value_weight_ppm / 1e6);
  std::printf("%s\n", r.closed ? " — CLOSED" : " — preview (nothing written; --close records it and closes the period)");
  std::printf("  gross income     %16s %s\n", money(p.gross_minor).c_str(), cur.c_str());
  std::printf("  administrator    %16s\n", money(p.fee_minor).c_str());
  std::printf("  distributed      %16s\n", money(p.distributable_minor).c_str());
  std::printf("  undistributed    %16s  (countries without an eligible patent)\n", money(p.undistributed_minor).c_str());
  std::printf("\n  %-28s %16s\n", "member", "amount");
  for (const auto& [m, a] : p.by_member) std::printf("  %s %16s\n", FitColumns(m, 28).c_str(), money(a).c_str());
  if (!p.excluded.empty()) {
    std::printf("\n  not eligible:");
    for (const auto& [why, n] : p.excluded) std::printf(" %s %lld;", why.c_str(), static_cast<long long>(n));
    std::printf("\n");
  }
}

int RunDistribute(const DistributeOptions& o) {
  const char* cmd = "distribute";
  auto ws = OpenWorkspace(o.db);
  Result<app::DistributeResult> r =
      app::Distribute(app::Caller::Local(), *ws, {o.alliance, o.pool, o.period, o.method, o.weight, o.close});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  if (r->already_closed && o.format != "json")
    std::printf("note: period %s was closed at %s (method %s); this preview changes nothing\n\n", r->plan.period.c_str(),
                r->already_closed->closed_at.c_str(), r->already_closed->method.c_str());
  PrintPlan(*r, o.format);
  if (r->closed && o.format != "json")
    std::printf("\n  posted as ledger transaction %lld (a correction is 'patnav ledger reverse %lld --reason ...')\n",
                static_cast<long long>(r->txn_id), static_cast<long long>(r->txn_id));
  return kExitOk;
}

struct StatementOptions {
  std::string db, alliance, member, period, format = "json";
  bool lines = false;
};

int RunStatement(const StatementOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::StatementResult> r =
      app::MemberStatement(app::Caller::Local(), *ws, {o.alliance, o.member, o.period, o.lines});
  if (!r.ok()) return Fail("statement", r.status());
  PrintWarnings("statement", r->warnings);
  std::string out = o.format == "csv" ? domain::StatementToCsv(r->statement) : domain::StatementToJson(r->statement);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

struct LedgerOptions {
  std::string db, alliance, prefix, reason, format = "table";
  int64_t txn = 0;
};

int RunLedgerBalance(const LedgerOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::LedgerBalanceResult> r = app::LedgerBalance(app::Caller::Local(), *ws, {o.alliance, o.prefix});
  if (!r.ok()) return Fail("ledger balance", r.status());
  PrintWarnings("ledger balance", r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-40s %-13s %-4s %16s\n", "account", "kind", "cur", "balance (debit +)");
  for (const auto& x : r->balances)
    std::printf("%s %-13s %-4s %16s\n", FitColumns(x.account, 40).c_str(), x.kind.c_str(), x.currency.c_str(),
                domain::FormatAmount(x.balance_minor, x.currency).c_str());
  return kExitOk;
}

int RunLedgerCheck(const LedgerOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::LedgerCheckResult> r = app::CheckLedger(app::Caller::Local(), *ws, {o.alliance});
  if (!r.ok()) return Fail("ledger check", r.status());
  PrintWarnings("ledger check", r->warnings);
  std::printf("ledger balanced: %lld transaction(s), every one sums to zero per currency\n",
              static_cast<long long>(r->transactions));
  return kExitOk;
}

int RunLedgerReverse(const LedgerOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::ReverseResult> r = app::ReverseTransaction(app::Caller::Local(), *ws, {o.alliance, o.txn, o.reason});
  if (!r.ok()) return Fail("ledger reverse", r.status());
  PrintWarnings("ledger reverse", r->warnings);
  std::printf("transaction %lld reversed by %lld\n", static_cast<long long>(r->txn), static_cast<long long>(r->reversal));
  return kExitOk;
}

struct FundOptions {
  std::string db, alliance, member, amount, currency, date, rate = "0", principal, interest = "0";
  int months = 12;
  int64_t loan = 0;
};

int RunFundContribute(const FundOptions& o) {
  const char* cmd = "fund contribute";
  auto ws = OpenWorkspace(o.db);
  Result<app::FundContributeResult> r =
      app::FundContribute(app::Caller::Local(), *ws, {o.alliance, o.member, o.amount, o.currency, o.date});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("'%s' paid %s %s into the fund (transaction %lld)\n", o.member.c_str(), o.amount.c_str(), o.currency.c_str(),
              static_cast<long long>(r->txn_id));
  return kExitOk;
}

int RunFundLoan(const FundOptions& o) {
  const char* cmd = "fund loan";
  auto ws = OpenWorkspace(o.db);
  Result<app::LoanResult> r =
      app::GrantLoan(app::Caller::Local(), *ws, {o.alliance, o.member, o.amount, o.currency, o.rate, o.date, o.months});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("loan %lld: %s %s to '%s' at %s a year over %d months\n", static_cast<long long>(r->loan.id), o.amount.c_str(),
              o.currency.c_str(), o.member.c_str(), domain::FormatPercentPpm(r->loan.rate_ppm).c_str(), o.months);
  std::printf("%-10s %14s %14s\n", "due", "principal", "interest");
  for (const auto& x : r->schedule)
    std::printf("%-10s %14s %14s\n", x.due_on.c_str(), domain::FormatAmount(x.principal_minor, o.currency).c_str(),
                domain::FormatAmount(x.interest_minor, o.currency).c_str());
  return kExitOk;
}

int RunFundRepay(const FundOptions& o) {
  const char* cmd = "fund repay";
  auto ws = OpenWorkspace(o.db);
  Result<app::RepayResult> r =
      app::RepayLoan(app::Caller::Local(), *ws, {o.alliance, o.loan, o.principal, o.interest, o.date});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("loan %lld: repaid %s principal and %s interest %s\n", static_cast<long long>(o.loan), o.principal.c_str(),
              o.interest.c_str(), r->loan.currency.c_str());
  return kExitOk;
}

int RunFundShow(const FundOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::FundView> v = app::ShowFund(app::Caller::Local(), *ws, {o.alliance, o.member});
  if (!v.ok()) return Fail("fund show", v.status());
  PrintWarnings("fund show", v->warnings);
  for (const auto& x : v->balances)
    std::printf("%s %16s %s (debit +)\n", FitColumns(x.account, 40).c_str(), domain::FormatAmount(x.balance_minor, x.currency).c_str(),
                x.currency.c_str());
  std::printf("\n%-5s %-24s %-10s %14s %14s %14s\n", "loan", "member", "start", "principal", "outstanding", "interest paid");
  for (const auto& l : v->loans)
    std::printf("%-5lld %s %-10s %14s %14s %14s\n", static_cast<long long>(l.id), FitColumns(l.member, 24).c_str(), l.start_on.c_str(),
                domain::FormatAmount(l.principal_minor, l.currency).c_str(),
                domain::FormatAmount(l.principal_minor - l.repaid_minor, l.currency).c_str(),
                domain::FormatAmount(l.interest_paid_minor, l.currency).c_str());
  return kExitOk;
}

}  // namespace

void AddMoneyCommands(CLI::App& app, int* exit_code) {
  {
    auto o = std::make_shared<DistributeOptions>();
    CLI::App* c = app.add_subcommand("distribute", "distribute a pool's royalty income for a period (preview, or --close)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--pool", o->pool, "pool")->required();
    c->add_option("--period", o->period, "2025Q1, 2025-03 or 2025")->required();
    c->add_option("--method", o->method, "value, patent-country or blend")
        ->check(CLI::IsMember({"value", "patent-country", "blend"}));
    c->add_option("--weight", o->weight, "blend: weight of the value share, 0..1 (default 0.5)");
    c->add_flag("--close", o->close, "record the distribution, post it to the ledger and close the period (final)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunDistribute(*o); });
  }
  {
    auto o = std::make_shared<StatementOptions>();
    CLI::App* c = app.add_subcommand("statement", "a member's statement for a period, traced to royalty reports");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--member", o->member, "member")->required();
    c->add_option("--period", o->period, "period")->required();
    c->add_option("--format", o->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
    c->add_flag("--lines", o->lines, "json: list the royalty line numbers behind every country's amount");
    c->callback([o, exit_code] { *exit_code = RunStatement(*o); });
  }
  CLI::App* ledger = app.add_subcommand("ledger", "the double-entry ledger: balance, check, reverse");
  ledger->require_subcommand(1);
  {
    auto o = std::make_shared<LedgerOptions>();
    CLI::App* c = ledger->add_subcommand("balance", "account balances (debit positive)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--account", o->prefix, "only accounts starting with this, e.g. member: or pool:P");
    c->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    c->callback([o, exit_code] { *exit_code = RunLedgerBalance(*o); });
  }
  {
    auto o = std::make_shared<LedgerOptions>();
    CLI::App* c = ledger->add_subcommand("check", "verify every transaction balances");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->callback([o, exit_code] { *exit_code = RunLedgerCheck(*o); });
  }
  {
    auto o = std::make_shared<LedgerOptions>();
    CLI::App* c = ledger->add_subcommand("reverse", "post the reversal of a transaction (the only correction)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("txn", o->txn, "transaction id")->required();
    c->add_option("--reason", o->reason, "why")->required();
    c->callback([o, exit_code] { *exit_code = RunLedgerReverse(*o); });
  }
  CLI::App* fund = app.add_subcommand("fund", "the fund pool: contributions and bridge loans");
  fund->require_subcommand(1);
  {
    auto o = std::make_shared<FundOptions>();
    CLI::App* c = fund->add_subcommand("contribute", "a member pays into the fund");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--member", o->member, "member")->required();
    c->add_option("--amount", o->amount, "amount, e.g. 100000.00")->required();
    c->add_option("--currency", o->currency, "ISO 4217")->required();
    c->add_option("--date", o->date, "date (default: today)");
    c->callback([o, exit_code] { *exit_code = RunFundContribute(*o); });
  }
  {
    auto o = std::make_shared<FundOptions>();
    CLI::App* c = fund->add_subcommand("loan", "a bridge loan from the fund to a member");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--member", o->member, "member")->required();
    c->add_option("--amount", o->amount, "principal")->required();
    c->add_option("--currency", o->currency, "ISO 4217")->required();
    c->add_option("--rate", o->rate, "annual interest, percent (default 0)");
    c->add_option("--months", o->months, "term in months (default 12)")->check(CLI::Range(1, 600));
    c->add_option("--start", o->date, "start date (default: today)");
    c->callback([o, exit_code] { *exit_code = RunFundLoan(*o); });
  }
  {
    auto o = std::make_shared<FundOptions>();
    CLI::App* c = fund->add_subcommand("repay", "a repayment of a loan");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--loan", o->loan, "loan id")->required();
    c->add_option("--principal", o->principal, "principal repaid")->required();
    c->add_option("--interest", o->interest, "interest paid (default 0)");
    c->add_option("--date", o->date, "date (default: today)");
    c->callback([o, exit_code] { *exit_code = RunFundRepay(*o); });
  }
  {
    auto o = std::make_shared<FundOptions>();
    CLI::App* c = fund->add_subcommand("show", "fund balances and loans");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--member", o->member, "only this member's loans");
    c->callback([o, exit_code] { *exit_code = RunFundShow(*o); });
  }
}

}  // namespace patnav::cli
