// The risk screening report as an XLSX workbook (risk_report.h): sheets
// "summary", "patents", "elements", "legal events" and "not in force"; row 1
// of each list sheet is the bold bilingual header.
#include <xlsxwriter.h>

#include <memory>

#include "report/escape.h"
#include "report/risk_report.h"

namespace patnav::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kMaxCellBytes = 32000;

std::string Cell(const Json& v) {
  std::string s;
  if (v.is_string()) s = ValidUtf8(v.get<std::string>());
  else if (v.is_array()) {
    for (const Json& e : v) s += (s.empty() ? "" : "; ") + (e.is_string() ? ValidUtf8(e.get<std::string>()) : e.dump());
  } else if (!v.is_null()) s = DisplayValue(v);
  if (s.size() > kMaxCellBytes) {
    size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
  }
  return s;
}

const Json& At(const Json& o, const char* key) {
  static const Json null;
  if (!o.is_object()) return null;
  auto it = o.find(key);
  return it == o.end() ? null : *it;
}

class Sheet {
 public:
  Sheet(lxw_workbook* wb, const char* name, lxw_format* bold, std::vector<std::string> header)
      : ws_(workbook_add_worksheet(wb, name)) {
    for (size_t c = 0; c < header.size(); ++c) {
      worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
    }
    worksheet_freeze_panes(ws_, 1, 0);
  }
  void Row(const std::vector<Json>& cells) {
    ++row_;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].is_number()) worksheet_write_number(ws_, row_, static_cast<lxw_col_t>(c), cells[c].get<double>(), nullptr);
      else if (cells[c].is_boolean()) worksheet_write_boolean(ws_, row_, static_cast<lxw_col_t>(c), cells[c].get<bool>(), nullptr);
      else if (std::string s = Cell(cells[c]); !s.empty())
        worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(c), s.c_str(), nullptr);
    }
  }

 private:
  lxw_worksheet* ws_;
  lxw_row_t row_ = 0;
};

std::string InForce(const Json& p) {
  std::string s;
  for (const Json& c : At(p, "in_force")) s += (s.empty() ? "" : ", ") + Cell(At(c, "country")) + " " + Cell(At(c, "state"));
  return s;
}

void Write(lxw_workbook* wb, const Json& risk) {
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDEBF7);
  Sheet summary(wb, "summary", bold, {"项目 Item", "内容 Value"});
  summary.Row({"报告 Report", "专利风险筛查报告 Patent risk screening report"});
  summary.Row({"基准日 As of", At(risk, "as_of")});
  summary.Row({"目标国家 Target countries", At(risk, "countries")});
  summary.Row({"竞争对手 Competitors", At(risk, "competitors")});
  summary.Row({"生成时间 Generated", At(risk, "generated_at")});
  summary.Row({"产品描述 Product description", At(At(risk, "product"), "text")});
  for (const Json& s : At(risk, "searches")) summary.Row({"检索 Search", s.dump()});
  summary.Row({"声明", At(At(risk, "disclaimer"), "zh")});
  summary.Row({"Disclaimer", At(At(risk, "disclaimer"), "en")});

  Sheet patents(wb, "patents", bold,
                {"排名 Rank", "专利 Patent", "名称 Title", "风险 Tier", "理由 Reason", "Reason", "决定性权利要求 Claim",
                 "相似度 Similarity %", "当前权利人 Owner", "届满日 Expiry", "目标国家状态 Status", "同族国家 Family countries"});
  Sheet elements(wb, "elements", bold,
                 {"专利 Patent", "权利要求 Claim", "序号 #", "类型 Kind", "技术特征 Element", "有对应 Evidenced",
                  "覆盖率 Coverage %", "对应语句 Evidence", "匹配词 Matched", "未对应的词 Missing"});
  Sheet events(wb, "legal events", bold, {"专利 Patent", "日期 Date", "地域 Territory", "代码 Code", "内容 Text"});
  const Json& sentences = At(At(risk, "product"), "sentences");
  for (const Json& p : At(risk, "patents")) {
    const Json& pn = At(p, "publication_number");
    patents.Row({At(p, "rank"), pn, At(p, "title"), At(p, "tier"), At(At(p, "reason"), "zh"), At(At(p, "reason"), "en"),
                 At(p, "decisive_claim"), At(p, "similarity"), At(At(p, "owner"), "current"), At(p, "expiry"),
                 InForce(p), At(p, "family_countries")});
    for (const Json& c : At(p, "claims")) {
      int n = 0;
      for (const Json& e : At(c, "elements")) {
        Json evidence = Json::array(), matched = Json::array();
        for (const Json& ev : At(e, "evidence")) {
          const Json& i = At(ev, "sentence");
          if (i.is_number_unsigned() && i.get<size_t>() < sentences.size())
            evidence.push_back(At(sentences[i.get<size_t>()], "text"));
          for (const Json& m : At(ev, "matched")) matched.push_back(m);
        }
        elements.Row({pn, At(c, "num"), ++n, At(e, "kind"), At(e, "text"), At(e, "evidenced"), At(e, "percent"),
                      evidence, matched, At(e, "missing")});
      }
    }
    for (const Json& e : At(p, "legal_events"))
      events.Row({pn, At(e, "date"), At(e, "territory"), At(e, "code"), At(e, "text")});
  }
  Sheet lapsed(wb, "not in force", bold, {"专利 Patent", "国家 Country", "状态 State", "终止日 Ended on"});
  for (const Json& p : At(risk, "not_in_force"))
    for (const Json& s : At(p, "states"))
      lapsed.Row({At(p, "publication_number"), At(s, "country"), At(s, "state"), At(s, "ended_on")});
}

}  // namespace

Status WriteRiskXlsx(const Json& risk, const std::filesystem::path& out) {
  if (!risk.is_object() || !At(risk, "patents").is_array())
    return Status::InvalidArgument("the risk report JSON has no \"patents\" list");
  lxw_workbook* wb = workbook_new(out.string().c_str());
  if (!wb) return Status::IOError("cannot write " + out.string());
  Write(wb, risk);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::IOError("cannot write " + out.string() + ": " + lxw_strerror(err));
  return Status::OK();
}

}  // namespace patnav::report
