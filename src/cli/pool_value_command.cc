// patnav value PUBNUM... | --query Q: the value model's legal, technical and
// economic scores with each indicator's contribution (app::ValuePatents).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/caller.h"
#include "app/patent_json.h"
#include "app/patent_value.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

struct ValueOptions {
  std::string db, query, weights, as_of, format = "table";
  std::vector<std::string> publications;
  int limit = 50;
  bool save = false;
};

Result<std::string> ReadWeightsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void PrintOne(const domain::PatentValue& v) {
  std::printf("%s  overall %.1f  (legal %.1f, technical %.1f, economic %.1f)  %s, expires %s\n\n",
              v.publication_number.c_str(), v.overall, v.legal, v.technical, v.economic,
              v.in_force ? "in force" : "not in force", v.expires_on.c_str());
  std::printf("%-10s %-19s %6s %8s %8s  %s\n", "dimension", "indicator", "score", "points", "overall", "basis");
  for (const auto& i : v.indicators)
    std::printf("%-10s %-19s %6.2f %8.2f %8.2f  %s\n", i.dimension.c_str(), i.name.c_str(), i.score, i.points,
                i.overall_points, i.basis.c_str());
}

void PrintTable(const std::vector<domain::PatentValue>& values) {
  std::printf("%-18s %7s %7s %9s %8s %-9s %s\n", "publication", "overall", "legal", "technical", "economic", "in force",
              "top indicators (overall points)");
  for (const auto& v : values) {
    std::vector<const domain::IndicatorScore*> top;
    for (const auto& i : v.indicators) top.push_back(&i);
    std::sort(top.begin(), top.end(), [](auto* a, auto* b) { return a->overall_points > b->overall_points; });
    std::string t;
    for (size_t k = 0; k < 3 && k < top.size(); ++k) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%s %.1f", k ? ", " : "", top[k]->name.c_str(), top[k]->overall_points);
      t += buf;
    }
    std::printf("%-18s %7.1f %7.1f %9.1f %8.1f %-9s %s\n", v.publication_number.c_str(), v.overall, v.legal, v.technical,
                v.economic, v.in_force ? "yes" : "no", t.c_str());
  }
}

int RunValue(const ValueOptions& o) {
  app::PatentValueRequest request;
  request.publications = o.publications;
  request.query = o.query;
  request.limit = o.limit;
  request.as_of = o.as_of;
  request.save = o.save;
  if (!o.weights.empty()) {
    Result<std::string> text = ReadWeightsFile(o.weights);
    if (!text.ok()) return ExitWith("value", text.status());
    request.weights_json = std::move(text).value();
  }
  app::Workspace workspace(WorkspaceOptions(o.db));
  Result<app::PatentValueResult> result = app::ValuePatents(app::Caller::Local(), workspace, request);
  if (!result.ok()) return ExitWith("value", result.status());
  for (const std::string& w : result->warnings) std::fprintf(stderr, "patnav value: %s\n", w.c_str());
  const std::vector<domain::PatentValue>& values = result->values;
  if (values.empty()) return kExitOk;
  if (o.format == "json") std::printf("%s\n", app::PatentValuesJson(values).dump(2).c_str());
  else if (values.size() == 1) PrintOne(values[0]);
  else PrintTable(values);
  return kExitOk;
}

}  // namespace

void AddValueCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ValueOptions>();
  CLI::App* c = app.add_subcommand("value", "patent value: legal, technical and economic scores with each indicator's share");
  c->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  c->add_option("publications", o->publications, "publication numbers (any spelling)");
  c->add_option("--query", o->query, "score the top hits of a search instead (docs/query-language.md)");
  c->add_option("--limit", o->limit, "hits scored with --query (default 50)")->check(CLI::Range(1, 100000));
  c->add_option("--weights", o->weights, "weights JSON over the defaults (docs/pools.md)");
  c->add_option("--as-of", o->as_of, "assessment date (default: today)");
  c->add_flag("--save", o->save, "keep the scores in operations.db (distribution by value uses them)");
  c->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
  c->callback([o, exit_code] { *exit_code = RunValue(*o); });
}

}  // namespace patnav::cli
