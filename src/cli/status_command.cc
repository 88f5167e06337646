// patnav status PUBNUM [--country CC] [--as-of DATE] [--format text|json]:
// the legal status of one publication (app::PatentStatus), with its expiry,
// the next fee due, the basis (rule, notes, events) and the current owner
// with its chain of recorded transfers.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/patent_status.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace patnav::cli {

namespace {

void PrintText(const domain::PatentStatus& s) {
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty()) std::printf("%-12s %s\n", label, value.c_str());
  };
  line("Publication", s.publication_number);
  line("Country", s.country);
  line("As of", s.as_of);
  line("State", domain::LegalStateName(s.state));
  line("Term from", s.term_start);
  line("Expiry", s.expiry);
  line("Ended on", s.ended_on);
  if (s.next_fee)
    line("Next fee", s.next_fee->what + ": due " + s.next_fee->due + ", with surcharge until " + s.next_fee->grace_ends);
  line("Rule", s.rule);
  for (const std::string& n : s.notes) line("Note", n);
  for (const domain::CountryState& c : s.countries)
    line(("In " + c.country).c_str(), std::string(domain::LegalStateName(c.state)) +
                                          (c.ended_on.empty() ? "" : " since " + c.ended_on));
  std::string owners;
  for (const std::string& n : s.owner.current) owners += (owners.empty() ? "" : "; ") + n;
  line("Owner", owners);
  line("Owner basis", s.owner.basis);
  for (const domain::OwnershipTransfer& t : s.owner.chain) {
    std::string from, to;
    for (const std::string& n : t.from) from += (from.empty() ? "" : "; ") + n;
    for (const std::string& n : t.to) to += (to.empty() ? "" : "; ") + n;
    line("Transfer", t.recorded + " " + t.conveyance + (t.reference.empty() ? "" : " reel/frame " + t.reference) + ": " +
                         from + " -> " + to);
  }
  for (const std::string& n : s.owner.notes) line("Owner note", n);
  for (const LegalEvent& e : s.events) {
    std::string code = e.inpadoc_code.empty() ? "" : e.inpadoc_office + " " + e.inpadoc_code;
    for (const LegalEventSource& src : e.sources)
      std::printf("%-12s %s %s %s [%s %s] %s\n", "Event", e.event_date.c_str(), e.territory.c_str(), code.c_str(),
                  src.format.c_str(), src.code.c_str(), src.text.c_str());
  }
}

}  // namespace

void AddStatusCommand(CLI::App& app, int* exit_code) {
  struct Options {
    std::string db, format = "text";
    app::PatentStatusRequest request;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("status", "legal status, expiry and next fee of one publication");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  cmd->add_option("--country", o->request.country, "country of the right (default: the publication's)");
  cmd->add_option("--as-of", o->request.as_of, "date, YYYY-MM-DD (default: today)");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("pubnum", o->request.publication, "publication number, any spelling")->required();
  cmd->callback([o, exit_code] {
    app::Workspace workspace(WorkspaceOptions(o->db));
    Result<app::PatentStatusResult> r = app::PatentStatus(app::Caller::Local(), workspace, o->request);
    if (!r.ok()) {
      *exit_code = ExitWith("status", r.status());
      return;
    }
    if (o->format == "json") std::cout << app::PatentStatusJson(r->status).dump(2) << "\n";
    else PrintText(r->status);
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
