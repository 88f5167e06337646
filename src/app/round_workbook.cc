// The ranking workbook of a stored round (RoundRankingWorkbook,
// evaluation_rounds.h): sheets Ranking, Scores, Weights and Sensitivity
// from the stored results, through report/xlsx_tables.h.
#include <map>

#include <nlohmann/json.hpp>

#include "app/evaluation_rounds.h"
#include "app/office_access.h"
#include "app/round_detail.h"
#include "app/workbook_bytes.h"
#include "report/xlsx_tables.h"

namespace patnav::app {

namespace {

using Json = nlohmann::ordered_json;

Json Parse(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? Json::object() : j;
}

Result<std::vector<report::XlsxTable>> Tables(const RoundResultsView& v, const domain::evaluation::IndicatorSystem& system) {
  std::map<std::string, const domain::AppliedOutcome*> in_force;
  for (const auto& o : v.outcomes) in_force[o.subject] = &o;
  const Json round = Parse(v.scoring->round_json);
  std::vector<std::string> nodes;
  if (round.contains("weights"))
    for (const auto& [code, w] : round["weights"].items()) nodes.push_back(code);

  report::XlsxTable ranking{"排名 Ranking",
                            {"rank", "subject", "name", "total", "base", "bonus", "penalty", "vetoed", "failed_gates",
                             "proposed_outcome", "applied_outcome", "reason"},
                            {}};
  report::XlsxTable scores{"指标得分 Scores", {"subject", "name"}, {}};
  for (const std::string& n : nodes) scores.header.push_back(n);
  for (const domain::SubjectResult& r : v.results) {
    ASSIGN_OR_RETURN(const Json d, SubjectDetail(system, r, /*explain=*/false));
    std::string gates;
    for (const auto& g : d.value("failed_gates", Json::array())) gates += (gates.empty() ? "" : ", ") + g.get<std::string>();
    auto applied = in_force.find(r.subject);
    ranking.rows.push_back({r.rank, r.subject, r.name, r.total, d.value("base", 0.0), d.value("bonus", 0.0),
                            d.value("penalty", 0.0), r.vetoed, gates, r.proposed,
                            applied == in_force.end() ? Json("") : Json(applied->second->rule),
                            applied == in_force.end() ? Json("") : Json(applied->second->reason)});
    std::vector<Json> row = {r.subject, r.name};
    for (const std::string& n : nodes) {
      const Json* node = d.contains("nodes") && d["nodes"].contains(n) ? &d["nodes"][n] : nullptr;
      row.push_back(node && node->contains("score") ? (*node)["score"] : Json());
    }
    scores.rows.push_back(std::move(row));
  }
  report::XlsxTable weights{"权重 Weights", {"node", "local", "global"}, {}};
  for (const std::string& n : nodes)
    weights.rows.push_back({n, round["weights"][n].value("local", 0.0), round["weights"][n].value("global", 0.0)});
  std::vector<report::XlsxTable> out = {std::move(ranking), std::move(scores), std::move(weights)};
  if (round.contains("sensitivity")) {
    const Json& s = round["sensitivity"];
    report::XlsxTable sens{"敏感性 Sensitivity", {"subject"}, {}};
    std::vector<std::string> methods;
    for (const auto& m : s["methods"]) methods.push_back(m.value("weighting", ""));
    for (const std::string& m : methods) sens.header.push_back("rank_" + m);
    sens.header.push_back("max_shift");
    for (const auto& e : s["subjects"]) {
      std::vector<Json> row = {e.value("code", "")};
      for (const std::string& m : methods) row.push_back(e["ranks"].value(m, 0));
      row.push_back(e.value("max_shift", 0));
      sens.rows.push_back(std::move(row));
    }
    out.push_back(std::move(sens));
  }
  return out;
}

}  // namespace

Result<RoundWorkbook> RoundRankingWorkbook(const Caller& caller, Workspace& ws, int64_t id) {
  ASSIGN_OR_RETURN(RoundResultsView v, RoundResults(caller, ws, id));
  if (!ActsForOffice(caller, v.round.province))
    return Status::PermissionDenied("the ranking workbook is for the office running the round");
  if (!v.scoring) return Status::FailedPrecondition("round " + std::to_string(id) + " has not been scored");
  ASSIGN_OR_RETURN(SystemView system, ShowIndicatorSystem(caller, ws, v.round.system_code, v.round.system_version));
  ASSIGN_OR_RETURN(const std::vector<report::XlsxTable> tables, Tables(v, system.system));
  RoundWorkbook out;
  out.filename = "round-" + std::to_string(id) + "-ranking.xlsx";
  ASSIGN_OR_RETURN(out.bytes, WorkbookBytes(ws.dir(), "round-ranking", [&](const std::filesystem::path& path) {
    return report::WriteXlsxTables(tables, path);
  }));
  return out;
}

}  // namespace patnav::app
