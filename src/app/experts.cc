// Talent-pool calls (experts.h).
#include "app/experts.h"

#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"

namespace patnav::app {

namespace {

// Publications naming each inventor, when there is a patent store (else
// nullopt: the store is optional for the talent pool).
Result<std::optional<std::map<std::string, std::vector<std::string>>>> InventorPatents(Workspace& ws,
                                                                                     const std::vector<std::string>& names) {
  std::optional<std::map<std::string, std::vector<std::string>>> out;
  Status st = ws.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(auto found, domain::PatentsOfInventors(store, names));
    out = std::move(found);
    return Status::OK();
  });
  if (st.code() == StatusCode::kNotFound) return out;
  RETURN_IF_ERROR(st);
  return out;
}

}  // namespace

Result<AddExpertResult> AddExpert(const Caller& caller, Workspace& ws, const AddExpertRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  AddExpertResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      if (!req.member.empty()) RETURN_IF_ERROR(domain::FindMemberIn(ops, a.id, req.member).status());
      ASSIGN_OR_RETURN(int64_t id,
                       domain::AddExpert(ops, {a.name, req.name, req.member, req.field, req.inventor, req.contact}));
      ASSIGN_OR_RETURN(std::vector<domain::Expert> all, domain::ListExperts(ops, a.name));
      for (auto& e : all)
        if (e.id == id) out.expert = std::move(e);
      return Status::OK();
    });
  }, /*create=*/false));
  const std::string inventor = out.expert.inventor.empty() ? out.expert.name : out.expert.inventor;
  ASSIGN_OR_RETURN(auto found, InventorPatents(ws, {inventor}));
  if (found) {
    out.inventor_publications = static_cast<int64_t>((*found)[inventor].size());
    if (out.inventor_publications == 0)
      out.warnings.push_back("no publication in the store names inventor '" + inventor + "'");
  }
  return out;
}

Result<ListExpertsResult> ListExperts(const Caller& caller, Workspace& ws, const ListExpertsRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kReadAlliance));
  std::vector<domain::Expert> experts;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kReadAlliance));
    ASSIGN_OR_RETURN(experts, domain::ListExperts(ops, a.name));
    return Status::OK();
  }, /*create=*/false));
  std::vector<std::string> names;
  for (const auto& e : experts) names.push_back(e.inventor);
  ASSIGN_OR_RETURN(auto found, InventorPatents(ws, names));
  ListExpertsResult out;
  out.store_searched = found.has_value();
  for (auto& e : experts) {
    ExpertEntry entry;
    if (found) entry.patents = (*found)[e.inventor];
    entry.expert = std::move(e);
    out.experts.push_back(std::move(entry));
  }
  return out;
}

}  // namespace patnav::app
