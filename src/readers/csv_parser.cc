// Streaming RFC 4180 parser: a byte-at-a-time state machine over a buffer
// that keeps the current row's raw text (for resynchronising after an error)
// and drops everything before it.
#include "readers/csv_parser.h"

#include "base/utf8.h"
#include "readers/text_encoding.h"

namespace patnav {

namespace {

constexpr size_t kChunkBytes = 64 * 1024;
// After this many resynchronisations quoted fields may no longer span lines:
// each resync may rescan up to max_row_bytes, and a hostile input could
// otherwise make every line start a runaway field.
constexpr int kMaxResyncs = 8;

std::string MiB(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

char DetectDelimiter(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;
  size_t commas = 0, tabs = 0;
  bool quoted = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\n') break;
    else if (c == ',') ++commas;
    else if (c == '\t') ++tabs;
  }
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

CsvParser::CsvParser(ByteSource& in, CsvOptions options) : raw_(in), options_(options) {}

CsvParser::~CsvParser() = default;

Status CsvParser::Start() {
  started_ = true;
  ASSIGN_OR_RETURN(in_, NewUtf8Source(raw_));
  while (buf_.size() < 3 && Get() != -1) {}
  RETURN_IF_ERROR(io_status_);
  pos_ = 0;
  if (buf_.size() >= 3 && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = row_begin_ = 3;
  delimiter_ = options_.delimiter;
  if (delimiter_ == 0) delimiter_ = DetectDelimiter(std::string_view(buf_).substr(pos_));
  return Status::OK();
}

int CsvParser::Get() {
  if (pos_ == buf_.size()) {
    if (eof_) return -1;
    if (row_begin_ > 0) {
      buf_.erase(0, row_begin_);
      pos_ -= row_begin_;
      row_begin_ = 0;
    }
    size_t old = buf_.size();
    buf_.resize(old + kChunkBytes);
    Result<size_t> got = in_->Read(buf_.data() + old, kChunkBytes);
    size_t n = got.ok() ? *got : 0;
    buf_.resize(old + n);
    if (!got.ok()) io_status_ = got.status();
    if (n == 0) {
      eof_ = true;
      return -1;
    }
  }
  return static_cast<unsigned char>(buf_[pos_++]);
}

CsvParser::Outcome CsvParser::ParseRow(CsvRow& row) {
  row.fields.clear();
  row.error.clear();
  for (;;) {  // skip blank lines
    row_begin_ = pos_;
    row.line = line_;
    int c = Get();
    if (c == -1) return Outcome::kEnd;
    if (c == '\n') { ++line_; continue; }
    if (c == '\r') {
      int d = Get();
      if (d == -1) return Outcome::kEnd;
      if (d == '\n') { ++line_; continue; }
    }
    pos_ = row_begin_;
    break;
  }
  enum class State { kStart, kUnquoted, kQuoted, kQuoteSeen };
  State st = State::kStart;
  std::string field;
  int64_t newlines = 0;  // inside quoted fields
  auto end_field = [&](bool strip_cr) {
    if (strip_cr && !field.empty() && field.back() == '\r') field.pop_back();
    row.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_row = [&] {
    line_ += newlines + 1;
    return Outcome::kRow;
  };
  const char delim = delimiter_;
  for (;;) {
    if (field.size() > options_.max_field_bytes) {
      row.error = "field over " + MiB(options_.max_field_bytes) + " in column " + std::to_string(row.fields.size() + 1);
      return Outcome::kBad;
    }
    if (pos_ - row_begin_ > options_.max_row_bytes) {
      row.error = "row over " + MiB(options_.max_row_bytes);
      return Outcome::kBad;
    }
    int c = Get();
    if (c == -1) {
      if (st == State::kQuoted) {
        row.error = "unterminated quote in column " + std::to_string(row.fields.size() + 1);
        return Outcome::kBad;
      }
      end_field(st == State::kUnquoted);
      return end_row();
    }
    switch (st) {
      case State::kStart:
        if (c == '"') {
          st = State::kQuoted;
          break;
        }
        [[fallthrough]];
      case State::kUnquoted:
        if (c == delim) {
          end_field(true);
          st = State::kStart;
        } else if (c == '\n') {
          end_field(true);
          return end_row();
        } else {
          field.push_back(static_cast<char>(c));
          st = State::kUnquoted;
        }
        break;
      case State::kQuoted:
        if (c == '"') {
          st = State::kQuoteSeen;
        } else if (c == '\n' && line_mode_) {
          row.error = "unterminated quote in column " + std::to_string(row.fields.size() + 1);
          end_field(false);
          end_row();
          return Outcome::kBadRowEnded;
        } else {
          if (c == '\n') ++newlines;
          field.push_back(static_cast<char>(c));
        }
        break;
      case State::kQuoteSeen:
        if (c == '"') {
          field.push_back('"');
          st = State::kQuoted;
        } else if (c == delim) {
          end_field(false);
          st = State::kStart;
        } else if (c == '\n') {
          end_field(false);
          return end_row();
        } else if (c != '\r') {
          field.push_back(static_cast<char>(c));
          st = State::kUnquoted;
        }
        break;
    }
  }
}

void CsvParser::Resync(const CsvRow& row) {
  pos_ = row_begin_;
  for (;;) {
    row_begin_ = pos_;  // what is skipped need not be kept
    int c = Get();
    if (c == -1 || c == '\n') break;
  }
  row_begin_ = pos_;
  line_ = row.line + 1;
}

Result<bool> CsvParser::Next(CsvRow& row) {
  if (!started_) RETURN_IF_ERROR(Start());
  Outcome outcome = ParseRow(row);
  RETURN_IF_ERROR(io_status_);
  if (outcome == Outcome::kEnd) return false;
  if (outcome == Outcome::kBadRowEnded) return true;
  if (outcome == Outcome::kBad) {
    Resync(row);
    RETURN_IF_ERROR(io_status_);
    if (++resyncs_ >= kMaxResyncs) line_mode_ = true;
    return true;
  }
  for (size_t i = 0; i < row.fields.size(); ++i) {
    if (!IsValidUtf8(row.fields[i])) {
      row.error = "invalid UTF-8 in column " + std::to_string(i + 1);
      break;
    }
  }
  return true;
}

}  // namespace patnav
