// RunLandscape: meta, then each analysis in report order.
#include "analytics/landscape.h"

#include <chrono>
#include <cmath>
#include <ctime>

namespace patnav::analytics {

namespace {

std::string NowIso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Result<Json> RunLandscape(const Snapshot& s, const PatentSet& set, const LandscapeRequest& request,
                          AnalysisTimings* timings) {
  std::vector<const AnalysisSpec*> selected;
  const bool with_members = !request.options.members.empty();
  const bool with_legal = request.options.legal.given();
  if (with_legal && (request.options.legal.state.size() != s.size() || request.options.legal.expiry.size() != s.size()))
    return Status::Internal("legal facts are not one per snapshot row");
  if (request.only.empty()) {
    for (const AnalysisSpec* a : AllAnalyses()) {
      const std::string_view name = a->name;
      if ((with_members || name != "members_vs_others") && (with_legal || name != "legal_status")) selected.push_back(a);
    }
  } else {
    for (const AnalysisSpec* a : AllAnalyses())
      for (const std::string& name : request.only)
        if (name == a->name) selected.push_back(a);
    for (const std::string& name : request.only) {
      if (!FindAnalysis(name)) {
        std::string known;
        for (const AnalysisSpec* a : AllAnalyses()) known += (known.empty() ? "" : ", ") + std::string(a->name);
        return Status::InvalidArgument("unknown analysis '" + name + "' (known: " + known + ")");
      }
      if (name == "members_vs_others" && !with_members)
        return Status::InvalidArgument("members_vs_others needs --members FILE (one applicant name a line)");
      if (name == "legal_status" && !with_legal)
        return Status::InvalidArgument("legal_status needs the search index's legal status (run patnav index)");
    }
  }
  AnalysisContext ctx(s, set.Rows(), request.options);
  Json meta;
  meta["format_version"] = 1;
  meta["query"] = request.query;
  meta["patents"] = ctx.size();
  meta["generated_at"] = NowIso();
  meta["data_dir"] = request.data_dir;
  meta["members"] = request.options.members;
  meta["last_complete_year"] = ctx.last_year ? Json(ctx.last_year) : Json(nullptr);
  meta["store_patents"] = s.size();
  meta["analyses"] = Json::object();
  Json out;
  out["meta"] = Json::object();
  Json timing = Json::object();
  for (const AnalysisSpec* a : selected) {
    meta["analyses"][a->name] = {{"title_en", a->title_en}, {"title_zh", a->title_zh}, {"definition", a->definition}};
    const auto start = std::chrono::steady_clock::now();
    out[a->name] = a->run(ctx);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    timing[a->name] = std::round(ms * 1000) / 1000;
    if (timings) timings->emplace_back(a->name, ms);
  }
  meta["timings_ms"] = std::move(timing);
  out["meta"] = std::move(meta);
  return out;
}

}  // namespace patnav::analytics
