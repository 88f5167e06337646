// Streaming input: a file on disk or a member of a zip archive, read in
// chunks so that memory stays flat whatever the input's size.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf; 0 at end of input.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // What to call this input in messages: a path, or "archive.zip!member.xml".
  virtual const std::string& label() const = 0;
  // Total size in bytes when known (for progress), else 0.
  virtual uint64_t size_hint() const { return 0; }
};

// An in-memory source over `data`, which must outlive it.
std::unique_ptr<ByteSource> NewStringSource(std::string_view data, std::string label);

// Reads from `src` with a look-ahead buffer: Peek shows the first bytes
// without consuming them. Counts bytes consumed (for progress).
class PeekableSource : public ByteSource {
 public:
  explicit PeekableSource(std::unique_ptr<ByteSource> src);
  // Up to n bytes from the start of the input (fewer at its end).
  Result<std::string_view> Peek(size_t n);
  Result<size_t> Read(char* buf, size_t n) override;
  const std::string& label() const override { return src_->label(); }
  uint64_t size_hint() const override { return src_->size_hint(); }
  uint64_t consumed() const { return consumed_; }

 private:
  std::unique_ptr<ByteSource> src_;
  std::string head_;
  size_t head_pos_ = 0;
  uint64_t consumed_ = 0;
};

// Reads the whole of `src` (for small inputs and tests).
Result<std::string> ReadAll(ByteSource& src);

}  // namespace patnav
