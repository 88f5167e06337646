// Chinese patent-tool CSV rendering (see csv_writer.h).
#include "generator/csv_writer.h"

#include "generator/calendar.h"

namespace patnav::gen {

namespace {

using SV = std::string_view;

constexpr SV kHeader =
    "公开(公告)号,名称,摘要,申请(专利权)人,发明人,申请号,申请日,公开(公告)日,IPC主分类号,IPC分类号,主权项,"
    "法律状态,优先权\r\n";

void Field(std::string& out, SV value, bool last = false) {
  if (value.find_first_of(",\"\r\n") != SV::npos) {
    out += '"';
    for (char c : value) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  } else {
    out += value;
  }
  out += last ? "\r\n" : ",";
}

SV StatusName(LegalStatus s) {
  switch (s) {
    case LegalStatus::kGranted: return "授权";
    case LegalStatus::kExamination: return "实质审查";
    case LegalStatus::kLapsed: return "失效";
    case LegalStatus::kRejected: return "驳回";
    case LegalStatus::kWithdrawn: return "撤回";
  }
  return "";
}

void PersonName(std::string& out, const Person& p, bool chinese) {
  if (chinese && !p.family_zh.empty()) {
    out += p.family_zh;
    out += p.given_zh;
  } else {
    out += p.family;
    out += ", ";
    out += p.given;
  }
}

}  // namespace

std::string_view CsvHeaderLine() { return kHeader; }

void AppendCsvRow(const SyntheticPatent& p, std::string& out) {
  const DocPlan& d = *p.plan;
  const bool cn = d.cn_family;
  const bool zh = d.chinese_row;
  std::string f;

  if (cn) {
    f = "CN" + std::to_string(d.cn_pub_number) + (d.cn_granted() ? "B" : "A");
  } else {
    f = "US";
    AppendUsGrantNumber(f, d.pub_number, false);
    f += d.kind == 1 ? "B1" : "B2";
  }
  Field(out, f);
  Field(out, zh ? p.text.title_zh : p.text.title_en);
  Field(out, zh ? p.text.abstract_zh : p.text.abstract_en);

  f.clear();
  for (const PartyEntry& a : p.applicants) {
    if (!f.empty()) f += "; ";
    if (a.org == nullptr) {
      PersonName(f, a.person, cn);
    } else if (cn && !a.org->name_zh.empty()) {
      f += a.org->name_zh;
    } else {
      f += a.name;
    }
  }
  Field(out, f);

  f.clear();
  for (const Person& inv : p.inventors) {
    if (!f.empty()) f += "; ";
    PersonName(f, inv, cn);
  }
  Field(out, f);

  f.clear();
  if (cn) {
    f = "CN";
    AppendCnApplicationNumber(f, CivilFromDays(d.priority_day).year, d.priority_serial);
  } else {
    f = "US";
    AppendUsApplicationNumber(f, d.app_number);
  }
  Field(out, f);
  f.clear();
  AppendIsoDate(f, cn ? d.priority_day : d.filing_day);
  Field(out, f);
  f.clear();
  AppendIsoDate(f, cn ? (d.cn_granted() ? d.cn_grant_day : d.cn_pub_day) : d.grant_day);
  Field(out, f);

  f.clear();
  AppendSymbol(f, p.ipc[0], true);
  Field(out, f);
  f.clear();
  for (const ClassSymbol& s : p.ipc) {
    if (!f.empty()) f += "; ";
    AppendSymbol(f, s, true);
  }
  Field(out, f);

  Field(out, zh ? p.text.claim1_zh : p.text.claim1_en);
  Field(out, StatusName(cn ? d.cn_status : d.us_status));

  f.clear();
  if (!cn && d.has_priority()) {
    f += CountryCode(static_cast<Country>(d.priority_country));
    AppendPriorityNumber(f, d);
    f += ' ';
    AppendIsoDate(f, d.priority_day);
  }
  Field(out, f, true);
}

}  // namespace patnav::gen
