// zstd blob compression with reused contexts.
#include "store/zstd_codec.h"

#include <zstd.h>

namespace patnav {

ZstdCodec::ZstdCodec(int level) : level_(level), cctx_(ZSTD_createCCtx()), dctx_(ZSTD_createDCtx()) {
  if (cctx_) {
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level_);
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
  }
}

ZstdCodec::~ZstdCodec() {
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeDCtx(dctx_);
}

Status ZstdCodec::Compress(std::string_view in, std::string* out) {
  if (!cctx_) return Status::Internal("zstd: cannot allocate a compression context");
  out->resize(ZSTD_compressBound(in.size()));
  size_t n = ZSTD_compress2(cctx_, out->data(), out->size(), in.data(), in.size());
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  out->resize(n);
  return Status::OK();
}

Status ZstdCodec::Decompress(std::string_view frame, std::string* out) {
  if (!dctx_) return Status::Internal("zstd: cannot allocate a decompression context");
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    return Status::Corruption("stored blob is not a zstd frame with a content size");
  if (size > kMaxContentBytes) return Status::Corruption("stored blob declares an implausible size");
  if (ZSTD_findFrameCompressedSize(frame.data(), frame.size()) != frame.size())
    return Status::Corruption("stored blob is not exactly one zstd frame");
  out->resize(size);
  size_t n = ZSTD_decompressDCtx(dctx_, out->data(), out->size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size)
    return Status::Corruption(std::string("stored blob does not decompress: ") +
                              (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "size mismatch"));
  return Status::OK();
}

}  // namespace patnav
