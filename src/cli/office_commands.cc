// patnav credit|complaint|case|public: the IP office's credibility records,
// complaints and case files (app/credibility.h, app/office_cases.h) and the
// public lists (app/public_lists.h) from the command line, which acts as the
// office of every province and as every subject.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <memory>

#include "app/caller.h"
#include "app/credibility.h"
#include "app/office_cases.h"
#include "app/office_json.h"
#include "app/public_lists.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct OfficeOptions {
  std::string db, format = "text";
  int64_t id = 0;
  std::string on, comment, until, province, state, subject, date, level;
  bool overdue = false;
  domain::CreditRecordInput record;
  domain::ComplaintInput complaint;
  domain::CaseInput file;
  int64_t record_id = 0;
  std::vector<std::string> patents;
};

void Common(CLI::App* c, OfficeOptions* o, bool csv = false) {
  c->add_option("--db", o->db, kDbHelp);
  c->add_option("--format", o->format, csv ? "text, json or csv" : "text or json")
      ->check(CLI::IsMember(csv ? std::vector<std::string>{"text", "json", "csv"} : std::vector<std::string>{"text", "json"}));
}

// Prints a view (JSON, or the text `print` makes) with its warnings.
template <typename T>
int Report(const std::string& cmd, const Result<T>& r, const std::string& format, const std::function<void(const T&)>& print) {
  if (!r.ok()) return Fail(cmd.c_str(), r.status());
  PrintWarnings(cmd.c_str(), r->warnings);
  if (format == "json") std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
  else print(*r);
  return kExitOk;
}

void PrintHistory(const std::vector<domain::OfficeEvent>& h) {
  for (const auto& e : h)
    std::printf("  %s  %-14s %s -> %s by %s (%s)%s%s\n", e.on.c_str(), e.action.c_str(),
                e.from_state.empty() ? "-" : e.from_state.c_str(), e.to_state.c_str(), e.actor.c_str(), e.role.c_str(),
                e.comment.empty() ? "" : ": ", e.comment.c_str());
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "(none)" : out;
}

void PrintRecord(const app::CreditRecordView& v) {
  const domain::CreditRecord& r = v.record;
  std::printf("Credit record %lld: %s (%s), %s\n", static_cast<long long>(r.id), r.subject_name.c_str(),
              r.subject_code.c_str(), domain::CreditStateName(r.state));
  std::printf("Category      %s\nMeasures      %s\nDecision      %s of %s on %s (%s)\n", r.category.c_str(),
              Joined(r.measures).c_str(), r.decision_number.c_str(), r.organ.c_str(), r.decided_on.c_str(),
              r.province.c_str());
  if (!r.listed_on.empty())
    std::printf("Listed        %s until %s; repair from %s\n", r.listed_on.c_str(), r.listed_until.c_str(),
                v.repair_opens_on.c_str());
  std::printf("Today         %s, %s\nHistory\n", v.active_today ? "active" : "not active",
              v.public_today ? "on the public list" : "not on the public list");
  PrintHistory(v.history);
  std::printf("Next          %s\n", Joined(v.allowed).c_str());
}

void PrintComplaint(const app::ComplaintView& v) {
  const domain::Complaint& c = v.complaint;
  std::printf("Complaint %lld: %s against %s (%s), %s\n", static_cast<long long>(c.id), c.complainant.c_str(),
              c.respondent.c_str(), c.kind.c_str(), domain::ComplaintStateName(c.state));
  if (v.deadline)
    std::printf("Deadline      %s by %s%s\n", v.deadline->duty.c_str(), v.deadline->due_on.c_str(),
                v.deadline->overdue_working_days > 0 ? " (OVERDUE)" : "");
  PrintHistory(v.history);
  std::printf("Next          %s\n", Joined(v.allowed).c_str());
}

void PrintCase(const app::CaseView& v) {
  const domain::EnforcementCase& c = v.file;
  std::printf("Case %s (%lld): %s, %s, %s\nDue           %s%s\nPatents       %s\n", c.case_number.c_str(),
              static_cast<long long>(c.id), c.title.c_str(), c.kind.c_str(), domain::CaseStateName(c.state),
              c.due_on.c_str(), v.overdue_days > 0 ? " (OVERDUE)" : "", Joined(c.patents).c_str());
  PrintHistory(v.history);
  std::printf("Next          %s\n", Joined(v.allowed).c_str());
}

CLI::App* Sub(CLI::App* group, const std::string& name, const std::string& help, OfficeOptions* o, bool csv = false) {
  CLI::App* c = group->add_subcommand(name, help);
  Common(c, o, csv);
  return c;
}

// credit add|show|<step>: a record and its workflow.
void AddCreditWriteCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "add", "record a dishonesty decision", o.get());
    domain::CreditRecordInput& in = o->record;
    c->add_option("--province", in.province, "the deciding office's province")->required();
    c->add_option("--subject", in.subject_name, "the subject's name")->required();
    c->add_option("--code", in.subject_code, "its unified social credit code")->required();
    c->add_option("--member", in.member, "the alliance member the subject is (its users see the record)");
    c->add_option("--category", in.category, "category code (patnav credit categories)")->required();
    c->add_option("--measure", in.measures, "measure code applied (repeat)")->required();
    c->add_option("--organ", in.organ, "the deciding organ")->required();
    c->add_option("--number", in.decision_number, "decision number")->required();
    c->add_option("--date", in.decided_on, "decided on, YYYY-MM-DD")->required();
    c->add_option("--facts", in.facts, "the facts found");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CreditRecordView>("credit add", app::CreateCreditRecord(app::Caller::Local(), *ws, o->record),
                                                 o->format, PrintRecord);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "show", "one record with its history", o.get());
    c->add_option("id", o->id, "record id")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CreditRecordView>("credit show", app::ShowCreditRecord(app::Caller::Local(), *ws, {o->id}),
                                                 o->format, PrintRecord);
    });
  }
  for (const auto& t : domain::CreditWorkflow().actions) {
    const std::string name = domain::CreditActionName(t);
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, name, name + " (one step of the record's workflow)", o.get());
    c->add_option("id", o->id, "record id")->required();
    c->add_option("--on", o->on, "the date it takes effect, YYYY-MM-DD (default today)");
    c->add_option("--comment", o->comment, "the statement, reasons, decision or revocation reason");
    if (name == "list") c->add_option("--until", o->until, "end of the listing period (default: the category's)");
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CreditRecordView>(
          "credit " + name,
          app::ActOnCreditRecord(app::Caller::Local(), *ws, {o->id, name, o->on, o->comment, o->until}), o->format,
          PrintRecord);
    });
  }
}

// credit records|gate|categories: what is recorded, and the tables.
void AddCreditQueryCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "records", "the records (filters: province, state, subject)", o.get());
    c->add_option("--province", o->province, "only this province");
    c->add_option("--state", o->state, "only this state");
    c->add_option("--subject", o->subject, "only this credit code");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CreditRecordList>(
          "credit records", app::ListCreditRecords(app::Caller::Local(), *ws, {o->province, o->state, o->subject}),
          o->format, [](const app::CreditRecordList& l) {
            for (const auto& r : l.records)
              std::printf("%-5lld %-18s %-24s %-30s %-16s %s\n", static_cast<long long>(r.id), r.subject_code.c_str(),
                          r.subject_name.c_str(), r.category.c_str(), domain::CreditStateName(r.state),
                          r.listed_until.c_str());
          });
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "gate", "has a subject an active record on a date (exit 0 either way)", o.get());
    c->add_option("subject", o->subject, "credit code or name")->required();
    c->add_option("--date", o->date, "YYYY-MM-DD (default today)");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CreditGateResult>(
          "credit gate", app::CheckCreditGate(app::Caller::Local(), *ws, {o->subject, o->date}), o->format,
          [](const app::CreditGateResult& g) {
            std::printf("%s on %s: %s\n", g.subject.c_str(), g.date.c_str(),
                        g.has_active_record ? "HAS an active dishonesty record" : "no active dishonesty record");
            for (const auto& r : g.active) std::printf("  %s %s until %s\n", r.decision_number.c_str(), r.category.c_str(), r.listed_until.c_str());
          });
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "categories", "the categories with their publicity rules, the measures, the case kinds", o.get());
    c->callback([o, exit_code] {
      if (o->format == "json") {
        std::printf("%s\n", app::CreditTablesJson().dump(2).c_str());
      } else {
        std::printf("%-32s %7s %7s %7s  %s\n", "category", "listing", "repair", "public", "名称 / name");
        for (const auto& k : domain::CreditCategories())
          std::printf("%-32s %6dm %6dm %6dm  %s / %s\n", k.code, k.listing_months, k.repair_months,
                      k.publicity_months, k.name_zh, k.name_en);
        std::printf("\n");
        for (const auto& m : domain::CreditMeasures()) std::printf("%-26s %s / %s\n", m.code, m.name_zh, m.name_en);
      }
      *exit_code = kExitOk;
    });
  }
}

void AddCreditCommands(CLI::App& app, int* exit_code) {
  CLI::App* g = app.add_subcommand("credit", "credibility (dishonesty) records: decide, notify, list, repair, the gate");
  g->require_subcommand(1);
  AddCreditWriteCommands(g, exit_code);
  AddCreditQueryCommands(g, exit_code);
}

void AddComplaintCommands(CLI::App& app, int* exit_code) {
  CLI::App* g = app.add_subcommand("complaint", "complaints: receive, accept, mediate, check clues, close (working-day deadlines)");
  g->require_subcommand(1);
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "file", "record a complaint received", o.get());
    domain::ComplaintInput& in = o->complaint;
    c->add_option("--province", in.province, "the office it was filed with")->required();
    c->add_option("--kind", in.kind, "a case kind or other")->required();
    c->add_option("--complainant", in.complainant, "")->required();
    c->add_option("--respondent", in.respondent, "")->required();
    c->add_option("--respondent-code", in.respondent_code, "the respondent's credit code");
    c->add_option("--patent", in.patent, "a publication number in the store");
    c->add_option("--summary", in.summary, "")->required();
    c->add_option("--received", in.received_on, "received on, YYYY-MM-DD")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ComplaintView>("complaint file", app::FileComplaint(app::Caller::Local(), *ws, o->complaint),
                                              o->format, PrintComplaint);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "show", "one complaint with its deadline and history", o.get());
    c->add_option("id", o->id, "complaint id")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ComplaintView>("complaint show", app::ShowComplaint(app::Caller::Local(), *ws, o->id),
                                              o->format, PrintComplaint);
    });
  }
  for (const char* action : {"accept", "refuse", "mediate", "check_clue", "close"}) {
    const std::string name = action;
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, name, name + " (one step of the complaint's workflow)", o.get());
    c->add_option("id", o->id, "complaint id")->required();
    c->add_option("--on", o->on, "YYYY-MM-DD (default today)");
    c->add_option("--comment", o->comment, "the reason (refuse) or outcome (close)");
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ComplaintView>("complaint " + name,
                                              app::ActOnComplaint(app::Caller::Local(), *ws, {o->id, name, o->on, o->comment}),
                                              o->format, PrintComplaint);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "list", "complaints with their deadlines (overdue ones warned)", o.get());
    c->add_option("--province", o->province, "only this province");
    c->add_option("--state", o->state, "only this state");
    c->add_flag("--overdue", o->overdue, "only overdue complaints");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ComplaintList>(
          "complaint list", app::ListComplaints(app::Caller::Local(), *ws, {o->province, o->state, o->overdue}),
          o->format, [](const app::ComplaintList& l) {
            for (const auto& v : l.complaints)
              std::printf("%-5lld %-10s %-14s %-12s due %s%s\n", static_cast<long long>(v.complaint.id),
                          v.complaint.province.c_str(), domain::ComplaintStateName(v.complaint.state),
                          v.complaint.received_on.c_str(), v.complaint.due_on.empty() ? "-" : v.complaint.due_on.c_str(),
                          v.deadline && v.deadline->overdue_working_days > 0 ? " OVERDUE" : "");
          });
    });
  }
}

void AddCaseCommands(CLI::App& app, int* exit_code) {
  CLI::App* g = app.add_subcommand("case", "enforcement case files: open, link, decide, close");
  g->require_subcommand(1);
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "open", "open a case file", o.get());
    domain::CaseInput& in = o->file;
    c->add_option("--province", in.province, "")->required();
    c->add_option("--number", in.case_number, "case number")->required();
    c->add_option("--kind", in.kind, "infringement_adjudication, mediation, passing_off, agency_violation, abnormal_application")->required();
    c->add_option("--title", in.title, "")->required();
    c->add_option("--complaint", in.complaint_id, "the complaint it comes from");
    c->add_option("--patent", in.patents, "a publication number in the store (repeat)");
    c->add_option("--opened", in.opened_on, "opened on, YYYY-MM-DD")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CaseView>("case open", app::OpenCase(app::Caller::Local(), *ws, o->file), o->format, PrintCase);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "show", "one case file with its history", o.get());
    c->add_option("id", o->id, "case id")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CaseView>("case show", app::ShowCase(app::Caller::Local(), *ws, o->id), o->format, PrintCase);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "link", "link a credibility record the case led to (--record) or more patents (--patent)", o.get());
    c->add_option("id", o->id, "case id")->required();
    c->add_option("--record", o->record_id, "credit record id");
    c->add_option("--patent", o->patents, "a publication number in the store (repeatable)");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      if (!o->patents.empty() && o->record_id == 0) {
        *exit_code = Report<app::CaseView>("case link",
                                           app::LinkCasePatents(app::Caller::Local(), *ws, o->id, o->patents),
                                           o->format, PrintCase);
        return;
      }
      if (o->record_id == 0 || !o->patents.empty()) {
        *exit_code = Fail("case link", Status::InvalidArgument("name --record or one or more --patent"));
        return;
      }
      *exit_code = Report<app::CaseView>("case link", app::LinkCaseRecord(app::Caller::Local(), *ws, o->id, o->record_id),
                                         o->format, PrintCase);
    });
  }
  for (const char* action : {"decide", "close", "terminate"}) {
    const std::string name = action;
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, name, name + " the case", o.get());
    c->add_option("id", o->id, "case id")->required();
    c->add_option("--on", o->on, "YYYY-MM-DD (default today)");
    c->add_option("--comment", o->comment, "the decision (decide) or reason (terminate)");
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CaseView>("case " + name, app::ActOnCase(app::Caller::Local(), *ws, {o->id, name, o->on, o->comment}),
                                         o->format, PrintCase);
    });
  }
  {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, "list", "case files with their time limits (overdue ones warned)", o.get());
    c->add_option("--province", o->province, "only this province");
    c->add_option("--state", o->state, "only this state");
    c->add_flag("--overdue", o->overdue, "only overdue cases");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::CaseList>(
          "case list", app::ListCases(app::Caller::Local(), *ws, {o->province, o->state, o->overdue}), o->format,
          [](const app::CaseList& l) {
            for (const auto& v : l.cases)
              std::printf("%-5lld %-20s %-26s %-8s due %s%s\n", static_cast<long long>(v.file.id), v.file.case_number.c_str(),
                          v.file.kind.c_str(), domain::CaseStateName(v.file.state), v.file.due_on.c_str(),
                          v.overdue_days > 0 ? " OVERDUE" : "");
          });
    });
  }
}

void AddPublicCommands(CLI::App& app, int* exit_code) {
  CLI::App* g = app.add_subcommand("public", "the public lists: recorded alliances, the library, the dishonesty list");
  g->require_subcommand(1);
  auto add = [&](const char* name, const char* help, bool level, bool date,
                 std::function<Result<app::PublicTable>(app::Workspace&, const OfficeOptions&)> make) {
    auto o = std::make_shared<OfficeOptions>();
    CLI::App* c = Sub(g, name, help, o.get(), /*csv=*/true);
    if (level) c->add_option("--level", o->level, "national (default) or a province");
    if (date) c->add_option("--date", o->date, "YYYY-MM-DD (default today)");
    const std::string cmd = std::string("public ") + name;
    c->callback([o, exit_code, make, cmd] {
      auto ws = OpenWorkspace(o->db);
      Result<app::PublicTable> t = make(*ws, *o);
      if (!t.ok()) {
        *exit_code = Fail(cmd.c_str(), t.status());
        return;
      }
      if (o->format == "json") std::printf("%s\n", app::PublicTableJson(*t).dump(2).c_str());
      else if (o->format == "csv") std::fwrite(app::PublicTableCsv(*t).data(), 1, app::PublicTableCsv(*t).size(), stdout);
      else
        for (const auto& row : t->rows) {
          std::string line;
          for (const auto& f : row) line += (line.empty() ? "" : "  ") + f;
          std::printf("%s\n", line.c_str());
        }
      *exit_code = kExitOk;
    });
  };
  add("alliances", "recorded alliances", false, false,
      [](app::Workspace& ws, const OfficeOptions&) { return app::PublicRecordedAlliances(ws); });
  add("library", "the management library of a level", true, false,
      [](app::Workspace& ws, const OfficeOptions& o) { return app::PublicLibrary(ws, o.level); });
  add("dishonesty", "the public dishonesty list on a date", false, true,
      [](app::Workspace& ws, const OfficeOptions& o) { return app::PublicDishonestyList(ws, o.date); });
}

}  // namespace

void AddOfficeCommands(CLI::App& app, int* exit_code) {
  AddCreditCommands(app, exit_code);
  AddComplaintCommands(app, exit_code);
  AddCaseCommands(app, exit_code);
  AddPublicCommands(app, exit_code);
}

}  // namespace patnav::cli
