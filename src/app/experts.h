// Application calls for the talent pool: register an expert, list experts
// with the publications naming them as inventor (when a patent store is
// there to look in). Reads kReadAlliance, writes kOperateAlliance.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/experts.h"

namespace patnav::app {

struct AddExpertRequest {
  std::string alliance, name;
  std::string member;    // optional; must be a member of the alliance
  std::string field, inventor, contact;  // inventor empty: the name
};
struct AddExpertResult {
  domain::Expert expert;
  int64_t inventor_publications = -1;  // publications naming the inventor; -1 without a store
  std::vector<std::string> warnings;   // e.g. no publication names the inventor
};
Result<AddExpertResult> AddExpert(const Caller& caller, Workspace& ws, const AddExpertRequest& req);

struct ListExpertsRequest {
  std::string alliance;
};
struct ExpertEntry {
  domain::Expert expert;
  std::vector<std::string> patents;  // in store order; empty without a store
};
struct ListExpertsResult {
  std::vector<ExpertEntry> experts;  // by name
  bool store_searched = false;
  std::vector<std::string> warnings;
};
Result<ListExpertsResult> ListExperts(const Caller& caller, Workspace& ws, const ListExpertsRequest& req);

}  // namespace patnav::app
