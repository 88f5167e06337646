// Canonical record <-> JSON.
#include "model/record_json.h"

namespace patnav {

namespace {

void PutString(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void PutStrings(Json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

Json PartyToJson(const Party& p) {
  Json j = Json::object();
  j["name"] = p.name;
  PutString(j, "last_name", p.last_name);
  PutString(j, "first_name", p.first_name);
  PutString(j, "normalized", p.normalized);
  if (p.type != PartyType::kUnknown) j["type"] = PartyTypeName(p.type);
  PutString(j, "country", p.country);
  PutString(j, "city", p.city);
  PutString(j, "province", p.province);
  PutString(j, "standardized", p.standardized);
  return j;
}

void PutParties(Json& j, const char* key, const std::vector<Party>& v) {
  if (v.empty()) return;
  Json arr = Json::array();
  for (const auto& p : v) arr.push_back(PartyToJson(p));
  j[key] = std::move(arr);
}

void PutMap(Json& j, const char* key, const std::map<std::string, std::string>& m) {
  if (m.empty()) return;
  Json o = Json::object();
  for (const auto& [k, v] : m) o[k] = v;
  j[key] = std::move(o);
}

std::string GetString(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

std::vector<std::string> GetStrings(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& e : *it) if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

std::map<std::string, std::string> GetMap(const Json& j, const char* key) {
  std::map<std::string, std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return out;
  for (auto e = it->begin(); e != it->end(); ++e) if (e.value().is_string()) out[e.key()] = e.value().get<std::string>();
  return out;
}

std::vector<Party> GetParties(const Json& j, const char* key) {
  std::vector<Party> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& e : *it) {
    if (!e.is_object()) continue;
    Party p;
    p.name = GetString(e, "name");
    p.last_name = GetString(e, "last_name");
    p.first_name = GetString(e, "first_name");
    p.normalized = GetString(e, "normalized");
    p.type = PartyTypeFromName(GetString(e, "type"));
    p.country = GetString(e, "country");
    p.city = GetString(e, "city");
    p.province = GetString(e, "province");
    p.standardized = GetString(e, "standardized");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Json RecordToJson(const PatentRecord& r) {
  Json j = Json::object();
  j["publication_number"] = r.publication_number;
  j["country"] = r.country;
  j["doc_number"] = r.doc_number;
  j["kind"] = r.kind;
  PutString(j, "publication_date", r.publication_date);
  PutString(j, "grant_date", r.grant_date);
  PutString(j, "application_number", r.application_number);
  PutString(j, "filing_date", r.filing_date);
  PutString(j, "priority_date", r.priority_date);
  if (!r.priority_claims.empty()) {
    Json arr = Json::array();
    for (const auto& pc : r.priority_claims) {
      Json o = Json::object();
      PutString(o, "country", pc.country);
      PutString(o, "doc_number", pc.doc_number);
      PutString(o, "date", pc.date);
      arr.push_back(std::move(o));
    }
    j["priority_claims"] = std::move(arr);
  }
  PutString(j, "family_id", r.family_id);
  PutString(j, "language", r.language);
  PutMap(j, "title", r.title);
  PutMap(j, "abstract", r.abstract_text);
  if (!r.claims.empty()) {
    Json arr = Json::array();
    for (const auto& c : r.claims) {
      Json o = Json::object();
      o["num"] = c.num;
      o["text"] = c.text;
      if (c.independent) o["independent"] = *c.independent;
      if (!c.depends_on.empty()) o["depends_on"] = c.depends_on;
      arr.push_back(std::move(o));
    }
    j["claims"] = std::move(arr);
  }
  if (r.claims_count) j["claims_count"] = *r.claims_count;
  PutParties(j, "applicants", r.applicants);
  PutParties(j, "assignees", r.assignees);
  PutParties(j, "inventors", r.inventors);
  PutStrings(j, "ipc", r.ipc);
  PutStrings(j, "cpc", r.cpc);
  PutStrings(j, "national_classes", r.national_classes);
  if (!r.citations.empty()) {
    Json arr = Json::array();
    for (const auto& c : r.citations) {
      Json o = Json::object();
      PutString(o, "publication_number", c.publication_number);
      PutString(o, "country", c.country);
      PutString(o, "doc_number", c.doc_number);
      PutString(o, "kind", c.kind);
      PutString(o, "date", c.date);
      PutString(o, "category", c.category);
      arr.push_back(std::move(o));
    }
    j["citations"] = std::move(arr);
  }
  PutStrings(j, "npl_citations", r.npl_citations);
  if (r.description_chars) j["description_chars"] = *r.description_chars;
  if (r.term_extension_days) j["term_extension_days"] = *r.term_extension_days;
  if (r.terminal_disclaimer) j["terminal_disclaimer"] = true;
  if (r.length_of_grant_years) j["length_of_grant_years"] = *r.length_of_grant_years;
  if (!r.parent_applications.empty()) {
    Json arr = Json::array();
    for (const auto& p : r.parent_applications) {
      Json o = Json::object();
      PutString(o, "relation", p.relation);
      PutString(o, "country", p.country);
      PutString(o, "doc_number", p.doc_number);
      PutString(o, "date", p.date);
      arr.push_back(std::move(o));
    }
    j["parent_applications"] = std::move(arr);
  }
  Json src = Json::object();
  src["format"] = r.source.format;
  PutString(src, "file", r.source.file);
  if (r.source.doc_index) src["doc_index"] = *r.source.doc_index;
  j["source"] = std::move(src);
  return j;
}

std::string RecordToJsonLine(const PatentRecord& r) {
  return RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<PatentRecord> RecordFromJson(const Json& j) {
  if (!j.is_object()) return Status::Corruption("record is not a JSON object");
  PatentRecord r;
  r.publication_number = GetString(j, "publication_number");
  r.country = GetString(j, "country");
  r.doc_number = GetString(j, "doc_number");
  r.kind = GetString(j, "kind");
  r.publication_date = GetString(j, "publication_date");
  r.grant_date = GetString(j, "grant_date");
  r.application_number = GetString(j, "application_number");
  r.filing_date = GetString(j, "filing_date");
  r.priority_date = GetString(j, "priority_date");
  if (auto it = j.find("priority_claims"); it != j.end() && it->is_array()) {
    for (const auto& e : *it) {
      if (!e.is_object()) continue;
      r.priority_claims.push_back({GetString(e, "country"), GetString(e, "doc_number"), GetString(e, "date")});
    }
  }
  r.family_id = GetString(j, "family_id");
  r.language = GetString(j, "language");
  r.title = GetMap(j, "title");
  r.abstract_text = GetMap(j, "abstract");
  if (auto it = j.find("claims"); it != j.end() && it->is_array()) {
    for (const auto& e : *it) {
      if (!e.is_object()) continue;
      Claim c;
      if (auto n = e.find("num"); n != e.end() && n->is_number_integer()) c.num = n->get<int>();
      c.text = GetString(e, "text");
      if (auto n = e.find("independent"); n != e.end() && n->is_boolean()) c.independent = n->get<bool>();
      if (auto n = e.find("depends_on"); n != e.end() && n->is_array())
        for (const auto& d : *n) if (d.is_number_integer()) c.depends_on.push_back(d.get<int>());
      r.claims.push_back(std::move(c));
    }
  }
  if (auto it = j.find("claims_count"); it != j.end() && it->is_number_integer()) r.claims_count = it->get<int>();
  r.applicants = GetParties(j, "applicants");
  r.assignees = GetParties(j, "assignees");
  r.inventors = GetParties(j, "inventors");
  r.ipc = GetStrings(j, "ipc");
  r.cpc = GetStrings(j, "cpc");
  r.national_classes = GetStrings(j, "national_classes");
  if (auto it = j.find("citations"); it != j.end() && it->is_array()) {
    for (const auto& e : *it) {
      if (!e.is_object()) continue;
      r.citations.push_back({GetString(e, "publication_number"), GetString(e, "country"), GetString(e, "doc_number"),
                             GetString(e, "kind"), GetString(e, "date"), GetString(e, "category")});
    }
  }
  r.npl_citations = GetStrings(j, "npl_citations");
  if (auto it = j.find("description_chars"); it != j.end() && it->is_number_integer())
    r.description_chars = it->get<int64_t>();
  if (auto it = j.find("term_extension_days"); it != j.end() && it->is_number_integer())
    r.term_extension_days = it->get<int>();
  if (auto it = j.find("terminal_disclaimer"); it != j.end() && it->is_boolean()) r.terminal_disclaimer = it->get<bool>();
  if (auto it = j.find("length_of_grant_years"); it != j.end() && it->is_number_integer())
    r.length_of_grant_years = it->get<int>();
  if (auto it = j.find("parent_applications"); it != j.end() && it->is_array()) {
    for (const auto& e : *it) {
      if (!e.is_object()) continue;
      r.parent_applications.push_back(
          {GetString(e, "relation"), GetString(e, "country"), GetString(e, "doc_number"), GetString(e, "date")});
    }
  }
  if (auto it = j.find("source"); it != j.end() && it->is_object()) {
    r.source.format = GetString(*it, "format");
    r.source.file = GetString(*it, "file");
    if (auto d = it->find("doc_index"); d != it->end() && d->is_number_integer()) r.source.doc_index = d->get<int64_t>();
  }
  if (r.publication_number.empty()) return Status::Corruption("record has no publication_number");
  return r;
}

}  // namespace patnav
