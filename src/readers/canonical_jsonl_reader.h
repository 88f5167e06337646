// Canonical JSON Lines: one canonical record (see record_json.h and
// ../shared/schema/patent-record.schema.json) per line, as written by
// `patnav export --format jsonl`, so that an export can be ingested again.
//
// Each line goes through RecordFromJsonText; a line that is not valid UTF-8,
// not JSON, not an object or has no publication_number is rejected with its
// line number. Records without country/doc_number get them from their
// publication_number. source is replaced by {format "canonical-jsonl", the
// input's label, the line number}.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

std::unique_ptr<Reader> NewCanonicalJsonlReader();

// True when the first non-blank line of `head` is a JSON object with a string
// "publication_number" (or, cut off by the end of `head`, begins with that key
// as the export writes it).
bool LooksLikeCanonicalJsonl(std::string_view head);

}  // namespace patnav
