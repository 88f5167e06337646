// The risk screening report as one bilingual HTML page (risk_report.h).
#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "report/escape.h"
#include "report/risk_report.h"

namespace patnav::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kStyle = R"(
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.5}
h1,h2,h3,h4{margin:.8em 0 .3em}.en{color:#666;font-weight:normal;margin-left:.5em}
table{border-collapse:collapse;width:100%;margin:.4em 0}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef3fa}.disclaimer{border:1px solid #e6a23c;background:#fdf6ec;padding:8px 12px}
.tier{display:inline-block;padding:1px 8px;border-radius:3px;color:#fff}.tier-high{background:#c0392b}
.tier-medium{background:#e67e22}.tier-low{background:#7f8c8d}tr.miss td:first-child{color:#999}
tr.ok td:first-child{border-left:4px solid #c0392b}mark{background:#ffe58f}.small{font-size:90%;color:#555}
)";

// o[key], or null when `o` is no object or has no `key`.
const Json& At(const Json& o, const char* key) {
  static const Json null;
  if (!o.is_object()) return null;
  auto it = o.find(key);
  return it == o.end() ? null : *it;
}

std::string E(const Json& v) { return HtmlEscape(v.is_string() ? v.get<std::string>() : DisplayValue(v)); }

std::string Str(const Json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string Both(const char* zh, const char* en) {
  return std::string(zh) + "<span class=\"en\">" + en + "</span>";
}

std::string Joined(const Json& list) {
  std::string out;
  if (!list.is_array()) return out;
  for (const Json& v : list) out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

const char* TierZh(const std::string& tier) {
  return tier == "high" ? "高" : tier == "medium" ? "中" : "低";
}

void Meta(std::string& h, const Json& risk) {
  h += "<table><tr><th>" + Both("基准日", "As of") + "</th><td>" + HtmlEscape(Str(risk, "as_of")) + "</td></tr>";
  h += "<tr><th>" + Both("目标国家", "Target countries") + "</th><td>" + HtmlEscape(Joined(At(risk, "countries"))) + "</td></tr>";
  std::string competitors = Joined(At(risk, "competitors"));
  h += "<tr><th>" + Both("竞争对手", "Competitors") + "</th><td>" +
       (competitors.empty() ? std::string("全部申请人 / all applicants") : HtmlEscape(competitors)) + "</td></tr>";
  h += "<tr><th>" + Both("生成时间", "Generated") + "</th><td>" + HtmlEscape(Str(risk, "generated_at")) + "</td></tr></table>";
}

void Product(std::string& h, const Json& risk) {
  h += "<h2>" + Both("产品描述", "Product description") + "</h2><ol start=\"0\">";
  for (const Json& s : At(At(risk, "product"), "sentences"))
    h += "<li>" + HtmlEscape(Str(s, "text")) + "</li>";
  h += "</ol>";
}

void Summary(std::string& h, const Json& patents) {
  h += "<h2>" + Both("结果概览", "Summary") + "</h2><table><tr><th>#</th><th>" + Both("专利", "Patent") + "</th><th>" +
       Both("风险", "Risk") + "</th><th>" + Both("理由", "Reason") + "</th><th>" + Both("当前权利人", "Current owner") +
       "</th><th>" + Both("届满日", "Expiry") + "</th></tr>";
  for (const Json& p : patents) {
    const std::string tier = Str(p, "tier");
    h += "<tr><td>" + E(At(p, "rank")) + "</td><td><a href=\"#" + HtmlEscape(Str(p, "publication_number")) + "\">" +
         HtmlEscape(Str(p, "publication_number")) + "</a><br><span class=\"small\">" + HtmlEscape(Str(p, "title")) +
         "</span></td><td><span class=\"tier tier-" + HtmlEscape(tier) + "\">" + TierZh(tier) + " " +
         HtmlEscape(tier) + "</span></td><td>" + HtmlEscape(Str(At(p, "reason"), "zh")) + "<br><span class=\"small\">" +
         HtmlEscape(Str(At(p, "reason"), "en")) + "</span></td><td>" + HtmlEscape(Joined(At(At(p, "owner"), "current"))) +
         "</td><td>" + HtmlEscape(Str(p, "expiry")) + "</td></tr>";
  }
  h += "</table>";
}

void Claim(std::string& h, const Json& claim, const Json& sentences) {
  h += "<h4>" + Both("权利要求", "Claim") + " " + E(At(claim, "num")) + " — " + E(At(claim, "evidenced")) + "/" +
       E(At(claim, "checked")) + "</h4><table><tr><th>" + Both("技术特征", "Element") + "</th><th>" +
       Both("产品中的对应语句", "Evidence in the product") + "</th><th>" + Both("未对应的词", "Words not found") +
       "</th></tr>";
  for (const Json& e : At(claim, "elements")) {
    const bool ok = e.value("evidenced", false);
    h += std::string("<tr class=\"") + (ok ? "ok" : "miss") + "\"><td><span class=\"small\">" +
         HtmlEscape(Str(e, "kind")) + "</span><br>" + HtmlEscape(Str(e, "text")) + "</td><td>";
    for (const Json& ev : At(e, "evidence")) {
      size_t i = ev.value("sentence", size_t{0});
      std::string text = i < sentences.size() ? Str(sentences[i], "text") : "";
      std::vector<std::string> matched = ev.value("matched", std::vector<std::string>{});
      h += std::string("<div>") + (ok ? "" : "<span class=\"small\">最接近 nearest:</span> ") + "[" +
           std::to_string(i) + "] " + HighlightMatches(text, matched) + " <span class=\"small\">(" +
           E(At(ev, "percent")) + "%)</span></div>";
    }
    h += std::string("</td><td>") + HtmlEscape(Joined(At(e, "missing"))) + "</td></tr>";
  }
  h += "</table>";
}

void Patent(std::string& h, const Json& p, const Json& sentences) {
  const std::string tier = Str(p, "tier");
  h += "<section id=\"" + HtmlEscape(Str(p, "publication_number")) + "\"><h3>#" + E(At(p, "rank")) + " " +
       HtmlEscape(Str(p, "publication_number")) + " " + HtmlEscape(Str(p, "title")) + "</h3>";
  h += "<p><span class=\"tier tier-" + HtmlEscape(tier) + "\">" + TierZh(tier) + " " + HtmlEscape(tier) + "</span> " +
       HtmlEscape(Str(At(p, "reason"), "zh")) + "<br><span class=\"small\">" + HtmlEscape(Str(At(p, "reason"), "en")) +
       "</span></p><table>";
  std::string in_force;
  for (const Json& s : At(p, "in_force"))
    in_force += (in_force.empty() ? "" : ", ") + Str(s, "country") + " " + Str(s, "state");
  h += "<tr><th>" + Both("当前权利人", "Current owner") + "</th><td>" + HtmlEscape(Joined(At(At(p, "owner"), "current"))) +
       "<br><span class=\"small\">" + HtmlEscape(Str(At(p, "owner"), "basis")) + "</span></td></tr>";
  h += "<tr><th>" + Both("目标国家法律状态", "Status in the target countries") + "</th><td>" + HtmlEscape(in_force) + "</td></tr>";
  h += "<tr><th>" + Both("届满日", "Expiry") + "</th><td>" + HtmlEscape(Str(p, "expiry")) + "</td></tr>";
  h += "<tr><th>" + Both("同族国家", "Family countries") + "</th><td>" + HtmlEscape(Joined(At(p, "family_countries"))) + "</td></tr>";
  h += "<tr><th>" + Both("相似度", "Similarity") + "</th><td>" + E(At(p, "similarity")) + "% — " +
       HtmlEscape(Joined(At(p, "matched_terms"))) + "</td></tr></table>";
  for (const Json& c : At(p, "claims")) Claim(h, c, sentences);
  const Json& events = At(p, "legal_events");
  if (!events.empty()) {
    h += "<h4>" + Both("法律事件", "Legal events") + "</h4><table>";
    for (const Json& e : events)
      h += "<tr><td>" + HtmlEscape(Str(e, "date")) + "</td><td>" + HtmlEscape(Str(e, "territory")) + "</td><td>" +
           HtmlEscape(Str(e, "code")) + "</td><td>" + HtmlEscape(Str(e, "text")) + "</td></tr>";
    h += "</table>";
  }
  h += "</section>";
}

void Searches(std::string& h, const Json& risk) {
  h += "<h2>" + Both("检索记录", "Searches run") + "</h2><ul>";
  for (const Json& s : At(risk, "searches")) {
    std::string line;
    for (const auto& [key, value] : s.items())
      line += (line.empty() ? "" : "; ") + key + ": " +
              (value.is_string() ? value.get<std::string>() : value.is_array() ? Joined(value) : value.dump());
    h += "<li>" + HtmlEscape(line) + "</li>";
  }
  h += "</ul>";
  const Json& lapsed = At(risk, "not_in_force");
  if (lapsed.empty()) return;
  h += "<h2>" + Both("未在目标国家有效的候选专利", "Candidates not in force in the target countries") + "</h2><ul>";
  for (const Json& p : lapsed) {
    std::string states;
    for (const Json& s : At(p, "states"))
      states += (states.empty() ? "" : ", ") + Str(s, "country") + " " + Str(s, "state");
    h += "<li>" + HtmlEscape(Str(p, "publication_number")) + " " + HtmlEscape(states) + "</li>";
  }
  h += "</ul>";
}

void Disclaimer(std::string& h, const Json& risk) {
  const Json& d = At(risk, "disclaimer");
  h += "<p class=\"disclaimer\">" + HtmlEscape(Str(d, "zh")) + "<br>" + HtmlEscape(Str(d, "en")) + "</p>";
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

}  // namespace

std::string HighlightMatches(const std::string& sentence, const std::vector<std::string>& matched) {
  const std::string lower = AsciiLower(sentence);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const std::string& m : matched) {
    if (m.empty()) continue;
    const std::string word = AsciiLower(m);
    const bool bounded = IsWordByte(word.front());
    for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      size_t end = at + word.size();
      if (bounded && ((at > 0 && IsWordByte(lower[at - 1])) || (end < lower.size() && IsWordByte(lower[end]))))
        continue;
      ranges.emplace_back(at, end);
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  size_t pos = 0;
  for (auto [start, end] : ranges) {
    if (end <= pos) continue;
    start = std::max(start, pos);
    out += HtmlEscape(std::string_view(sentence).substr(pos, start - pos));
    out += "<mark>" + HtmlEscape(std::string_view(sentence).substr(start, end - start)) + "</mark>";
    pos = end;
  }
  out += HtmlEscape(std::string_view(sentence).substr(pos));
  return out;
}

Result<std::string> RenderRiskHtml(const Json& risk) try {
  if (!risk.is_object() || !risk.contains("patents") || !At(risk, "patents").is_array())
    return Status::InvalidArgument("the risk report JSON has no \"patents\" list");
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>专利风险筛查报告 Patent risk "
                  "screening report</title><style>";
  h += kStyle;
  h += "</style></head><body><h1>" + Both("专利风险筛查报告", "Patent risk screening report") + "</h1>";
  Disclaimer(h, risk);
  Meta(h, risk);
  Product(h, risk);
  const Json& patents = At(risk, "patents");
  Summary(h, patents);
  const Json sentences = At(At(risk, "product"), "sentences");
  for (const Json& p : patents) Patent(h, p, sentences);
  Searches(h, risk);
  Disclaimer(h, risk);
  h += "</body></html>\n";
  return h;
} catch (const nlohmann::json::exception& e) {
  return Status::InvalidArgument(std::string("the risk report JSON is malformed: ") + e.what());
}

}  // namespace patnav::report
