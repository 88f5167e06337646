// The shared row loop of mapped tables (table_rows.h).
#include "readers/table_rows.h"

#include <deque>
#include <optional>

#include "readers/table_record_builder.h"

namespace patnav {

namespace {

// Rows read ahead after the header to decide each inventor column's
// separators from its values.
constexpr size_t kLookaheadRows = 200;

bool AllEmpty(const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    if (!f.empty()) return false;
  return true;
}

bool HasListSeparator(std::string_view cell) {
  return cell.find(';') != std::string_view::npos || cell.find('|') != std::string_view::npos ||
         cell.find("；") != std::string_view::npos;
}

// A comma separates inventors only in a column none of whose values uses
// ';', '；' or '|' ("SCHOWENGERDT, BRIAN T. | STANLEY, ..." keeps its commas
// in every row, also in a row with one name).
void DecideCommas(std::vector<ColumnRule>& rules, const std::deque<CsvRow>& ahead) {
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].field != "inventors" || !rules[i].separator.empty()) continue;
    for (const CsvRow& row : ahead)
      if (i < row.fields.size() && HasListSeparator(row.fields[i])) {
        rules[i].comma_separates = false;
        break;
      }
  }
}

}  // namespace

Status ReadTableRows(TableRowSource& rows, const TableMapping& mapping, const TableReadOptions& options,
                     const std::string& label, RecordSink& sink) {
  std::optional<std::vector<ColumnRule>> rules;
  int searched = 0;
  CsvRow row;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, rows.Next(row));
    if (!more) break;
    if (row.error.empty()) {
      std::vector<ColumnRule> bound = BindColumns(mapping, row.fields);
      if (BindingFits(bound, options.mapping_from_file)) {
        rules = std::move(bound);
        break;
      }
    }
    if (++searched >= kHeaderSearchRows) break;
  }
  if (!rules) return Status::NotFound("no header");
  std::deque<CsvRow> ahead;
  bool done = false;
  while (ahead.size() < kLookaheadRows) {
    ASSIGN_OR_RETURN(bool more, rows.Next(row));
    if (!more) { done = true; break; }
    ahead.push_back(std::move(row));
  }
  DecideCommas(*rules, ahead);
  for (;;) {
    if (!ahead.empty()) {
      row = std::move(ahead.front());
      ahead.pop_front();
    } else {
      if (done) break;
      ASSIGN_OR_RETURN(bool more, rows.Next(row));
      if (!more) break;
    }
    auto reject = [&](std::string reason) { sink.OnReject({label, row.line, std::move(reason)}); };
    if (!row.error.empty()) { reject(row.error); continue; }
    if (options.ragged_rows) {
      if (AllEmpty(row.fields)) continue;
      row.fields.resize(rules->size());
    } else if (row.fields.size() != rules->size()) {
      reject("expected " + std::to_string(rules->size()) + " columns, got " + std::to_string(row.fields.size()));
      continue;
    }
    TableRecordBuilder builder(mapping, options.excel_serials, options.date1904);
    for (size_t i = 0; i < rules->size(); ++i) builder.Add((*rules)[i], row.fields[i]);
    Result<PatentRecord> rec = builder.Finish();
    if (!rec.ok()) { reject(rec.status().message()); continue; }
    rec->source.format = std::string(options.format);
    rec->source.file = label;
    rec->source.doc_index = row.line;
    DeliverTableRecord(builder, std::move(*rec), label, row.line, sink);
  }
  return Status::OK();
}

}  // namespace patnav
