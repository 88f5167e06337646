// patnav alliance create|show|charter, member add|leave|list, expert add|list.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/hit_output.h"
#include "cli/open_store.h"
#include "cli/pool_cli.h"
#include "domain/alliance.h"
#include "domain/experts.h"
#include "domain/members.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct AllianceOptions {
  std::string db, name, address, form, industry, format = "text";
  int item = 0;
  std::string text;
};

int RunAllianceCreate(const AllianceOptions& o) {
  auto ops = OpenOperations(o.db, "alliance create");
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::CreateAlliance(*ops, {o.name, o.address, o.form, o.industry});
  if (!id.ok()) return Fail("alliance create", id.status());
  std::printf("alliance '%s' created\n", o.name.c_str());
  return kExitOk;
}

int RunAllianceShow(const AllianceOptions& o, bool charter_only) {
  const char* cmd = charter_only ? "alliance charter" : "alliance show";
  auto ops = OpenOperations(o.db, cmd, false);
  if (!ops) return kExitFailure;
  if (charter_only && o.item != 0) {
    Result<domain::Alliance> a = domain::DefaultAlliance(*ops, o.name);
    if (!a.ok()) return Fail(cmd, a.status());
    Status st = domain::SetCharterItem(*ops, a->name, o.item, o.text);
    if (!st.ok()) return Fail(cmd, st);
  }
  Result<domain::Alliance> a = domain::DefaultAlliance(*ops, o.name);
  if (!a.ok()) return Fail(cmd, a.status());
  Result<domain::CharterStatus> charter = domain::Charter(*ops, a->name);
  if (!charter.ok()) return Fail(cmd, charter.status());
  Result<std::vector<domain::Member>> members = domain::ListMembers(*ops, a->name);
  if (!members.ok()) return Fail(cmd, members.status());
  std::map<std::string, int> by_type;
  for (const auto& m : *members)
    if (m.left_on.empty()) ++by_type[m.type];
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["name"] = a->name;
    j["address"] = a->address;
    j["form"] = a->form;
    j["industry"] = a->industry;
    j["created_on"] = a->created_on;
    j["members_by_type"] = by_type;
    j["charter_complete_percent"] = charter->percent;
    j["charter"] = nlohmann::ordered_json::array();
    for (const auto& it : charter->items)
      j["charter"].push_back({{"item", it.item}, {"title", it.title}, {"present", it.present}, {"text", it.text}});
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  if (!charter_only) {
    std::printf("Alliance      %s\nAddress       %s\nForm          %s\n", a->name.c_str(), a->address.c_str(), a->form.c_str());
    if (!a->industry.empty()) std::printf("Industry      %s\n", a->industry.c_str());
    std::printf("Members       %zu (", members->size());
    bool first = true;
    for (const auto& [t, n] : by_type) {
      std::printf("%s%s %d", first ? "" : ", ", t.c_str(), n);
      first = false;
    }
    std::printf(")\n\n");
  }
  std::printf("Charter (guidelines III(IV)): %d of 9 items, %d%% complete\n", charter->present, charter->percent);
  for (const auto& it : charter->items)
    std::printf("  [%c] %d. %s%s%s\n", it.present ? 'x' : ' ', it.item, it.title.c_str(), it.present ? ": " : "",
                it.text.substr(0, 60).c_str());
  return kExitOk;
}

struct MemberOptions {
  std::string db, alliance, name, type, joined, left, contact, format = "table";
};

int RunMemberAdd(const MemberOptions& o) {
  auto ops = OpenOperations(o.db, "member add", false);
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::AddMember(*ops, {o.alliance, o.name, o.type, o.joined, o.contact});
  if (!id.ok()) return Fail("member add", id.status());
  std::printf("member '%s' added\n", o.name.c_str());
  return kExitOk;
}

int RunMemberLeave(const MemberOptions& o) {
  auto ops = OpenOperations(o.db, "member leave", false);
  if (!ops) return kExitFailure;
  Status st = domain::MemberLeaves(*ops, o.name, o.left);
  if (!st.ok()) return Fail("member leave", st);
  std::printf("member '%s' left on %s\n", o.name.c_str(), o.left.c_str());
  return kExitOk;
}

int RunMemberList(const MemberOptions& o) {
  auto ops = OpenOperations(o.db, "member list", false);
  if (!ops) return kExitFailure;
  Result<std::vector<domain::Member>> members = domain::ListMembers(*ops, o.alliance);
  if (!members.ok()) return Fail("member list", members.status());
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& m : *members)
      j.push_back({{"name", m.name}, {"type", m.type}, {"joined_on", m.joined_on}, {"left_on", m.left_on}, {"contact", m.contact}});
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-30s %-13s %-10s %-10s %s\n", "member", "type", "joined", "left", "contact");
  for (const auto& m : *members)
    std::printf("%s %-13s %-10s %-10s %s\n", FitColumns(m.name, 30).c_str(), m.type.c_str(), m.joined_on.c_str(),
                m.left_on.c_str(), m.contact.c_str());
  return kExitOk;
}

struct ExpertOptions {
  std::string db, alliance, name, member, field, inventor, contact, format = "table";
};

int RunExpertAdd(const ExpertOptions& o) {
  auto ops = OpenOperations(o.db, "expert add", false);
  if (!ops) return kExitFailure;
  Result<int64_t> id = domain::AddExpert(*ops, {o.alliance, o.name, o.member, o.field, o.inventor, o.contact});
  if (!id.ok()) return Fail("expert add", id.status());
  std::printf("expert '%s' registered\n", o.name.c_str());
  // The link to the patent data: say how many publications name the inventor.
  StoreOptions so;
  so.dir = ResolveDataDir(o.db);
  so.create_if_missing = false;
  Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
  if (store.ok()) {
    const std::string inventor = o.inventor.empty() ? o.name : o.inventor;
    Result<std::map<std::string, std::vector<std::string>>> found = domain::PatentsOfInventors(**store, {inventor});
    if (found.ok()) {
      size_t n = (*found)[inventor].size();
      if (n == 0) std::fprintf(stderr, "patnav expert add: note: no publication in the store names inventor '%s'\n", inventor.c_str());
      else std::printf("%zu publication(s) in the store name inventor '%s'\n", n, inventor.c_str());
    }
  }
  return kExitOk;
}

int RunExpertList(const ExpertOptions& o) {
  auto ops = OpenOperations(o.db, "expert list", false);
  if (!ops) return kExitFailure;
  Result<std::vector<domain::Expert>> experts = domain::ListExperts(*ops, o.alliance);
  if (!experts.ok()) return Fail("expert list", experts.status());
  // Patents per expert, when there is a store to look in.
  std::map<std::string, std::vector<std::string>> patents;
  {
    StoreOptions so;
    so.dir = ResolveDataDir(o.db);
    so.create_if_missing = false;
    Result<std::unique_ptr<PatentStore>> store = PatentStore::Open(so);
    if (store.ok()) {
      std::vector<std::string> names;
      for (const auto& e : *experts) names.push_back(e.inventor);
      Result<std::map<std::string, std::vector<std::string>>> found = domain::PatentsOfInventors(**store, names);
      if (!found.ok()) return Fail("expert list", found.status());
      patents = std::move(*found);
    }
  }
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& e : *experts)
      j.push_back({{"name", e.name}, {"member", e.member}, {"field", e.field}, {"inventor", e.inventor},
                   {"contact", e.contact}, {"patents", patents[e.inventor]}});
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-24s %-24s %-20s %-24s %s\n", "expert", "member", "field", "inventor", "patents");
  for (const auto& e : *experts) {
    const auto& p = patents[e.inventor];
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
    c->callback([o, exit_code] { *exit_code = RunMemberAdd(*o); });
  }
  {
    auto o = std::make_shared<MemberOptions>();
    CLI::App* c = member->add_subcommand("leave", "record that a member left");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("name", o->name, "member name")->required();
    c->add_option("--date", o->left, "leave date YYYY-MM-DD")->required();
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
