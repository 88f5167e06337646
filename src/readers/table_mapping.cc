// Mapping files, the built-in header preset, and cell splitting.
#include "readers/table_mapping.h"

#include <array>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "model/dates.h"

namespace patnav {

namespace {

constexpr std::array<std::string_view, 34> kTargets = {
    "publication_number", "country", "doc_number", "kind", "application_number", "publication_date",
    "grant_date", "filing_date", "priority_date", "priority_claims", "family_id", "language", "title",
    "abstract", "first_claim", "claims_count", "applicants", "assignees", "inventors", "applicant_address",
    "ipc_main", "ipc", "cpc", "national_classes", "citations", "legal_status", "lapse_date", "ignore",
    "applicants_standardized", "applicant_province", "applicant_city", "licence", "pledge", "transfer"};

constexpr std::array<std::string_view, 13> kListTargets = {
    "priority_claims", "applicants", "assignees", "inventors", "ipc", "cpc", "national_classes", "citations",
    "legal_status", "applicants_standardized", "licence", "pledge", "transfer"};

struct Alias {
  std::string_view header;
  std::string_view field;
};

// Header spellings of common exports. Later columns feeding a single-valued
// field already filled do not overwrite it (see mapped_table_reader.cc).
constexpr Alias kAliases[] = {
    // CNIPA, incoPat, PatSnap (Chinese UI), Soopat.
    {"公开(公告)号", "publication_number"}, {"公开公告号", "publication_number"}, {"公开号", "publication_number"},
    {"公告号", "publication_number"}, {"公布号", "publication_number"}, {"授权公告号", "publication_number"},
    {"公开(公告)日", "publication_date"}, {"公开公告日", "publication_date"}, {"公开日", "publication_date"},
    {"公告日", "publication_date"}, {"公布日", "publication_date"}, {"授权公告日", "grant_date"},
    {"授权日", "grant_date"}, {"申请号", "application_number"}, {"申请日", "filing_date"},
    {"优先权", "priority_claims"}, {"优先权号", "priority_claims"}, {"优先权信息", "priority_claims"},
    {"优先权日", "priority_date"}, {"最早优先权日", "priority_date"},
    {"申请(专利权)人", "applicants"}, {"申请人", "applicants"}, {"当前申请(专利权)人", "applicants"},
    {"原始申请(专利权)人", "applicants"}, {"专利权人", "assignees"}, {"当前专利权人", "assignees"},
    {"发明人", "inventors"}, {"发明(设计)人", "inventors"}, {"设计人", "inventors"},
    {"ipc主分类号", "ipc_main"}, {"主分类号", "ipc_main"}, {"ipc主分类", "ipc_main"},
    {"ipc分类号", "ipc"}, {"分类号", "ipc"}, {"ipc", "ipc"}, {"cpc", "cpc"}, {"cpc分类号", "cpc"},
    {"名称", "title"}, {"标题", "title"}, {"发明名称", "title"}, {"专利名称", "title"}, {"摘要", "abstract"},
    {"主权项", "first_claim"}, {"首项权利要求", "first_claim"}, {"权利要求数", "claims_count"},
    {"权利要求数量", "claims_count"}, {"地址", "applicant_address"}, {"申请人地址", "applicant_address"},
    {"引证专利", "citations"}, {"引用专利", "citations"}, {"简单同族id", "family_id"},
    {"法律状态", "legal_status"}, {"当前法律状态", "legal_status"}, {"法律状态/事件", "legal_status"},
    {"法律状态事件", "legal_status"}, {"简单法律状态", "legal_status"}, {"法律事件", "legal_status"},
    {"失效日", "lapse_date"}, {"被引用次数", "ignore"}, {"被引证次数", "ignore"},
    {"引用次数", "ignore"}, {"国省代码", "ignore"}, {"代理机构", "ignore"}, {"代理人", "ignore"},
    {"专利类型", "ignore"}, {"公开类型", "ignore"}, {"文献类型", "ignore"}, {"同族专利", "ignore"},
    {"页数", "ignore"}, {"序号", "ignore"},
    // Real PatSnap (智慧芽), incoPat and CNIPA exports: the variants with and
    // without brackets, the tools' standardised applicant ([标]), the current
    // owner, the applicant's region, and the transaction columns.
    {"公开(公告)号码", "publication_number"}, {"申请公布号", "publication_number"},
    {"当前申请专利权人", "applicants"}, {"原始申请专利权人", "applicants"}, {"申请专利权人", "applicants"},
    {"申请(专利权)人(原始)", "applicants"}, {"当前权利人", "assignees"}, {"专利权人(当前)", "assignees"},
    {"[标]当前申请(专利权)人", "applicants_standardized"}, {"[标]当前申请专利权人", "applicants_standardized"},
    {"[标]原始申请(专利权)人", "applicants_standardized"}, {"[标]原始申请专利权人", "applicants_standardized"},
    {"[标]申请(专利权)人", "applicants_standardized"}, {"标准化申请人", "applicants_standardized"},
    {"标准化当前权利人", "applicants_standardized"},
    {"当前申请(专利权)人州/省", "applicant_province"}, {"当前申请专利权人州/省", "applicant_province"},
    {"申请(专利权)人州/省", "applicant_province"}, {"原始申请(专利权)人州/省", "applicant_province"},
    {"申请人省份", "applicant_province"}, {"申请人所在省", "applicant_province"}, {"省份", "applicant_province"},
    {"申请人州/省", "applicant_province"}, {"当前申请(专利权)人城市", "applicant_city"},
    {"当前申请专利权人城市", "applicant_city"}, {"申请(专利权)人城市", "applicant_city"},
    {"申请人城市", "applicant_city"}, {"申请人所在市", "applicant_city"}, {"地市", "applicant_city"},
    {"受理局", "country"}, {"公开国别", "country"}, {"国家/地区", "country"},
    {"ipc主分类号(小类)", "ignore"}, {"ipc分类号(小类)", "ignore"}, {"ipc(小类)", "ignore"},
    {"战略新兴产业分类", "ignore"}, {"国民经济分类", "ignore"}, {"被引用专利数量", "ignore"},
    {"引用专利数量", "ignore"}, {"简单同族成员数量", "ignore"}, {"扩展同族成员数量", "ignore"},
    {"申请年", "ignore"}, {"公开年", "ignore"}, {"公开(公告)年", "ignore"}, {"代理机构(标准)", "ignore"},
    {"许可类型", "licence"}, {"许可", "licence"}, {"许可信息", "licence"}, {"许可备案", "licence"},
    {"许可人", "licence"}, {"质押", "pledge"}, {"质押信息", "pledge"}, {"质押保全", "pledge"},
    {"转让", "transfer"}, {"转让信息", "transfer"}, {"权利转移", "transfer"}, {"转让人", "transfer"},
    // PatSnap, Lens and similar English exports.
    {"publication number", "publication_number"}, {"publication no", "publication_number"},
    {"pub no", "publication_number"}, {"patent number", "publication_number"}, {"display key", "publication_number"},
    {"jurisdiction", "country"}, {"publication country", "country"}, {"kind", "kind"}, {"kind code", "kind"},
    {"publication date", "publication_date"}, {"grant date", "grant_date"}, {"issue date", "grant_date"},
    {"application number", "application_number"}, {"application no", "application_number"},
    {"application date", "filing_date"}, {"filing date", "filing_date"},
    {"priority date", "priority_date"}, {"earliest priority date", "priority_date"},
    {"priority number", "priority_claims"}, {"priority numbers", "priority_claims"},
    {"applicants", "applicants"}, {"applicant", "applicants"}, {"applicant(s)", "applicants"},
    {"original assignee", "applicants"}, {"assignee", "assignees"}, {"assignees", "assignees"},
    {"current assignee", "assignees"}, {"owners", "assignees"},
    {"inventors", "inventors"}, {"inventor", "inventors"}, {"inventor(s)", "inventors"},
    {"title", "title"}, {"abstract", "abstract"}, {"first claim", "first_claim"},
    {"main ipc", "ipc_main"}, {"ipc classification", "ipc"}, {"ipcr classifications", "ipc"},
    {"cpc classification", "cpc"}, {"cpc classifications", "cpc"}, {"us classifications", "national_classes"},
    {"family id", "family_id"}, {"simple family id", "family_id"}, {"claims count", "claims_count"},
    {"legal status", "legal_status"}, {"legal status/event", "legal_status"}, {"simple legal status", "legal_status"}, {"url", "ignore"}, {"lens id", "ignore"}, {"cited by patent count", "ignore"},
    {"cites patent count", "ignore"}, {"document type", "ignore"},
};

TableMapping MakeBuiltin() {
  TableMapping m;
  for (const Alias& a : kAliases) m.columns.emplace(NormalizeHeaderName(a.header), ColumnRule{std::string(a.field), ""});
  return m;
}

bool IsKnownTarget(std::string_view field) {
  for (auto t : kTargets) if (field == t) return true;
  return (StartsWith(field, "title.") || StartsWith(field, "abstract.")) && field.find('.') + 1 < field.size();
}

}  // namespace

bool IsMappingTarget(std::string_view field) { return IsKnownTarget(field); }

bool IsListTarget(std::string_view field) {
  for (auto t : kListTargets) if (field == t) return true;
  return false;
}

std::string NormalizeHeaderName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    std::string_view rest = name.substr(i);
    if (StartsWith(rest, "\xEF\xBB\xBF") || StartsWith(rest, "\xE3\x80\x80")) { i += 3; continue; }  // BOM, U+3000
    if (StartsWith(rest, "（")) { out.push_back('('); i += 3; continue; }
    if (StartsWith(rest, "）")) { out.push_back(')'); i += 3; continue; }
    if (StartsWith(rest, "：")) { i += 3; continue; }
    char c = name[i++];
    if (c == ' ' || c == '_' || c == '.' || c == ':' || c == '\t' || c == '"' || c == '*') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

const TableMapping& BuiltinTableMapping() {
  static const TableMapping* builtin = new TableMapping(MakeBuiltin());
  return *builtin;
}

Result<TableMapping> ParseTableMapping(std::string_view json_text) {
  using Json = nlohmann::json;
  Json j = Json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("mapping is not a JSON object");
  TableMapping m;
  if (auto it = j.find("format"); it != j.end()) {
    std::string f = it->is_string() ? AsciiLower(it->get<std::string>()) : "";
    if (f == "csv") m.format = TableFormat::kCsv;
    else if (f == "tsv") m.format = TableFormat::kTsv;
    else if (f == "jsonl") m.format = TableFormat::kJsonl;
    else if (f != "auto") return Status::InvalidArgument("mapping \"format\" must be csv, tsv, jsonl or auto");
  }
  if (auto it = j.find("date_format"); it != j.end()) {
    std::string f = it->is_string() ? AsciiLower(it->get<std::string>()) : "";
    if (f == "mdy" || f == "m/d/y") m.date_order = DateOrder::kMonthFirst;
    else if (f == "dmy" || f == "d/m/y") m.date_order = DateOrder::kDayFirst;
    else if (f != "auto" && f != "ymd") return Status::InvalidArgument("mapping \"date_format\" must be auto, ymd, mdy or dmy");
  }
  if (auto it = j.find("country"); it != j.end()) {
    if (!it->is_string() || it->get<std::string>().size() != 2)
      return Status::InvalidArgument("mapping \"country\" must be a two-letter code");
    m.default_country = AsciiUpper(it->get<std::string>());
  }
  auto cols = j.find("columns");
  if (cols == j.end() || !cols->is_object() || cols->empty())
    return Status::InvalidArgument("mapping needs a \"columns\" object: {\"header\": \"field\", ...}");
  bool has_number = false;
  for (auto it = cols->begin(); it != cols->end(); ++it) {
    ColumnRule rule;
    if (it->is_string()) {
      rule.field = it->get<std::string>();
    } else if (it->is_object() && it->contains("field") && (*it)["field"].is_string()) {
      rule.field = (*it)["field"].get<std::string>();
      if (auto s = it->find("separator"); s != it->end()) {
        if (!s->is_string() || s->get<std::string>().empty())
          return Status::InvalidArgument("column \"" + it.key() + "\": \"separator\" must be a non-empty string");
        rule.separator = s->get<std::string>();
      }
    } else {
      return Status::InvalidArgument("column \"" + it.key() + "\": expected \"field\" or {\"field\": ..., \"separator\": ...}");
    }
    if (!IsKnownTarget(rule.field))
      return Status::InvalidArgument("column \"" + it.key() + "\": unknown field \"" + rule.field +
                                     "\" (see docs/formats/mapping.md)");
    if (rule.field == "publication_number" || rule.field == "doc_number") has_number = true;
    m.columns[NormalizeHeaderName(it.key())] = std::move(rule);
  }
  if (!has_number) return Status::InvalidArgument("mapping has no column for publication_number (or doc_number)");
  return m;
}

Result<TableMapping> LoadTableMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read mapping file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  Result<TableMapping> m = ParseTableMapping(ss.str());
  if (!m.ok()) return Status::InvalidArgument("mapping file " + path + ": " + m.status().message());
  return m;
}

std::vector<ColumnRule> BindColumns(const TableMapping& mapping, const std::vector<std::string>& header) {
  std::vector<ColumnRule> rules(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    auto it = mapping.columns.find(NormalizeHeaderName(header[i]));
    if (it != mapping.columns.end()) rules[i] = it->second;
  }
  return rules;
}

bool BindingFits(const std::vector<ColumnRule>& rules, bool from_file) {
  bool number = false;
  int known = 0;
  for (const auto& r : rules) {
    if (r.field.empty()) continue;
    ++known;
    if (r.field == "publication_number" || r.field == "doc_number") number = true;
  }
  return number && (from_file || known >= 3);
}

std::vector<std::string> SplitMultiValue(std::string_view cell, std::string_view separator, bool allow_comma) {
  std::vector<std::string> seps;
  if (!separator.empty()) {
    seps.emplace_back(separator);
  } else {
    seps = {";", "；", "|"};
    bool any = false;
    for (const auto& s : seps) if (cell.find(s) != std::string_view::npos) any = true;
    if (!any && allow_comma) seps = {",", "，"};
  }
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t best = std::string_view::npos, len = 0;
    for (const auto& s : seps) {
      size_t p = cell.find(s, start);
      if (p < best) { best = p; len = s.size(); }
    }
    size_t end = best == std::string_view::npos ? cell.size() : best;
    std::string v = CollapseWhitespace(cell.substr(start, end - start));
    if (!v.empty()) out.push_back(std::move(v));
    if (best == std::string_view::npos) break;
    start = best + len;
  }
  return out;
}

std::string NormalizeDateWithOrder(std::string_view text, DateOrder order) {
  text = Trim(text);
  if (order == DateOrder::kAuto) return NormalizeDate(text);
  size_t a = text.find_first_of("/.-");
  size_t b = a == std::string_view::npos ? a : text.find_first_of("/.-", a + 1);
  if (b == std::string_view::npos || text.size() - b - 1 != 4 || a == 0 || b - a < 2) return NormalizeDate(text);
  std::string_view p1 = text.substr(0, a), p2 = text.substr(a + 1, b - a - 1), year = text.substr(b + 1);
  std::string_view month = order == DateOrder::kMonthFirst ? p1 : p2;
  std::string_view day = order == DateOrder::kMonthFirst ? p2 : p1;
  return NormalizeDate(std::string(year) + "-" + std::string(month) + "-" + std::string(day));
}

}  // namespace patnav
