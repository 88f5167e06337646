// Encoding detection and GB18030 -> UTF-8 streaming with ICU ucnv.
#include "readers/text_encoding.h"

#include <cstring>

#include <unicode/ucnv.h>

#include "base/utf8.h"

namespace patnav {

namespace {

constexpr size_t kSniffBytes = 64 * 1024;

// Valid UTF-8, allowing the last character to be cut off by the sniff window.
bool IsUtf8Prefix(std::string_view s) {
  size_t bad = FindInvalidUtf8(s);
  if (bad == std::string_view::npos) return true;
  if (s.size() - bad >= 4) return false;
  unsigned char lead = static_cast<unsigned char>(s[bad]);
  size_t len = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || s.size() - bad >= len) return false;
  for (size_t i = bad + 1; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return false;
  return true;
}

// Counts well-formed multi-byte UTF-8 characters and bytes that start no
// well-formed character.
void CountUtf8(std::string_view s, size_t& valid, size_t& invalid) {
  valid = invalid = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    size_t bad = FindInvalidUtf8(s.substr(i, 4));
    unsigned char lead = static_cast<unsigned char>(s[i]);
    size_t len = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
    if (bad != 0 && len > 1 && (bad == std::string_view::npos || bad >= len)) {
      ++valid;
      i += len;
    } else {
      ++invalid;
      ++i;
    }
  }
}

// Appends UTF-16 code units as UTF-8; a high surrogate waits in `pending`
// for its partner, which may come with the next chunk.
void AppendUtf16(std::string& out, const UChar* p, size_t n, char16_t& pending) {
  for (size_t i = 0; i < n; ++i) {
    char16_t u = p[i];
    if (pending) {
      char16_t hi = pending;
      pending = 0;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((static_cast<char32_t>(hi) - 0xD800) << 10) + (u - 0xDC00));
        continue;
      }
      out.push_back('\xFF');  // lone surrogate: cannot happen from GB18030
    }
    if (u >= 0xD800 && u <= 0xDBFF) { pending = u; continue; }
    if (u >= 0xDC00 && u <= 0xDFFF) { out.push_back('\xFF'); continue; }
    AppendUtf8(out, u);
  }
}

// Streams GB18030 to UTF-8. Undecodable sequences become 0xFF bytes.
class Gb18030Converter {
 public:
  Gb18030Converter() {
    UErrorCode err = U_ZERO_ERROR;
    conv_ = ucnv_open("GB18030", &err);
    if (U_FAILURE(err)) conv_ = nullptr;
    if (conv_) {
      err = U_ZERO_ERROR;
      ucnv_setToUCallBack(conv_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    }
  }
  ~Gb18030Converter() { if (conv_) ucnv_close(conv_); }
  Gb18030Converter(const Gb18030Converter&) = delete;
  Gb18030Converter& operator=(const Gb18030Converter&) = delete;

  bool ok() const { return conv_ != nullptr; }

  // Converts [src, end) and appends to `out`; `flush` at end of input.
  // Returns the number of undecodable sequences met.
  int Convert(const char* src, const char* end, bool flush, std::string& out) {
    int errors = 0;
    UChar tmp[4096];
    for (;;) {
      UErrorCode err = U_ZERO_ERROR;
      UChar* t = tmp;
      ucnv_toUnicode(conv_, &t, tmp + 4096, &src, end, nullptr, flush, &err);
      AppendUtf16(out, tmp, static_cast<size_t>(t - tmp), pending_);
      if (err == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(err)) {
        ++errors;
        out.push_back('\xFF');
        if (src < end) continue;
        ucnv_reset(conv_);
      }
      break;
    }
    if (flush && pending_) { out.push_back('\xFF'); pending_ = 0; }
    return errors;
  }

 private:
  UConverter* conv_ = nullptr;
  char16_t pending_ = 0;
};

// Counts double-byte characters and those inside the GB2312 block.
void CountGbPairs(std::string_view s, size_t& pairs, size_t& gb2312) {
  pairs = gb2312 = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 || i + 1 >= s.size()) { ++i; continue; }
    unsigned char t = static_cast<unsigned char>(s[i + 1]);
    if (t >= 0x30 && t <= 0x39) { i += 4; continue; }
    ++pairs;
    if (b >= 0xA1 && b <= 0xF7 && t >= 0xA1 && t <= 0xFE) ++gb2312;
    i += 2;
  }
}

// Serves the sniffed head, then the rest of the input, as it is.
class PassThroughSource : public ByteSource {
 public:
  PassThroughSource(ByteSource& in, std::string head) : in_(in), head_(std::move(head)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < head_.size()) {
      size_t k = std::min(n, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return in_.Read(buf, n);
  }
  const std::string& label() const override { return in_.label(); }
  uint64_t size_hint() const override { return in_.size_hint(); }

 private:
  ByteSource& in_;
  std::string head_;
  size_t pos_ = 0;
};

class TranscodingSource : public ByteSource {
 public:
  TranscodingSource(ByteSource& in, std::string head) : in_(in) {
    conv_.Convert(head.data(), head.data() + head.size(), false, out_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    while (pos_ == out_.size() && !done_) {
      out_.clear();
      pos_ = 0;
      char chunk[kSniffBytes];
      ASSIGN_OR_RETURN(size_t got, in_.Read(chunk, sizeof chunk));
      if (got == 0) done_ = true;
      conv_.Convert(chunk, chunk + got, done_, out_);
    }
    size_t k = std::min(n, out_.size() - pos_);
    std::memcpy(buf, out_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  const std::string& label() const override { return in_.label(); }
  uint64_t size_hint() const override { return in_.size_hint(); }

 private:
  ByteSource& in_;
  Gb18030Converter conv_;
  std::string out_;
  size_t pos_ = 0;
  bool done_ = false;
};

}  // namespace

bool LooksLikeGb18030(std::string_view head) {
  if (IsUtf8Prefix(head)) return false;
  size_t valid_utf8, invalid_utf8;
  CountUtf8(head, valid_utf8, invalid_utf8);
  if (valid_utf8 >= 4 * invalid_utf8) return false;  // UTF-8 with a few bad bytes
  size_t pairs, gb2312;
  CountGbPairs(head, pairs, gb2312);
  if (pairs == 0 || gb2312 * 2 < pairs) return false;
  Gb18030Converter conv;
  if (!conv.ok()) return false;
  std::string out;
  size_t errors = static_cast<size_t>(conv.Convert(head.data(), head.data() + head.size(), false, out));
  return errors * 10 <= pairs;  // a stray bad byte does not make a Chinese file UTF-8
}

TextEncoding DetectTextEncoding(std::string_view head) {
  return LooksLikeGb18030(head) ? TextEncoding::kGb18030 : TextEncoding::kUtf8;
}

std::string HeadAsUtf8(std::string_view head) {
  if (!LooksLikeGb18030(head)) return std::string(head);
  Gb18030Converter conv;
  std::string out;
  conv.Convert(head.data(), head.data() + head.size(), false, out);
  return out;
}

Result<std::unique_ptr<ByteSource>> NewUtf8Source(ByteSource& in) {
  std::string head;
  head.resize(kSniffBytes);
  size_t have = 0;
  while (have < head.size()) {
    ASSIGN_OR_RETURN(size_t got, in.Read(head.data() + have, head.size() - have));
    if (got == 0) break;
    have += got;
  }
  head.resize(have);
  std::unique_ptr<ByteSource> out;
  if (DetectTextEncoding(head) == TextEncoding::kGb18030) out = std::make_unique<TranscodingSource>(in, std::move(head));
  else out = std::make_unique<PassThroughSource>(in, std::move(head));
  return out;
}

}  // namespace patnav
