// Compact stored details of a scored subject and the full detail rebuilt
// from them (round_detail.h).
#include "app/round_detail.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "domain/evaluation/round_score.h"

namespace patnav::app {

namespace {

namespace ev = domain::evaluation;
using Json = nlohmann::ordered_json;

// Which numbers SubjectScoreJson writes for a node of this kind, in its order.
struct NodeFields {
  bool raw = false, base_raw = false, normalised = false, weighted = false, gate = false, points = false;
  size_t count() const { return raw + base_raw + normalised + (weighted ? 4 : 0) + gate + points; }
};

NodeFields FieldsOf(const ev::IndicatorNode& n) {
  NodeFields f;
  const bool leaf = n.kind != ev::NodeKind::kGroup;
  f.raw = leaf;
  f.base_raw = leaf && n.normaliser.method == ev::NormaliserMethod::kBaseYearIndex;
  f.weighted = n.IsWeighted();
  f.normalised = f.weighted && leaf;
  f.gate = n.kind == ev::NodeKind::kGate;
  f.points = n.kind == ev::NodeKind::kBonus || n.kind == ev::NodeKind::kPenalty;
  return f;
}

void Number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void Integer(std::string& out, long long v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

double ReadNumber(const Json& j) {
  return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

Status Misfit(const domain::SubjectResult& stored, const std::string& why) {
  return Status::Corruption("the stored result of subject " + stored.subject + " does not fit the round's system: " + why);
}

}  // namespace

std::string CompactSubjectDetail(const ScoreEvaluationResult& r, size_t subject) {
  const ev::IndicatorSystem& sys = r.system;
  const ev::SubjectScore& s = r.round.subjects[subject];
  std::string out;
  out.reserve(64 + sys.nodes.size() * 80);
  out += "{\"compact\":1,\"subjects\":";
  Integer(out, static_cast<long long>(r.round.subjects.size()));
  out += ",\"base\":";
  Number(out, s.base);
  out += ",\"bonus\":";
  Number(out, s.bonus);
  out += ",\"penalty\":";
  Number(out, s.penalty);
  out += ",\"failed_gates\":";
  out += Json(s.failed_gates).dump();
  out += ",\"nodes\":[";
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    const NodeFields f = FieldsOf(sys.nodes[k]);
    const ev::NodeScore& ns = s.nodes[k];
    if (k) out += ',';
    out += '[';
    bool first = true;
    auto put = [&](double v) {
      if (!first) out += ',';
      first = false;
      Number(out, v);
    };
    if (f.raw) put(ns.raw);
    if (f.base_raw) put(ns.base_raw);
    if (f.normalised) put(ns.normalised);
    if (f.weighted) {
      put(ns.weight);
      put(ns.score);
      put(ns.weighted);
      put(ns.rank);
    }
    if (f.gate) put(ns.gate_failed ? 1 : 0);
    if (f.points) put(ns.points);
    out += ']';
  }
  out += ']';
  if (r.sensitivity) {
    const ev::RankingSensitivity& sens = *r.sensitivity;
    out += ",\"sensitivity\":{\"ranks\":{";
    for (size_t m = 0; m < sens.methods.size(); ++m) {
      if (m) out += ',';
      out += '"';
      out += ev::WeightingName(sens.methods[m]);
      out += "\":";
      Integer(out, sens.ranks[m][subject]);
    }
    out += "},\"max_shift\":";
    Integer(out, sens.max_shift[subject]);
    out += '}';
  }
  out += '}';
  return out;
}

Result<Json> SubjectDetail(const ev::IndicatorSystem& sys, const domain::SubjectResult& stored, bool explain) {
  Json c = Json::parse(stored.detail_json, nullptr, false);
  if (!c.is_object()) return Misfit(stored, "not a JSON object");
  if (!c.contains("compact")) return c;
  const Json& nodes = c.value("nodes", Json::array());
  if (!nodes.is_array() || nodes.size() != sys.nodes.size())
    return Misfit(stored, std::to_string(nodes.size()) + " nodes for the system's " + std::to_string(sys.nodes.size()));
  ev::SubjectScore s;
  s.subject = {stored.subject, stored.name};
  s.total = stored.total;
  s.rank = stored.rank;
  s.vetoed = stored.vetoed;
  s.outcome = stored.proposed;
  s.base = ReadNumber(c.value("base", Json()));
  s.bonus = ReadNumber(c.value("bonus", Json()));
  s.penalty = ReadNumber(c.value("penalty", Json()));
  for (const Json& g : c.value("failed_gates", Json::array()))
    if (g.is_string()) s.failed_gates.push_back(g.get<std::string>());
  s.nodes.resize(sys.nodes.size());
  for (size_t k = 0; k < sys.nodes.size(); ++k) {
    const NodeFields f = FieldsOf(sys.nodes[k]);
    const Json& a = nodes[k];
    if (!a.is_array() || a.size() != f.count())
      return Misfit(stored, "node " + sys.nodes[k].code + " holds " + (a.is_array() ? std::to_string(a.size()) : "no") +
                                " numbers, its kind " + std::to_string(f.count()));
    ev::NodeScore& ns = s.nodes[k];
    size_t i = 0;
    if (f.raw) ns.raw = ReadNumber(a[i++]);
    if (f.base_raw) ns.base_raw = ReadNumber(a[i++]);
    if (f.normalised) ns.normalised = ReadNumber(a[i++]);
    if (f.weighted) {
      ns.weight = ReadNumber(a[i++]);
      ns.score = ReadNumber(a[i++]);
      ns.weighted = ReadNumber(a[i++]);
      ns.rank = a[i].is_number_integer() ? a[i].get<int>() : 0;
      ++i;
    }
    if (f.gate) ns.gate_failed = ReadNumber(a[i++]) != 0;
    if (f.points) ns.points = ReadNumber(a[i++]);
  }
  Json out = SubjectScoreJson(sys, s);
  if (explain) {
    const Json& n = c.value("subjects", Json());
    out["explanation"] = ev::Explain(sys, s, n.is_number_unsigned() ? n.get<size_t>() : 0);
  }
  if (c.contains("sensitivity")) {
    const Json& sens = c["sensitivity"];
    out["sensitivity"] = {{"code", stored.subject}, {"ranks", sens.value("ranks", Json::object())},
                          {"max_shift", sens.value("max_shift", Json(0))}};
  }
  return out;
}

}  // namespace patnav::app
