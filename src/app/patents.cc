// Show and stats over the workspace's store (patents.h).
#include "app/patents.h"

#include <algorithm>
#include <optional>

#include "app/authorize.h"
#include "model/publication_number.h"

namespace patnav::app {

namespace {

// Without a kind code, the user means whichever kind we hold. `get` is one
// of the store's lookups (Get, GetJson).
template <typename Get>
auto Find(const PublicationKey& key, Get get) -> decltype(get(std::string())) {
  if (!key.kind.empty()) return get(key.ToString());
  for (const char* kind : {"B2", "B1", "A1", "A", "B", "A2", "A9", "S", "S1", "E", "E1", "P2", "H", "U", "C"}) {
    PublicationKey k = key;
    k.kind = kind;
    auto r = get(k.ToString());
    if (!r.ok() || r->has_value()) return r;
  }
  return {std::nullopt};
}

}  // namespace

Result<ShowPatentResult> ShowPatent(const Caller& caller, Workspace& workspace, const ShowPatentRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  ASSIGN_OR_RETURN(PublicationKey key, ParsePublicationNumber(request.publication_number, "US"));
  ShowPatentResult result;
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(std::optional<PatentRecord> found,
                     Find(key, [&](const std::string& pn) { return store.Get(pn); }));
    if (!found) return Status::NotFound(key.ToString() + " is not in the store");
    result.record = std::move(*found);
    return Status::OK();
  }));
  return result;
}

Result<std::string> ShowPatentJson(const Caller& caller, Workspace& workspace, const ShowPatentRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  ASSIGN_OR_RETURN(PublicationKey key, ParsePublicationNumber(request.publication_number, "US"));
  std::string json;
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(std::optional<std::string> found,
                     Find(key, [&](const std::string& pn) { return store.GetJson(pn); }));
    if (!found) return Status::NotFound(key.ToString() + " is not in the store");
    json = std::move(*found);
    return Status::OK();
  }));
  return json;
}

Result<PatentLinksResult> PatentLinks(const Caller& caller, Workspace& workspace, const PatentLinksRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  if (request.cited_by_limit < 0 || request.cited_by_limit > 10000)
    return Status::InvalidArgument("cited_by_limit: must be 0-10000, not " + std::to_string(request.cited_by_limit));
  if (request.cited_by_offset < 0)
    return Status::InvalidArgument("cited_by_offset: must be 0 or more, not " + std::to_string(request.cited_by_offset));
  ASSIGN_OR_RETURN(PublicationKey key, ParsePublicationNumber(request.publication_number, "US"));
  PatentLinksResult result;
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(std::optional<PatentRecord> found,
                     Find(key, [&](const std::string& pn) { return store.Get(pn); }));
    if (!found) return Status::NotFound(key.ToString() + " is not in the store");
    const PatentRecord& r = *found;
    result.publication_number = r.publication_number;
    for (const Citation& c : r.citations) {
      ASSIGN_OR_RETURN(std::optional<PublicationBrief> stored, store.FindCited(c));
      result.cites.push_back({c, std::move(stored)});
    }
    ASSIGN_OR_RETURN(result.cited_by_total, store.ForwardCitationCount(r.publication_number));
    // A page: the store lists from the first, so the ones before it are
    // read and dropped (no more than the publication's citing ones).
    result.cited_by_offset = request.cited_by_offset;
    if (request.cited_by_offset < result.cited_by_total) {
      ASSIGN_OR_RETURN(result.cited_by, store.CitingPublications(r.publication_number,
                                                                 request.cited_by_offset + request.cited_by_limit));
      result.cited_by.erase(result.cited_by.begin(),
                            result.cited_by.begin() + std::min<int64_t>(request.cited_by_offset, result.cited_by.size()));
    }
    result.family_id = r.family_id;
    ASSIGN_OR_RETURN(result.family, store.FamilyMembers(r.family_id));
    return Status::OK();
  }));
  return result;
}

Result<StoreStatsResult> GetStoreStats(const Caller& caller, Workspace& workspace, const StoreStatsRequest&) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  StoreStatsResult result;
  RETURN_IF_ERROR(workspace.WithStore([&](PatentStore& store) -> Status {
    ASSIGN_OR_RETURN(result.stats, store.Stats());
    return Status::OK();
  }));
  return result;
}

}  // namespace patnav::app
