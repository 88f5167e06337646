// patnav show: one publication, as text for a person or canonical JSON.
#include <cstdio>
#include <iostream>

#include "base/strings.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "model/publication_number.h"
#include "model/record_json.h"

namespace patnav::cli {

namespace {

// Without a kind code, the user means whichever kind we hold.
Result<std::optional<PatentRecord>> Find(PatentStore& store, const PublicationKey& key) {
  if (!key.kind.empty()) return store.Get(key.ToString());
  for (const char* kind : {"B2", "B1", "A1", "A", "B", "A2", "A9", "S", "S1", "E", "E1", "P2", "H", "U", "C"}) {
    PublicationKey k = key;
    k.kind = kind;
    Result<std::optional<PatentRecord>> r = store.Get(k.ToString());
    if (!r.ok() || r->has_value()) return r;
  }
  return std::optional<PatentRecord>();
}

std::string Join(const std::vector<Party>& parties) {
  std::string out;
  for (const auto& p : parties) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void PrintText(const PatentRecord& r) {
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty()) std::printf("%-18s %s\n", label, value.c_str());
  };
  line("Publication", r.publication_number);
  for (const auto& [lang, t] : r.title) line(("Title (" + lang + ")").c_str(), t);
  line("Published", r.publication_date);
  line("Granted", r.grant_date);
  line("Application", r.application_number);
  line("Filed", r.filing_date);
  line("Priority date", r.priority_date);
  line("Applicants", Join(r.applicants));
  line("Assignees", Join(r.assignees));
  line("Inventors", Join(r.inventors));
  line("IPC", Join(r.ipc));
  line("CPC", Join(r.cpc));
  if (r.claims_count) line("Claims", std::to_string(*r.claims_count));
  if (!r.citations.empty()) line("Citations", std::to_string(r.citations.size()));
  line("Source", r.source.format + (r.source.file.empty() ? "" : " (" + r.source.file + ")"));
  for (const auto& [lang, a] : r.abstract_text) {
    std::printf("\nAbstract (%s)\n  %s\n", lang.c_str(), a.c_str());
  }
  if (!r.claims.empty()) std::printf("\nClaim %d\n  %s\n", r.claims[0].num, r.claims[0].text.c_str());
}

}  // namespace

int RunShow(const ShowOptions& o) {
  Result<PublicationKey> key = ParsePublicationNumber(o.publication_number, "US");
  if (!key.ok()) {
    std::fprintf(stderr, "patnav show: %s\n", key.status().message().c_str());
    return kExitUsage;
  }
  std::unique_ptr<PatentStore> store = OpenExistingStore(o.db, "show");
  if (!store) return kExitFailure;
  Result<std::optional<PatentRecord>> r = Find(*store, *key);
  if (!r.ok()) {
    std::fprintf(stderr, "patnav show: %s\n", r.status().ToString().c_str());
    return kExitFailure;
  }
  if (!r->has_value()) {
    std::fprintf(stderr, "patnav show: %s is not in the store\n", key->ToString().c_str());
    return kExitFailure;
  }
  if (o.format == "json") std::cout << RecordToJson(**r).dump(2) << "\n";
  else PrintText(**r);
  return kExitOk;
}

}  // namespace patnav::cli
