// The shared row loop of mapped tables (table_rows.h).
#include "readers/table_rows.h"

#include <optional>

#include "readers/table_record_builder.h"

namespace patnav {

namespace {

bool AllEmpty(const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    if (!f.empty()) return false;
  return true;
}

}  // namespace

Status ReadTableRows(TableRowSource& rows, const TableMapping& mapping, const TableReadOptions& options,
                     const std::string& label, RecordSink& sink) {
  CsvRow row;
  std::optional<std::vector<ColumnRule>> rules;
  int searched = 0;
  for (;;) {
    ASSIGN_OR_RETURN(bool more, rows.Next(row));
    if (!more) break;
    if (!rules) {
      if (row.error.empty()) {
        std::vector<ColumnRule> bound = BindColumns(mapping, row.fields);
        if (BindingFits(bound, options.mapping_from_file)) {
          rules = std::move(bound);
          continue;
        }
      }
      if (++searched >= kHeaderSearchRows) break;
      continue;
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
  if (!rules) return Status::NotFound("no header");
  return Status::OK();
}

}  // namespace patnav
