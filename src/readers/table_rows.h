// The row loop every mapped table shares (CSV/TSV lines, worksheet rows):
// find the header among the first rows, then one record per row through the
// mapping (mapped_table_reader.h has the cell rules).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "readers/csv_parser.h"
#include "readers/reader.h"
#include "readers/table_mapping.h"

namespace patnav {

// How many rows from the top may come before the header (titles, banners).
inline constexpr int kHeaderSearchRows = 10;

// Rows of one table, in order. CsvRow::line is the row's 1-based number in
// its input (a CSV line, a worksheet row).
class TableRowSource {
 public:
  virtual ~TableRowSource() = default;
  // The next row; false at the end; an error Status only when the input
  // cannot be read at all.
  virtual Result<bool> Next(CsvRow& row) = 0;
};

struct TableReadOptions {
  bool mapping_from_file = false;  // BindingFits's `from_file`
  // Worksheet rows omit trailing empty cells: a row shorter than the header
  // is padded, cells past the header's last column are ignored. Otherwise
  // (CSV) a row of another width is rejected.
  bool ragged_rows = false;
  bool excel_serials = false;  // TableRecordBuilder's date serials
  bool date1904 = false;
  std::string_view format = "csv-mapped";  // the records' source.format
};

// Reads `rows` through `mapping` into `sink` (records, events, warnings and
// rejections labelled `label`). The first 200 rows after the header are read
// ahead to decide each inventor column's separators from its values
// (ColumnRule::comma_separates). Returns NotFound("no header") when none of
// the first kHeaderSearchRows rows fits the mapping (nothing was sent), an
// error from the source, else OK.
Status ReadTableRows(TableRowSource& rows, const TableMapping& mapping, const TableReadOptions& options,
                     const std::string& label, RecordSink& sink);

}  // namespace patnav
