// patnav recording reports|annual-report|major-change|rectification: what
// follows recording (app/recording_aftercare.h) from the command line, which
// holds every role (operator, provincial and national office).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "app/caller.h"
#include "app/recording_aftercare.h"
#include "app/recordings_json.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

struct AftercareOptions {
  std::string db, alliance, format = "text";
  int year = 0;
  std::string summary, filed_on, change_kind, changed_on, text, on, due_on;
};

void Print(const app::AftercareView& v) {
  const domain::Recording& r = v.recording;
  std::printf("Recording     '%s' %s on %s%s\n", r.alliance.c_str(), r.record_number.c_str(), r.recorded_on.c_str(),
              r.removed() ? (" — removed on " + r.removed_on + ": " + r.removal_reason).c_str() : "");
  std::printf("\nAnnual reports (as of %s; %d late or overdue)\n", v.as_of.c_str(), v.late_annual_reports);
  for (const auto& o : v.annual)
    std::printf("  %d  due %s  %-10s %s\n", o.year, o.due_on.c_str(), o.state.c_str(), o.filed_on.c_str());
  std::printf("\nReports filed\n");
  for (const auto& x : v.reports)
    std::printf("  %s  %-12s %-22s due %s%s  %s\n", x.filed_on.c_str(), x.kind.c_str(),
                x.kind == "annual" ? std::to_string(x.year).c_str() : (x.change_kind + " " + x.changed_on).c_str(),
                x.due_on.c_str(), x.late() ? " LATE" : "", x.summary.c_str());
  std::printf("\nRectifications\n");
  for (const auto& x : v.rectifications)
    std::printf("  %lld  %-8s ordered %s due %s%s: %s\n", static_cast<long long>(x.id), x.state.c_str(),
                x.ordered_on.c_str(), x.due_on.c_str(), x.overdue_on(v.as_of) ? " (OVERDUE)" : "", x.reason.c_str());
}

int Report(const char* cmd, const Result<app::AftercareView>& v, const std::string& format) {
  if (!v.ok()) return Fail(cmd, v.status());
  PrintWarnings(cmd, v->warnings);
  if (format == "json")
    std::printf("%s\n", app::ToJson(*v).dump(2).c_str());
  else
    Print(*v);
  return kExitOk;
}

void Common(CLI::App* c, AftercareOptions* o) {
  c->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
  c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

}  // namespace

void AddRecordingAftercareCommands(CLI::App* rec, int* exit_code) {
  {
    auto o = std::make_shared<AftercareOptions>();
    CLI::App* c = rec->add_subcommand("reports", "after recording: annual reports due or overdue, reports filed, rectifications");
    Common(c, o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording reports", app::ShowAftercare(app::Caller::Local(), *ws, o->alliance), o->format);
    });
  }
  {
    auto o = std::make_shared<AftercareOptions>();
    CLI::App* c = rec->add_subcommand("annual-report", "file the annual report on a year (due 31 March of the next year)");
    Common(c, o.get());
    c->add_option("--year", o->year, "the year reported on")->required();
    c->add_option("--summary", o->summary, "what the report says")->required();
    c->add_option("--filed-on", o->filed_on, "YYYY-MM-DD (default today)");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording annual-report",
                          app::FileAnnualReport(app::Caller::Local(), *ws, {o->alliance, o->year, o->summary, o->filed_on}),
                          o->format);
    });
  }
  {
    auto o = std::make_shared<AftercareOptions>();
    CLI::App* c = rec->add_subcommand("major-change", "report a major change (due 30 days after it)");
    Common(c, o.get());
    c->add_option("--kind", o->change_kind,
                  "name, form, lead_unit, secretary_general_unit, operator, charter, members, address")->required();
    c->add_option("--changed-on", o->changed_on, "YYYY-MM-DD")->required();
    c->add_option("--summary", o->summary, "what changed")->required();
    c->add_option("--filed-on", o->filed_on, "YYYY-MM-DD (default today)");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording major-change",
                          app::FileMajorChange(app::Caller::Local(), *ws,
                                               {o->alliance, o->change_kind, o->changed_on, o->summary, o->filed_on}),
                          o->format);
    });
  }
  for (const char* action : {"order", "report", "close", "remove"}) {
    auto o = std::make_shared<AftercareOptions>();
    const std::string name = std::string("rectification-") + action;
    CLI::App* c = rec->add_subcommand(name, std::string("rectification: ") + action +
                                                (std::string(action) == "remove" ? " the alliance from the record" : ""));
    Common(c, o.get());
    c->add_option("--text", o->text, "the reason, what was done, or the decision")->required();
    c->add_option("--on", o->on, "YYYY-MM-DD (default today)");
    if (std::string(action) == "order") c->add_option("--due", o->due_on, "YYYY-MM-DD")->required();
    c->callback([o, exit_code, action, name] {
      auto ws = OpenWorkspace(o->db);
      const std::string cmd = "recording " + name;
      *exit_code = Report(cmd.c_str(),
                          app::ActOnRectification(app::Caller::Local(), *ws, {o->alliance, action, o->text, o->on, o->due_on}),
                          o->format);
    });
  }
}

}  // namespace patnav::cli
