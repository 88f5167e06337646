// A streaming RFC 4180 parser for CSV and TSV exports. Reads its ByteSource
// in chunks and yields one row at a time, so memory is bounded by the longest
// row, not the file.
//
// Accepted: ',' or '\t' delimiters (given, or chosen from the first line);
// quoted fields with "" escapes and embedded newlines; LF or CRLF line ends;
// a leading UTF-8 BOM (dropped); GB18030/GBK input (transcoded to UTF-8, see
// text_encoding.h). Lenient where exports are sloppy: a quote inside an
// unquoted field is kept as a character, text after a closing quote is
// appended to the field. Blank lines are skipped.
//
// A bad row is returned with `error` set and the parser goes on: an
// unterminated quote at end of input, a field over max_field_bytes or a row
// over max_row_bytes make it resynchronise at the line after the row's first
// line; a row holding invalid UTF-8 is returned whole with the error
// "invalid UTF-8 in column N" (1-based). To keep the cost linear on hostile
// input, after 8 such resynchronisations a quoted field may no longer span
// lines: a line break inside quotes then ends the row as an error.
//
// Not thread-safe; one parser per input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "readers/byte_source.h"

namespace patnav {

struct CsvOptions {
  // ',' or '\t'; 0 (the default) chooses from the first non-blank line:
  // '\t' when it holds at least as many tabs as commas (outside quotes), and
  // at least one, else ','.
  char delimiter = 0;
  size_t max_field_bytes = size_t{16} << 20;  // 16 MiB
  size_t max_row_bytes = size_t{64} << 20;    // 64 MiB of raw text
};

struct CsvRow {
  int64_t line = 0;  // 1-based line number where the row starts
  std::vector<std::string> fields;
  std::string error;  // non-empty when the row is bad; fields then partial
};

// Chooses the delimiter from the first non-blank line of `text` (the rule of
// CsvOptions::delimiter).
char DetectDelimiter(std::string_view text);

class CsvParser {
 public:
  // REQUIRES: `in` outlives the parser. Nothing is read before Next().
  explicit CsvParser(ByteSource& in, CsvOptions options = {});
  ~CsvParser();
  CsvParser(const CsvParser&) = delete;
  CsvParser& operator=(const CsvParser&) = delete;

  // Reads the next row into `row`. Returns false at end of input, and an
  // error Status only when the source fails to read.
  Result<bool> Next(CsvRow& row);

  // The delimiter in use; 0 until the first row has been read when chosen
  // automatically.
  char delimiter() const { return delimiter_; }

 private:
  enum class Outcome { kRow, kEnd, kBad, kBadRowEnded };
  Status Start();
  // Next byte, or -1 at end of input. May move buf_ (indices stay valid).
  int Get();
  Outcome ParseRow(CsvRow& row);
  void Resync(const CsvRow& row);

  ByteSource& raw_;
  CsvOptions options_;
  std::unique_ptr<ByteSource> in_;  // raw_ as UTF-8
  char delimiter_ = 0;
  bool started_ = false;
  bool eof_ = false;
  Status io_status_;
  std::string buf_;
  size_t pos_ = 0;        // next byte to read in buf_
  size_t row_begin_ = 0;  // first byte of the row being parsed, kept for Resync
  int64_t line_ = 1;      // line number at pos_
  int resyncs_ = 0;
  bool line_mode_ = false;  // quoted fields end at a line break (after many resyncs)
};

}  // namespace patnav
