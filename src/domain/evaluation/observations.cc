// ParseObservationsCsv and ParseObservationsJson (observations.h).
#include "domain/evaluation/observations.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace patnav::domain::evaluation {

namespace {

// Splits one CSV record starting at `pos` (RFC 4180 quoting; a quoted field
// may span lines). Advances pos past the record's line end.
Result<std::vector<std::string>> CsvRecord(std::string_view s, size_t& pos) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, was_quoted = false;
  while (pos < s.size()) {
    char c = s[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < s.size() && s[pos + 1] == '"') {
          field += '"';
          pos += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      ++pos;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos + 1 < s.size() && s[pos + 1] == '\n') ++pos;
      ++pos;
      break;
    } else {
      field += c;
    }
    ++pos;
  }
  if (quoted) return Status::InvalidArgument("a quoted field is not closed");
  fields.push_back(std::move(field));
  return fields;
}

Result<double> ParseValue(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  size_t b = t.find_first_not_of(" \t");
  if (b == std::string::npos) return Status::InvalidArgument("value is empty");
  t = t.substr(b);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || *end != 0 || !std::isfinite(v))
    return Status::InvalidArgument("value '" + text + "' is not a finite number");
  return v;
}

void AddSubject(RoundInput& in, std::set<std::string>& seen, const std::string& code, const std::string& name) {
  if (seen.insert(code).second) in.subjects.push_back({code, name});
}

}  // namespace

Result<RoundInput> ParseObservationsCsv(std::string_view text, std::string_view origin) {
  std::string o(origin);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  Result<std::vector<std::string>> header = CsvRecord(text, pos);
  if (!header.ok()) return Status::InvalidArgument(o + ": line 1: " + header.status().message());
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header->size(); ++i) col[(*header)[i]] = i;
  for (const char* need : {"subject", "measure", "period", "value"})
    if (!col.count(need))
      return Status::InvalidArgument(o + ": line 1: the header has no column '" + need +
                                     "' (needs subject, measure, period, value; optional subject_name, source)");
  auto column = [&](const char* name) { return col.count(name) ? col[name] : SIZE_MAX; };
  const size_t c_subject = column("subject"), c_measure = column("measure"), c_period = column("period"),
               c_value = column("value"), c_source = column("source"), c_name = column("subject_name");
  RoundInput in;
  std::set<std::string> seen;
  for (int line = 2; pos < text.size(); ++line) {
    Result<std::vector<std::string>> rec = CsvRecord(text, pos);
    std::string where = o + ": line " + std::to_string(line) + ": ";
    if (!rec.ok()) return Status::InvalidArgument(where + rec.status().message());
    if (rec->size() == 1 && (*rec)[0].empty()) continue;  // a blank line
    auto get = [&](size_t column) -> std::string {
      return column < rec->size() ? (*rec)[column] : std::string();
    };
    if (rec->size() != header->size())
      return Status::InvalidArgument(where + std::to_string(rec->size()) + " fields, the header has " +
                                     std::to_string(header->size()));
    Observation ob;
    ob.subject = get(c_subject);
    ob.measure = get(c_measure);
    ob.period = get(c_period);
    ob.source = get(c_source);
    if (ob.subject.empty() || ob.measure.empty() || ob.period.empty())
      return Status::InvalidArgument(where + "subject, measure and period must not be empty");
    Result<double> v = ParseValue(get(c_value));
    if (!v.ok()) return Status::InvalidArgument(where + v.status().message());
    ob.value = *v;
    AddSubject(in, seen, ob.subject, get(c_name));
    in.observations.push_back(std::move(ob));
  }
  return in;
}

Result<RoundInput> ParseObservationsJson(std::string_view text, std::string_view origin) {
  using nlohmann::json;
  std::string o(origin);
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument(o + ": not a JSON object");
  RoundInput in;
  auto str = [](const json& obj, const char* key) -> std::string {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  in.period = j.contains("period") && j["period"].is_number_integer() ? std::to_string(j["period"].get<long long>())
                                                                       : str(j, "period");
  std::set<std::string> seen;
  if (auto s = j.find("subjects"); s != j.end()) {
    if (!s->is_array()) return Status::InvalidArgument(o + ": 'subjects' must be a list");
    for (size_t i = 0; i < s->size(); ++i) {
      const json& e = (*s)[i];
      std::string code = e.is_object() ? str(e, "code") : std::string();
      if (code.empty())
        return Status::InvalidArgument(o + ": subjects[" + std::to_string(i) + "]: needs a 'code'");
      if (seen.count(code)) return Status::InvalidArgument(o + ": subject " + code + " is listed twice");
      AddSubject(in, seen, code, str(e, "name"));
    }
  }
  bool declared = !in.subjects.empty();
  auto obs = j.find("observations");
  if (obs == j.end() || !obs->is_array()) return Status::InvalidArgument(o + ": needs 'observations', a list");
  for (size_t i = 0; i < obs->size(); ++i) {
    const json& e = (*obs)[i];
    std::string where = o + ": observations[" + std::to_string(i) + "]: ";
    if (!e.is_object()) return Status::InvalidArgument(where + "expected an object");
    Observation ob;
    ob.subject = str(e, "subject");
    ob.measure = str(e, "measure");
    ob.period = e.contains("period") && e["period"].is_number_integer() ? std::to_string(e["period"].get<long long>())
                                                                         : str(e, "period");
    ob.source = str(e, "source");
    if (ob.subject.empty() || ob.measure.empty() || ob.period.empty())
      return Status::InvalidArgument(where + "needs 'subject', 'measure' and 'period'");
    auto v = e.find("value");
    if (v == e.end() || !v->is_number() || !std::isfinite(v->get<double>()))
      return Status::InvalidArgument(where + "'value' must be a finite number");
    ob.value = v->get<double>();
    if (!declared) AddSubject(in, seen, ob.subject, "");
    in.observations.push_back(std::move(ob));
  }
  return in;
}

}  // namespace patnav::domain::evaluation
