// patnav export: every record, in publication-number order, as canonical
// JSON lines (the schema's contract) or as a flat CSV for spreadsheets.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/open_store.h"
#include "model/record_json.h"

namespace patnav::cli {

namespace {

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

std::string Names(const std::vector<Party>& ps) {
  std::string out;
  for (const auto& p : ps) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string FirstText(const std::map<std::string, std::string>& m, const std::string& lang) {
  if (auto it = m.find(lang); it != m.end()) return it->second;
  if (auto it = m.find("en"); it != m.end()) return it->second;
  return m.empty() ? "" : m.begin()->second;
}

const char* kCsvHeader =
    "publication_number,country,doc_number,kind,publication_date,grant_date,application_number,filing_date,"
    "priority_date,language,title,abstract,applicants,applicants_normalized,assignees,inventors,ipc,cpc,"
    "claims_count,citations_count,source_format\n";

std::string CsvRow(const PatentRecord& r) {
  std::string norm;
  for (const auto& p : r.applicants) norm += (norm.empty() ? "" : "; ") + (p.normalized.empty() ? p.name : p.normalized);
  std::vector<std::string> f = {r.publication_number, r.country, r.doc_number, r.kind, r.publication_date,
                                r.grant_date, r.application_number, r.filing_date, r.priority_date, r.language,
                                FirstText(r.title, r.language), FirstText(r.abstract_text, r.language),
                                Names(r.applicants), norm, Names(r.assignees), Names(r.inventors), Joined(r.ipc),
                                Joined(r.cpc), r.claims_count ? std::to_string(*r.claims_count) : "",
                                std::to_string(r.citations.size()), r.source.format};
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out.push_back(',');
    out += CsvField(f[i]);
  }
  out.push_back('\n');
  return out;
}

}  // namespace

int RunExport(const ExportOptions& o) {
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, "export");
  if (!store) return kExitFailure;
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::fprintf(stderr, "patnav export: cannot write %s\n", o.out.c_str());
      return kExitFailure;
    }
    out = &file;
  }
  const bool csv = o.format == "csv";
  if (csv) *out << kCsvHeader;
  uint64_t n = 0;
  Status st = store->ForEach([&](const PatentRecord& r) {
    if (csv) *out << CsvRow(r);
    else *out << RecordToJsonLine(r) << '\n';
    ++n;
    return static_cast<bool>(*out);
  });
  out->flush();
  if (!st.ok()) {
    std::fprintf(stderr, "patnav export: %s\n", st.ToString().c_str());
    return kExitFailure;
  }
  if (!*out) {
    std::fprintf(stderr, "patnav export: write failed after %llu records\n", static_cast<unsigned long long>(n));
    return kExitFailure;
  }
  if (!o.out.empty()) std::fprintf(stderr, "export: %llu records to %s\n", static_cast<unsigned long long>(n), o.out.c_str());
  return kExitOk;
}

}  // namespace patnav::cli
