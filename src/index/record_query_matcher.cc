// RecordQueryMatcher: an in-memory Xapian database of BuildDocument documents
// queried with boolean weighting (record_query_matcher.h).
#include "index/record_query_matcher.h"

#include <algorithm>

#include <xapian.h>

#include "index/document_builder.h"
#include "index/query_builder.h"
#include "index/query_limits.h"
#include "index/xapian_status.h"

namespace patnav::index {

struct RecordQueryMatcher::Impl {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  bool positions = true;
};

namespace {

bool Positional(const Xapian::Query& q) {
  const Xapian::Query::op op = q.get_type();
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) return true;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (Positional(q.get_subquery(i))) return true;
  return false;
}

}  // namespace

RecordQueryMatcher::RecordQueryMatcher(bool positions) : impl_(std::make_unique<Impl>()) {
  impl_->positions = positions;
}

Result<bool> RecordQueryMatcher::NeedsPositions(std::string_view query) {
  try {
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    ASSIGN_OR_RETURN(Xapian::Query q, ParseAndBuild(query, QueryLimits{}, empty));
    return Positional(q);
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
}
RecordQueryMatcher::~RecordQueryMatcher() = default;
RecordQueryMatcher::RecordQueryMatcher(RecordQueryMatcher&&) noexcept = default;
RecordQueryMatcher& RecordQueryMatcher::operator=(RecordQueryMatcher&&) noexcept = default;

Status RecordQueryMatcher::Add(uint32_t id, const PatentRecord& r, int64_t forward_citations) {
  if (id == 0) return Status::InvalidArgument("RecordQueryMatcher::Add: id 0");
  try {
    impl_->db.replace_document(
        id, BuildDocument(r, forward_citations, {.positions = impl_->positions, .data = false}));
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
  return Status::OK();
}

Result<std::vector<uint32_t>> RecordQueryMatcher::Match(std::string_view query) {
  try {
    ASSIGN_OR_RETURN(Xapian::Query q, ParseAndBuild(query, QueryLimits{}, impl_->db));
    std::vector<uint32_t> ids;
    if (impl_->db.get_doccount() == 0) return ids;
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::doccount all = impl_->db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(0, all, all);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, "record matcher");
  }
}

int64_t RecordQueryMatcher::size() const { return impl_->db.get_doccount(); }

}  // namespace patnav::index
