// patnav alliance create|show|charter, member add|leave|list, expert add|list.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/alliances.h"
#include "app/caller.h"
#include "app/experts.h"
#include "app/members.h"
#include "app/operations_json.h"
#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct AllianceOptions {
  std::string db, name, address, form, industry, format = "text";
  int item = 0;
  std::string text;
};

int RunAllianceCreate(const AllianceOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::CreateAllianceResult> r =
      app::CreateAlliance(app::Caller::Local(), *ws, {o.name, o.address, o.form, o.industry});
  if (!r.ok()) return Fail("alliance create", r.status());
  PrintWarnings("alliance create", r->warnings);
  std::printf("alliance '%s' created\n", r->alliance.name.c_str());
  return kExitOk;
}

int RunAllianceShow(const AllianceOptions& o, bool charter_only) {
  const char* cmd = charter_only ? "alliance charter" : "alliance show";
  auto ws = OpenWorkspace(o.db);
  Result<app::AllianceView> v = charter_only && o.item != 0
                                    ? app::SetCharterItem(app::Caller::Local(), *ws, {o.name, o.item, o.text})
                                    : app::ShowAlliance(app::Caller::Local(), *ws, {o.name});
  if (!v.ok()) return Fail(cmd, v.status());
  PrintWarnings(cmd, v->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*v).dump(2).c_str());
    return kExitOk;
  }
  const domain::Alliance& a = v->alliance;
  if (!charter_only) {
    std::printf("Alliance      %s\nAddress       %s\nForm          %s\n", a.name.c_str(), a.address.c_str(), a.form.c_str());
    if (!a.industry.empty()) std::printf("Industry      %s\n", a.industry.c_str());
    std::printf("Members       %lld (", static_cast<long long>(v->members));
    bool first = true;
    for (const auto& [t, n] : v->members_by_type) {
      std::printf("%s%s %d", first ? "" : ", ", t.c_str(), n);
      first = false;
    }
    std::printf(")\n\n");
  }
  std::printf("Charter (guidelines III(IV)): %d of 9 items, %d%% complete\n", v->charter.present, v->charter.percent);
  for (const auto& it : v->charter.items)
    std::printf("  [%c] %d. %s%s%s\n", it.present ? 'x' : ' ', it.item, it.title.c_str(), it.present ? ": " : "",
                it.text.substr(0, 60).c_str());
  return kExitOk;
}

struct MemberOptions {
  std::string db, alliance, name, type, joined, left, contact, format = "table";
  bool trading_centre = false;
};

int RunMemberAdd(const MemberOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::MemberResult> r =
      app::AddMember(app::Caller::Local(), *ws, {o.alliance, o.name, o.type, o.joined, o.contact, o.trading_centre});
  if (!r.ok()) return Fail("member add", r.status());
  PrintWarnings("member add", r->warnings);
  std::printf("member '%s' added\n", r->member.name.c_str());
  return kExitOk;
}

int RunMemberLeave(const MemberOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::MemberResult> r = app::MemberLeaves(app::Caller::Local(), *ws, {o.alliance, o.name, o.left});
  if (!r.ok()) return Fail("member leave", r.status());
  PrintWarnings("member leave", r->warnings);
  std::printf("member '%s' left on %s\n", o.name.c_str(), o.left.c_str());
  return kExitOk;
}

int RunMemberList(const MemberOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::ListMembersResult> r = app::ListMembers(app::Caller::Local(), *ws, {o.alliance});
  if (!r.ok()) return Fail("member list", r.status());
  PrintWarnings("member list", r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-30s %-13s %-10s %-10s %s\n", "member", "type", "joined", "left", "contact");
  for (const auto& m : r->members)
    std::printf("%s %-13s %-10s %-10s %s\n", FitColumns(m.name, 30).c_str(), m.type.c_str(), m.joined_on.c_str(),
                m.left_on.c_str(), m.contact.c_str());
  return kExitOk;
}

struct ExpertOptions {
  std::string db, alliance, name, member, field, inventor, contact, format = "table";
};

int RunExpertAdd(const ExpertOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::AddExpertResult> r =
      app::AddExpert(app::Caller::Local(), *ws, {o.alliance, o.name, o.member, o.field, o.inventor, o.contact});
  if (!r.ok()) return Fail("expert add", r.status());
  std::printf("expert '%s' registered\n", r->expert.name.c_str());
  PrintWarnings("expert add", r->warnings);
  if (r->inventor_publications > 0)
    std::printf("%lld publication(s) in the store name inventor '%s'\n", static_cast<long long>(r->inventor_publications),
                r->expert.inventor.c_str());
  return kExitOk;
}

int RunExpertList(const ExpertOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::ListExpertsResult> r = app::ListExperts(app::Caller::Local(), *ws, {o.alliance});
  if (!r.ok()) return Fail("expert list", r.status());
  PrintWarnings("expert list", r->warnings);
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-24s %-24s %-20s %-24s %s\n", "expert", "member", "field", "inventor", "patents");
  for (const auto& x : r->experts) {
    const domain::Expert& e = x.expert;
    const auto& p = x.patents;
    std::string list;
    for (size_t i = 0; i < p.size() && i < 5; ++i) list += (i ? " " : "") + p[i];
    if (p.size() > 5) list += " ...";
    std::printf("%s %s %s %s %zu %s\n", FitColumns(e.name, 24).c_str(), FitColumns(e.member, 24).c_str(),
                FitColumns(e.field, 20).c_str(), FitColumns(e.inventor, 24).c_str(), p.size(), list.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddAllianceCommands(CLI::App& app, int* exit_code) {
  CLI::App* alliance = app.add_subcommand("alliance", "an industrial IP alliance: create, show, charter checklist");
  alliance->require_subcommand(1);
  {
    auto o = std::make_shared<AllianceOptions>();
    CLI::App* c = alliance->add_subcommand("create", "create an alliance");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "alliance name")->required();
    c->add_option("--form", o->form, "business_entity, social_organization or cooperative_organization (III(II))")->required();
    c->add_option("--address", o->address, "address (charter item 1)");
    c->add_option("--industry", o->industry, "the industry it serves");
    c->callback([o, exit_code] { *exit_code = RunAllianceCreate(*o); });
  }
  {
    auto o = std::make_shared<AllianceOptions>();
    CLI::App* c = alliance->add_subcommand("show", "the alliance, its members by type and its charter completeness");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "alliance (default: the only one)");
    c->add_option("--alliance", o->name, "alliance (default: the only one)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunAllianceShow(*o, false); });
  }
  {
    auto o = std::make_shared<AllianceOptions>();
    CLI::App* c = alliance->add_subcommand("charter", "the nine charter items of III(IV): record one, show the checklist");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->name, "alliance (default: the only one)");
    auto* item = c->add_option("--item", o->item, "item 1..9 to record")->check(CLI::Range(1, 9));
    c->add_option("--text", o->text, "the item's text")->needs(item);
    item->needs("--text");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunAllianceShow(*o, true); });
  }

  CLI::App* member = app.add_subcommand("member", "alliance members (产学研金介用): add, leave, list");
  member->require_subcommand(1);
  {
    auto o = std::make_shared<MemberOptions>();
    CLI::App* c = member->add_subcommand("add", "add a member");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "member name")->required();
    c->add_option("--type", o->type, "industry, university, research, finance, intermediary or application (产学研金介用)")
        ->required();
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--joined", o->joined, "join date YYYY-MM-DD (default: today)");
    c->add_option("--contact", o->contact, "contact person, e-mail or phone");
    c->add_flag("--trading-centre", o->trading_centre,
                "a national patent technology exhibition and trading centre (library priority, guidelines V(II))");
    c->callback([o, exit_code] { *exit_code = RunMemberAdd(*o); });
  }
  {
    auto o = std::make_shared<MemberOptions>();
    CLI::App* c = member->add_subcommand("leave", "record that a member left");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "member name")->required();
    c->add_option("--date", o->left, "leave date YYYY-MM-DD")->required();
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->callback([o, exit_code] { *exit_code = RunMemberLeave(*o); });
  }
  {
    auto o = std::make_shared<MemberOptions>();
    CLI::App* c = member->add_subcommand("list", "list members");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    c->callback([o, exit_code] { *exit_code = RunMemberList(*o); });
  }

  CLI::App* expert = app.add_subcommand("expert", "the talent pool: experts linked to inventors in the patent data");
  expert->require_subcommand(1);
  {
    auto o = std::make_shared<ExpertOptions>();
    CLI::App* c = expert->add_subcommand("add", "register an expert");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "expert name")->required();
    c->add_option("--member", o->member, "the member they work for");
    c->add_option("--field", o->field, "field of expertise");
    c->add_option("--inventor", o->inventor, "inventor name as in the patent data, \"Last, First\" (default: the name)");
    c->add_option("--contact", o->contact, "contact");
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->callback([o, exit_code] { *exit_code = RunExpertAdd(*o); });
  }
  {
    auto o = std::make_shared<ExpertOptions>();
    CLI::App* c = expert->add_subcommand("list", "experts and their patents");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
    c->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    c->callback([o, exit_code] { *exit_code = RunExpertList(*o); });
  }
}

}  // namespace patnav::cli
