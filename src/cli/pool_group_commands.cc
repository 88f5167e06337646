// patnav pool create|contribute|withdraw|essentiality|lapse|rescore|show|list,
// programme create, licensee add, agreement add, royalty report (the list
// commands of programmes, licensees and agreements: licensing_book_commands.cc).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <sstream>

#include "app/caller.h"
#include "app/licensing.h"
#include "app/operations_json.h"
#include "app/pools.h"
#include "app/royalties.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/pool_cli.h"
#include "domain/money.h"

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
  auto ws = OpenWorkspace(o.db);
  Result<app::PoolResult> r = app::CreatePool(app::Caller::Local(), *ws,
                                              {o.alliance, o.name, o.scope, o.standard, o.clauses, o.currency, o.fee});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("pool '%s' created (%s, administrator fee %s)\n", r->pool.name.c_str(), r->pool.currency.c_str(),
              domain::FormatPercentPpm(r->pool.admin_fee_ppm).c_str());
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
  auto ws = OpenWorkspace(o.db);
  Result<app::ContributeResult> r = app::Contribute(app::Caller::Local(), *ws,
                                                    {o.alliance, o.name, o.member, pubs, o.date, SplitCountries(o.countries)});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("%lld patent(s) contributed to '%s' by '%s'\n", static_cast<long long>(r->contributed), r->pool.c_str(),
              r->member.c_str());
  return kExitOk;
}

int RunPoolWithdraw(const PoolOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::ContributionResult> r =
      app::Withdraw(app::Caller::Local(), *ws, {o.alliance, o.name, o.publications.at(0), o.date});
  if (!r.ok()) return Fail("pool withdraw", r.status());
  PrintWarnings("pool withdraw", r->warnings);
  std::printf("%s withdrawn from '%s' on %s\n", o.publications[0].c_str(), o.name.c_str(), o.date.c_str());
  return kExitOk;
}

int RunPoolEssentiality(const PoolOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::ContributionResult> r = app::SetEssentiality(
      app::Caller::Local(), *ws, {o.alliance, o.name, o.publications.at(0), o.status, o.date, o.evaluator, o.note});
  if (!r.ok()) return Fail("pool essentiality", r.status());
  PrintWarnings("pool essentiality", r->warnings);
  std::printf("%s in '%s': %s\n", o.publications[0].c_str(), o.name.c_str(), o.status.c_str());
  return kExitOk;
}

int RunPoolLapse(const PoolOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::LapseResult> r = app::RecordLapse(app::Caller::Local(), *ws, {o.alliance, o.publications.at(0), o.country, o.date});
  if (!r.ok()) return Fail("pool lapse", r.status());
  PrintWarnings("pool lapse", r->warnings);
  std::printf("%s lapsed %s from %s\n", o.publications[0].c_str(), o.country.empty() ? "everywhere" : ("in " + o.country).c_str(),
              o.date.c_str());
  return kExitOk;
}

int RunPoolRescore(const PoolOptions& o) {
  const char* cmd = "pool rescore";
  std::string weights;
  if (!o.weights.empty()) {
    Result<std::string> text = ReadWholeFile(o.weights);
    if (!text.ok()) return Fail(cmd, text.status());
    weights = std::move(*text);
  }
  auto ws = OpenWorkspace(o.db);
  Result<app::RescoreResult> r = app::RescorePool(app::Caller::Local(), *ws, {o.alliance, o.name, weights, o.as_of});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  std::printf("%lld patent(s) of '%s' scored\n", static_cast<long long>(r->scored), r->pool.c_str());
  return kExitOk;
}

int RunPoolShow(const PoolOptions& o) {
  const char* cmd = "pool show";
  auto ws = OpenWorkspace(o.db);
  Result<app::PoolView> v = app::ShowPool(app::Caller::Local(), *ws, {o.alliance, o.name});
  if (!v.ok()) return Fail(cmd, v.status());
  PrintWarnings(cmd, v->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*v).dump(2).c_str());
    return kExitOk;
  }
  const domain::Pool& pool = v->pool;
  std::printf("Pool          %s (alliance %s)\nScope         %s\nStandard      %s %s\nCurrency      %s, administrator fee %s\n"
              "Patents       %zu\n\n",
              pool.name.c_str(), pool.alliance.c_str(), pool.scope.c_str(), pool.standard.c_str(), pool.clauses.c_str(),
              pool.currency.c_str(), domain::FormatPercentPpm(pool.admin_fee_ppm).c_str(), v->contributions.size());
  if (!v->closed.empty()) {
    std::printf("Closed periods\n");
    for (const auto& c : v->closed)
      std::printf("  %-8s %-15s gross %s, distributed %s (ledger transaction %lld)\n", c.period.c_str(), c.method.c_str(),
                  domain::FormatAmount(c.gross_minor, pool.currency).c_str(),
                  domain::FormatAmount(c.distributable_minor, pool.currency).c_str(), static_cast<long long>(c.txn_id));
    std::printf("\n");
  }
  std::printf("%-16s %-24s %-10s %-10s %-10s %-10s %s\n", "publication", "member", "since", "withdrawn", "essential",
              "expires", "countries");
  for (const auto& c : v->contributions) {
    std::string countries;
    for (const auto& x : c.countries) countries += (countries.empty() ? "" : ",") + x;
    std::printf("%-16s %s %-10s %-10s %-10s %-10s %s\n", c.publication_number.c_str(), FitColumns(c.member, 24).c_str(),
                c.contributed_on.c_str(), c.withdrawn_on.c_str(), c.essentiality.c_str(), c.expires_on.c_str(),
                countries.c_str());
  }
  return kExitOk;
}

int RunPoolList(const PoolOptions& o) {
  const char* cmd = "pool list";
  auto ws = OpenWorkspace(o.db);
  Result<app::ListPoolsResult> r = app::ListPools(app::Caller::Local(), *ws, {o.alliance});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-20s %-5s %-10s %-20s %s\n", "pool", "cur", "fee", "standard", "scope");
  for (const auto& p : r->pools)
    std::printf("%s %-5s %-10s %-20s %s\n", FitColumns(p.name, 20).c_str(), p.currency.c_str(),
                domain::FormatPercentPpm(p.admin_fee_ppm).c_str(), p.standard.c_str(), p.scope.c_str());
  std::printf("%zu pool%s\n", r->pools.size(), r->pools.size() == 1 ? "" : "s");
  return kExitOk;
}

struct ProgrammeOptions {
  std::string db, alliance, name, pool, basis = "per-unit", rate, member_rate, cap, currency;
  std::vector<std::string> country_rates;  // CC=RATE
};

int RunProgrammeCreate(const ProgrammeOptions& o) {
  const char* cmd = "programme create";
  app::CreateProgrammeRequest req{o.alliance, o.pool, o.name, o.basis, o.rate, o.member_rate, o.cap, {}, o.currency};
  for (const auto& cr : o.country_rates) {
    size_t eq = cr.find('=');
    if (eq == std::string::npos) return Fail(cmd, Status::InvalidArgument("--country-rate '" + cr + "' is not CC=RATE"));
    req.country_rates[cr.substr(0, eq)] = cr.substr(eq + 1);
  }
  auto ws = OpenWorkspace(o.db);
  Result<app::ProgrammeResult> r = app::CreateProgramme(app::Caller::Local(), *ws, req);
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  const domain::Programme& g = r->programme;
  std::printf("programme '%s' of pool '%s': %s\n", g.name.c_str(), g.pool.c_str(),
              domain::FormatRate(g.basis, g.rate, g.currency).c_str());
  return kExitOk;
}

struct LicenseeOptions {
  std::string db, alliance, name, country, member;
};

int RunLicenseeAdd(const LicenseeOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::LicenseeResult> r = app::AddLicensee(app::Caller::Local(), *ws, {o.alliance, o.name, o.country, o.member});
  if (!r.ok()) return Fail("licensee add", r.status());
  PrintWarnings("licensee add", r->warnings);
  std::printf("licensee '%s' added%s\n", r->licensee.name.c_str(), o.member.empty() ? "" : (" (member " + o.member + ")").c_str());
  return kExitOk;
}

struct AgreementOptions {
  std::string db, alliance, licensee, programme, territories = "*", from, to;
};

int RunAgreementAdd(const AgreementOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::AgreementResult> r = app::AddAgreement(app::Caller::Local(), *ws,
                                                     {o.alliance, o.licensee, o.programme, {o.territories}, o.from, o.to});
  if (!r.ok()) return Fail("agreement add", r.status());
  PrintWarnings("agreement add", r->warnings);
  std::printf("agreement %lld: '%s' under '%s' in %s from %s%s\n", static_cast<long long>(r->agreement.id), o.licensee.c_str(),
              o.programme.c_str(), o.territories.c_str(), o.from.c_str(), o.to.empty() ? "" : (" to " + o.to).c_str());
  return kExitOk;
}

struct RoyaltyOptions {
  std::string db, alliance, licensee, programme, period, currency, file;
  std::vector<std::string> lines;  // CC=FIGURE
};

int RunRoyaltyReport(const RoyaltyOptions& o) {
  const char* cmd = "royalty report";
  app::FileRoyaltiesRequest req;
  req.alliance = o.alliance;
  if (!o.file.empty()) {
    Result<std::string> text = ReadWholeFile(o.file);
    if (!text.ok()) return Fail(cmd, text.status());
    req.csv_text = std::move(*text);
    req.source = o.file;
  }
  if (!o.lines.empty()) {
    if (o.licensee.empty() || o.programme.empty() || o.period.empty())
      return Fail(cmd, Status::InvalidArgument("--line needs --licensee, --programme and --period"));
    req.licensee = o.licensee;
    req.programme = o.programme;
    req.period = o.period;
    req.currency = o.currency;
    for (const auto& l : o.lines) {
      size_t eq = l.find('=');
      if (eq == std::string::npos) return Fail(cmd, Status::InvalidArgument("--line '" + l + "' is not CC=UNITS or CC=NET_SALES"));
      req.lines.push_back({l.substr(0, eq), l.substr(eq + 1)});
    }
  }
  if (req.csv_text.empty() && req.lines.empty()) return Fail(cmd, Status::InvalidArgument("give --file CSV or --line CC=FIGURE"));
  auto ws = OpenWorkspace(o.db);
  Result<app::FileRoyaltiesResult> out = app::FileRoyalties(app::Caller::Local(), *ws, req);
  if (!out.ok()) return Fail(cmd, out.status());
  PrintWarnings(cmd, out->warnings);
  for (const auto& r : out->reports)
    if (out->reports.size() <= 20)
      std::printf("report %lld: %s / %s %s: %lld line(s), royalty %s %s%s, ledger transaction %lld\n",
                  static_cast<long long>(r.report_id), r.licensee.c_str(), r.programme.c_str(), r.period.c_str(),
                  static_cast<long long>(r.lines), domain::FormatAmount(r.total_minor, r.currency).c_str(),
                  r.currency.c_str(), r.capped ? " (capped)" : "", static_cast<long long>(r.txn_id));
  for (const auto& [c, t] : out->totals_minor)
    std::printf("%zu report(s), %lld line(s), royalty due %s %s\n", out->reports.size(), static_cast<long long>(out->lines),
                domain::FormatAmount(t, c).c_str(), c.c_str());
  return kExitOk;
}

}  // namespace

void AddPoolGroupCommands(CLI::App& app, int* exit_code) {
  CLI::App* pool = app.add_subcommand("pool", "patent pools: create, contribute, withdraw, essentiality, lapse, rescore, show, list");
  pool->require_subcommand(1);
  auto with_pool = [](CLI::App* c, PoolOptions& o) {
    c->add_option("--db", o.db, kDbHelp);
    c->add_option("--pool", o.name, "pool name")->required();
    c->add_option("--alliance", o.alliance, "alliance (default: the only one)");
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunPoolShow(*o); });
  }
  {
    auto o = std::make_shared<PoolOptions>();
    CLI::App* c = pool->add_subcommand("list", "the pools of the alliance");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunPoolList(*o); });
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
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
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->callback([o, exit_code] { *exit_code = RunRoyaltyReport(*o); });
  }
}

}  // namespace patnav::cli
