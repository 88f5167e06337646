// patnav round ...: stored indicator systems and evaluation rounds
// (app/evaluation_rounds.h) from the command line, which acts as the office
// of every province:
//   round system-add FILE | systems | open | list | show ID | subjects ID ...
//   | enter ID | import ID FILE | compute ID [--replace] | submit|verify|return ID SUBJECT | verify-all ID
//   | <action> ID | score ID | results ID | explain ID SUBJECT
//   | outcome ID SUBJECT --rule R --reason TEXT | xlsx ID --out FILE
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "app/caller.h"
#include "app/evaluation_rounds.h"
#include "app/evaluation_rounds_json.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct RoundOptions {
  std::string db, format = "text";
  int64_t id = 0;
  std::string file, subject, comment, reason, rule, out;
  std::vector<std::string> measures, subjects;
  domain::RoundSpec spec;
  domain::ObservationEntry entry;
  bool replace = false;
};

Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

template <typename T>
int Report(const std::string& cmd, const Result<T>& r, const std::string& format, const std::function<void(const T&)>& print) {
  if (!r.ok()) return Fail(cmd.c_str(), r.status());
  if (format == "json") std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
  else print(*r);
  return kExitOk;
}

void PrintRound(const app::RoundView& v) {
  const domain::EvaluationRound& r = v.round;
  std::printf("Round %lld: %s (%s, %s), %s\n", static_cast<long long>(r.id), r.name.c_str(), r.province.c_str(),
              r.period.c_str(), domain::RoundStateName(r.state));
  std::printf("System    %s version %s: %s; %s weights; subjects are %s\n", r.system_code.c_str(),
              r.system_version.c_str(), v.system_name.c_str(), r.weighting.c_str(), r.subject_kind.c_str());
  std::printf("Scored    %s\n", !v.scored ? "no" : (v.scored_at + (v.results_fresh ? "" : " (stale: figures changed since)")).c_str());
  std::printf("%-12s %-20s %7s %9s %8s %8s %6s %8s\n", "Subject", "Name", "entered", "submitted", "verified",
              "returned", "rank", "total");
  for (const app::SubjectProgress& p : v.subjects)
    std::printf("%-12s %-20s %7d %9d %8d %8d %6s %8s\n", p.subject.code.c_str(), p.subject.name.c_str(), p.entered,
                p.submitted, p.verified, p.returned, p.result ? std::to_string(p.result->rank).c_str() : "-",
                p.result ? std::to_string(p.result->total).substr(0, 8).c_str() : "-");
  for (const domain::RoundEvent& e : v.history)
    std::printf("  %s  %-22s %s -> %s %s by %s%s%s\n", e.at.c_str(), e.action.c_str(),
                e.from_state.empty() ? "-" : e.from_state.c_str(), e.to_state.c_str(), e.subject.c_str(),
                e.actor.c_str(), e.comment.empty() ? "" : ": ", e.comment.c_str());
  std::string next;
  for (const std::string& a : v.allowed) next += (next.empty() ? "" : ", ") + a;
  std::printf("Next      %s\n", next.empty() ? "(none)" : next.c_str());
}

void PrintObservations(const app::ObservationsView& v) {
  if (v.changed > 0) std::printf("%d observations changed\n", v.changed);
  for (const domain::RoundObservation& o : v.observations)
    std::printf("%-12s %-20s %-8s %14.6g  %-10s %s%s\n", o.subject.c_str(), o.measure.c_str(), o.period.c_str(), o.value,
                domain::ObservationStateName(o.state), o.source.c_str(),
                o.return_reason.empty() ? "" : (" (returned: " + o.return_reason + ")").c_str());
}

void PrintComputed(const app::ComputedObservationsView& v) {
  PrintObservations(v.observations);
  for (const auto& [measure, n] : v.computed) std::printf("computed %-30s %d\n", measure.c_str(), n);
  if (v.kept > 0) std::printf("%d figures entered otherwise kept (--replace overwrites them)\n", v.kept);
}

void PrintResults(const app::RoundResultsView& v) {
  if (!v.scoring) {
    std::printf("Round %lld has no results yet\n", static_cast<long long>(v.round.id));
    return;
  }
  std::printf("Round %lld scored %s with %s weights%s\n", static_cast<long long>(v.round.id), v.scoring->scored_at.c_str(),
              v.scoring->weighting.c_str(), v.fresh ? "" : " (stale)");
  std::printf("%4s  %-12s %8s  %-16s %s\n", "Rank", "Subject", "Total", "Proposed", "Name");
  for (const domain::SubjectResult& r : v.results)
    std::printf("%4d  %-12s %8.2f  %-16s %s%s\n", r.rank, r.subject.c_str(), r.total,
                r.proposed.empty() ? "-" : r.proposed.c_str(), r.name.c_str(), r.vetoed ? " (vetoed)" : "");
  for (const domain::AppliedOutcome& o : v.outcomes)
    std::printf("Outcome   %s: %s by %s on %s: %s\n", o.subject.c_str(), o.rule.c_str(), o.applied_by.c_str(),
                o.applied_at.c_str(), o.reason.c_str());
}

void PrintExplanation(const app::SubjectExplanation& e) {
  std::printf("%s %s in round %lld\n", e.subject.code.c_str(), e.subject.name.c_str(), static_cast<long long>(e.round.id));
  if (!e.result) {
    std::printf("(not scored yet)\n");
    return;
  }
  nlohmann::json d = nlohmann::json::parse(e.result->detail_json, nullptr, false);
  if (d.is_object() && d.contains("explanation"))
    for (const auto& line : d["explanation"]) std::printf("%s\n", line.get<std::string>().c_str());
  for (const auto& o : e.outcomes) std::printf("Outcome %s: %s (%s)\n", o.rule.c_str(), o.reason.c_str(), o.applied_by.c_str());
}

CLI::App* Sub(CLI::App* g, const std::string& name, const std::string& help, RoundOptions* o, bool id = true) {
  CLI::App* c = g->add_subcommand(name, help);
  c->add_option("--db", o->db, kDbHelp);
  c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  if (id) c->add_option("id", o->id, "round id")->required();
  return c;
}

void AddSetupCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "system-add", "store an indicator-system file, frozen by its code and version", o.get(), false);
    c->add_option("file", o->file, "the system's JSON file")->required();
    c->callback([o, exit_code] {
      Result<std::string> text = ReadWhole(o->file);
      if (!text.ok()) { *exit_code = Fail("round system-add", text.status()); return; }
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::SystemView>("round system-add",
          app::StoreIndicatorSystem(app::Caller::Local(), *ws, {*text, o->file}), o->format, [](const app::SystemView& v) {
            std::printf("%s %s version %s (%s)\n", v.stored.already_stored ? "Already stored:" : "Stored",
                        v.stored.code.c_str(), v.stored.version.c_str(), v.stored.name.c_str());
          });
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "open", "open a round in data_call on a stored system version", o.get(), false);
    domain::RoundSpec& s = o->spec;
    c->add_option("--system", s.system_code, "system code")->required();
    c->add_option("--version", s.system_version, "system version")->required();
    c->add_option("--name", s.name, "the round's name")->required();
    c->add_option("--province", s.province, "the office running it (national for CNIPA)")->required();
    c->add_option("--period", s.period, "2025, 2025Q4 or 2025-12")->required();
    c->add_option("--kind", s.subject_kind, "city, district, experimental_zone, pilot_unit, pilot_enterprise, alliance, enterprise")->required();
    c->add_option("--weighting", s.weighting, "fixed (default), ahp, entropy, critic");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundView>("round open", app::OpenRound(app::Caller::Local(), *ws, o->spec), o->format, PrintRound);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "subjects", "add subjects: CODE=NAME, or CODE=NAME@MEMBER to let a member's users enter", o.get());
    c->add_option("subject", o->subjects, "CODE=NAME[@MEMBER]")->required();
    c->callback([o, exit_code] {
      std::vector<domain::RoundSubjectInput> in;
      for (const std::string& s : o->subjects) {
        const size_t eq = s.find('='), at = s.find('@', eq == std::string::npos ? 0 : eq);
        if (eq == std::string::npos) { *exit_code = Fail("round subjects", Status::InvalidArgument(s + ": expected CODE=NAME")); return; }
        domain::RoundSubjectInput x;
        x.code = s.substr(0, eq);
        x.name = s.substr(eq + 1, at == std::string::npos ? std::string::npos : at - eq - 1);
        if (at != std::string::npos) x.member = s.substr(at + 1);
        in.push_back(std::move(x));
      }
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundView>("round subjects", app::AddRoundSubjects(app::Caller::Local(), *ws, o->id, in),
                                          o->format, PrintRound);
    });
  }
  for (const auto& a : domain::RoundWorkflow().actions) {
    const std::string name = domain::RoundActionName(a);
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, name, name + " (one step of the round's workflow)", o.get());
    c->add_option("--comment", o->comment, "a note for the history");
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundView>("round " + name, app::ActOnRound(app::Caller::Local(), *ws, o->id, name, o->comment),
                                          o->format, PrintRound);
    });
  }
}

void AddDataCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "import", "import observations from CSV, JSON or XLSX (all or none)", o.get());
    c->add_option("file", o->file, "the observations file")->required();
    c->callback([o, exit_code] {
      Result<std::string> bytes = ReadWhole(o->file);
      if (!bytes.ok()) { *exit_code = Fail("round import", bytes.status()); return; }
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ObservationsView>("round import",
          app::ImportObservations(app::Caller::Local(), *ws, o->id, std::move(*bytes), o->file), o->format, PrintObservations);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "compute", "compute the measures patnav decides from its own data (entered, source patnav)", o.get());
    c->add_flag("--replace", o->replace, "also overwrite figures entered otherwise");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ComputedObservationsView>(
          "round compute", app::ComputeObservations(app::Caller::Local(), *ws, o->id, o->replace), o->format,
          PrintComputed);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "observations", "the round's observations and their state", o.get());
    c->add_option("--subject", o->subject, "only this subject");
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ObservationsView>("round observations",
          app::ListObservations(app::Caller::Local(), *ws, o->id, o->subject), o->format, PrintObservations);
    });
  }
  for (const char* step : {"submit", "verify", "return"}) {
    const std::string name = step;
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, name, name + " a subject's figures", o.get());
    c->add_option("subject", o->subject, "subject code")->required();
    if (name != "submit") c->add_option("--measure", o->measures, "only this measure (repeat)");
    if (name == "return") c->add_option("--reason", o->reason, "why the figures go back")->required();
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      const app::Caller local = app::Caller::Local();
      Result<app::ObservationsView> r =
          name == "submit" ? app::SubmitObservations(local, *ws, o->id, o->subject)
          : name == "verify" ? app::VerifyObservations(local, *ws, o->id, o->subject, o->measures)
                             : app::ReturnObservations(local, *ws, o->id, o->subject, o->measures, o->reason);
      *exit_code = Report<app::ObservationsView>("round " + name, r, o->format, PrintObservations);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "verify-all", "verify every entered or submitted figure of the round (returned ones stay)", o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::ObservationsView>("round verify-all",
          app::VerifyAllObservations(app::Caller::Local(), *ws, o->id), o->format, [](const app::ObservationsView& v) {
            std::printf("Verified %d observations of round %lld\n", v.changed, static_cast<long long>(v.round_id));
          });
    });
  }
}

void AddResultCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "score", "score the round and store every number", o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundResultsView>("round score", app::ScoreRound(app::Caller::Local(), *ws, o->id),
                                                 o->format, PrintResults);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "results", "the stored ranking and outcomes", o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundResultsView>("round results", app::RoundResults(app::Caller::Local(), *ws, o->id),
                                                 o->format, PrintResults);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "explain", "a subject's scorecard, line by line", o.get());
    c->add_option("subject", o->subject, "subject code")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::SubjectExplanation>("round explain",
          app::ExplainSubject(app::Caller::Local(), *ws, o->id, o->subject), o->format, PrintExplanation);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "outcome", "apply an outcome rule to a subject (publicity or final)", o.get());
    c->add_option("subject", o->subject, "subject code")->required();
    c->add_option("--rule", o->rule, "an outcome code of the system")->required();
    c->add_option("--reason", o->reason, "why")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<domain::AppliedOutcome>("round outcome",
          app::ApplyOutcome(app::Caller::Local(), *ws, o->id, o->subject, o->rule, o->reason), o->format,
          [](const domain::AppliedOutcome& a) {
            std::printf("%s: %s applied (ban %d years): %s\n", a.subject.c_str(), a.rule.c_str(), a.ban_years, a.reason.c_str());
          });
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "xlsx", "write the ranking workbook", o.get());
    c->add_option("--out", o->out, "the .xlsx file to write")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      Result<app::RoundWorkbook> w = app::RoundRankingWorkbook(app::Caller::Local(), *ws, o->id);
      if (!w.ok()) { *exit_code = Fail("round xlsx", w.status()); return; }
      std::ofstream out(o->out, std::ios::binary);
      out << w->bytes;
      out.close();
      if (!out) { *exit_code = Fail("round xlsx", Status::IOError("cannot write " + o->out)); return; }
      std::printf("Wrote %s (%zu bytes)\n", o->out.c_str(), w->bytes.size());
      *exit_code = kExitOk;
    });
  }
}

void AddListCommands(CLI::App* g, int* exit_code) {
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "list", "the rounds", o.get(), false);
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      Result<std::vector<app::RoundView>> r = app::ListRounds(app::Caller::Local(), *ws);
      if (!r.ok()) { *exit_code = Fail("round list", r.status()); return; }
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& v : *r) {
        if (o->format == "json") all.push_back(app::ToJson(v));
        else std::printf("%-5lld %-18s %-10s %-8s %-10s %-20s %s %s\n", static_cast<long long>(v.round.id),
                         domain::RoundStateName(v.round.state), v.round.province.c_str(), v.round.period.c_str(),
                         v.round.subject_kind.c_str(), v.round.name.c_str(), v.round.system_code.c_str(),
                         v.round.system_version.c_str());
      }
      if (o->format == "json") std::printf("%s\n", all.dump(2).c_str());
      *exit_code = kExitOk;
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "show", "a round with its subjects' progress and history", o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report<app::RoundView>("round show", app::ShowRound(app::Caller::Local(), *ws, o->id), o->format, PrintRound);
    });
  }
  {
    auto o = std::make_shared<RoundOptions>();
    CLI::App* c = Sub(g, "systems", "the stored indicator-system versions", o.get(), false);
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      Result<std::vector<domain::StoredIndicatorSystem>> r = app::ListIndicatorSystems(app::Caller::Local(), *ws);
      if (!r.ok()) { *exit_code = Fail("round systems", r.status()); return; }
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& s : *r) {
        if (o->format == "json") all.push_back(app::ToJson(s));
        else std::printf("%-28s %-10s %s (stored %s by %s)\n", s.code.c_str(), s.version.c_str(), s.name.c_str(),
                         s.stored_at.c_str(), s.stored_by.c_str());
      }
      if (o->format == "json") std::printf("%s\n", all.dump(2).c_str());
      *exit_code = kExitOk;
    });
  }
}

}  // namespace

void AddRoundCommands(CLI::App& app, int* exit_code) {
  CLI::App* g = app.add_subcommand("round", "stored evaluation rounds: systems, data calls, scoring, outcomes");
  g->require_subcommand(1);
  AddSetupCommands(g, exit_code);
  AddDataCommands(g, exit_code);
  AddResultCommands(g, exit_code);
  AddListCommands(g, exit_code);
}

}  // namespace patnav::cli
