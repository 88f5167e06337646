// Google Patents CSV reader: header by name, one record per row.
#include "readers/google_patents_csv_reader.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "base/strings.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/csv_parser.h"
#include "readers/script_language.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "google-patents-csv";
constexpr std::string_view kHeaderStart = "id,title,assignee,inventor/author";

// Upper-case ASCII letters of `s`, without '.' and spaces: "L.P." -> "LP".
std::string SuffixKey(std::string_view s) {
  std::string k;
  for (char c : s)
    if (c != '.' && c != ' ') k.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return k;
}

bool IsNameSuffix(std::string_view piece) {
  static constexpr std::array<std::string_view, 7> kSuffixes = {"JR", "SR", "II", "III", "IV", "V", "ESQ"};
  std::string k = SuffixKey(piece);
  for (auto s : kSuffixes) if (k == s) return true;
  return false;
}

bool IsLegalFormPiece(std::string_view piece) {
  static constexpr std::array<std::string_view, 33> kForms = {
      "INC", "INCORPORATED", "LLC", "LTD", "LIMITED", "LP", "LLP", "LLLP", "PLLC", "CO", "COLTD", "CORP",
      "CORPORATION", "COMPANY", "PLC", "AG", "GMBH", "SA", "SAS", "NV", "BV", "KG", "SPA", "SRL", "AB",
      "OY", "PTY", "PTYLTD", "PTE", "PTELTD", "ULC", "KK", "NA"};
  if (IsNameSuffix(piece)) return true;
  std::string k = SuffixKey(piece);
  for (auto f : kForms) if (k == f) return true;
  return false;
}

// Splits a ", "-joined list; pieces for which `rejoin` holds are appended to
// the piece before them after `glue` ("Sdgi Holdings, Inc." stays one name).
std::vector<std::string> SplitJoinedList(std::string_view cell, bool (*rejoin)(std::string_view),
                                         std::string_view glue) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t comma = cell.find(',', start);
    if (comma == std::string_view::npos) comma = cell.size();
    std::string_view piece = Trim(cell.substr(start, comma - start));
    if (!piece.empty()) {
      if (!out.empty() && rejoin(piece)) out.back().append(glue).append(piece);
      else out.emplace_back(piece);
    }
    start = comma + 1;
  }
  return out;
}

// A CJK personal name: 2 to 4 Han/Hangul/kana characters, no space, and no
// word that organisations use (清华大学 and 한국해양연구원 are not persons).
bool IsCjkPersonName(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kOrgWords = {
      "大学", "公司", "研究", "学院", "医院", "中心", "集团", "会社", "院", "所", "厂", "局", "대학", "연구"};
  size_t chars = 0;
  for (size_t i = 0; i < name.size(); ++chars) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0xE2) return false;  // ASCII, Latin, Cyrillic...: not a CJK name
    i += c >= 0xF0 ? 4 : 3;
  }
  if (chars < 2 || chars > 4) return false;
  for (auto w : kOrgWords) if (name.find(w) != std::string_view::npos) return false;
  return true;
}

std::string Cell(const CsvRow& row, int col) {
  if (col < 0 || static_cast<size_t>(col) >= row.fields.size()) return "";
  return CollapseWhitespace(row.fields[col]);
}

struct Columns {
  int id = -1, title = -1, assignee = -1, inventor = -1, priority = -1, filing = -1, publication = -1, grant = -1;
  size_t count = 0;
};

Columns FindColumns(const std::vector<std::string>& header) {
  Columns c;
  c.count = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = AsciiLower(Trim(header[i]));
    int col = static_cast<int>(i);
    if (h == "id") c.id = col;
    else if (h == "title") c.title = col;
    else if (h == "assignee") c.assignee = col;
    else if (h == "inventor/author") c.inventor = col;
    else if (h == "priority date") c.priority = col;
    else if (h == "filing/creation date") c.filing = col;
    else if (h == "publication date") c.publication = col;
    else if (h == "grant date") c.grant = col;
  }
  return c;
}

class GooglePatentsCsvReader : public Reader {
 public:
  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    CsvParser parser(in, CsvOptions{.delimiter = ','});
    CsvRow row;
    std::optional<Columns> cols;
    for (;;) {
      ASSIGN_OR_RETURN(bool more, parser.Next(row));
      if (!more) break;
      if (!cols) {
        if (!row.fields.empty() && StartsWith(row.fields[0], "search URL")) continue;
        if (!row.error.empty()) return Status::Corruption(in.label() + ": bad Google Patents header: " + row.error);
        if (!row.fields.empty() && AsciiLower(Trim(row.fields[0])) == "id") {
          cols = FindColumns(row.fields);
          continue;
        }
        return Status::Unsupported(in.label() + ": no Google Patents header (id,title,assignee,...)");
      }
      auto reject = [&](std::string reason) { sink.OnReject({in.label(), row.line, std::move(reason)}); };
      if (!row.error.empty()) { reject(row.error); continue; }
      if (row.fields.size() != cols->count) {
        reject("expected " + std::to_string(cols->count) + " columns, got " + std::to_string(row.fields.size()));
        continue;
      }
      Result<PatentRecord> rec = ToRecord(row, *cols);
      if (!rec.ok()) { reject(rec.status().message()); continue; }
      rec->source.file = in.label();
      sink.OnRecord(std::move(*rec));
    }
    if (!cols) return Status::Unsupported(in.label() + ": no Google Patents header (id,title,assignee,...)");
    return Status::OK();
  }

 private:
  static Result<PatentRecord> ToRecord(const CsvRow& row, const Columns& c) {
    PatentRecord r;
    std::string id = Cell(row, c.id);
    if (id.empty()) return Status::InvalidArgument("no publication number (id is empty)");
    ASSIGN_OR_RETURN(PublicationKey key, ParsePublicationNumber(id));
    r.country = key.country;
    r.doc_number = key.doc_number;
    r.kind = key.kind;
    std::string title = Cell(row, c.title);
    if (!title.empty()) {
      std::string lang = LanguageFromScript(title);
      if (lang == "zh" && r.country == "JP") lang = "ja";  // kanji-only Japanese title
      r.title[lang] = title;
    }
    r.priority_date = NormalizeDate(Cell(row, c.priority));
    r.filing_date = NormalizeDate(Cell(row, c.filing));
    r.publication_date = NormalizeDate(Cell(row, c.publication));
    r.grant_date = NormalizeDate(Cell(row, c.grant));
    std::vector<std::string> inventor_names = SplitJoinedList(Cell(row, c.inventor), IsNameSuffix, " ");
    for (const auto& name : inventor_names) r.inventors.push_back(PersonFromFullName(name));
    for (const auto& name : SplitJoinedList(Cell(row, c.assignee), IsLegalFormPiece, ", ")) {
      Party p;
      size_t semi = name.find(';');
      if (semi != std::string::npos) {
        p = MakePerson(Trim(std::string_view(name).substr(0, semi)), Trim(std::string_view(name).substr(semi + 1)));
      } else if (std::find(inventor_names.begin(), inventor_names.end(), name) != inventor_names.end() ||
                 IsCjkPersonName(name)) {
        p = PersonFromFullName(name);
      } else {
        p = MakeOrganisation(name);
      }
      r.applicants.push_back(p);
      r.assignees.push_back(std::move(p));
    }
    r.source.format = std::string(kFormat);
    r.source.doc_index = row.line;
    FinishRecord(r);
    return r;
  }
};

}  // namespace

std::unique_ptr<Reader> NewGooglePatentsCsvReader() { return std::make_unique<GooglePatentsCsvReader>(); }

bool LooksLikeGooglePatentsCsv(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  for (int i = 0; i < 2; ++i) {
    if (StartsWith(head, kHeaderStart)) return true;
    size_t nl = head.find('\n');
    if (nl == std::string_view::npos) return false;
    head.remove_prefix(nl + 1);
  }
  return false;
}

}  // namespace patnav
