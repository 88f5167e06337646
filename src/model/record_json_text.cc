// RecordFromJsonText on simdjson: the decoder every store read goes through.
//
// Why not nlohmann (which RecordFromJson, RecordToJson and everything else
// keep using): decoding records is the main cost of reading the store. The
// analytics snapshot of 124,000 patents spent about 80% of its 30 s in
// nlohmann's lexer, DOM allocations and the copies out of the DOM; simdjson's
// DOM parser (runtime-dispatched SIMD) with the same field extraction decodes
// the same records about 4x faster (bench/README.md, "Reading records").
//
// Contract: the same PatentRecord as RecordFromJson(Json::parse(text)) for
// every input both accept, the same errors for the rest ("not valid JSON",
// "record is not a JSON object", "record has no publication_number");
// record_json_text_test.cc and fuzz/record_json_fuzz.cc hold it to that.
// Fields of the wrong type are ignored, as there. A key given twice: the
// last one counts, as in nlohmann.
#include <simdjson.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/record_json.h"

namespace patnav {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// The value of the last member named `key`, as nlohmann's parser keeps.
bool Find(object o, std::string_view key, element* out) {
  bool found = false;
  for (auto field : o) {
    if (field.key == key) {
      *out = field.value;
      found = true;
    }
  }
  return found;
}

// A record has about 30 members; one pass files them by name instead of a
// scan per field.
struct Members {
  explicit Members(object o) {
    for (auto field : o) map[field.key] = field.value;
  }
  bool Get(std::string_view key, element* out) const {
    auto it = map.find(key);
    if (it == map.end()) return false;
    *out = it->second;
    return true;
  }
  std::map<std::string_view, element> map;
};

std::string AsString(element e) {
  std::string_view v;
  if (e.get_string().get(v) != simdjson::SUCCESS) return {};
  return std::string(v);
}

std::string String(object o, std::string_view key) {
  element e;
  return Find(o, key, &e) ? AsString(e) : std::string();
}

std::string String(const Members& m, std::string_view key) {
  element e;
  return m.Get(key, &e) ? AsString(e) : std::string();
}

// nlohmann's is_number_integer: a signed or unsigned integer, not a float.
bool Integer(element e, int64_t* out) {
  if (e.is_int64()) {
    *out = e.get_int64().value_unsafe();
    return true;
  }
  if (e.is_uint64()) {
    *out = static_cast<int64_t>(e.get_uint64().value_unsafe());
    return true;
  }
  return false;
}

bool Array(const Members& m, std::string_view key, array* out) {
  element e;
  return m.Get(key, &e) && e.get_array().get(*out) == simdjson::SUCCESS;
}

std::vector<std::string> Strings(const Members& m, std::string_view key) {
  std::vector<std::string> out;
  array a;
  if (!Array(m, key, &a)) return out;
  for (element e : a)
    if (e.is_string()) out.push_back(AsString(e));
  return out;
}

std::map<std::string, std::string> Map(const Members& m, std::string_view key) {
  std::map<std::string, std::string> out;
  element e;
  object o;
  if (!m.Get(key, &e) || e.get_object().get(o) != simdjson::SUCCESS) return out;
  for (auto field : o)
    if (field.value.is_string()) out[std::string(field.key)] = AsString(field.value);
  return out;
}

std::vector<Party> Parties(const Members& m, std::string_view key) {
  std::vector<Party> out;
  array a;
  if (!Array(m, key, &a)) return out;
  for (element e : a) {
    object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) continue;
    Party p;
    p.name = String(o, "name");
    p.last_name = String(o, "last_name");
    p.first_name = String(o, "first_name");
    p.normalized = String(o, "normalized");
    p.type = PartyTypeFromName(String(o, "type"));
    p.country = String(o, "country");
    p.city = String(o, "city");
    p.province = String(o, "province");
    p.standardized = String(o, "standardized");
    out.push_back(std::move(p));
  }
  return out;
}

Result<PatentRecord> Decode(object root) {
  const Members m(root);
  PatentRecord r;
  r.publication_number = String(m, "publication_number");
  r.country = String(m, "country");
  r.doc_number = String(m, "doc_number");
  r.kind = String(m, "kind");
  r.publication_date = String(m, "publication_date");
  r.grant_date = String(m, "grant_date");
  r.application_number = String(m, "application_number");
  r.filing_date = String(m, "filing_date");
  r.priority_date = String(m, "priority_date");
  array a;
  if (Array(m, "priority_claims", &a)) {
    for (element e : a) {
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) continue;
      r.priority_claims.push_back({String(o, "country"), String(o, "doc_number"), String(o, "date")});
    }
  }
  r.family_id = String(m, "family_id");
  r.language = String(m, "language");
  r.title = Map(m, "title");
  r.abstract_text = Map(m, "abstract");
  if (Array(m, "claims", &a)) {
    for (element e : a) {
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) continue;
      Claim c;
      element v;
      int64_t n = 0;
      if (Find(o, "num", &v) && Integer(v, &n)) c.num = static_cast<int>(n);
      c.text = String(o, "text");
      if (Find(o, "independent", &v) && v.is_bool()) c.independent = v.get_bool().value_unsafe();
      array deps;
      if (Find(o, "depends_on", &v) && v.get_array().get(deps) == simdjson::SUCCESS)
        for (element d : deps)
          if (Integer(d, &n)) c.depends_on.push_back(static_cast<int>(n));
      r.claims.push_back(std::move(c));
    }
  }
  element v;
  int64_t n = 0;
  if (m.Get("claims_count", &v) && Integer(v, &n)) r.claims_count = static_cast<int>(n);
  r.applicants = Parties(m, "applicants");
  r.assignees = Parties(m, "assignees");
  r.inventors = Parties(m, "inventors");
  r.ipc = Strings(m, "ipc");
  r.cpc = Strings(m, "cpc");
  r.national_classes = Strings(m, "national_classes");
  if (Array(m, "citations", &a)) {
    for (element e : a) {
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) continue;
      r.citations.push_back({String(o, "publication_number"), String(o, "country"), String(o, "doc_number"),
                             String(o, "kind"), String(o, "date"), String(o, "category")});
    }
  }
  r.npl_citations = Strings(m, "npl_citations");
  if (m.Get("description_chars", &v) && Integer(v, &n)) r.description_chars = n;
  if (m.Get("term_extension_days", &v) && Integer(v, &n)) r.term_extension_days = static_cast<int>(n);
  if (m.Get("terminal_disclaimer", &v) && v.is_bool()) r.terminal_disclaimer = v.get_bool().value_unsafe();
  if (m.Get("length_of_grant_years", &v) && Integer(v, &n)) r.length_of_grant_years = static_cast<int>(n);
  if (Array(m, "parent_applications", &a)) {
    for (element e : a) {
      object o;
      if (e.get_object().get(o) != simdjson::SUCCESS) continue;
      r.parent_applications.push_back(
          {String(o, "relation"), String(o, "country"), String(o, "doc_number"), String(o, "date")});
    }
  }
  object source;
  if (m.Get("source", &v) && v.get_object().get(source) == simdjson::SUCCESS) {
    r.source.format = String(source, "format");
    r.source.file = String(source, "file");
    element d;
    if (Find(source, "doc_index", &d) && Integer(d, &n)) r.source.doc_index = n;
  }
  if (r.publication_number.empty()) return Status::Corruption("record has no publication_number");
  return r;
}

}  // namespace

Result<PatentRecord> RecordFromJsonText(std::string_view text) {
  // One parser per thread: it keeps its buffers between records.
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(text.data(), text.size(), /*realloc_if_needed=*/true).get(root) != simdjson::SUCCESS)
    return Status::Corruption("not valid JSON");
  object o;
  if (root.get_object().get(o) != simdjson::SUCCESS) return Status::Corruption("record is not a JSON object");
  return Decode(o);
}

}  // namespace patnav
