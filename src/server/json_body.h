// Request bodies of the API: JSON objects checked against a closed field
// list before any handler sees them. A body is refused whole (400 with the
// field and the reason) when it is not JSON, not an object, lacks a required
// field, has a field of the wrong type, or has a field the list does not name.
// The same field lists describe the request bodies in the OpenAPI document.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace patnav::server {

enum class FieldType { kString, kInteger, kNumber, kBoolean, kStringArray, kObject, kObjectArray };
const char* FieldTypeName(FieldType t);  // the JSON Schema type: "string", "integer", ...

struct FieldSpec {
  const char* name;
  FieldType type;
  bool required;
  const char* description;
};

struct BodyError {
  std::string field;   // empty when the body as a whole is at fault
  Status status;       // InvalidArgument with the reason
};

// Parses `body` as a JSON object conforming to `fields`. Strings must be
// valid UTF-8 and at most `max_string_bytes` each. On failure fills `error`
// and returns a null JSON.
nlohmann::json ParseBody(std::string_view body, std::span<const FieldSpec> fields, BodyError* error,
                         size_t max_string_bytes = 1 << 20);

// The JSON Schema of an object with these fields (for the OpenAPI document).
nlohmann::ordered_json FieldsSchema(std::span<const FieldSpec> fields);

}  // namespace patnav::server
