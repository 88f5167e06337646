// The canonical patent record: one publication, normalized from any source
// format. Field for field this is ../shared/schema/patent-record.schema.json;
// record_json.h is the only place that maps it to and from JSON.
//
// Invariants (every reader guarantees them, record_json relies on them):
//   - every string is valid UTF-8; an empty string means "absent";
//   - dates are ISO YYYY-MM-DD (citation dates may be YYYY-MM or YYYY);
//   - publication_number == country + doc_number + kind (DOCDB key);
//   - IPC/CPC symbols are "H01M 10/0525"; persons' names are "Last, First".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patnav {

enum class PartyType { kUnknown, kCompany, kUniversity, kResearchInstitute, kIndividual, kGovernment, kHospital, kOther };

struct Party {
  std::string name;  // as published; persons "Last, First"
  std::string last_name;
  std::string first_name;
  std::string normalized;  // grouping key for organisations (see party.h)
  PartyType type = PartyType::kUnknown;
  std::string country;
  std::string city;
  std::string province;      // state or province as the source gives it ("广东省"); may be empty
  std::string standardized;  // the source tool's standardised name (PatSnap's [标] columns); may be empty
};

struct PriorityClaim {
  std::string country;
  std::string doc_number;
  std::string date;
};

struct Claim {
  int num = 0;
  std::string text;
  std::optional<bool> independent;
  std::vector<int> depends_on;
};

struct Citation {
  std::string publication_number;
  std::string country;
  std::string doc_number;
  std::string kind;
  std::string date;
  std::string category;
};

// An earlier application this one claims the benefit of (US: 35 USC 120, 121,
// 365(c)); provisional applications (35 USC 119(e)) are not listed.
struct ParentApplication {
  std::string relation;  // "continuation", "division", "continuation-in-part", "pct"
  std::string country;
  std::string doc_number;
  std::string date;  // its filing date, ISO; may be empty
  bool operator==(const ParentApplication&) const = default;
};

struct SourceInfo {
  std::string format;  // e.g. uspto-grant-xml-4.5, google-patents-csv
  std::string file;
  std::optional<int64_t> doc_index;
};

struct PatentRecord {
  std::string publication_number;
  std::string country;
  std::string doc_number;
  std::string kind;
  std::string publication_date;
  std::string grant_date;
  std::string application_number;
  std::string filing_date;
  std::string priority_date;
  std::vector<PriorityClaim> priority_claims;
  std::string family_id;
  std::string language;
  std::map<std::string, std::string> title;          // language -> text
  std::map<std::string, std::string> abstract_text;  // language -> plain text
  std::vector<Claim> claims;
  std::optional<int> claims_count;
  std::vector<Party> applicants;
  std::vector<Party> assignees;
  std::vector<Party> inventors;
  std::vector<std::string> ipc;
  std::vector<std::string> cpc;
  std::vector<std::string> national_classes;
  std::vector<Citation> citations;
  std::vector<std::string> npl_citations;
  std::optional<int64_t> description_chars;
  // Patent term facts printed on a US grant (<us-term-of-grant>, SGML B474):
  // days of patent term adjustment/extension, whether a terminal disclaimer
  // shortens the term, and the length of grant in years (designs).
  std::optional<int> term_extension_days;
  bool terminal_disclaimer = false;
  std::optional<int> length_of_grant_years;
  std::vector<ParentApplication> parent_applications;
  SourceInfo source;

  // Not part of the canonical export: the full description text, kept in the
  // store (compressed) for full-text search. Empty when the source has none.
  std::string description;
};

const char* PartyTypeName(PartyType t);        // "company", ...; "" for kUnknown
PartyType PartyTypeFromName(std::string_view name);  // kUnknown when not recognised

// Fills the derived fields every reader would otherwise repeat:
// publication_number from its parts, claims_count from claims, priority_date
// from priority claims (earliest) or else the filing date, description_chars.
void FinishRecord(PatentRecord& r);

}  // namespace patnav
