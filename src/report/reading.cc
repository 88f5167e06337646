// Readings of the analyses (see reading.h). Every figure quoted comes from
// the analysis JSON; nothing here recomputes an analysis.
#include "report/reading.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/analysis_table.h"
#include "report/escape.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

// Ends the headline sentence of a reading (see HeadlineOf); removed from
// the text ReadingOf returns.
constexpr const char* kBreak = "\x1e";

double Num(const Json& row, const char* key) {
  if (!row.is_object()) return 0;
  auto it = row.find(key);
  return it != row.end() && it->is_number() ? it->get<double>() : 0;
}
bool HasNum(const Json& row, const char* key) {
  if (!row.is_object()) return false;
  auto it = row.find(key);
  return it != row.end() && it->is_number();
}
std::string Str(const Json& row, const char* key) {
  if (!row.is_object()) return {};
  auto it = row.find(key);
  if (it == row.end() || it->is_null()) return {};
  return DisplayValue(*it);
}

// 1234567 -> "1,234,567"
std::string Count(double v) {
  long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}
// 0.2234 -> "22.3%"
std::string Pct(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100);
  return buf;
}
std::string Year(const Json& row, const char* key = "year") {
  return std::to_string(std::llround(Num(row, key)));
}

// The object rows of an analysis: the array itself, or its "rows" field;
// anything that is not an object is dropped.
Json RowsOf(const Json& value) {
  Json rows = Json::array();
  const Json* source = &value;
  if (value.is_object()) {
    auto it = value.find("rows");
    if (it == value.end()) return rows;
    source = &*it;
  }
  if (!source->is_array()) return rows;
  for (const auto& r : *source)
    if (r.is_object()) rows.push_back(r);
  return rows;
}

// value[key] when it is an array, else an empty array.
Json ArrayField(const Json& value, const char* key) {
  if (!value.is_object()) return Json::array();
  auto it = value.find(key);
  return it != value.end() && it->is_array() ? *it : Json::array();
}

// The row of `rows` with the largest `key` (first on ties), or null.
const Json* MaxBy(const Json& rows, const char* key) {
  const Json* best = nullptr;
  for (const auto& r : rows)
    if (HasNum(r, key) && (!best || Num(r, key) > Num(*best, key))) best = &r;
  return best;
}

Bilingual Trend(const Json& rows) {
  std::vector<const Json*> years;
  for (const auto& r : rows)
    if (HasNum(r, "year") && Num(r, "count") > 0) years.push_back(&r);
  if (years.empty()) return {};
  const Json& first = *years.front();
  const Json& last = *years.back();
  const Json& peak = *MaxBy(rows, "count");
  double span = Num(last, "year") - Num(first, "year");
  std::string en, zh;
  bool up = Num(last, "count") >= Num(first, "count");
  en = std::string("Filings ") + (up ? "grew" : "fell") + " from " + Count(Num(first, "count")) +
       " in " + Year(first) + " to " + Count(Num(last, "count")) + " in " + Year(last);
  zh = "申请量从" + Year(first) + "年的" + Count(Num(first, "count")) + "件" +
       (up ? "增长" : "下降") + "到" + Year(last) + "年的" + Count(Num(last, "count")) + "件";
  if (span > 0 && Num(first, "count") > 0) {
    double cagr = std::pow(Num(last, "count") / Num(first, "count"), 1.0 / span) - 1;
    en += " (CAGR " + Pct(cagr) + ")";
    zh += "（年均复合增长率 " + Pct(cagr) + "）";
  }
  en += "; the peak was " + Count(Num(peak, "count")) + " in " + Year(peak) + "." + kBreak;
  zh += "；峰值为" + Year(peak) + "年的" + Count(Num(peak, "count")) + "件。" + kBreak;
  if (&peak != years.back()) {
    en += " Recent years may be incomplete: applications are published about 18 months after "
          "filing.";
    zh += "近年数据可能不完整：专利申请通常在申请后约 18 个月公开。";
  }
  std::map<std::string, double> by_country;
  double total = 0;
  for (const auto& r : rows) {
    auto it = r.find("by_country");
    if (it == r.end() || !it->is_object()) continue;
    for (const auto& [cc, n] : it->items())
      if (n.is_number()) by_country[cc] += n.get<double>(), total += n.get<double>();
  }
  if (total > 0) {
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [cc, n] : by_country) ranked.emplace_back(-n, cc);
    std::sort(ranked.begin(), ranked.end());
    en += " By publication country, " + ranked[0].second + " accounts for " +
          Pct(-ranked[0].first / total) + " of filings";
    zh += "按公开国家，" + ranked[0].second + "占申请量的" + Pct(-ranked[0].first / total);
    if (ranked.size() > 1) {
      en += ", followed by " + ranked[1].second + " (" + Pct(-ranked[1].first / total) + ")";
      zh += "，其次是" + ranked[1].second + "（" + Pct(-ranked[1].first / total) + "）";
    }
    en += ".";
    zh += "。";
  }
  return {en, zh};
}

Bilingual TopApplicants(const Json& rows) {
  const Json& top = rows.front();
  std::string en = "The largest applicant is " + Str(top, "name") + " with " +
                   Count(Num(top, "count")) + " patents";
  std::string zh = "最大的申请人是" + Str(top, "name") + "，共" + Count(Num(top, "count")) + "件";
  if (HasNum(top, "share")) {
    en += " (" + Pct(Num(top, "share")) + " of the set)";
    zh += "（占" + Pct(Num(top, "share")) + "）";
  }
  double top5 = 0;
  size_t n5 = std::min<size_t>(5, rows.size());
  for (size_t i = 0; i < n5; ++i) top5 += Num(rows[i], "share");
  en += "; the top " + std::to_string(n5) + " together hold " + Pct(top5) + "." + kBreak;
  zh += "；前" + std::to_string(n5) + "名合计占" + Pct(top5) + "。" + kBreak;
  const Json* fastest = nullptr;
  for (size_t i = 0; i < std::min<size_t>(10, rows.size()); ++i)
    if (HasNum(rows[i], "growth") && (!fastest || Num(rows[i], "growth") > Num(*fastest, "growth")))
      fastest = &rows[i];
  if (fastest) {
    en += " Among the top ten, " + Str(*fastest, "name") + " grows fastest (" +
          Pct(Num(*fastest, "growth")) + " a year over the last five complete years).";
    zh += "前十名中，" + Str(*fastest, "name") + "增长最快（近五个完整年份年均 " +
          Pct(Num(*fastest, "growth")) + "）。";
  }
  return {en, zh};
}

Bilingual ApplicantTypes(const Json& rows) {
  static const char* kTypes[] = {"company", "university", "research_institute", "individual",
                                 "other"};
  double total = 0, sums[5] = {};
  for (const auto& r : rows)
    for (int t = 0; t < 5; ++t) sums[t] += Num(r, kTypes[t]), total += Num(r, kTypes[t]);
  if (total == 0) return {};
  static const Bilingual kPlural[] = {{"companies", "企业"}, {"universities", "高校"},
                                      {"research institutes", "科研院所"}, {"individuals", "个人"},
                                      {"others", "其他"}};
  std::string en = "Over all years, ", zh = "各年合计，";
  bool first = true;
  for (int t = 0; t < 5; ++t) {
    if (sums[t] == 0) continue;
    en += std::string(first ? "" : ", ") + kPlural[t].en + " " + Pct(sums[t] / total);
    zh += std::string(first ? "" : "，") + kPlural[t].zh + Pct(sums[t] / total);
    first = false;
  }
  en += " of applicant-type counts.";
  zh += "。";
  const Json& last = rows.back();
  double last_total = 0;
  for (int t = 0; t < 5; ++t) last_total += Num(last, kTypes[t]);
  if (last_total > 0 && sums[1] + sums[2] > 0) {
    double academic = (Num(last, "university") + Num(last, "research_institute")) / last_total;
    en += " In " + Year(last) + ", universities and research institutes make up " +
          Pct(academic) + ".";
    zh += Year(last) + "年，高校和科研院所占" + Pct(academic) + "。";
  }
  return {en, zh};
}

Bilingual Technology(const Json& rows) {
  std::string en, zh;
  for (const char* level : {"section", "subclass", "main_group"}) {
    std::vector<const Json*> at;
    for (const auto& r : rows)
      if (Str(r, "level") == level) at.push_back(&r);
    std::stable_sort(at.begin(), at.end(),
                     [](const Json* a, const Json* b) { return Num(*a, "count") > Num(*b, "count"); });
    if (at.empty()) continue;
    size_t n = std::min<size_t>(std::string(level) == "section" ? 1 : 3, at.size());
    std::string list_en, list_zh;
    for (size_t i = 0; i < n; ++i) {
      std::string item = Str(*at[i], "code") + " (" + Count(Num(*at[i], "count"));
      if (HasNum(*at[i], "share")) item += ", " + Pct(Num(*at[i], "share"));
      item += ")";
      list_en += (i ? ", " : "") + item;
      list_zh += (i ? "、" : "") + item;
    }
    if (std::string(level) == "section") {
      en += "The largest section is " + list_en + ". ";
      zh += "最大的部是" + list_zh + "。";
    } else if (std::string(level) == "subclass") {
      en += "The largest subclasses are " + list_en + ". ";
      zh += "最大的小类为" + list_zh + "。";
    } else {
      en += "The largest main groups are " + list_en + ".";
      zh += "最大的大组为" + list_zh + "。";
    }
  }
  if (en.empty()) return {};
  while (!en.empty() && en.back() == ' ') en.pop_back();
  return {en, zh};
}

Bilingual CompetitorMatrix(const Json& m) {
  const Json applicants = ArrayField(m, "applicants");
  const Json groups = ArrayField(m, "groups");
  const Json cells = ArrayField(m, "cells");
  double best = -1;
  size_t bi = 0, bj = 0;
  std::vector<int> active(groups.size(), 0);
  for (size_t i = 0; i < cells.size() && i < applicants.size(); ++i)
    for (size_t j = 0; cells[i].is_array() && j < cells[i].size() && j < groups.size(); ++j) {
      double v = cells[i][j].is_number() ? cells[i][j].get<double>() : 0;
      if (v > 0) ++active[j];
      if (v > best) best = v, bi = i, bj = j;
    }
  if (best <= 0) return {};
  size_t contested = static_cast<size_t>(std::max_element(active.begin(), active.end()) - active.begin());
  std::string a = DisplayValue(applicants[bi]), g = DisplayValue(groups[bj]),
              c = DisplayValue(groups[contested]);
  std::string n = std::to_string(applicants.size()), k = std::to_string(active[contested]);
  return {"The strongest position is " + a + " in " + g + " (" + Count(best) +
              " patents). The most contested group is " + c + ", where " + k + " of the " + n +
              " top applicants hold patents.",
          "最强的布局是" + a + "在" + g + "（" + Count(best) + "件）。竞争最激烈的技术分组是" + c +
              "，" + n + "个主要申请人中有" + k + "个在此布局。"};
}

Bilingual Geography(const Json& rows) {
  double total = 0, cross = 0;
  const Json* biggest = nullptr;
  const Json* biggest_cross = nullptr;
  for (const auto& r : rows) {
    double n = Num(r, "count");
    total += n;
    bool is_cross = Str(r, "from") != Str(r, "to");
    if (is_cross) cross += n;
    if (!biggest || n > Num(*biggest, "count")) biggest = &r;
    if (is_cross && (!biggest_cross || n > Num(*biggest_cross, "count"))) biggest_cross = &r;
  }
  if (total == 0 || !biggest) return {};
  std::string en = "The largest flow is " + Str(*biggest, "from") + " → " + Str(*biggest, "to") +
                   " (" + Count(Num(*biggest, "count")) + ")." + kBreak + " " + Pct(cross / total) +
                   " of the flows cross a border";
  std::string zh = "最大的流向是" + Str(*biggest, "from") + " → " + Str(*biggest, "to") + "（" +
                   Count(Num(*biggest, "count")) + "）。" + kBreak + "跨国流向占" + Pct(cross / total);
  if (biggest_cross) {
    en += "; the largest is " + Str(*biggest_cross, "from") + " → " + Str(*biggest_cross, "to") +
          " (" + Count(Num(*biggest_cross, "count")) + ")";
    zh += "，其中最大的是" + Str(*biggest_cross, "from") + " → " + Str(*biggest_cross, "to") +
          "（" + Count(Num(*biggest_cross, "count")) + "）";
  }
  return {en + ".", zh + "。"};
}

Bilingual StageName(const std::string& stage) {
  if (stage == "germination") return {"germination", "萌芽期"};
  if (stage == "growth") return {"growth", "成长期"};
  if (stage == "maturity") return {"maturity", "成熟期"};
  if (stage == "decline") return {"decline", "衰退期"};
  return {stage, stage};
}

Bilingual Lifecycle(const Json& value) {
  const Json& rows = RowsOf(value);
  std::string stage = Str(value, "stage"), rule = Str(value, "rule");
  std::string en, zh;
  if (!stage.empty()) {
    Bilingual name = StageName(stage);
    en = "The technology is in its " + name.en + " stage";
    zh = "该技术处于" + name.zh;
    if (!rule.empty()) en += " (rule: " + rule + ")", zh += "（规则：" + rule + "）";
    en += "." + std::string(kBreak) + " ";
    zh += "。" + std::string(kBreak);
  }
  if (!rows.empty()) {
    const Json& a = rows.front();
    const Json& b = rows.back();
    en += "From " + Year(a) + " to " + Year(b) + ", yearly patents went from " +
          Count(Num(a, "patents")) + " to " + Count(Num(b, "patents")) + " and distinct applicants from " +
          Count(Num(a, "applicants")) + " to " + Count(Num(b, "applicants")) + ".";
    zh += "从" + Year(a) + "年到" + Year(b) + "年，年专利数从" + Count(Num(a, "patents")) + "件变为" +
          Count(Num(b, "patents")) + "件，申请人数从" + Count(Num(a, "applicants")) + "个变为" +
          Count(Num(b, "applicants")) + "个。";
  }
  return {en, zh};
}

Bilingual Concentration(const Json& rows) {
  const Json& last = rows.back();
  const Json& first = rows.front();
  double hhi = Num(last, "hhi");
  Bilingual level = hhi < 1500   ? Bilingual{"unconcentrated", "集中度低"}
                    : hhi < 2500 ? Bilingual{"moderately concentrated", "中度集中"}
                                 : Bilingual{"highly concentrated", "高度集中"};
  std::string en = "In " + Year(last) + ", the four largest applicants hold " + Pct(Num(last, "cr4")) +
                   " of the patents and the eight largest " + Pct(Num(last, "cr8")) + "; HHI " +
                   Count(hhi) + " (" + level.en + " by the usual 1500/2500 thresholds)." + kBreak;
  std::string zh = Year(last) + "年，前四名申请人占" + Pct(Num(last, "cr4")) + "，前八名占" +
                   Pct(Num(last, "cr8")) + "；HHI 为" + Count(hhi) + "（按常用的 1500/2500 阈值属于" +
                   level.zh + "）。" + kBreak;
  if (&first != &last) {
    bool up = Num(last, "cr4") > Num(first, "cr4");
    en += std::string(" CR4 ") + (up ? "rose" : "fell") + " from " + Pct(Num(first, "cr4")) +
          " in " + Year(first) + ".";
    zh += "CR4 较" + Year(first) + "年的" + Pct(Num(first, "cr4")) + (up ? "上升" : "下降") + "。";
  }
  return {en, zh};
}

Bilingual CorePatents(const Json& rows) {
  const Json& top = rows.front();
  std::string title = Str(top, "title");
  std::string en = "The top-ranked patent is " + Str(top, "publication_number");
  std::string zh = "排名第一的专利是" + Str(top, "publication_number");
  if (!title.empty()) en += " (" + title + ")", zh += "（" + title + "）";
  en += ", with " + Count(Num(top, "forward_citations")) + " forward citations";
  zh += "，被引" + Count(Num(top, "forward_citations")) + "次";
  std::string reasons = Str(top, "reasons");
  if (!reasons.empty()) en += "; " + reasons, zh += "；" + reasons;
  en += "." + std::string(kBreak);
  zh += "。" + std::string(kBreak);
  std::map<std::string, int> holders;
  size_t n = std::min<size_t>(10, rows.size());
  for (size_t i = 0; i < n; ++i) {
    auto it = rows[i].find("applicants");
    if (it != rows[i].end() && it->is_array())
      for (const auto& a : *it) holders[DisplayValue(a)]++;
  }
  const std::pair<const std::string, int>* most = nullptr;
  for (const auto& h : holders)
    if (!most || h.second > most->second) most = &h;
  if (most && most->second > 1) {
    en += " " + most->first + " holds " + std::to_string(most->second) + " of the top " +
          std::to_string(n) + ".";
    zh += most->first + "持有前" + std::to_string(n) + "件中的" + std::to_string(most->second) + "件。";
  }
  return {en, zh};
}

Bilingual CitationFlows(const Json& rows) {
  double total = 0, self = 0;
  for (const auto& r : rows) {
    total += Num(r, "count");
    if (Str(r, "citing") == Str(r, "cited")) self += Num(r, "count");
  }
  const Json* top = MaxBy(rows, "count");
  if (!top || total == 0) return {};
  return {"The largest flow: " + Str(*top, "citing") + " cites " + Str(*top, "cited") + " " +
              Count(Num(*top, "count")) + " times. Self-citations are " + Pct(self / total) +
              " of the citations shown.",
          "最大的引用流向：" + Str(*top, "citing") + "引用" + Str(*top, "cited") + Count(Num(*top, "count")) +
              "次。自引占所示引用的" + Pct(self / total) + "。"};
}

Bilingual Collaboration(const Json& value) {
  const Json nodes = ArrayField(value, "nodes");
  const Json edges = ArrayField(value, "edges");
  const Json communities = ArrayField(value, "communities");
  std::string en = Count(nodes.size()) + " applicants, " + Count(edges.size()) +
                   " co-application links, " + Count(communities.size()) + " communities.";
  std::string zh = "共" + Count(nodes.size()) + "个申请人、" + Count(edges.size()) + "条共同申请关系、" +
                   Count(communities.size()) + "个社群。";
  const Json* largest = MaxBy(communities, "size");
  if (largest) {
    std::string lead;
    auto m = largest->find("members");
    if (m != largest->end() && m->is_array() && !m->empty()) lead = DisplayValue(m->front());
    en += " The largest community has " + Count(Num(*largest, "size")) + " members";
    zh += "最大的社群有" + Count(Num(*largest, "size")) + "个成员";
    if (!lead.empty()) en += ", among them " + lead, zh += "，包括" + lead;
    en += ".";
    zh += "。";
  }
  const Json* strongest = MaxBy(edges, "weight");
  if (strongest) {
    auto name = [&](const char* end) {
      double i = Num(*strongest, end);
      size_t k = static_cast<size_t>(i);
      return k < nodes.size() ? Str(nodes[k], "name") : std::string();
    };
    en += " The strongest tie is " + name("source") + " – " + name("target") + " (" +
          Count(Num(*strongest, "weight")) + " joint patents).";
    zh += "最紧密的合作是" + name("source") + " – " + name("target") + "（" +
          Count(Num(*strongest, "weight")) + "件共同申请）。";
  }
  return {en, zh};
}

Bilingual Inventors(const Json& rows) {
  const Json& top = rows.front();
  std::string en = "The most prolific inventor is " + Str(top, "name") + " with " +
                   Count(Num(top, "count")) + " patents";
  std::string zh = "专利最多的发明人是" + Str(top, "name") + "，共" + Count(Num(top, "count")) + "件";
  std::string applicants = Str(top, "applicants");
  if (!applicants.empty()) en += " (" + applicants + ")", zh += "（" + applicants + "）";
  std::set<std::string> employers;
  size_t n = std::min<size_t>(10, rows.size());
  for (size_t i = 0; i < n; ++i) {
    auto it = rows[i].find("applicants");
    if (it != rows[i].end() && it->is_array())
      for (const auto& a : *it) employers.insert(DisplayValue(a));
  }
  en += ". The top " + std::to_string(n) + " inventors work with " + std::to_string(employers.size()) +
        " distinct applicants.";
  zh += "。前" + std::to_string(n) + "名发明人分布在" + std::to_string(employers.size()) + "个申请人。";
  return {en, zh};
}

Bilingual EmergingTerms(const Json& value) {
  const Json& rows = RowsOf(value);
  auto period = [&](const char* key) {
    auto it = value.find(key);
    if (it == value.end() || !it->is_array() || it->size() != 2) return std::string();
    return DisplayValue((*it)[0]) + "–" + DisplayValue((*it)[1]);
  };
  std::vector<const Json*> ranked;
  for (const auto& r : rows) ranked.push_back(&r);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Json* a, const Json* b) { return Num(*a, "growth") > Num(*b, "growth"); });
  size_t n = std::min<size_t>(3, ranked.size());
  std::string list;
  for (size_t i = 0; i < n; ++i)
    list += (i ? ", " : "") + Str(*ranked[i], "term") + " (" + Pct(Num(*ranked[i], "share_a")) +
            " → " + Pct(Num(*ranked[i], "share_b")) + ")";
  std::string a = period("period_a"), b = period("period_b");
  std::string en = "Fastest-growing terms", zh = "增长最快的术语";
  if (!a.empty() && !b.empty()) {
    en += " from " + a + " to " + b;
    zh = "从" + a + "到" + b + "，" + zh;
  }
  return {en + ": " + list + ".", zh + "：" + list + "。"};
}

Bilingual WhiteSpace(const Json& rows) {
  const Json& top = rows.front();
  std::string en = Count(rows.size()) + " technology groups grow with few patents or few holders." +
                   kBreak + " The first is " + Str(top, "group") + " (" + Count(Num(top, "count")) +
                   " patents, " + Count(Num(top, "holders")) + " holders";
  std::string zh = "共" + Count(rows.size()) + "个技术分组有增长但专利或权利人较少。" + kBreak + "首先是" +
                   Str(top, "group") + "（" + Count(Num(top, "count")) + "件专利，" +
                   Count(Num(top, "holders")) + "个权利人";
  if (HasNum(top, "growth")) en += ", growth " + Pct(Num(top, "growth")), zh += "，增长率 " + Pct(Num(top, "growth"));
  en += ")";
  zh += "）";
  std::string reason = Str(top, "reason");
  if (!reason.empty()) en += ": " + reason, zh += "：" + reason;
  return {en + ".", zh + "。"};
}

Bilingual LegalStatus(const Json& value) {
  const double known = Num(value, "known"), patents = Num(value, "patents");
  if (known == 0) return {"No legal status is known for these patents.", "这些专利没有已知的法律状态。"};
  std::string en = Pct(Num(value, "live_share")) + " of the patents with a known status are in force (" +
                   Count(Num(value, "live")) + " of " + Count(known) + ")." + kBreak;
  std::string zh = "法律状态已知的专利中有" + Pct(Num(value, "live_share")) + "仍然有效（" + Count(known) + "件中" +
                   Count(Num(value, "live")) + "件）。" + kBreak;
  en += " " + Count(Num(value, "dead")) + " are no longer in force and " + Count(Num(value, "pending")) +
        " are pending";
  zh += "已失效" + Count(Num(value, "dead")) + "件，审中" + Count(Num(value, "pending")) + "件";
  if (known < patents) {
    en += "; the status of " + Count(patents - known) + " is unknown";
    zh += "，另有" + Count(patents - known) + "件状态未知";
  }
  en += ".";
  zh += "。";
  double soon = 0;
  const Json expiring = value.is_object() ? value.value("expiring", Json::array()) : Json::array();
  for (size_t i = 0; i < expiring.size() && i < 5; ++i) soon += Num(expiring[i], "count");
  if (soon > 0 && !expiring.empty()) {
    const std::string last = Year(expiring[std::min<size_t>(4, expiring.size() - 1)]);
    en += " " + Count(soon) + " live patents expire by the end of " + last + ".";
    zh += "其中" + Count(soon) + "件有效专利将在" + last + "年底前到期。";
  }
  return {en, zh};
}

Bilingual MembersVsOthers(const Json& value) {
  const Json& rows = RowsOf(value);
  double members = 0, others = 0;
  for (const auto& r : rows) members += Num(r, "members"), others += Num(r, "others");
  std::string en, zh;
  if (members + others > 0) {
    en = "Across these groups the members hold " + Pct(members / (members + others)) + " of the patents." + kBreak;
    zh = "在这些技术分组中，联盟成员持有" + Pct(members / (members + others)) + "的专利。" + kBreak;
  }
  const Json* strongest = MaxBy(rows, "member_share");
  if (strongest) {
    en += " Their strongest group is " + Str(*strongest, "group") + " (" +
          Pct(Num(*strongest, "member_share")) + ").";
    zh += "成员最强的分组是" + Str(*strongest, "group") + "（" + Pct(Num(*strongest, "member_share")) + "）。";
  }
  const Json* gap = MaxBy(rows, "gap");
  if (gap) {
    en += " The largest gap is in " + Str(*gap, "group") + " (" + Str(*gap, "gap") + ").";
    zh += "差距最大的分组是" + Str(*gap, "group") + "（" + Str(*gap, "gap") + "）。";
  }
  return {en, zh};
}

}  // namespace

namespace {

Bilingual RawReading(std::string_view name, const Json& value) {
  size_t rows = MainRowCount(name, value);
  if (rows == 0 && !(name == "lifecycle" && value.is_object() && value.contains("stage")))
    return {"No data for this patent set.", "该专利集合没有此项数据。"};
  Bilingual r;
  static const std::set<std::string_view> kObjectShaped = {
      "competitor_matrix", "lifecycle", "collaboration", "emerging_terms", "members_vs_others", "legal_status"};
  if (!kObjectShaped.count(name) && RowsOf(value).empty())
    return {"No data for this patent set.", "该专利集合没有此项数据。"};
  if (name == "trend") r = Trend(RowsOf(value));
  else if (name == "top_applicants") r = TopApplicants(RowsOf(value));
  else if (name == "applicant_types") r = ApplicantTypes(RowsOf(value));
  else if (name == "technology") r = Technology(RowsOf(value));
  else if (name == "competitor_matrix") r = CompetitorMatrix(value);
  else if (name == "geography") r = Geography(RowsOf(value));
  else if (name == "lifecycle") r = Lifecycle(value);
  else if (name == "concentration") r = Concentration(RowsOf(value));
  else if (name == "core_patents") r = CorePatents(RowsOf(value));
  else if (name == "citation_flows") r = CitationFlows(RowsOf(value));
  else if (name == "collaboration") r = Collaboration(value);
  else if (name == "inventors") r = Inventors(RowsOf(value));
  else if (name == "emerging_terms") r = EmergingTerms(value);
  else if (name == "white_space") r = WhiteSpace(RowsOf(value));
  else if (name == "members_vs_others") r = MembersVsOthers(value);
  else if (name == "legal_status") r = LegalStatus(value);
  if (r.en.empty() && r.zh.empty())
    r = {Count(rows) + " rows.", "共" + Count(rows) + "行。"};
  return r;
}

}  // namespace

Bilingual ReadingOf(std::string_view name, const Json& value) {
  Bilingual r = RawReading(name, value);
  for (std::string* text : {&r.en, &r.zh})
    for (size_t pos; (pos = text->find(kBreak)) != std::string::npos;) text->erase(pos, 1);
  return r;
}

Bilingual HeadlineOf(std::string_view name, const Json& value) {
  Bilingual r = RawReading(name, value);
  for (std::string* text : {&r.en, &r.zh}) {
    size_t pos = text->find(kBreak);
    if (pos != std::string::npos) text->resize(pos);
  }
  return r;
}

std::vector<Bilingual> KeyFindings(const Json& landscape) {
  std::vector<Bilingual> findings;
  if (!landscape.is_object()) return findings;
  for (const char* name : {"lifecycle", "legal_status", "trend", "top_applicants", "concentration", "geography",
                           "core_patents", "white_space", "members_vs_others"}) {
    auto it = landscape.find(name);
    if (it == landscape.end() || MainRowCount(name, *it) == 0) continue;
    Bilingual headline = HeadlineOf(name, *it);
    if (!headline.en.empty() || !headline.zh.empty()) findings.push_back(std::move(headline));
  }
  return findings;
}

}  // namespace patnav::report
