// The byte layout of a text segment (docs/formats/text-segment.md): the
// postings, positions and document lengths of the free-text terms of a run
// of documents, written once by TextSegmentWriter and read in place by
// TextSegment. Shared by the two so that they cannot disagree.
//
// All integers are little-endian; "varint" is the 7-bits-per-byte unsigned
// encoding with the high bit set on every byte but the last (at most 10
// bytes for 64 bits).
//
//   header   kHeaderBytes: magic, version, counts, the sections' offsets and
//            the body's checksum (below)
//   body     streams: per term, in term order, its postings stream then its
//              positions stream
//            document table: per document varint(docid - previous docid),
//              varint(length = sum of its terms' wdf), ascending docids
//            dictionary: per term, in ascending byte order,
//              varint(term bytes) term, varint(doc freq), varint(collection
//              freq), varint(postings offset), varint(postings bytes),
//              varint(positions bytes) (the positions stream follows the
//              postings stream)
//
// A term's postings stream: per document holding it, ascending,
// varint(docid - previous docid) varint(wdf) varint(positions bytes of this
// document); its positions stream: per document, that many bytes, the
// document's positions of the term ascending, each as varint(position -
// previous position), the first from 0. A term added without positions has
// 0 positions bytes in every posting.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "index/flat_string_map.h"

namespace patnav::index::text_segment {

inline constexpr char kMagic[8] = {'P', 'N', 'T', 'X', 'S', 'E', 'G', '\n'};
inline constexpr uint32_t kVersion = 1;

// Header fields, at these byte offsets from the start of the file.
inline constexpr size_t kMagicAt = 0;            // 8 bytes
inline constexpr size_t kVersionAt = 8;          // u32
inline constexpr size_t kDocumentsAt = 12;       // u32
inline constexpr size_t kTermsAt = 16;           // u32, then 12 bytes reserved (0)
inline constexpr size_t kDocTableAt = 32;        // u64: offset of the document table
inline constexpr size_t kDictionaryAt = 40;      // u64: offset of the dictionary (it runs to the end)
inline constexpr size_t kChecksumAt = 48;        // u64: BodyChecksum of every byte after the header
inline constexpr size_t kHeaderBytes = 56;

inline void PutFixed32(char* at, uint32_t v) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<char>(v >> (8 * i));
}
inline void PutFixed64(char* at, uint64_t v) {
  for (int i = 0; i < 8; ++i) at[i] = static_cast<char>(v >> (8 * i));
}
inline uint32_t GetFixed32(const char* at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(at[i])) << (8 * i);
  return v;
}
inline uint64_t GetFixed64(const char* at) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(at[i])) << (8 * i);
  return v;
}

inline void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Decodes a varint at *p (below `end`) into *v and advances *p; false, with
// *p unchanged, when the bytes end first or the value overflows 64 bits.
inline bool GetVarint(const char** p, const char* end, uint64_t* v) {
  uint64_t out = 0;
  const char* q = *p;
  for (int shift = 0; shift < 64 && q < end; shift += 7) {
    const uint64_t b = static_cast<unsigned char>(*q++);
    if (shift == 63 && b > 1) return false;
    out |= (b & 0x7F) << shift;
    if (b < 0x80) {
      *v = out;
      *p = q;
      return true;
    }
  }
  return false;
}

// The body's checksum, computed in blocks of kChecksumBlock bytes so that a
// writer can compute it while streaming: each block hashed on its own
// (FastHash, index/flat_string_map.h), the block hashes folded in order.
// Detects torn and damaged files; not a defence against a forger.
inline constexpr size_t kChecksumBlock = 1 << 16;

class BodyChecksum {
 public:
  void Add(std::string_view bytes) {
    while (!bytes.empty()) {
      const size_t n = std::min(bytes.size(), kChecksumBlock - pending_.size());
      pending_.append(bytes.substr(0, n));
      bytes.remove_prefix(n);
      if (pending_.size() == kChecksumBlock) Fold();
    }
  }
  uint64_t Finish() {
    if (!pending_.empty()) Fold();
    return sum_;
  }

 private:
  void Fold() {
    sum_ = (sum_ ^ FastHash(pending_)) * 0x9E3779B97F4A7C15ull + pending_.size();
    pending_.clear();
  }
  std::string pending_;
  uint64_t sum_ = 0x243F6A8885A308D3ull;
};

}  // namespace patnav::index::text_segment
