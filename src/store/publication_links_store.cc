// The links between stored publications, read from the store's side tables
// (citation, publications.family_id) through their indexes: who cites a
// publication, its family, and which stored publication a citation names.
#include <optional>

#include "store/sqlite_store.h"

namespace patnav {

namespace {

constexpr const char* kBriefColumns =
    "p.publication_number, p.country, p.kind, coalesce(p.publication_date, ''), coalesce(p.title, '')";

PublicationBrief BriefOf(const Statement& s) {
  return {std::string(s.ColumnText(0)), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
          std::string(s.ColumnText(3)), std::string(s.ColumnText(4))};
}

Result<std::vector<PublicationBrief>> Briefs(Statement& s) {
  std::vector<PublicationBrief> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(BriefOf(s));
  }
}

}  // namespace

Result<std::vector<PublicationBrief>> SqliteStore::CitingPublications(std::string_view publication_number,
                                                                     int64_t limit) {
  if (limit < 0) return Status::InvalidArgument("CitingPublications: limit must be >= 0");
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(std::string("SELECT ") + kBriefColumns +
                                             " FROM publications p WHERE p.id IN "
                                             "(SELECT pub_id FROM citation WHERE cited_number = ?1) "
                                             "ORDER BY p.publication_number LIMIT ?2"));
  s.BindText(1, publication_number);
  s.BindInt64(2, limit);
  return Briefs(s);
}

Result<std::vector<PublicationBrief>> SqliteStore::FamilyMembers(std::string_view family_id) {
  if (family_id.empty()) return std::vector<PublicationBrief>{};
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(std::string("SELECT ") + kBriefColumns +
                                             " FROM publications p WHERE p.family_id = ?1 "
                                             "ORDER BY p.publication_number"));
  s.BindText(1, family_id);
  return Briefs(s);
}

Result<std::optional<PublicationBrief>> SqliteStore::FindCited(const Citation& citation) {
  const std::string exact = CitedNumber(citation);
  {
    ASSIGN_OR_RETURN(Statement s, db_->Prepare(std::string("SELECT ") + kBriefColumns +
                                               " FROM publications p WHERE p.publication_number = ?1"));
    s.BindText(1, exact);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) return std::optional<PublicationBrief>(BriefOf(s));
  }
  if (citation.country.empty() || citation.doc_number.empty()) return std::optional<PublicationBrief>();
  ASSIGN_OR_RETURN(Statement s, db_->Prepare(std::string("SELECT ") + kBriefColumns +
                                             " FROM publications p WHERE p.country = ?1 AND p.doc_number = ?2 "
                                             "ORDER BY coalesce(p.publication_date, '') DESC, p.kind LIMIT 1"));
  s.BindText(1, citation.country);
  s.BindText(2, citation.doc_number);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<PublicationBrief>();
  return std::optional<PublicationBrief>(BriefOf(s));
}

}  // namespace patnav
