// MatchingDocids: the query under boolean weighting, every match collected.
#include "index/patent_set_query.h"

#include <algorithm>

#include <xapian.h>

#include "index/patent_index.h"
#include "index/query_builder.h"
#include "index/query_limits.h"
#include "index/xapian_status.h"

namespace patnav::index {

Result<std::vector<uint32_t>> MatchingDocids(const std::filesystem::path& data_dir, std::string_view query) {
  ASSIGN_OR_RETURN(PatentIndex index, PatentIndex::OpenForReading(data_dir));
  Xapian::Database db = index.db();
  return ReadFreshly(db, "search index", [&]() -> Result<std::vector<uint32_t>> {
    ASSIGN_OR_RETURN(Xapian::Query q, ParseAndBuild(query, QueryLimits{}, db));
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
    Xapian::MSet mset = enquire.get_mset(0, all, all);
    std::vector<uint32_t> ids;
    ids.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  });
}

}  // namespace patnav::index
