// patnav show: one publication (app::ShowPatent, any spelling of its
// number), as text for a person or canonical JSON.
#include <cstdio>
#include <iostream>

#include "app/caller.h"
#include "app/patent_status.h"
#include "app/patents.h"
#include "app/workspace.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "model/record_json.h"

namespace patnav::cli {

namespace {

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
  app::Workspace workspace(WorkspaceOptions(o.db));
  Result<app::ShowPatentResult> shown =
      app::ShowPatent(app::Caller::Local(), workspace, {.publication_number = o.publication_number});
  if (!shown.ok()) return ExitWith("show", shown.status());
  if (o.format == "json") std::cout << RecordToJson(shown->record).dump(2) << "\n";
  else {
    PrintText(shown->record);
    Result<app::PatentStatusResult> status = app::PatentStatus(
        app::Caller::Local(), workspace, {.publication = shown->record.publication_number});
    if (status.ok()) {
      std::printf("\n%-18s %s\n", "Legal status", domain::LegalStateName(status->status.state));
      if (!status->status.expiry.empty()) std::printf("%-18s %s\n", "Expiry", status->status.expiry.c_str());
      std::string owners;
      for (const std::string& n : status->status.owner.current) owners += (owners.empty() ? "" : "; ") + n;
      if (!owners.empty()) std::printf("%-18s %s\n%-18s %s\n", "Current owner", owners.c_str(), "Owner basis",
                                       status->status.owner.basis.c_str());
    }
  }
  return kExitOk;
}

}  // namespace patnav::cli
