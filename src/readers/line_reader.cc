// Line splitting over a chunked buffer.
#include "readers/line_reader.h"

#include <cstring>

#include "base/strings.h"
#include "readers/text_encoding.h"

namespace patnav {

namespace {
constexpr size_t kChunkBytes = 64 * 1024;
}  // namespace

LineReader::LineReader(ByteSource& in, size_t max_line_bytes) : raw_(in), max_line_bytes_(max_line_bytes) {}

LineReader::~LineReader() = default;

Result<bool> LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunkBytes);
  Result<size_t> got = in_->Read(buf_.data() + old, kChunkBytes);
  buf_.resize(old + (got.ok() ? *got : 0));
  if (!got.ok()) return got.status();
  if (*got == 0) eof_ = true;
  return *got != 0;
}

Result<bool> LineReader::Next(TextLine& line) {
  if (!in_) {
    ASSIGN_OR_RETURN(in_, NewUtf8Source(raw_));
    ASSIGN_OR_RETURN(bool more, Fill());
    if (more && StartsWith(buf_, "\xEF\xBB\xBF")) pos_ = 3;
  }
  for (;;) {
    size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
    bool too_long = false;
    size_t nl;
    for (;;) {
      nl = buf_.find('\n', pos_ + scanned);
      if (nl != std::string::npos) break;
      if (buf_.size() - pos_ > max_line_bytes_) {
        too_long = true;  // drop what we have, read on to the line's end
        buf_.clear();
        pos_ = 0;
      }
      scanned = buf_.size() - pos_;
      ASSIGN_OR_RETURN(bool more, Fill());  // moves the data to offset 0
      if (!more) break;
    }
    if (nl == std::string::npos && pos_ == buf_.size() && !too_long) return false;
    size_t end = nl == std::string::npos ? buf_.size() : nl;
    line.number = ++line_;
    line.too_long = too_long || end - pos_ > max_line_bytes_;
    if (line.too_long) line.text.clear();
    else line.text.assign(buf_, pos_, end - pos_);
    pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
    if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    if (line.too_long || !Trim(line.text).empty()) return true;
  }
}

}  // namespace patnav
