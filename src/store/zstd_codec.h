// Compression of the store's blobs (canonical JSON, description text): each
// blob is one standard zstd frame with its content size in the header and a
// content checksum, so any zstd tool can read it and damage is detected.
// Contexts are kept and reused between calls.
//
// Thread-safety: one ZstdCodec per thread.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace patnav {

class ZstdCodec {
 public:
  // `level` is a zstd level (negative for faster, 1..19 for smaller).
  explicit ZstdCodec(int level);
  ~ZstdCodec();
  ZstdCodec(const ZstdCodec&) = delete;
  ZstdCodec& operator=(const ZstdCodec&) = delete;

  // Replaces *out with one zstd frame holding `in`.
  Status Compress(std::string_view in, std::string* out);
  // Replaces *out with the content of the frame `frame`. Corruption when
  // `frame` is not one complete zstd frame with a declared content size, its
  // checksum does not match, or the size exceeds kMaxContentBytes.
  Status Decompress(std::string_view frame, std::string* out);

  static constexpr size_t kMaxContentBytes = size_t{1} << 30;

 private:
  int level_;
  ZSTD_CCtx_s* cctx_;
  ZSTD_DCtx_s* dctx_;
};

}  // namespace patnav
