// The public lists (public_lists.h).
#include "app/public_lists.h"

#include "domain/credit_record.h"
#include "domain/period.h"
#include "domain/recording.h"
#include "domain/recording_library.h"

namespace patnav::app {

namespace {

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

// Runs `fn` on operations.db; a data directory without one has empty lists.
Status WithOpsIfAny(Workspace& ws, const std::function<Status(domain::OperationsDb&)>& fn) {
  Status st = ws.WithOperations(fn, /*create=*/false);
  if (st.code() == StatusCode::kNotFound && !std::filesystem::exists(ws.dir() / domain::kOperationsFileName))
    return Status::OK();
  return st;
}

}  // namespace

Result<PublicTable> PublicRecordedAlliances(Workspace& ws) {
  PublicTable t{"recorded-alliances", {"alliance", "province", "record_number", "recorded_on"}, {}};
  RETURN_IF_ERROR(WithOpsIfAny(ws, [&](domain::OperationsDb& ops) -> Status {
    domain::RecordingFilter f;
    f.state = domain::RecordingState::kRecorded;
    ASSIGN_OR_RETURN(std::vector<domain::Recording> recorded, domain::ListRecordings(ops, f));
    for (const auto& r : recorded)
      if (!r.removed()) t.rows.push_back({r.alliance, r.province, r.record_number, r.recorded_on});
    return Status::OK();
  }));
  return t;
}

Result<PublicTable> PublicLibrary(Workspace& ws, const std::string& level_in) {
  const std::string level = level_in.empty() ? domain::kNationalLibrary : level_in;
  PublicTable t{"library", {"alliance", "level", "province", "record_number", "recorded_on", "entered_on",
                            "priority_count", "priority_circumstances"}, {}};
  RETURN_IF_ERROR(WithOpsIfAny(ws, [&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<domain::LibraryEntry> entries, domain::ListLibrary(ops, level));
    for (const auto& e : entries) {
      std::string met;
      for (const auto& p : e.priority)
        if (p.met) met += (met.empty() ? "" : ";") + p.code;
      t.rows.push_back({e.alliance, e.level, e.province, e.record_number, e.recorded_on, e.entered_on,
                        std::to_string(e.priority_count), met});
    }
    return Status::OK();
  }));
  return t;
}

Result<PublicTable> PublicDishonestyList(Workspace& ws, const std::string& date_in) {
  const std::string date = date_in.empty() ? domain::TodayUtc() : date_in;
  RETURN_IF_ERROR(domain::CheckIsoDate(date, "date"));
  PublicTable t{"dishonesty-list", {"subject_name", "subject_code", "category", "category_zh", "measures", "organ",
                                    "decision_number", "decided_on", "listed_on", "listed_until", "province"}, {}};
  RETURN_IF_ERROR(WithOpsIfAny(ws, [&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<domain::CreditRecord> list, domain::PublicCreditList(ops, date));
    for (const auto& r : list) {
      std::string measures;
      for (const auto& m : r.measures) measures += (measures.empty() ? "" : ";") + m;
      Result<const domain::CreditCategory*> c = domain::FindCreditCategory(r.category);
      t.rows.push_back({r.subject_name, r.subject_code, r.category, c.ok() ? (*c)->name_zh : "", measures, r.organ,
                        r.decision_number, r.decided_on, r.listed_on, r.listed_until, r.province});
    }
    return Status::OK();
  }));
  return t;
}

nlohmann::ordered_json PublicTableJson(const PublicTable& t) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i) o[t.columns[i]] = row[i];
    out.push_back(std::move(o));
  }
  return out;
}

std::string PublicTableCsv(const PublicTable& t) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + CsvField(t.columns[i]);
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvField(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace patnav::app
