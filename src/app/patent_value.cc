// Patent value of publications or a query's hits (patent_value.h).
#include "app/patent_value.h"

#include "app/authorize.h"
#include "app/search.h"
#include "domain/patent_term.h"
#include "domain/value_context.h"

namespace patnav::app {

namespace {

// Scores `pubs` with the store and, when given, operations.db.
Status Score(PatentStore& store, domain::OperationsDb* ops, const std::vector<std::string>& pubs,
             const domain::ValueWeights& weights, const PatentValueRequest& request, PatentValueResult& result) {
  std::vector<PatentRecord> records;
  for (const auto& p : pubs) {
    ASSIGN_OR_RETURN(PatentRecord r, domain::FindPatent(store, p));
    records.push_back(std::move(r));
  }
  ASSIGN_OR_RETURN(domain::ValueContext ctx, domain::ValueContext::Build(store, ops, request.as_of));
  for (const auto& r : records) result.values.push_back(domain::ScorePatent(r, ctx.FactsFor(r), weights));
  if (!request.save) return Status::OK();
  if (!ops) return Status::InvalidArgument("save: needs an operations database (create an alliance first)");
  return domain::SaveValueScores(*ops, result.values);
}

}  // namespace

Result<PatentValueResult> ValuePatents(const Caller& caller, Workspace& workspace, const PatentValueRequest& request) {
  RETURN_IF_ERROR(Authorize(caller, Action::kSearchPatents));
  if (request.save) RETURN_IF_ERROR(Authorize(caller, Action::kIngest));
  if (request.publications.empty() == request.query.empty())
    return Status::InvalidArgument("give publication numbers or a query, not both");
  RETURN_IF_ERROR(CheckQueryLength(request.query));
  if (request.limit < 1 || request.limit > 100000) return Status::InvalidArgument("limit: must be between 1 and 100000");
  if (request.publications.size() > 100000) return Status::InvalidArgument("publications: more than 100,000");
  domain::ValueWeights weights = domain::DefaultValueWeights();
  if (!request.weights_json.empty()) {
    ASSIGN_OR_RETURN(weights, domain::ParseValueWeights(request.weights_json));
  }

  PatentValueResult result;
  std::vector<std::string> pubs = request.publications;
  if (!request.query.empty()) {
    index::SearchRequest search;
    search.query = request.query;
    search.limit = request.limit;
    RETURN_IF_ERROR(workspace.WithSearcher([&](index::Searcher& searcher) -> Status {
      ASSIGN_OR_RETURN(index::SearchResult hits, searcher.Search(search));
      for (const auto& h : hits.hits) pubs.push_back(h.publication_number);
      return Status::OK();
    }));
    if (pubs.empty()) {
      result.warnings.push_back("no publication matches the query");
      return result;
    }
  }
  bool with_ops = false;
  Status st = workspace.WithOperations(
      [&](domain::OperationsDb& ops) -> Status {
        with_ops = true;
        return workspace.WithStore(
            [&](PatentStore& store) { return Score(store, &ops, pubs, weights, request, result); });
      },
      /*create=*/false);
  if (!with_ops && st.code() == StatusCode::kNotFound) {
    result.values.clear();
    st = workspace.WithStore([&](PatentStore& store) { return Score(store, nullptr, pubs, weights, request, result); });
  }
  if (!st.ok()) return st;
  return result;
}

}  // namespace patnav::app
