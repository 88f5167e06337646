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
#include "readers/table_record_builder.h"
#include "readers/table_rows.h"
#include "readers/table_mapping.h"
#include "readers/text_encoding.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "csv-mapped";
constexpr std::string_view kNoMapping = "no column mapping: give --mapping FILE (see docs/formats/mapping.md)";

Status NoHeader(const ReaderOptions& options) {
  if (options.mapping_file.empty()) return Status::NotFound(std::string(kNoMapping));
  return Status::NotFound("mapping file " + options.mapping_file + ": no header in the first " +
                          std::to_string(kHeaderSearchRows) + " rows has its publication_number column");
}

// CSV/TSV rows for the shared row loop.
class CsvRowSource : public TableRowSource {
 public:
  CsvRowSource(ByteSource& in, char delimiter) : parser_(in, CsvOptions{.delimiter = delimiter}) {}
  Result<bool> Next(CsvRow& row) override { return parser_.Next(row); }

 private:
  CsvParser parser_;
};

class MappedCsvReader : public Reader {
 public:
  MappedCsvReader(TableMapping mapping, char delimiter, ReaderOptions options)
      : mapping_(std::move(mapping)), delimiter_(delimiter), options_(std::move(options)) {}

  std::string_view name() const override { return kFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    CsvRowSource rows(in, delimiter_);
    Status st = ReadTableRows(rows, mapping_, {.mapping_from_file = !options_.mapping_file.empty()}, in.label(), sink);
    if (st.code() == StatusCode::kNotFound) return NoHeader(options_);
    return st;
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
      TableRecordBuilder builder(mapping_);
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
      DeliverTableRecord(builder, std::move(*rec), in.label(), line.number, sink);
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
