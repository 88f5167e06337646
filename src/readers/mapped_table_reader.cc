// Mapped tables: header search, then one RecordBuilder per row or line.
#include "readers/mapped_table_reader.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "base/utf8.h"
#include "model/classification.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/canonical_jsonl_reader.h"
#include "readers/csv_parser.h"
#include "readers/line_reader.h"
#include "readers/script_language.h"
#include "readers/table_legal_status.h"
#include "readers/table_mapping.h"
#include "readers/text_encoding.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "csv-mapped";
constexpr std::string_view kNoMapping = "no column mapping: give --mapping FILE (see docs/formats/mapping.md)";
constexpr int kHeaderSearchRows = 10;

Status NoHeader(const ReaderOptions& options) {
  if (options.mapping_file.empty()) return Status::NotFound(std::string(kNoMapping));
  return Status::NotFound("mapping file " + options.mapping_file + ": no header in the first " +
                          std::to_string(kHeaderSearchRows) + " rows has its publication_number column");
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

// Gathers one row's cells and turns them into a record.
class RecordBuilder {
 public:
  explicit RecordBuilder(const TableMapping& mapping) : mapping_(mapping) {}

  // A cell as text: list targets are split, others whitespace-collapsed.
  void Add(const ColumnRule& rule, std::string_view cell) {
    if (rule.field.empty() || rule.field == "ignore" || Trim(cell).empty()) return;
    if (rule.field == "legal_status" && rule.separator.empty()) {
      // Status cells put one event per line as often as between " | " or "；".
      std::string joined(cell);
      for (char& c : joined)
        if (c == '\n' || c == '\r') c = ';';
      AddItems(rule.field, SplitMultiValue(joined, "", false));
      return;
    }
    if (IsListTarget(rule.field)) AddItems(rule.field, SplitMultiValue(cell, rule.separator, rule.field == "inventors"));
    else AddSingle(rule.field, CollapseText(cell));
  }

  // Values already separate (a JSON array).
  void AddItems(const std::string& field, const std::vector<std::string>& items) {
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
    }
  }

  // The row's legal events; call after Finish succeeded.
  std::vector<LegalEvent> LegalEvents(const PatentRecord& r, std::vector<std::string>& warnings) const {
    if (legal_.values.empty()) return {};
    return LegalEventsFromStatus(r, legal_, warnings);
  }

  Result<PatentRecord> Finish() {
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
    if (!address_.empty() && !r_.applicants.empty() && r_.applicants[0].city.empty())
      r_.applicants[0].city = CityFromAddress(address_);
    r_.source.format = std::string(kFormat);
    FinishRecord(r_);
    return std::move(r_);
  }

 private:
  void AddSingle(const std::string& field, std::string v) {
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
  }

  void AddText(std::map<std::string, std::string>& texts, const std::string& field, std::string v, bool is_title) {
    size_t dot = field.find('.');
    std::string lang = dot != std::string::npos ? field.substr(dot + 1) : LanguageFromScript(v);
    if (is_title && dot == std::string::npos && IsCjk(lang) && r_.language.empty()) r_.language = lang;
    texts.emplace(lang, std::move(v));
  }

  std::string Date(std::string_view v) const { return NormalizeDateWithOrder(v, mapping_.date_order); }

  void AddPriority(std::string_view v) {
    PriorityClaim pc = ParsePriority(v, mapping_.date_order);
    if (pc.doc_number.empty() && pc.date.empty()) return;
    for (const auto& q : r_.priority_claims)
      if (q.country == pc.country && q.doc_number == pc.doc_number && q.date == pc.date) return;
    r_.priority_claims.push_back(std::move(pc));
  }

  void AddCitation(std::string_view v) {
    Result<PublicationKey> k = ParsePublicationNumber(v);
    if (!k.ok()) return;
    std::string pn = k->ToString();
    for (const auto& c : r_.citations) if (c.publication_number == pn) return;
    r_.citations.push_back({pn, k->country, k->doc_number, k->kind, "", ""});
  }

  const TableMapping& mapping_;
  PatentRecord r_;
  std::vector<std::string> numbers_;
  std::string country_, doc_number_, kind_, address_, ipc_main_;
  TableLegalStatus legal_;
};

// Sends a row's record and its legal events (with their warnings) to `sink`.
void Deliver(RecordBuilder& builder, PatentRecord&& rec, const std::string& file, int64_t line, RecordSink& sink) {
  std::vector<std::string> warnings;
  std::vector<LegalEvent> events = builder.LegalEvents(rec, warnings);
  sink.OnRecord(std::move(rec));
  for (LegalEvent& e : events) sink.OnLegalEvent(std::move(e));
  for (std::string& w : warnings) sink.OnWarning({file, line, std::move(w)});
}

class MappedCsvReader : public Reader {
 public:
  MappedCsvReader(TableMapping mapping, char delimiter, ReaderOptions options)
      : mapping_(std::move(mapping)), delimiter_(delimiter), options_(std::move(options)) {}

  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    CsvParser parser(in, CsvOptions{.delimiter = delimiter_});
    CsvRow row;
    std::optional<std::vector<ColumnRule>> rules;
    int searched = 0;
    for (;;) {
      ASSIGN_OR_RETURN(bool more, parser.Next(row));
      if (!more) break;
      if (!rules) {
        if (row.error.empty()) {
          std::vector<ColumnRule> bound = BindColumns(mapping_, row.fields);
          if (BindingFits(bound, !options_.mapping_file.empty())) {
            rules = std::move(bound);
            continue;
          }
        }
        if (++searched >= kHeaderSearchRows) break;
        continue;
      }
      auto reject = [&](std::string reason) { sink.OnReject({in.label(), row.line, std::move(reason)}); };
      if (!row.error.empty()) { reject(row.error); continue; }
      if (row.fields.size() != rules->size()) {
        reject("expected " + std::to_string(rules->size()) + " columns, got " + std::to_string(row.fields.size()));
        continue;
      }
      RecordBuilder builder(mapping_);
      for (size_t i = 0; i < rules->size(); ++i) builder.Add((*rules)[i], row.fields[i]);
      Result<PatentRecord> rec = builder.Finish();
      if (!rec.ok()) { reject(rec.status().message()); continue; }
      rec->source.file = in.label();
      rec->source.doc_index = row.line;
      Deliver(builder, std::move(*rec), in.label(), row.line, sink);
    }
    if (!rules) return NoHeader(options_);
    return Status::OK();
  }

 private:
  TableMapping mapping_;
  char delimiter_;
  ReaderOptions options_;
};

using Json = nlohmann::json;

std::vector<std::string> JsonItems(const Json& v) {
  std::vector<std::string> out;
  auto one = [&](const Json& e) {
    if (e.is_string()) out.push_back(e.get<std::string>());
    else if (e.is_number()) out.push_back(e.dump());
  };
  if (v.is_array()) for (const auto& e : v) one(e);
  else one(v);
  return out;
}

class MappedJsonlReader : public Reader {
 public:
  MappedJsonlReader(TableMapping mapping, ReaderOptions options)
      : mapping_(std::move(mapping)), options_(std::move(options)) {}

  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    LineReader lines(in);
    TextLine line;
    for (;;) {
      ASSIGN_OR_RETURN(bool more, lines.Next(line));
      if (!more) return Status::OK();
      auto reject = [&](std::string reason) { sink.OnReject({in.label(), line.number, std::move(reason)}); };
      if (line.too_long) { reject("line too long"); continue; }
      if (!IsValidUtf8(line.text)) { reject("invalid UTF-8"); continue; }
      Json j = Json::parse(line.text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) { reject("not a JSON object"); continue; }
      RecordBuilder builder(mapping_);
      for (auto it = j.begin(); it != j.end(); ++it) {
        auto rule = mapping_.columns.find(NormalizeHeaderName(it.key()));
        if (rule == mapping_.columns.end() || rule->second.field == "ignore") continue;
        if (it->is_string() || !IsListTarget(rule->second.field)) {
          std::vector<std::string> items = JsonItems(*it);
          if (!items.empty()) builder.Add(rule->second, items.front());
        } else {
          builder.AddItems(rule->second.field, JsonItems(*it));
        }
      }
      Result<PatentRecord> rec = builder.Finish();
      if (!rec.ok()) { reject(rec.status().message()); continue; }
      rec->source.file = in.label();
      rec->source.doc_index = line.number;
      Deliver(builder, std::move(*rec), in.label(), line.number, sink);
    }
  }

 private:
  TableMapping mapping_;
  ReaderOptions options_;
};

// Whether the first non-blank line of `text` is a JSON object whose keys the
// mapping fits.
bool JsonlHeaderFits(std::string_view text, const TableMapping& mapping, bool from_file) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  std::string_view line = text.substr(start);
  line = line.substr(0, line.find('\n'));
  Json j = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return BindingFits(BindColumns(mapping, keys), from_file);
}

bool CsvHeaderFits(std::string_view text, char delimiter, const TableMapping& mapping, bool from_file) {
  std::unique_ptr<ByteSource> src = NewStringSource(text, "head");
  CsvParser parser(*src, CsvOptions{.delimiter = delimiter});
  CsvRow row;
  for (int i = 0; i < kHeaderSearchRows; ++i) {
    Result<bool> more = parser.Next(row);
    if (!more.ok() || !*more) return false;
    if (row.error.empty() && BindingFits(BindColumns(mapping, row.fields), from_file)) return true;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<Reader>> NewMappedTableReader(std::string_view head, const ReaderOptions& options) {
  std::string text = HeadAsUtf8(head);
  if (StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  const bool from_file = !options.mapping_file.empty();
  TableMapping mapping;
  if (from_file) {
    ASSIGN_OR_RETURN(mapping, LoadTableMapping(options.mapping_file));
  } else {
    if (LooksLikeCanonicalJsonl(text)) return NewCanonicalJsonlReader();
    mapping = BuiltinTableMapping();
  }
  TableFormat format = mapping.format;
  if (format == TableFormat::kAuto) {
    size_t first = text.find_first_not_of(" \t\r\n");
    format = first != std::string::npos && text[first] == '{' ? TableFormat::kJsonl : TableFormat::kCsv;
  }
  std::unique_ptr<Reader> reader;
  if (format == TableFormat::kJsonl) {
    if (!JsonlHeaderFits(text, mapping, from_file)) return NoHeader(options);
    reader = std::make_unique<MappedJsonlReader>(std::move(mapping), options);
  } else {
    char delimiter = format == TableFormat::kTsv ? '\t' : ',';
    if (mapping.format == TableFormat::kAuto) {  // the first line may be a banner: try both
      char guess = DetectDelimiter(text);
      delimiter = CsvHeaderFits(text, guess, mapping, from_file) ? guess : guess == ',' ? '\t' : ',';
    }
    if (!CsvHeaderFits(text, delimiter, mapping, from_file)) return NoHeader(options);
    reader = std::make_unique<MappedCsvReader>(std::move(mapping), delimiter, options);
  }
  return reader;
}

}  // namespace patnav
