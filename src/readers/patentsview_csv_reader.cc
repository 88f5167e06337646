// PatentsView CSV/TSV reader: columns by name, consecutive rows of one patent
// merged into one record.
#include "readers/patentsview_csv_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/csv_parser.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "patentsview-csv";

// `"x ""y"" z"` -> `x "y" z` when every inner quote is doubled; else as is.
std::string UnwrapQuoting(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string_view inner = v.substr(1, v.size() - 2);
  std::string out;
  for (size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] != '"') {
      out.push_back(inner[i]);
      continue;
    }
    if (i + 1 >= inner.size() || inner[i + 1] != '"') return std::string(v);
    out.push_back('"');
    ++i;
  }
  return out;
}

std::string HeaderKey(std::string_view h) {
  return AsciiLower(Trim(UnwrapQuoting(Trim(h))));
}

// Column indices by lower-case header name.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) : count_(header.size()) {
    for (size_t i = 0; i < header.size(); ++i) index_.emplace(HeaderKey(header[i]), static_cast<int>(i));
  }
  size_t count() const { return count_; }
  // The first of `names` present, or -1.
  int Find(std::initializer_list<std::string_view> names) const {
    for (auto n : names)
      if (auto it = index_.find(std::string(n)); it != index_.end()) return it->second;
    return -1;
  }

 private:
  size_t count_;
  std::map<std::string, int> index_;
};

struct ColumnIndex {
  int number, title, abstract, date, kind, type, app_number, app_date, org, a_first, a_last, a_country, a_city,
      i_first, i_last, i_country, i_city, cpc, ipc_section, ipc_class, ipc_subclass, ipc_main, ipc_sub, uspc,
      claims;
};

ColumnIndex Resolve(const Columns& c) {
  return ColumnIndex{
      c.Find({"patent_number", "patent_id"}), c.Find({"patent_title"}), c.Find({"patent_abstract"}),
      c.Find({"patent_date"}), c.Find({"patent_kind"}), c.Find({"patent_type"}),
      c.Find({"app_number", "application_number"}), c.Find({"app_date", "application_date", "filing_date"}),
      c.Find({"assignee_organization"}), c.Find({"assignee_first_name"}), c.Find({"assignee_last_name"}),
      c.Find({"assignee_country"}), c.Find({"assignee_city"}),
      c.Find({"inventor_first_name", "inventor_name_first"}), c.Find({"inventor_last_name", "inventor_name_last"}),
      c.Find({"inventor_country"}), c.Find({"inventor_city"}), c.Find({"cpc_subgroup_id", "cpc_group_id"}),
      c.Find({"ipc_section"}), c.Find({"ipc_class"}), c.Find({"ipc_subclass"}), c.Find({"ipc_main_group"}),
      c.Find({"ipc_subgroup"}), c.Find({"uspc_subclass_id"}), c.Find({"patent_num_claims", "num_claims"})};
}

std::string Cell(const std::vector<std::string>& f, int col) {
  if (col < 0 || static_cast<size_t>(col) >= f.size()) return "";
  return CollapseWhitespace(UnwrapQuoting(Trim(f[col])));
}

void AddUnique(std::vector<std::string>& list, std::string v) {
  if (!v.empty() && std::find(list.begin(), list.end(), v) == list.end()) list.push_back(std::move(v));
}

void AddParty(std::vector<Party>& list, Party p) {
  if (p.name.empty()) return;
  for (const auto& q : list) if (q.name == p.name) return;
  list.push_back(std::move(p));
}

// Adds the parties and classifications of one row to `r`.
void AddRowFacts(PatentRecord& r, const std::vector<std::string>& f, const ColumnIndex& c) {
  Party assignee;
  if (std::string org = Cell(f, c.org); !org.empty()) assignee = MakeOrganisation(org);
  else assignee = MakePerson(Cell(f, c.a_last), Cell(f, c.a_first));
  if (!assignee.name.empty()) {
    assignee.country = Cell(f, c.a_country);
    assignee.city = Cell(f, c.a_city);
    AddParty(r.applicants, assignee);
    AddParty(r.assignees, std::move(assignee));
  }
  Party inventor = MakePerson(Cell(f, c.i_last), Cell(f, c.i_first));
  inventor.country = Cell(f, c.i_country);
  inventor.city = Cell(f, c.i_city);
  AddParty(r.inventors, std::move(inventor));
  AddUnique(r.cpc, NormalizeClassification(Cell(f, c.cpc)));
  if (c.ipc_section >= 0)
    AddUnique(r.ipc, ClassificationFromParts(Cell(f, c.ipc_section), Cell(f, c.ipc_class), Cell(f, c.ipc_subclass),
                                             Cell(f, c.ipc_main), Cell(f, c.ipc_sub)));
  AddUnique(r.national_classes, Cell(f, c.uspc));
}

// [US] + a series prefix (D, PP, RE, H, T, X, RX, AI) or none + digits.
bool IsUsPatentNumber(std::string_view n) {
  std::string s = AsciiUpper(n);
  std::string_view v = s;
  if (StartsWith(v, "US")) v.remove_prefix(2);
  size_t p = 0;
  while (p < v.size() && v[p] >= 'A' && v[p] <= 'Z') ++p;
  std::string_view prefix = v.substr(0, p);
  if (!IsAsciiDigits(v.substr(p))) return false;
  for (std::string_view ok : {"", "D", "PP", "RE", "H", "T", "X", "RX", "AI"})
    if (prefix == ok) return true;
  return false;
}

Result<PatentRecord> StartRecord(const std::vector<std::string>& f, const ColumnIndex& c) {
  std::string number = Cell(f, c.number);
  if (number.empty()) return Status::InvalidArgument("no publication number (patent_number is empty)");
  if (!IsUsPatentNumber(number)) return Status::InvalidArgument("not a US patent number: '" + number + "'");
  std::string text = StartsWith(AsciiUpper(number), "US") ? number : "US" + number;
  ASSIGN_OR_RETURN(PublicationKey key, ParsePublicationNumber(text, "US"));
  PatentRecord r;
  r.country = key.country;
  r.doc_number = key.doc_number;
  r.publication_date = r.grant_date = NormalizeDate(Cell(f, c.date));
  r.kind = Cell(f, c.kind);
  if (r.kind.empty()) r.kind = key.kind;
  if (r.kind.empty()) r.kind = PatentsViewKind(r.doc_number, r.grant_date, Cell(f, c.type));
  r.application_number = Cell(f, c.app_number);
  r.filing_date = NormalizeDate(Cell(f, c.app_date));
  if (std::string t = Cell(f, c.title); !t.empty()) r.title["en"] = std::move(t);
  if (std::string a = Cell(f, c.abstract); !a.empty()) r.abstract_text["en"] = std::move(a);
  if (std::string n = Cell(f, c.claims); IsAsciiDigits(n) && n.size() < 6) r.claims_count = std::stoi(n);
  r.source.format = std::string(kFormat);
  return r;
}

class PatentsViewReader : public Reader {
 public:
  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    CsvParser parser(in);
    CsvRow row;
    std::optional<Columns> columns;
    ColumnIndex c{};
    std::optional<PatentRecord> current;  // the patent of the previous rows
    std::string current_number;
    auto flush = [&] {
      if (!current) return;
      FinishRecord(*current);
      sink.OnRecord(std::move(*current));
      current.reset();
    };
    for (;;) {
      ASSIGN_OR_RETURN(bool more, parser.Next(row));
      if (!more) break;
      if (!columns) {
        if (!row.error.empty()) return Status::Corruption(in.label() + ": bad PatentsView header: " + row.error);
        columns.emplace(row.fields);
        c = Resolve(*columns);
        if (c.number < 0) return Status::Unsupported(in.label() + ": no patent_number column");
        continue;
      }
      auto reject = [&](std::string reason) { sink.OnReject({in.label(), row.line, std::move(reason)}); };
      if (!row.error.empty()) { reject(row.error); continue; }
      if (row.fields.size() != columns->count()) {
        reject("expected " + std::to_string(columns->count()) + " columns, got " + std::to_string(row.fields.size()));
        continue;
      }
      std::string number = Cell(row.fields, c.number);
      if (!current || number != current_number) {
        Result<PatentRecord> rec = StartRecord(row.fields, c);
        if (!rec.ok()) { reject(rec.status().message()); continue; }
        flush();
        current = std::move(*rec);
        current->source.file = in.label();
        current->source.doc_index = row.line;
        current_number = number;
      }
      AddRowFacts(*current, row.fields, c);
    }
    flush();
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Reader> NewPatentsViewReader() { return std::make_unique<PatentsViewReader>(); }

bool LooksLikePatentsView(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t start = head.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return false;
  std::string_view line = head.substr(start);
  line = line.substr(0, line.find('\n'));
  bool number = false, other = false;
  for (std::string_view h : Split(line, DetectDelimiter(line))) {
    std::string k = HeaderKey(h);
    if (k == "patent_number" || k == "patent_id") number = true;
    if (k == "patent_title" || k == "patent_abstract" || k == "patent_date") other = true;
  }
  return number && other;
}

std::string PatentsViewKind(std::string_view doc_number, std::string_view grant_date, std::string_view patent_type) {
  std::string type = AsciiLower(patent_type);
  if (type == "reissue" || StartsWith(doc_number, "RE")) return "E";
  if (type == "statutory invention registration" || StartsWith(doc_number, "H")) return "H";
  if (type == "design" || StartsWith(doc_number, "D")) return "S";
  if (type == "plant" || StartsWith(doc_number, "PP")) return "P";
  if (!grant_date.empty() && grant_date < "2001-01-02") return "A";
  return "B";
}

}  // namespace patnav
