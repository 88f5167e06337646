// Character encoding of text inputs (CSV, TSV, JSONL). Everything past this
// layer is UTF-8: a UTF-8 input passes through, a GB18030/GBK input (the
// usual encoding of Chinese patent-tool exports saved by Excel) is transcoded
// with ICU while it streams.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "readers/byte_source.h"

namespace patnav {

enum class TextEncoding { kUtf8, kGb18030 };

// True when `head` (the first bytes of an input; it may end inside a
// character) is not UTF-8 (nor UTF-8 with a few bad bytes: at least four
// well-formed multi-byte characters per bad byte) but decodes as GB18030 (undecodable sequences at
// most one per ten double-byte characters) and reads as Chinese: at least
// half of its double-byte characters lie in the GB2312 block, which rules out
// Latin-1 and other 8-bit text.
bool LooksLikeGb18030(std::string_view head);

// The encoding of an input from its first bytes: GB18030 when
// LooksLikeGb18030, otherwise UTF-8 (invalid bytes are then left for the
// reader to reject row by row).
TextEncoding DetectTextEncoding(std::string_view head);

// `head` as UTF-8, for sniffing headers: transcoded when it is GB18030 (an
// incomplete character at its end is dropped), as is otherwise.
std::string HeadAsUtf8(std::string_view head);

// A source yielding `in` as UTF-8. Reads up to 64 KiB ahead to detect the
// encoding, then streams (transcoding GB18030 chunk by chunk). A byte
// sequence that is not GB18030 comes out as the byte 0xFF, so that the row
// holding it fails UTF-8 validation like any other bad byte.
// Returns the I/O error of reading the head. REQUIRES: `in` outlives the
// returned source.
Result<std::unique_ptr<ByteSource>> NewUtf8Source(ByteSource& in);

}  // namespace patnav
