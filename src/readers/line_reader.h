// Line-at-a-time reading of JSON Lines inputs, streaming: memory is bounded
// by the longest line. Input is taken through NewUtf8Source (GB18030 is
// transcoded) and a leading UTF-8 BOM is dropped.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "readers/byte_source.h"

namespace patnav {

struct TextLine {
  int64_t number = 0;     // 1-based line number
  std::string text;       // without the line end (LF or CRLF)
  bool too_long = false;  // over the limit: `text` is empty, the line skipped
};

class LineReader {
 public:
  // REQUIRES: `in` outlives the reader.
  explicit LineReader(ByteSource& in, size_t max_line_bytes = size_t{64} << 20);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line that is not blank (whitespace only). Returns false at end
  // of input, an error Status when the source fails to read.
  Result<bool> Next(TextLine& line);

 private:
  Result<bool> Fill();

  ByteSource& raw_;
  size_t max_line_bytes_;
  std::unique_ptr<ByteSource> in_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  int64_t line_ = 0;
};

}  // namespace patnav
