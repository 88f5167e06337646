// The cell rules of mapped tables (table_record_builder.h): one row to a
// canonical record and its legal events.
#include "readers/table_record_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "base/strings.h"
#include "model/classification.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/script_language.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "csv-mapped";

bool IsTransactionTarget(std::string_view field) {
  return field == "licence" || field == "pledge" || field == "transfer";
}

bool IsCjk(std::string_view lang) { return lang == "zh" || lang == "ja" || lang == "ko"; }

void SetIfEmpty(std::string& dst, std::string v) {
  if (dst.empty()) dst = std::move(v);
}

void AddUnique(std::vector<std::string>& list, std::string v) {
  if (!v.empty() && std::find(list.begin(), list.end(), v) == list.end()) list.push_back(std::move(v));
}

void AddParty(std::vector<Party>& list, Party p) {
  if (p.name.empty()) return;
  for (const auto& q : list) if (q.name == p.name) return;
  list.push_back(std::move(p));
}

bool IsCjkByte(unsigned char lead) { return lead >= 0xE3 && lead <= 0xEF; }  // U+3000..U+FFFF, 3-byte

// CollapseWhitespace, and a space left between two CJK characters (from a
// line break inside a Chinese abstract) removed: CJK text has no spaces.
std::string CollapseText(std::string_view text) {
  std::string s = CollapseWhitespace(text);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i >= 3 && i + 1 < s.size() && IsCjkByte(static_cast<unsigned char>(s[i - 3])) &&
        IsCjkByte(static_cast<unsigned char>(s[i + 1])))
      continue;
    out.push_back(s[i]);
  }
  return out;
}

// "100085 北京市海淀区..." -> "北京市"; "518057 广东省深圳市..." -> "深圳市"; "" when
// the address does not start with a Chinese city.
std::string CityFromAddress(std::string_view addr) {
  addr = Trim(addr);
  while (!addr.empty() && ((addr[0] >= '0' && addr[0] <= '9') || addr[0] == ' ')) addr.remove_prefix(1);
  for (std::string_view marker : {"省", "自治区"}) {
    size_t p = addr.find(marker);
    if (p != std::string_view::npos && p <= 12) addr.remove_prefix(p + marker.size());
  }
  size_t city = addr.find("市");
  if (city == std::string_view::npos || city == 0 || city > 12) return "";
  for (size_t i = 0; i < city; ++i) if (static_cast<unsigned char>(addr[i]) < 0x80) return "";
  return std::string(addr.substr(0, city + 3));
}

// "CN202010123456.7 2020-03-05", "2020-03-05 CN202010123456.7",
// "US 61/234,567 20120101": number (country split off) and date.
PriorityClaim ParsePriority(std::string_view text, DateOrder order) {
  PriorityClaim pc;
  std::string number;
  std::string collapsed = CollapseWhitespace(text);
  for (std::string_view tok : Split(collapsed, ' ')) {
    bool looks_dated = tok.find_first_of("-./") != std::string_view::npos || !number.empty();
    if (pc.date.empty() && looks_dated && tok.size() <= 10) {
      std::string d = NormalizeDateWithOrder(tok, order);
      if (!d.empty()) { pc.date = d; continue; }
    }
    if (tok.size() == 2 && std::isalpha(static_cast<unsigned char>(tok[0])) && std::isalpha(static_cast<unsigned char>(tok[1]))) {
      if (pc.country.empty()) pc.country = AsciiUpper(tok);
      continue;
    }
    number.append(tok);
  }
  if (pc.country.empty() && number.size() > 2 && std::isupper(static_cast<unsigned char>(number[0])) &&
      std::isupper(static_cast<unsigned char>(number[1])) && std::isdigit(static_cast<unsigned char>(number[2]))) {
    pc.country = number.substr(0, 2);
    number.erase(0, 2);
  }
  pc.doc_number = number;
  return pc;
}

}  // namespace

void TableRecordBuilder::Add(const ColumnRule& rule, std::string_view cell) {
  if (rule.field.empty() || rule.field == "ignore") return;
  std::string_view trimmed = Trim(cell);
  if (trimmed.empty() || trimmed == "-") return;
  if ((rule.field == "legal_status" || IsTransactionTarget(rule.field)) && rule.separator.empty()) {
    // Status cells put one event per line as often as between " | " or "；".
    std::string joined(cell);
    for (char& c : joined)
      if (c == '\n' || c == '\r') c = ';';
    AddItems(rule.field, SplitMultiValue(joined, "", false));
    return;
  }
  if (IsListTarget(rule.field))
    AddItems(rule.field, SplitMultiValue(cell, rule.separator, rule.field == "inventors" && rule.comma_separates));
  else AddSingle(rule.field, CollapseText(cell));
}

void TableRecordBuilder::AddItems(const std::string& field, const std::vector<std::string>& items) {
  if (!IsListTarget(field)) {
    if (!items.empty()) AddSingle(field, CollapseText(items.front()));
    return;
  }
  for (const auto& raw : items) {
    std::string v = CollapseWhitespace(raw);
    if (v.empty()) continue;
    if (field == "applicants") AddParty(r_.applicants, PartyFromName(v));
    else if (field == "assignees") AddParty(r_.assignees, PartyFromName(v));
    else if (field == "inventors") AddParty(r_.inventors, PersonFromFullName(v));
    else if (field == "ipc") AddUnique(r_.ipc, NormalizeClassification(v));
    else if (field == "cpc") AddUnique(r_.cpc, NormalizeClassification(v));
    else if (field == "national_classes") AddUnique(r_.national_classes, v);
    else if (field == "priority_claims") AddPriority(v);
    else if (field == "citations") AddCitation(v);
    else if (field == "legal_status") legal_.values.push_back(std::move(v));
    else if (field == "applicants_standardized") standardized_.push_back(std::move(v));
    else if (IsTransactionTarget(field)) AddTransaction(field, std::move(v));
  }
}

std::vector<LegalEvent> TableRecordBuilder::LegalEvents(const PatentRecord& r,
                                                        std::vector<std::string>& warnings) const {
  if (legal_.values.empty()) return {};
  return LegalEventsFromStatus(r, legal_, warnings);
}

Result<PatentRecord> TableRecordBuilder::Finish() {
  std::string country = !country_.empty() ? country_ : mapping_.default_country;
  if (numbers_.empty() && !doc_number_.empty()) numbers_.push_back(doc_number_);
  if (numbers_.empty()) return Status::InvalidArgument("no publication number");
  Status first_error;
  std::optional<PublicationKey> key;
  for (const auto& n : numbers_) {
    Result<PublicationKey> k = ParsePublicationNumber(n, country, kind_);
    if (k.ok()) { key = *k; break; }
    if (first_error.ok()) first_error = k.status();
  }
  if (!key) return first_error;
  r_.country = key->country;
  r_.doc_number = key->doc_number;
  r_.kind = key->kind;
  if (!ipc_main_.empty()) {
    r_.ipc.erase(std::remove(r_.ipc.begin(), r_.ipc.end(), ipc_main_), r_.ipc.end());
    r_.ipc.insert(r_.ipc.begin(), ipc_main_);
  }
  if (!r_.applicants.empty()) {
    Party& first = r_.applicants[0];
    SetIfEmpty(first.province, province_);
    SetIfEmpty(first.city, city_);
    if (!address_.empty() && first.city.empty()) first.city = CityFromAddress(address_);
  }
  if (!standardized_.empty() && standardized_.size() == r_.applicants.size())
    for (size_t i = 0; i < standardized_.size(); ++i) r_.applicants[i].standardized = standardized_[i];
  r_.source.format = std::string(kFormat);
  FinishRecord(r_);
  return std::move(r_);
}

void TableRecordBuilder::AddSingle(const std::string& field, std::string v) {
  if (v.empty()) return;
  if (field == "publication_number") numbers_.push_back(std::move(v));
  else if (field == "country") { if (country_.empty() && v.size() == 2) country_ = AsciiUpper(v); }
  else if (field == "doc_number") SetIfEmpty(doc_number_, std::move(v));
  else if (field == "kind") SetIfEmpty(kind_, AsciiUpper(v));
  else if (field == "application_number") SetIfEmpty(r_.application_number, std::move(v));
  else if (field == "publication_date") SetIfEmpty(r_.publication_date, Date(v));
  else if (field == "grant_date") SetIfEmpty(r_.grant_date, Date(v));
  else if (field == "filing_date") SetIfEmpty(r_.filing_date, Date(v));
  else if (field == "priority_date") SetIfEmpty(r_.priority_date, Date(v));
  else if (field == "family_id") SetIfEmpty(r_.family_id, std::move(v));
  else if (field == "language") SetIfEmpty(r_.language, AsciiLower(v));
  else if (field == "title" || StartsWith(field, "title.")) AddText(r_.title, field, std::move(v), true);
  else if (field == "abstract" || StartsWith(field, "abstract.")) AddText(r_.abstract_text, field, std::move(v), false);
  else if (field == "first_claim") { if (r_.claims.empty()) r_.claims.push_back({1, std::move(v), true, {}}); }
  else if (field == "claims_count") { if (IsAsciiDigits(v) && v.size() < 6 && !r_.claims_count) r_.claims_count = std::stoi(v); }
  else if (field == "applicant_address") SetIfEmpty(address_, std::move(v));
  else if (field == "ipc_main") SetIfEmpty(ipc_main_, NormalizeClassification(v));
  else if (field == "lapse_date") SetIfEmpty(legal_.lapse_date, Date(v));
  else if (field == "applicant_province") SetIfEmpty(province_, std::move(v));
  else if (field == "applicant_city") SetIfEmpty(city_, std::move(v));
}

void TableRecordBuilder::AddText(std::map<std::string, std::string>& texts, const std::string& field, std::string v,
                                 bool is_title) {
  size_t dot = field.find('.');
  std::string lang = dot != std::string::npos ? field.substr(dot + 1) : LanguageFromScript(v);
  if (is_title && dot == std::string::npos && IsCjk(lang) && r_.language.empty()) r_.language = lang;
  texts.emplace(lang, std::move(v));
}

std::string TableRecordBuilder::Date(std::string_view v) const {
  if (excel_serials_) {
    std::string serial = ExcelSerialToIsoDate(v, date1904_);
    if (!serial.empty()) return serial;
  }
  return NormalizeDateWithOrder(v, mapping_.date_order);
}

void TableRecordBuilder::AddPriority(std::string_view v) {
  PriorityClaim pc = ParsePriority(v, mapping_.date_order);
  if (pc.doc_number.empty() && pc.date.empty()) return;
  for (const auto& q : r_.priority_claims)
    if (q.country == pc.country && q.doc_number == pc.doc_number && q.date == pc.date) return;
  r_.priority_claims.push_back(std::move(pc));
}

void TableRecordBuilder::AddTransaction(const std::string& field, std::string v) {
  if (v == "否" || v == "无" || v == "-" || v == "0" || v == "N") return;
  std::string_view word = field == "licence" ? "许可" : field == "pledge" ? "质押" : "转让";
  if (v == "是" || v == "有" || v == "Y" || v == "1") v = std::string(word);
  bool named = v.find(word) != std::string::npos;
  if (field == "transfer") named = named || v.find("权利转移") != std::string::npos || v.find("申请权") != std::string::npos;
  legal_.values.push_back(named ? std::move(v) : std::string(word) + " " + v);
}

void TableRecordBuilder::AddCitation(std::string_view v) {
  Result<PublicationKey> k = ParsePublicationNumber(v);
  if (!k.ok()) return;
  std::string pn = k->ToString();
  for (const auto& c : r_.citations) if (c.publication_number == pn) return;
  r_.citations.push_back({pn, k->country, k->doc_number, k->kind, "", ""});
}

void DeliverTableRecord(const TableRecordBuilder& builder, PatentRecord&& rec, const std::string& file, int64_t line,
                        RecordSink& sink) {
  std::vector<std::string> warnings;
  std::vector<LegalEvent> events = builder.LegalEvents(rec, warnings);
  sink.OnRecord(std::move(rec));
  for (LegalEvent& e : events) sink.OnLegalEvent(std::move(e));
  for (std::string& w : warnings) sink.OnWarning({file, line, std::move(w)});
}

std::string ExcelSerialToIsoDate(std::string_view text, bool date1904) {
  text = Trim(text);
  if (text.empty() || text.size() > 24) return "";
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !(v >= 1 && v < 2958466)) return "";
  if (text.find_first_not_of("0123456789.") != std::string_view::npos) return "";
  int days = static_cast<int>(v);
  // The 1900 system counts a 1900-02-29 that never was (serial 60); from 61
  // on a serial is one day ahead of the calendar. 1904 serials start at 0.
  if (!date1904 && days == 60) return "";
  std::chrono::sys_days base = date1904 ? std::chrono::sys_days(std::chrono::year{1904} / 1 / 1)
                                        : std::chrono::sys_days(std::chrono::year{1899} / 12 / 31);
  if (!date1904 && days > 60) --days;
  std::chrono::year_month_day ymd{base + std::chrono::days{days}};
  if (static_cast<int>(ymd.year()) > 9999) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace patnav
