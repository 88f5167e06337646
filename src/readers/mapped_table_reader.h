// Tables of any layout (CSV, TSV, JSONL) read through a column mapping: a
// mapping file (options.mapping_file, format in docs/formats/mapping.md) or,
// without one, the built-in preset of table_mapping.h, which knows the
// headers of CNIPA/incoPat/PatSnap/Soopat exports (申请号, 公开（公告）号,
// 申请(专利权)人, ...) and of English PatSnap/Lens exports.
//
// Per row: publication number parsed to the DOCDB key (a country/kind column
// or the mapping's "country" supplies what the number lacks); dates to ISO;
// title/abstract keyed by the language of their script (Han -> zh) unless the
// target names one (title.en); 主权项/first_claim -> claims[0] {num 1,
// independent}; applicants/assignees via PartyFromName, inventors via
// PersonFromFullName, split by SplitMultiValue (';', '；', '|'; ',' too for
// inventors when no other separator occurs); 优先权 "CN202010123456.7
// 2020-03-05" -> a priority claim; 地址 -> the first applicant's city when it
// can be read ("北京市", "深圳市"); legal-status and transaction columns
// become legal events (table_legal_status.h); the tools' counts (被引用次数)
// are ignored. A cell of only "-" is empty. When several columns feed one single-valued field the first
// non-empty one wins. The title's script also sets `language` when CJK.
//
// The header is the first of the first ten rows that the mapping fits
// (BindingFits); rows before it (export banners) are skipped. Rejected rows:
// a column count unlike the header's, no or unparsable publication number,
// invalid UTF-8, CSV syntax errors; for JSONL, lines that are not objects.
#pragma once

#include <memory>
#include <string_view>

#include "base/status.h"
#include "readers/reader.h"

namespace patnav {

// Returns the reader for `head` (the input's first bytes; GB18030 is
// transcoded first). With options.mapping_file: InvalidArgument/IOError when
// the file is bad, NotFound when the input has no header it fits. Without:
// canonical JSONL goes to NewCanonicalJsonlReader; otherwise the preset, or
// NotFound("no column mapping: give --mapping FILE (see
// docs/formats/mapping.md)") when it does not fit. source.format of the
// records is "csv-mapped" (also for JSONL through a mapping).
Result<std::unique_ptr<Reader>> NewMappedTableReader(std::string_view head, const ReaderOptions& options);

}  // namespace patnav
