// The canonical record as JSON: the exact field names and nesting of
// ../shared/schema/patent-record.schema.json, in the schema's order. Absent
// facts (empty strings, empty lists, unset optionals) are omitted.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "model/patent_record.h"

namespace patnav {

using Json = nlohmann::ordered_json;

// The canonical JSON object; `description` is never included.
Json RecordToJson(const PatentRecord& r);
// One line, no trailing newline.
std::string RecordToJsonLine(const PatentRecord& r);
// Reads a canonical record back (the store keeps records in this form).
// Unknown fields are ignored; wrong types give Corruption.
Result<PatentRecord> RecordFromJson(const Json& j);
Result<PatentRecord> RecordFromJsonText(std::string_view text);

}  // namespace patnav
