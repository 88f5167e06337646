// patnav programme list, licensee list, agreement list: the licensing book,
// as a text table or JSON.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "app/caller.h"
#include "app/licensing.h"
#include "app/operations_json.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"
#include "domain/licensing.h"
#include "domain/money.h"

namespace patnav::cli {

namespace {

struct ListOptions {
  std::string db, alliance, pool, licensee, programme, format = "text";
};

void AddCommon(CLI::App* c, ListOptions& o) {
  c->add_option("--db", o.db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  c->add_option("--format", o.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  c->add_option("--alliance", o.alliance, "alliance (default: the only one)");
}

// "-" for an absent optional amount.
std::string Optional(const std::optional<int64_t>& v, const domain::Programme& g) {
  return v ? domain::FormatRate(g.basis, *v, g.currency) : "-";
}

int RunProgrammeList(const ListOptions& o) {
  const char* cmd = "programme list";
  auto ws = OpenWorkspace(o.db);
  Result<app::ListProgrammesResult> r = app::ListProgrammes(app::Caller::Local(), *ws, {o.alliance, o.pool});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  const std::vector<domain::Programme>* list = &r->programmes;
  std::printf("%-20s %-12s %-10s %-14s %-14s %-14s %s\n", "programme", "pool", "basis", "rate", "member rate", "cap",
              "country rates");
  for (const domain::Programme& g : *list) {
    std::string countries;
    for (const auto& [country, rate] : g.country_rates)
      countries += (countries.empty() ? "" : ", ") + country + " " + domain::FormatRate(g.basis, rate, g.currency);
    std::printf("%-20s %-12s %-10s %-14s %-14s %-14s %s\n", g.name.c_str(), g.pool.c_str(),
                domain::RoyaltyBasisName(g.basis), domain::FormatRate(g.basis, g.rate, g.currency).c_str(),
                Optional(g.member_rate, g).c_str(),
                g.cap_minor ? domain::FormatAmount(*g.cap_minor, g.currency).c_str() : "-",
                countries.empty() ? "-" : countries.c_str());
  }
  std::printf("%zu programme%s\n", list->size(), list->size() == 1 ? "" : "s");
  return kExitOk;
}

int RunLicenseeList(const ListOptions& o) {
  const char* cmd = "licensee list";
  auto ws = OpenWorkspace(o.db);
  Result<app::ListLicenseesResult> r = app::ListLicensees(app::Caller::Local(), *ws, {o.alliance});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  const std::vector<domain::Licensee>* list = &r->licensees;
  std::printf("%-30s %-8s %s\n", "licensee", "country", "alliance member");
  for (const domain::Licensee& l : *list)
    std::printf("%-30s %-8s %s\n", l.name.c_str(), l.country.empty() ? "-" : l.country.c_str(),
                l.member.empty() ? "-" : l.member.c_str());
  std::printf("%zu licensee%s\n", list->size(), list->size() == 1 ? "" : "s");
  return kExitOk;
}

int RunAgreementList(const ListOptions& o) {
  const char* cmd = "agreement list";
  auto ws = OpenWorkspace(o.db);
  Result<app::ListAgreementsResult> r =
      app::ListAgreements(app::Caller::Local(), *ws, {o.alliance, o.licensee, o.programme});
  if (!r.ok()) return Fail(cmd, r.status());
  PrintWarnings(cmd, r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  const std::vector<domain::Agreement>* list = &r->agreements;
  std::printf("%-5s %-30s %-20s %-12s %-12s %-12s %s\n", "id", "licensee", "programme", "territories", "from", "to", "pool");
  for (const domain::Agreement& a : *list)
    std::printf("%-5lld %-30s %-20s %-12s %-12s %-12s %s\n", static_cast<long long>(a.id), a.licensee.c_str(),
                a.programme.c_str(), a.territories.c_str(), a.effective_from.c_str(),
                a.effective_to.empty() ? "open" : a.effective_to.c_str(), a.pool.c_str());
  std::printf("%zu agreement%s\n", list->size(), list->size() == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace

void AddLicensingBookCommands(CLI::App& programme, CLI::App& licensee, CLI::App& agreement, int* exit_code) {
  {
    auto o = std::make_shared<ListOptions>();
    CLI::App* c = programme.add_subcommand("list", "the licence programmes, of one pool or all");
    AddCommon(c, *o);
    c->add_option("--pool", o->pool, "only this pool's programmes");
    c->callback([o, exit_code] { *exit_code = RunProgrammeList(*o); });
  }
  {
    auto o = std::make_shared<ListOptions>();
    CLI::App* c = licensee.add_subcommand("list", "the licensees");
    AddCommon(c, *o);
    c->callback([o, exit_code] { *exit_code = RunLicenseeList(*o); });
  }
  {
    auto o = std::make_shared<ListOptions>();
    CLI::App* c = agreement.add_subcommand("list", "the licence agreements, of one licensee and/or programme or all");
    AddCommon(c, *o);
    c->add_option("--licensee", o->licensee, "only this licensee's agreements");
    c->add_option("--programme", o->programme, "only agreements under this programme");
    c->callback([o, exit_code] { *exit_code = RunAgreementList(*o); });
  }
}

}  // namespace patnav::cli
