// patnav distribute, statement, ledger balance|check|reverse,
// fund contribute|loan|repay|show.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/pool_cli.h"
#include "domain/distribution.h"
#include "domain/fund.h"
#include "domain/ledger.h"
#include "domain/money.h"
#include "domain/statement.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct DistributeOptions {
  std::string db, pool, period, method = "value", format = "text";
  double weight = 0.5;
  bool close = false;
};

void PrintPlan(const domain::DistributionPlan& p, bool closed, const std::string& format) {
  const std::string& cur = p.currency;
  auto money = [&](int64_t v) { return domain::FormatAmount(v, cur); };
  if (format == "json") {
    nlohmann::ordered_json j;
    j["pool"] = p.pool;
    j["period"] = p.period;
    j["method"] = domain::DistributionMethodName(p.method);
    j["value_weight"] = p.value_weight_ppm / 1e6;
    j["currency"] = cur;
    j["closed"] = closed;
    j["gross_minor"] = p.gross_minor;
    j["fee_minor"] = p.fee_minor;
    j["distributable_minor"] = p.distributable_minor;
    j["undistributed_minor"] = p.undistributed_minor;
    j["members"] = nlohmann::ordered_json::object();
    for (const auto& [m, a] : p.by_member) j["members"][m] = a;
    j["countries"] = nlohmann::ordered_json::array();
    for (const auto& c : p.countries)
      j["countries"].push_back({{"country", c.country}, {"gross_minor", c.gross_minor}, {"fee_minor", c.fee_minor},
                                {"net_minor", c.net_minor}, {"eligible_patents", c.eligible_patents}});
    j["excluded"] = p.excluded;
    std::printf("%s\n", j.dump(2).c_str());
    return;
  }
  std::printf("Pool %s, period %s, method %s", p.pool.c_str(), p.period.c_str(), domain::DistributionMethodName(p.method));
  if (p.method == domain::DistributionMethod::kBlend) std::printf(" (value weight %.2f)", p.value_weight_ppm / 1e6);
  std::printf("%s\n", closed ? " — CLOSED" : " — preview (nothing written; --close records it and closes the period)");
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
  Result<domain::DistributionMethod> method = domain::ParseDistributionMethod(o.method);
  if (!method.ok()) return Fail(cmd, method.status());
  if (!(o.weight >= 0 && o.weight <= 1)) return Fail(cmd, Status::InvalidArgument("--weight must be between 0 and 1"));
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  domain::DistributionRequest req{o.pool, o.period, *method, static_cast<int64_t>(o.weight * 1e6 + 0.5)};
  domain::DistributionPlan plan;
  int64_t txn = 0;
  if (o.close) {
    Result<int64_t> id = domain::CloseDistribution(*ops, req, &plan);
    if (!id.ok()) return Fail(cmd, id.status());
    Result<Statement> q = ops->db().Prepare("SELECT txn_id FROM distribution WHERE id = ?1");
    if (!q.ok()) return Fail(cmd, q.status());
    q->BindInt64(1, *id);
    Result<bool> row = q->Step();
    if (row.ok() && *row) txn = q->ColumnInt64(0);
  } else {
    Result<domain::DistributionPlan> p = domain::PlanDistribution(*ops, req);
    if (!p.ok()) return Fail(cmd, p.status());
    plan = std::move(*p);
    Result<Statement> q = ops->db().Prepare(
        "SELECT pc.closed_at, d.method FROM period_close pc JOIN pool p ON p.id = pc.pool_id "
        "JOIN distribution d ON d.id = pc.distribution_id WHERE p.name = ?1 AND pc.period = ?2");
    if (!q.ok()) return Fail(cmd, q.status());
    q->BindText(1, plan.pool);
    q->BindText(2, plan.period);
    Result<bool> row = q->Step();
    if (row.ok() && *row && o.format != "json")
      std::printf("note: period %s was closed at %s (method %s); this preview changes nothing\n\n", plan.period.c_str(),
                  std::string(q->ColumnText(0)).c_str(), std::string(q->ColumnText(1)).c_str());
  }
  PrintPlan(plan, o.close, o.format);
  if (o.close && o.format != "json")
    std::printf("\n  posted as ledger transaction %lld (a correction is 'patnav ledger reverse %lld --reason ...')\n",
                static_cast<long long>(txn), static_cast<long long>(txn));
  return kExitOk;
}

struct StatementOptions {
  std::string db, member, period, format = "json";
  bool lines = false;
};

int RunStatement(const StatementOptions& o) {
  auto ops = OpenOperations(o.db, "statement", false);
  if (!ops) return kExitFailure;
  Result<domain::MemberStatement> st = domain::BuildStatement(*ops, o.member, o.period, o.lines);
  if (!st.ok()) return Fail("statement", st.status());
  std::string out = o.format == "csv" ? domain::StatementToCsv(*st) : domain::StatementToJson(*st);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

struct LedgerOptions {
  std::string db, prefix, reason, format = "table";
  int64_t txn = 0;
};

int RunLedgerBalance(const LedgerOptions& o) {
  auto ops = OpenOperations(o.db, "ledger balance", false);
  if (!ops) return kExitFailure;
  Result<std::vector<domain::AccountBalance>> b = domain::Balances(*ops, o.prefix);
  if (!b.ok()) return Fail("ledger balance", b.status());
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& x : *b)
      j.push_back({{"account", x.account}, {"kind", x.kind}, {"currency", x.currency}, {"balance_minor", x.balance_minor}});
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-40s %-13s %-4s %16s\n", "account", "kind", "cur", "balance (debit +)");
  for (const auto& x : *b)
    std::printf("%s %-13s %-4s %16s\n", FitColumns(x.account, 40).c_str(), x.kind.c_str(), x.currency.c_str(),
                domain::FormatAmount(x.balance_minor, x.currency).c_str());
  return kExitOk;
}

int RunLedgerCheck(const LedgerOptions& o) {
  auto ops = OpenOperations(o.db, "ledger check", false);
  if (!ops) return kExitFailure;
  Status st = domain::CheckLedger(*ops);
  if (!st.ok()) {
    std::fprintf(stderr, "patnav ledger check: %s\n", st.message().c_str());
    return kExitFailure;
  }
  Result<int64_t> n = ops->db().QueryInt64("SELECT count(*) FROM ledger_txn");
  std::printf("ledger balanced: %lld transaction(s), every one sums to zero per currency\n",
              static_cast<long long>(n.ok() ? *n : 0));
  return kExitOk;
}

int RunLedgerReverse(const LedgerOptions& o) {
  auto ops = OpenOperations(o.db, "ledger reverse", false);
  if (!ops) return kExitFailure;
  int64_t reversal = 0;
  Status st = ops->Write([&]() -> Status {
    ASSIGN_OR_RETURN(reversal, domain::ReverseTransaction(*ops, o.txn, o.reason));
    return Status::OK();
  });
  if (!st.ok()) return Fail("ledger reverse", st);
  std::printf("transaction %lld reversed by %lld\n", static_cast<long long>(o.txn), static_cast<long long>(reversal));
  return kExitOk;
}

struct FundOptions {
  std::string db, member, amount, currency, date, rate = "0", principal, interest = "0";
  int months = 12;
  int64_t loan = 0;
};

int RunFundContribute(const FundOptions& o) {
  const char* cmd = "fund contribute";
  Status cur = domain::CheckCurrency(o.currency);
  if (!cur.ok()) return Fail(cmd, cur);
  Result<int64_t> amount = domain::ParseAmount(o.amount, o.currency);
  if (!amount.ok()) return Fail(cmd, amount.status());
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<int64_t> txn = domain::FundContribute(*ops, o.member, *amount, o.currency, o.date);
  if (!txn.ok()) return Fail(cmd, txn.status());
  std::printf("'%s' paid %s %s into the fund (transaction %lld)\n", o.member.c_str(), o.amount.c_str(), o.currency.c_str(),
              static_cast<long long>(*txn));
  return kExitOk;
}

int RunFundLoan(const FundOptions& o) {
  const char* cmd = "fund loan";
  Status cur = domain::CheckCurrency(o.currency);
  if (!cur.ok()) return Fail(cmd, cur);
  Result<int64_t> amount = domain::ParseAmount(o.amount, o.currency);
  if (!amount.ok()) return Fail(cmd, amount.status());
  Result<int64_t> rate = domain::ParsePercentPpm(o.rate);
  if (!rate.ok()) return Fail(cmd, rate.status());
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  domain::LoanInput in{o.member, *amount, o.currency, *rate, o.date, o.months};
  Result<int64_t> id = domain::GrantLoan(*ops, in);
  if (!id.ok()) return Fail(cmd, id.status());
  std::printf("loan %lld: %s %s to '%s' at %s a year over %d months\n", static_cast<long long>(*id), o.amount.c_str(),
              o.currency.c_str(), o.member.c_str(), domain::FormatPercentPpm(*rate).c_str(), o.months);
  std::printf("%-10s %14s %14s\n", "due", "principal", "interest");
  Result<std::vector<domain::LoanStatus>> loans = domain::Loans(*ops, o.member);
  std::string start = loans.ok() && !loans->empty() ? loans->back().start_on : o.date;
  for (const auto& x : domain::LoanSchedule(*amount, *rate, start, o.months))
    std::printf("%-10s %14s %14s\n", x.due_on.c_str(), domain::FormatAmount(x.principal_minor, o.currency).c_str(),
                domain::FormatAmount(x.interest_minor, o.currency).c_str());
  return kExitOk;
}

int RunFundRepay(const FundOptions& o) {
  const char* cmd = "fund repay";
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<std::vector<domain::LoanStatus>> loans = domain::Loans(*ops, "");
  if (!loans.ok()) return Fail(cmd, loans.status());
  std::string currency;
  for (const auto& l : *loans) if (l.id == o.loan) currency = l.currency;
  if (currency.empty()) return Fail(cmd, Status::NotFound("no loan " + std::to_string(o.loan)));
  Result<int64_t> principal = domain::ParseAmount(o.principal, currency);
  if (!principal.ok()) return Fail(cmd, principal.status());
  Result<int64_t> interest = domain::ParseAmount(o.interest, currency);
  if (!interest.ok()) return Fail(cmd, interest.status());
  Result<int64_t> txn = domain::RepayLoan(*ops, o.loan, *principal, *interest, o.date);
  if (!txn.ok()) return Fail(cmd, txn.status());
  std::printf("loan %lld: repaid %s principal and %s interest %s\n", static_cast<long long>(o.loan), o.principal.c_str(),
              o.interest.c_str(), currency.c_str());
  return kExitOk;
}

int RunFundShow(const FundOptions& o) {
  auto ops = OpenOperations(o.db, "fund show", false);
  if (!ops) return kExitFailure;
  Result<std::vector<domain::AccountBalance>> b = domain::Balances(*ops, "fund");
  if (!b.ok()) return Fail("fund show", b.status());
  for (const auto& x : *b)
    std::printf("%s %16s %s (debit +)\n", FitColumns(x.account, 40).c_str(), domain::FormatAmount(x.balance_minor, x.currency).c_str(),
                x.currency.c_str());
  Result<std::vector<domain::LoanStatus>> loans = domain::Loans(*ops, o.member);
  if (!loans.ok()) return Fail("fund show", loans.status());
  std::printf("\n%-5s %-24s %-10s %14s %14s %14s\n", "loan", "member", "start", "principal", "outstanding", "interest paid");
  for (const auto& l : *loans)
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
    c->add_option("--account", o->prefix, "only accounts starting with this, e.g. member: or pool:P");
    c->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    c->callback([o, exit_code] { *exit_code = RunLedgerBalance(*o); });
  }
  {
    auto o = std::make_shared<LedgerOptions>();
    CLI::App* c = ledger->add_subcommand("check", "verify every transaction balances");
    c->add_option("--db", o->db, kDbHelp);
    c->callback([o, exit_code] { *exit_code = RunLedgerCheck(*o); });
  }
  {
    auto o = std::make_shared<LedgerOptions>();
    CLI::App* c = ledger->add_subcommand("reverse", "post the reversal of a transaction (the only correction)");
    c->add_option("--db", o->db, kDbHelp);
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
    c->add_option("--member", o->member, "only this member's loans");
    c->callback([o, exit_code] { *exit_code = RunFundShow(*o); });
  }
}

}  // namespace patnav::cli
