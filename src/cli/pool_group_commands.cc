// patnav pool create|contribute|withdraw|essentiality|lapse|rescore|show,
// programme create, licensee add, agreement add, royalty report (the list
// commands of programmes, licensees and agreements: licensing_book_commands.cc).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/open_store.h"
#include "cli/pool_cli.h"
#include "domain/licensing.h"
#include "domain/money.h"
#include "domain/pool.h"
#include "domain/royalty.h"
#include "domain/value_context.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct PoolOptions {
  std::string db, alliance, name, scope, standard, clauses, currency, fee = "0", format = "text";
  std::string member, date, countries, file, status, evaluator, note, country, weights, as_of;
  std::vector<std::string> publications;
};

int RunPoolCreate(const PoolOptions& o) {
  const char* cmd = "pool create";
  Result<int64_t> fee = domain::ParsePercentPpm(o.fee);
  if (!fee.ok()) return Fail(cmd, fee.status());
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::CreatePool(*ops, {o.alliance, o.name, o.scope, o.standard, o.clauses, o.currency, *fee});
  if (!id.ok()) return Fail(cmd, id.status());
  std::printf("pool '%s' created (%s, administrator fee %s)\n", o.name.c_str(), o.currency.c_str(),
              domain::FormatPercentPpm(*fee).c_str());
  return kExitOk;
}

int RunPoolContribute(const PoolOptions& o) {
  const char* cmd = "pool contribute";
  std::vector<std::string> pubs = o.publications;
  if (!o.file.empty()) {
    Result<std::string> text = ReadWholeFile(o.file);
    if (!text.ok()) return Fail(cmd, text.status());
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
      std::string t(Trim(line));
      if (!t.empty() && t[0] != '#') pubs.push_back(t);
    }
  }
  if (pubs.empty()) return Fail(cmd, Status::InvalidArgument("name the publications (arguments or --file)"));
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, cmd);
  if (!store) return kExitFailure;
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Status st = domain::ContributeFromStore(*ops, *store, o.name, o.member, pubs, o.date, SplitCountries(o.countries));
  if (!st.ok()) return Fail(cmd, st);
  std::printf("%zu patent(s) contributed to '%s' by '%s'\n", pubs.size(), o.name.c_str(), o.member.c_str());
  return kExitOk;
}

int RunPoolWithdraw(const PoolOptions& o) {
  auto ops = OpenOperations(o.db, "pool withdraw", false);
  if (!ops) return kExitFailure;
  Status st = domain::Withdraw(*ops, o.name, o.publications.at(0), o.date);
  if (!st.ok()) return Fail("pool withdraw", st);
  std::printf("%s withdrawn from '%s' on %s\n", o.publications[0].c_str(), o.name.c_str(), o.date.c_str());
  return kExitOk;
}

int RunPoolEssentiality(const PoolOptions& o) {
  auto ops = OpenOperations(o.db, "pool essentiality", false);
  if (!ops) return kExitFailure;
  Status st = domain::SetEssentiality(*ops, o.name, o.publications.at(0), o.status, o.date, o.evaluator, o.note);
  if (!st.ok()) return Fail("pool essentiality", st);
  std::printf("%s in '%s': %s\n", o.publications[0].c_str(), o.name.c_str(), o.status.c_str());
  return kExitOk;
}

int RunPoolLapse(const PoolOptions& o) {
  auto ops = OpenOperations(o.db, "pool lapse", false);
  if (!ops) return kExitFailure;
  Status st = domain::RecordLapse(*ops, o.publications.at(0), o.country, o.date);
  if (!st.ok()) return Fail("pool lapse", st);
  std::printf("%s lapsed %s from %s\n", o.publications[0].c_str(), o.country.empty() ? "everywhere" : ("in " + o.country).c_str(),
              o.date.c_str());
  return kExitOk;
}

int RunPoolRescore(const PoolOptions& o) {
  const char* cmd = "pool rescore";
  domain::ValueWeights weights = domain::DefaultValueWeights();
  if (!o.weights.empty()) {
    Result<std::string> text = ReadWholeFile(o.weights);
    if (!text.ok()) return Fail(cmd, text.status());
    Result<domain::ValueWeights> w = domain::ParseValueWeights(*text);
    if (!w.ok()) return Fail(cmd, w.status());
    weights = *w;
  }
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, cmd);
  if (!store) return kExitFailure;
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<int64_t> n = domain::RescorePool(*ops, *store, o.name, weights, o.as_of);
  if (!n.ok()) return Fail(cmd, n.status());
  std::printf("%lld patent(s) of '%s' scored\n", static_cast<long long>(*n), o.name.c_str());
  return kExitOk;
}

int RunPoolShow(const PoolOptions& o) {
  const char* cmd = "pool show";
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<domain::Pool> pool = domain::FindPool(*ops, o.name);
  if (!pool.ok()) return Fail(cmd, pool.status());
  Result<std::vector<domain::Contribution>> cs = domain::Contributions(*ops, o.name);
  if (!cs.ok()) return Fail(cmd, cs.status());
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["pool"] = pool->name;
    j["alliance"] = pool->alliance;
    j["scope"] = pool->scope;
    j["standard"] = pool->standard;
    j["clauses"] = pool->clauses;
    j["currency"] = pool->currency;
    j["administrator_fee"] = domain::FormatPercentPpm(pool->admin_fee_ppm);
    j["patents"] = nlohmann::ordered_json::array();
    for (const auto& c : *cs)
      j["patents"].push_back({{"publication_number", c.publication_number}, {"member", c.member},
                              {"contributed_on", c.contributed_on}, {"withdrawn_on", c.withdrawn_on},
                              {"essentiality", c.essentiality}, {"expires_on", c.expires_on}, {"countries", c.countries}});
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("Pool          %s (alliance %s)\nScope         %s\nStandard      %s %s\nCurrency      %s, administrator fee %s\n"
              "Patents       %zu\n\n",
              pool->name.c_str(), pool->alliance.c_str(), pool->scope.c_str(), pool->standard.c_str(), pool->clauses.c_str(),
              pool->currency.c_str(), domain::FormatPercentPpm(pool->admin_fee_ppm).c_str(), cs->size());
  Result<Statement> closed = ops->db().Prepare(
      "SELECT d.period, d.method, d.gross_minor, d.distributable_minor, d.txn_id FROM distribution d "
      "WHERE d.pool_id = ?1 ORDER BY d.period");
  if (!closed.ok()) return Fail(cmd, closed.status());
  closed->BindInt64(1, pool->id);
  bool any = false;
  for (;;) {
    Result<bool> row = closed->Step();
    if (!row.ok()) return Fail(cmd, row.status());
    if (!*row) break;
    if (!any) std::printf("Closed periods\n");
    any = true;
    std::printf("  %-8s %-15s gross %s, distributed %s (ledger transaction %lld)\n", std::string(closed->ColumnText(0)).c_str(),
                std::string(closed->ColumnText(1)).c_str(), domain::FormatAmount(closed->ColumnInt64(2), pool->currency).c_str(),
                domain::FormatAmount(closed->ColumnInt64(3), pool->currency).c_str(), static_cast<long long>(closed->ColumnInt64(4)));
  }
  if (any) std::printf("\n");
  std::printf("%-16s %-24s %-10s %-10s %-10s %-10s %s\n", "publication", "member", "since", "withdrawn", "essential",
              "expires", "countries");
  for (const auto& c : *cs) {
    std::string countries;
    for (const auto& x : c.countries) countries += (countries.empty() ? "" : ",") + x;
    std::printf("%-16s %s %-10s %-10s %-10s %-10s %s\n", c.publication_number.c_str(), FitColumns(c.member, 24).c_str(),
                c.contributed_on.c_str(), c.withdrawn_on.c_str(), c.essentiality.c_str(), c.expires_on.c_str(),
                countries.c_str());
  }
  return kExitOk;
}

struct ProgrammeOptions {
  std::string db, name, pool, basis = "per-unit", rate, member_rate, cap, currency;
  std::vector<std::string> country_rates;  // CC=RATE
};

int RunProgrammeCreate(const ProgrammeOptions& o) {
  const char* cmd = "programme create";
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  Result<domain::Pool> pool = domain::FindPool(*ops, o.pool);
  if (!pool.ok()) return Fail(cmd, pool.status());
  const std::string& currency = o.currency.empty() ? pool->currency : o.currency;
  Result<domain::RoyaltyBasis> basis = domain::ParseRoyaltyBasis(o.basis);
  if (!basis.ok()) return Fail(cmd, basis.status());
  domain::ProgrammeInput in;
  in.pool = o.pool;
  in.name = o.name;
  in.basis = *basis;
  in.currency = o.currency;
  Result<int64_t> rate = domain::ParseRate(*basis, o.rate, currency);
  if (!rate.ok()) return Fail(cmd, rate.status());
  in.rate = *rate;
  if (!o.member_rate.empty()) {
    Result<int64_t> r = domain::ParseRate(*basis, o.member_rate, currency);
    if (!r.ok()) return Fail(cmd, r.status());
    in.member_rate = *r;
  }
  if (!o.cap.empty()) {
    Result<int64_t> r = domain::ParseAmount(o.cap, currency);
    if (!r.ok()) return Fail(cmd, r.status());
    in.cap_minor = *r;
  }
  for (const auto& cr : o.country_rates) {
    size_t eq = cr.find('=');
    if (eq == std::string::npos) return Fail(cmd, Status::InvalidArgument("--country-rate '" + cr + "' is not CC=RATE"));
    Result<int64_t> r = domain::ParseRate(*basis, cr.substr(eq + 1), currency);
    if (!r.ok()) return Fail(cmd, r.status());
    in.country_rates[AsciiUpper(Trim(cr.substr(0, eq)))] = *r;
  }
  Result<int64_t> id = domain::CreateProgramme(*ops, in);
  if (!id.ok()) return Fail(cmd, id.status());
  std::printf("programme '%s' of pool '%s': %s\n", o.name.c_str(), o.pool.c_str(),
              domain::FormatRate(*basis, *rate, currency).c_str());
  return kExitOk;
}

struct LicenseeOptions {
  std::string db, name, country, member;
};

int RunLicenseeAdd(const LicenseeOptions& o) {
  auto ops = OpenOperations(o.db, "licensee add", false);
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::AddLicensee(*ops, {o.name, o.country, o.member});
  if (!id.ok()) return Fail("licensee add", id.status());
  std::printf("licensee '%s' added%s\n", o.name.c_str(), o.member.empty() ? "" : (" (member " + o.member + ")").c_str());
  return kExitOk;
}

struct AgreementOptions {
  std::string db, licensee, programme, territories = "*", from, to;
};

int RunAgreementAdd(const AgreementOptions& o) {
  auto ops = OpenOperations(o.db, "agreement add", false);
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::AddAgreement(*ops, {o.licensee, o.programme, {o.territories}, o.from, o.to});
  if (!id.ok()) return Fail("agreement add", id.status());
  std::printf("agreement %lld: '%s' under '%s' in %s from %s%s\n", static_cast<long long>(*id), o.licensee.c_str(),
              o.programme.c_str(), o.territories.c_str(), o.from.c_str(), o.to.empty() ? "" : (" to " + o.to).c_str());
  return kExitOk;
}

struct RoyaltyOptions {
  std::string db, licensee, programme, period, currency, file;
  std::vector<std::string> lines;  // CC=FIGURE
};

int RunRoyaltyReport(const RoyaltyOptions& o) {
  const char* cmd = "royalty report";
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  std::vector<domain::RoyaltyReportInput> reports;
  if (!o.file.empty()) {
    Result<std::string> text = ReadWholeFile(o.file);
    if (!text.ok()) return Fail(cmd, text.status());
    Result<std::vector<domain::RoyaltyReportInput>> parsed = domain::ParseRoyaltyCsv(*ops, *text, o.file);
    if (!parsed.ok()) return Fail(cmd, parsed.status());
    reports = std::move(*parsed);
  }
  if (!o.lines.empty()) {
    if (o.licensee.empty() || o.programme.empty() || o.period.empty())
      return Fail(cmd, Status::InvalidArgument("--line needs --licensee, --programme and --period"));
    Result<domain::Programme> prog = domain::FindProgramme(*ops, o.programme);
    if (!prog.ok()) return Fail(cmd, prog.status());
    domain::RoyaltyReportInput r;
    r.licensee = o.licensee;
    r.programme = o.programme;
    r.period = o.period;
    r.currency = o.currency;
    r.source = "command line";
    for (const auto& l : o.lines) {
      size_t eq = l.find('=');
      if (eq == std::string::npos) return Fail(cmd, Status::InvalidArgument("--line '" + l + "' is not CC=UNITS or CC=NET_SALES"));
      domain::RoyaltyLineInput line;
      line.country = AsciiUpper(Trim(l.substr(0, eq)));
      std::string figure(Trim(l.substr(eq + 1)));
      if (prog->basis == domain::RoyaltyBasis::kNetSales) {
        Result<int64_t> v = domain::ParseAmount(figure, prog->currency);
        if (!v.ok()) return Fail(cmd, v.status());
        line.net_sales_minor = *v;
      } else {
        if (StartsWith(figure, "-")) return Fail(cmd, Status::InvalidArgument("--line '" + l + "': negative amount"));
        if (!IsAsciiDigits(figure) || figure.size() > 17)
          return Fail(cmd, Status::InvalidArgument("--line '" + l + "': units must be a whole number"));
        line.units = std::stoll(figure);
      }
      r.lines.push_back(line);
    }
    reports.push_back(std::move(r));
  }
  if (reports.empty()) return Fail(cmd, Status::InvalidArgument("give --file CSV or --line CC=FIGURE"));
  Result<std::vector<domain::RoyaltyReportOutcome>> out = domain::ReportRoyalties(*ops, reports);
  if (!out.ok()) return Fail(cmd, out.status());
  int64_t lines = 0;
  std::map<std::string, int64_t> totals;
  for (const auto& r : *out) {
    lines += r.lines;
    totals[r.currency] += r.total_minor;
    if (out->size() <= 20)
      std::printf("report %lld: %s / %s %s: %lld line(s), royalty %s %s%s, ledger transaction %lld\n",
                  static_cast<long long>(r.report_id), r.licensee.c_str(), r.programme.c_str(), r.period.c_str(),
                  static_cast<long long>(r.lines), domain::FormatAmount(r.total_minor, r.currency).c_str(),
                  r.currency.c_str(), r.capped ? " (capped)" : "", static_cast<long long>(r.txn_id));
  }
  for (const auto& [c, t] : totals)
    std::printf("%zu report(s), %lld line(s), royalty due %s %s\n", out->size(), static_cast<long long>(lines),
                domain::FormatAmount(t, c).c_str(), c.c_str());
  return kExitOk;
}

}  // namespace

void AddPoolGroupCommands(CLI::App& app, int* exit_code) {
  CLI::App* pool = app.add_subcommand("pool", "patent pools: create, contribute, withdraw, essentiality, lapse, rescore, show");
  pool->require_subcommand(1);
  auto with_pool = [](CLI::App* c, PoolOptions& o) {
    c->add_option("--db", o.db, kDbHelp);
    c->add_option("--pool", o.name, "pool name")->required();
  };
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("create", "create a pool");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "pool name")->required();
    c->add_option("--currency", o->currency, "ISO 4217 currency of its income (USD, EUR, CNY)")->required();
    c->add_option("--fee", o->fee, "administrator's fee, percent of gross income (e.g. 10)");
    c->add_option("--scope", o->scope, "technology scope");
    c->add_option("--standard", o->standard, "linked standard");
    c->add_option("--clauses", o->clauses, "clauses of the standard");
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->callback([o, exit_code] { *exit_code = RunPoolCreate(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("contribute", "a member contributes patents from the store");
    with_pool(c, *o);
    c->add_option("--member", o->member, "contributing member")->required();
    c->add_option("publications", o->publications, "publication numbers (any spelling)");
    c->add_option("--file", o->file, "file of publication numbers, one a line");
    c->add_option("--date", o->date, "contribution date (default: today)");
    c->add_option("--countries", o->countries, "more countries where the patents are in force, e.g. DE,FR");
    c->callback([o, exit_code] { *exit_code = RunPoolContribute(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("withdraw", "withdraw a patent from a pool");
    with_pool(c, *o);
    c->add_option("publication", o->publications, "publication number")->required()->expected(1);
    c->add_option("--date", o->date, "withdrawal date")->required();
    c->callback([o, exit_code] { *exit_code = RunPoolWithdraw(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("essentiality", "record an essentiality decision");
    with_pool(c, *o);
    c->add_option("publication", o->publications, "publication number")->required()->expected(1);
    c->add_option("--status", o->status, "claimed, essential or rejected")->required();
    c->add_option("--date", o->date, "decision date (default: today)");
    c->add_option("--evaluator", o->evaluator, "who evaluated");
    c->add_option("--note", o->note, "note");
    c->callback([o, exit_code] { *exit_code = RunPoolEssentiality(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("lapse", "record that a patent lapsed (fees unpaid, revoked)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("publication", o->publications, "publication number with kind")->required()->expected(1);
    c->add_option("--date", o->date, "lapse date")->required();
    c->add_option("--country", o->country, "only in this country (default: everywhere)");
    c->callback([o, exit_code] { *exit_code = RunPoolLapse(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("rescore", "score every patent of the pool with the value model and keep the scores");
    with_pool(c, *o);
    c->add_option("--weights", o->weights, "value weights JSON (docs/pools.md)");
    c->add_option("--as-of", o->as_of, "assessment date (default: today)");
    c->callback([o, exit_code] { *exit_code = RunPoolRescore(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("show", "a pool and its patents");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "pool name")->required();
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunPoolShow(*o); });
  }

  CLI::App* programme = app.add_subcommand("programme", "licence programmes of a pool");
  programme->require_subcommand(1);
  {
    auto o = std::make_shared<ProgrammeOptions>();
    CLI::App* c = programme->add_subcommand("create", "create a licence programme");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "programme name")->required();
    c->add_option("--pool", o->pool, "pool")->required();
    c->add_option("--basis", o->basis, "per-unit, net-sales or lump-sum");
    c->add_option("--rate", o->rate, "amount per unit, percent of net sales, or lump sum per period")->required();
    c->add_option("--member-rate", o->member_rate, "rate for licensees that are members (cross-licensing; 0 for free)");
    c->add_option("--cap", o->cap, "most one licensee pays per period");
    c->add_option("--country-rate", o->country_rates, "CC=RATE, repeatable");
    c->add_option("--currency", o->currency, "must be the pool's currency");
    c->callback([o, exit_code] { *exit_code = RunProgrammeCreate(*o); });
  }
  CLI::App* licensee = app.add_subcommand("licensee", "licensees of the pools");
  licensee->require_subcommand(1);
  {
    auto o = std::make_shared<LicenseeOptions>();
    CLI::App* c = licensee->add_subcommand("add", "add a licensee");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "licensee name")->required();
    c->add_option("--country", o->country, "home country");
    c->add_option("--member", o->member, "the alliance member it is (pays the member rate)");
    c->callback([o, exit_code] { *exit_code = RunLicenseeAdd(*o); });
  }
  CLI::App* agreement = app.add_subcommand("agreement", "licence agreements");
  agreement->require_subcommand(1);
  {
    auto o = std::make_shared<AgreementOptions>();
    CLI::App* c = agreement->add_subcommand("add", "license a licensee under a programme");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--licensee", o->licensee, "licensee")->required();
    c->add_option("--programme", o->programme, "programme")->required();
    c->add_option("--territories", o->territories, "countries, e.g. US,DE,CN, or * (default)");
    c->add_option("--from", o->from, "effective date")->required();
    c->add_option("--to", o->to, "end date (default: open-ended)");
    c->callback([o, exit_code] { *exit_code = RunAgreementAdd(*o); });
  }
  AddLicensingBookCommands(*programme, *licensee, *agreement, exit_code);
  CLI::App* royalty = app.add_subcommand("royalty", "royalty reports");
  royalty->require_subcommand(1);
  {
    auto o = std::make_shared<RoyaltyOptions>();
    CLI::App* c = royalty->add_subcommand("report", "record royalty reports (units or net sales per country)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--file", o->file, "CSV: licensee,programme,period,country,units|net_sales[,currency]");
    c->add_option("--licensee", o->licensee, "licensee (with --line)");
    c->add_option("--programme", o->programme, "programme (with --line)");
    c->add_option("--period", o->period, "2025Q1, 2025-03 or 2025 (with --line)");
    c->add_option("--currency", o->currency, "currency of the figures (must be the programme's)");
    c->add_option("--line", o->lines, "CC=UNITS (per-unit) or CC=NET_SALES (net-sales), repeatable");
    c->callback([o, exit_code] { *exit_code = RunRoyaltyReport(*o); });
  }
}

}  // namespace patnav::cli
