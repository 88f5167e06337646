// In-memory and peekable byte sources.
#include "readers/byte_source.h"

#include <cstring>

namespace patnav {

namespace {

class StringSource : public ByteSource {
 public:
  StringSource(std::string_view data, std::string label) : data_(data), label_(std::move(label)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  const std::string& label() const override { return label_; }
  uint64_t size_hint() const override { return data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
  std::string label_;
};

}  // namespace

std::unique_ptr<ByteSource> NewStringSource(std::string_view data, std::string label) {
  return std::make_unique<StringSource>(data, std::move(label));
}

PeekableSource::PeekableSource(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {}

Result<std::string_view> PeekableSource::Peek(size_t n) {
  while (head_.size() < n) {
    size_t old = head_.size();
    head_.resize(n);
    ASSIGN_OR_RETURN(size_t got, src_->Read(head_.data() + old, n - old));
    head_.resize(old + got);
    if (got == 0) break;
  }
  return std::string_view(head_).substr(head_pos_, std::min(n, head_.size() - head_pos_));
}

Result<size_t> PeekableSource::Read(char* buf, size_t n) {
  if (head_pos_ < head_.size()) {
    size_t k = std::min(n, head_.size() - head_pos_);
    std::memcpy(buf, head_.data() + head_pos_, k);
    head_pos_ += k;
    if (head_pos_ == head_.size()) { head_.clear(); head_.shrink_to_fit(); head_pos_ = 0; }
    consumed_ += k;
    return k;
  }
  ASSIGN_OR_RETURN(size_t got, src_->Read(buf, n));
  consumed_ += got;
  return got;
}

Result<std::string> ReadAll(ByteSource& src) {
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ASSIGN_OR_RETURN(size_t got, src.Read(buf, sizeof buf));
    if (got == 0) break;
    out.append(buf, got);
  }
  return out;
}

}  // namespace patnav
