// A file mapped read-only into memory, for reading a large file as one
// string_view without copying it (a spooled upload split into its parts).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav {

class MappedFile {
 public:
  // Maps the whole of `path`. IOError naming the file when it cannot be
  // opened or mapped. An empty file gives an empty view.
  static Result<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Valid while this object lives; the file must not be truncated meanwhile.
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace patnav
