// patnav value PUBNUM... | --query Q: the value model's legal, technical and
// economic scores with each indicator's contribution.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "cli/pool_cli.h"
#include "domain/patent_term.h"
#include "domain/value_context.h"
#include "index/searcher.h"

namespace patnav::cli {

namespace {

struct ValueOptions {
  std::string db, query, weights, as_of, format = "table";
  std::vector<std::string> publications;
  int limit = 50;
  bool save = false;
};

nlohmann::ordered_json ValueJson(const domain::PatentValue& v) {
  nlohmann::ordered_json j;
  j["publication_number"] = v.publication_number;
  j["overall"] = std::round(v.overall * 100) / 100;
  j["legal"] = std::round(v.legal * 100) / 100;
  j["technical"] = std::round(v.technical * 100) / 100;
  j["economic"] = std::round(v.economic * 100) / 100;
  j["in_force"] = v.in_force;
  j["expires_on"] = v.expires_on;
  j["indicators"] = nlohmann::ordered_json::array();
  for (const auto& i : v.indicators)
    j["indicators"].push_back({{"dimension", i.dimension},
                               {"indicator", i.name},
                               {"observed", i.observed},
                               {"score", std::round(i.score * 1000) / 1000},
                               {"dimension_points", std::round(i.points * 100) / 100},
                               {"overall_points", std::round(i.overall_points * 100) / 100},
                               {"basis", i.basis}});
  return j;
}

int RunValue(const ValueOptions& o) {
  const char* cmd = "value";
  domain::ValueWeights weights = domain::DefaultValueWeights();
  if (!o.weights.empty()) {
    Result<std::string> text = ReadWholeFile(o.weights);
    if (!text.ok()) return Fail(cmd, text.status());
    Result<domain::ValueWeights> w = domain::ParseValueWeights(*text);
    if (!w.ok()) return Fail(cmd, w.status());
    weights = *w;
  }
  if (o.publications.empty() == o.query.empty())
    return Fail(cmd, Status::InvalidArgument("give publication numbers or --query, not both"));
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, cmd);
  if (!store) return kExitFailure;
  // Economic facts come from operations.db when there is one.
  std::unique_ptr<domain::OperationsDb> ops;
  {
    Result<std::unique_ptr<domain::OperationsDb>> opened = domain::OperationsDb::Open(ResolveDataDir(o.db), false);
    if (opened.ok()) ops = std::move(opened).value();
    else if (opened.status().code() != StatusCode::kNotFound) return Fail(cmd, opened.status());
  }
  std::vector<std::string> pubs = o.publications;
  if (!o.query.empty()) {
    Result<index::Searcher> searcher = index::Searcher::Open(ResolveDataDir(o.db));
    if (!searcher.ok()) return Fail(cmd, searcher.status());
    index::SearchRequest req;
    req.query = o.query;
    req.limit = o.limit;
    Result<index::SearchResult> hits = searcher->Search(req);
    if (!hits.ok()) return Fail(cmd, hits.status());
    for (const auto& h : hits->hits) pubs.push_back(h.publication_number);
    if (pubs.empty()) {
      std::fprintf(stderr, "patnav value: no publication matches the query\n");
      return kExitOk;
    }
  }
  std::vector<PatentRecord> records;
  for (const auto& p : pubs) {
    Result<PatentRecord> r = domain::FindPatent(*store, p);
    if (!r.ok()) return Fail(cmd, r.status());
    records.push_back(std::move(*r));
  }
  Result<domain::ValueContext> ctx = domain::ValueContext::Build(*store, ops.get(), o.as_of);
  if (!ctx.ok()) return Fail(cmd, ctx.status());
  std::vector<domain::PatentValue> values;
  for (const auto& r : records) values.push_back(domain::ScorePatent(r, ctx->FactsFor(r), weights));
  if (o.save) {
    if (!ops) return Fail(cmd, Status::InvalidArgument("--save needs an operations database (create an alliance first)"));
    Status st = domain::SaveValueScores(*ops, values);
    if (!st.ok()) return Fail(cmd, st);
  }
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& v : values) j.push_back(ValueJson(v));
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  if (values.size() == 1) {
    const auto& v = values[0];
    std::printf("%s  overall %.1f  (legal %.1f, technical %.1f, economic %.1f)  %s, expires %s\n\n",
                v.publication_number.c_str(), v.overall, v.legal, v.technical, v.economic,
                v.in_force ? "in force" : "not in force", v.expires_on.c_str());
    std::printf("%-10s %-19s %6s %8s %8s  %s\n", "dimension", "indicator", "score", "points", "overall", "basis");
    for (const auto& i : v.indicators)
      std::printf("%-10s %-19s %6.2f %8.2f %8.2f  %s\n", i.dimension.c_str(), i.name.c_str(), i.score, i.points,
                  i.overall_points, i.basis.c_str());
    return kExitOk;
  }
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
