// The alliance's talent pool (guidelines II(II)2, IV(III)): experts, their
// member and field, linked to an inventor name in the patent data so that
// their patents can be listed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"
#include "store/patent_store.h"

namespace patnav::domain {

struct ExpertInput {
  std::string alliance;  // empty: the only one
  std::string name, member, field, inventor, contact;
};

struct Expert {
  int64_t id = 0;
  std::string name, member, field, inventor, contact;
};

// InvalidArgument for a duplicate name; NotFound for an unknown member.
Result<int64_t> AddExpert(OperationsDb& ops, const ExpertInput& in);
Result<std::vector<Expert>> ListExperts(OperationsDb& ops, std::string_view alliance);

// True when an inventor name matches: "Zhang, Wei" matches "Zhang, Wei",
// "Wei Zhang" and "zhang wei" (case and order of the parts ignored).
bool SameInventor(std::string_view a, std::string_view b);

// For each name, the publications (in store order) listing a matching
// inventor; one pass over the store.
Result<std::map<std::string, std::vector<std::string>>> PatentsOfInventors(PatentStore& store,
                                                                           const std::vector<std::string>& names);

}  // namespace patnav::domain
