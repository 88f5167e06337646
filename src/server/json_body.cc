// Closed-schema checking of JSON request bodies (json_body.h).
#include "server/json_body.h"

namespace patnav::server {

const char* FieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::kString: return "string";
    case FieldType::kInteger: return "integer";
    case FieldType::kNumber: return "number";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kStringArray: return "array";
    case FieldType::kObject: return "object";
    case FieldType::kObjectArray: return "array";
  }
  return "string";
}

namespace {

const char* Expected(FieldType t) {
  switch (t) {
    case FieldType::kString: return "a string";
    case FieldType::kInteger: return "an integer";
    case FieldType::kNumber: return "a number";
    case FieldType::kBoolean: return "true or false";
    case FieldType::kStringArray: return "an array of strings";
    case FieldType::kObject: return "an object";
    case FieldType::kObjectArray: return "an array of objects";
  }
  return "a value";
}

bool Conforms(const nlohmann::json& v, FieldType t) {
  switch (t) {
    case FieldType::kString: return v.is_string();
    case FieldType::kInteger: return v.is_number_integer();
    case FieldType::kNumber: return v.is_number();
    case FieldType::kBoolean: return v.is_boolean();
    case FieldType::kObject: return v.is_object();
    case FieldType::kStringArray:
      if (!v.is_array()) return false;
      for (const auto& e : v)
        if (!e.is_string()) return false;
      return true;
    case FieldType::kObjectArray:
      if (!v.is_array()) return false;
      for (const auto& e : v)
        if (!e.is_object()) return false;
      return true;
  }
  return false;
}

// Every string anywhere in `v` within the size limit (UTF-8 validity is
// checked by the JSON parser).
bool StringsWithin(const nlohmann::json& v, size_t max_bytes) {
  if (v.is_string()) return v.get_ref<const std::string&>().size() <= max_bytes;
  if (v.is_array() || v.is_object())
    for (const auto& e : v)
      if (!StringsWithin(e, max_bytes)) return false;
  return true;
}

}  // namespace

nlohmann::json ParseBody(std::string_view body, std::span<const FieldSpec> fields, BodyError* error,
                         size_t max_string_bytes) {
  auto fail = [&](std::string field, std::string reason) {
    error->field = std::move(field);
    error->status = Status::InvalidArgument(std::move(reason));
    return nlohmann::json();
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::parse_error& e) {
    return fail("", "the body is not valid JSON (at byte " + std::to_string(e.byte) + ")");
  }
  if (!j.is_object()) return fail("", "the body must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : fields)
      if (it.key() == f.name) spec = &f;
    if (!spec) return fail(it.key(), "unknown field '" + it.key() + "'");
    if (it.value().is_null() && !spec->required) continue;
    if (!Conforms(it.value(), spec->type))
      return fail(it.key(), "field '" + it.key() + "' must be " + Expected(spec->type));
    if (!StringsWithin(it.value(), max_string_bytes))
      return fail(it.key(), "field '" + it.key() + "' is longer than " + std::to_string(max_string_bytes) + " bytes");
  }
  for (const FieldSpec& f : fields)
    if (f.required && (!j.contains(f.name) || j[f.name].is_null()))
      return fail(f.name, std::string("field '") + f.name + "' is required");
  return j;
}

nlohmann::ordered_json FieldsSchema(std::span<const FieldSpec> fields) {
  nlohmann::ordered_json s;
  s["type"] = "object";
  s["additionalProperties"] = false;
  s["properties"] = nlohmann::ordered_json::object();
  nlohmann::ordered_json required = nlohmann::ordered_json::array();
  for (const FieldSpec& f : fields) {
    nlohmann::ordered_json p;
    p["type"] = FieldTypeName(f.type);
    if (f.type == FieldType::kStringArray) p["items"] = {{"type", "string"}};
    if (f.type == FieldType::kObjectArray) p["items"] = {{"type", "object"}};
    if (f.description && *f.description) p["description"] = f.description;
    s["properties"][f.name] = p;
    if (f.required) required.push_back(f.name);
  }
  if (!required.empty()) s["required"] = required;
  return s;
}

}  // namespace patnav::server
