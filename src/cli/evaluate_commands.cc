// patnav evaluate validate FILE | evaluate score --system FILE --observations
// FILE [--period P] [--weighting fixed|ahp|entropy|critic] [--subject S]
// [--no-sensitivity] [--json]: the indicator-system calculator
// (app/evaluation.h). Text: the ranking table, a subject's scorecard
// explanation, and the sensitivity of the ranking to the weighting method.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "app/caller.h"
#include "app/evaluation.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

namespace ev = domain::evaluation;

std::string Name(const std::string& zh, const std::string& en) {
  if (zh.empty()) return en;
  if (en.empty()) return zh;
  return zh + " / " + en;
}

void PrintSystem(const ev::IndicatorSystem& sys, const std::string& path) {
  int leaves = 0;
  for (const auto& n : sys.nodes) leaves += n.IsLeaf();
  std::printf("%s: valid\n", path.c_str());
  std::printf("System   %s version %s: %s\n", sys.code.c_str(), sys.version.c_str(), Name(sys.name_zh, sys.name_en).c_str());
  std::printf("Nodes    %zu (%d leaves), %zu measures, %s%s\n", sys.nodes.size(), leaves, sys.measures.size(),
              ev::AggregationName(sys.aggregation), sys.HasAhp() ? ", AHP matrices" : "");
  if (!sys.source.empty()) std::printf("Source   %s\n", sys.source.c_str());
  if (!sys.weights_note.empty()) std::printf("Weights  %s\n", sys.weights_note.c_str());
  for (const ev::IndicatorNode& n : sys.nodes) {
    std::string indent(2 * n.depth, ' ');
    std::string detail = ev::NodeKindName(n.kind);
    if (n.IsWeighted()) {
      char w[32];
      std::snprintf(w, sizeof w, " %.4g", n.weight);
      detail += w;
    }
    if (n.formula) detail += " = " + n.formula->text();
    if (n.IsWeighted() && n.kind != ev::NodeKind::kGroup)
      detail += std::string(", ") + ev::DirectionName(n.direction) + ", " + ev::NormaliserMethodName(n.normaliser.method);
    std::printf("  %s%-6s %s [%s]\n", indent.c_str(), n.code.c_str(), Name(n.name_zh, n.name_en).c_str(), detail.c_str());
  }
  for (const ev::OutcomeRule& r : sys.outcomes)
    std::printf("Outcome  %s: %s\n", r.code.c_str(), Name(r.name_zh, r.name_en).c_str());
}

void PrintRound(const app::ScoreEvaluationResult& r, const std::optional<size_t>& subject) {
  const ev::RoundScore& round = r.round;
  std::printf("%s version %s, period %s, %s weights, %zu subjects\n", r.system.code.c_str(), r.system.version.c_str(),
              round.period.c_str(), ev::WeightingName(round.weighting), round.subjects.size());
  for (const ev::AhpReport& a : round.ahp)
    std::printf("AHP %-8s lambda_max %.4f  CI %.4f  CR %.4f\n", a.group.empty() ? "(top)" : a.group.c_str(),
                a.result.lambda_max, a.result.ci, a.result.cr);
  std::printf("\n%4s  %-12s %8s  %-18s %s\n", "Rank", "Subject", "Total", "Outcome", "Name");
  std::vector<size_t> order(round.subjects.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return round.subjects[a].rank < round.subjects[b].rank; });
  for (size_t i : order) {
    const ev::SubjectScore& s = round.subjects[i];
    std::string outcome = s.outcome.empty() ? "-" : s.outcome;
    if (!s.failed_gates.empty()) outcome += s.vetoed ? " (vetoed)" : " (flagged)";
    std::printf("%4d  %-12s %8.2f  %-18s %s\n", s.rank, s.subject.code.c_str(), s.total, outcome.c_str(),
                s.subject.name.c_str());
  }
  if (subject) {
    const ev::SubjectScore& s = round.subjects[*subject];
    std::printf("\nScorecard of %s %s\n", s.subject.code.c_str(), s.subject.name.c_str());
    for (const std::string& line : ev::Explain(r.system, round, *subject)) std::printf("  %s\n", line.c_str());
  }
  if (!r.sensitivity) return;
  const ev::RankingSensitivity& sens = *r.sensitivity;
  std::printf("\nRanking sensitivity to the weighting method\n%-12s", "Subject");
  for (ev::Weighting w : sens.methods) std::printf(" %8s", ev::WeightingName(w));
  std::printf(" %9s\n", "max shift");
  for (size_t i : order) {
    if (subject && *subject != i) continue;
    std::printf("%-12s", round.subjects[i].subject.code.c_str());
    for (size_t m = 0; m < sens.methods.size(); ++m) std::printf(" %8d", sens.ranks[m][i]);
    std::printf(" %9d\n", sens.max_shift[i]);
  }
  for (size_t m = 1; m < sens.methods.size(); ++m)
    std::printf("%s vs fixed: %d of %zu subjects change rank, Spearman %.4f\n", ev::WeightingName(sens.methods[m]),
                sens.moved[m], round.subjects.size(), sens.spearman[m]);
}

void PrintJson(const nlohmann::ordered_json& j) {
  std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

void AddEvaluateCommands(CLI::App& app, int* exit_code) {
  CLI::App* group = app.add_subcommand("evaluate", "indicator systems and evaluation rounds (docs/evaluation.md)");
  group->require_subcommand(1);

  struct ValidateOptions {
    app::ValidateIndicatorSystemRequest request;
    bool json = false;
  };
  auto v = std::make_shared<ValidateOptions>();
  CLI::App* validate = group->add_subcommand("validate", "check an indicator-system file and print its tree");
  validate->add_option("file", v->request.system_path, "indicator system (JSON)")->required();
  validate->add_flag("--json", v->json, "print the parsed system as JSON");
  validate->callback([v, exit_code] {
    Result<app::ValidateIndicatorSystemResult> r = app::ValidateIndicatorSystem(app::Caller::Local(), v->request);
    if (!r.ok()) {
      *exit_code = ExitWith("evaluate validate", r.status());
      return;
    }
    if (v->json) PrintJson(app::IndicatorSystemJson(r->system));
    else PrintSystem(r->system, v->request.system_path);
    *exit_code = kExitOk;
  });

  struct ScoreOptions {
    app::ScoreEvaluationRequest request;
    std::string subject, db;
    bool json = false, no_sensitivity = false;
  };
  auto s = std::make_shared<ScoreOptions>();
  CLI::App* score = group->add_subcommand("score", "score a round: ranking, scorecard, sensitivity");
  score->add_option("--system", s->request.system_path, "indicator system (JSON)")->required();
  score->add_option("--observations", s->request.observations_path, "observations (CSV or JSON)")->required();
  score->add_option("--period", s->request.period, "the period evaluated (default: the one observed)");
  score->add_option("--weighting", s->request.weighting, "fixed, ahp, entropy or critic")
      ->check(CLI::IsMember({"fixed", "ahp", "entropy", "critic"}));
  score->add_option("--subject", s->subject, "explain this subject's score line by line");
  score->add_flag("--no-sensitivity", s->no_sensitivity, "skip ranking under the other weighting methods");
  score->add_option("--credit-on", s->request.credit_on,
                    "fill the credibility gate (active_dishonesty_records) from the stored records active on this date");
  score->add_option("--db", s->db, "data directory of the credibility records (with --credit-on)");
  score->add_flag("--json", s->json, "print JSON");
  score->callback([s, exit_code] {
    s->request.sensitivity = !s->no_sensitivity;
    std::unique_ptr<app::Workspace> ws;
    if (!s->request.credit_on.empty()) {
      ws = OpenWorkspace(s->db);
      s->request.workspace = ws.get();
    }
    Result<app::ScoreEvaluationResult> r = app::ScoreEvaluation(app::Caller::Local(), s->request);
    if (!r.ok()) {
      *exit_code = ExitWith("evaluate score", r.status());
      return;
    }
    std::optional<size_t> subject;
    if (!s->subject.empty()) {
      Result<size_t> at = app::FindRoundSubject(r->round, s->subject);
      if (!at.ok()) {
        *exit_code = ExitWith("evaluate score", Status::InvalidArgument(at.status().message()));
        return;
      }
      subject = *at;
    }
    if (s->json) PrintJson(app::EvaluationRoundJson(*r, subject));
    else PrintRound(*r, subject);
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
