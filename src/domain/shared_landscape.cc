// Shared landscapes in operations.db (shared_landscape.h).
#include "domain/shared_landscape.h"

#include <nlohmann/json.hpp>

#include "base/strings.h"
#include "base/utf8.h"
#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr size_t kMaxTitleChars = 200;

Status NotFoundId(int64_t id) { return Status::NotFound("unknown shared landscape " + std::to_string(id)); }

std::vector<std::string> AnalysesOf(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

constexpr const char* kColumns =
    "id, title, query, analyses, patents, store_patents, shared_by, shared_at";

SharedLandscape RowOf(const Statement& s) {
  SharedLandscape r;
  r.id = s.ColumnInt64(0);
  r.title = s.ColumnText(1);
  r.query = s.ColumnText(2);
  r.analyses = AnalysesOf(s.ColumnText(3));
  r.patents = s.ColumnInt64(4);
  r.store_patents = s.ColumnInt64(5);
  r.shared_by = s.ColumnText(6);
  r.shared_at = s.ColumnText(7);
  return r;
}

}  // namespace

Result<int64_t> AddSharedLandscape(OperationsDb& ops, int64_t alliance_id, const SharedLandscapeInput& in) {
  const std::string title(Trim(in.title));
  if (title.empty()) return Status::InvalidArgument("title: give the report a title");
  if (CountCodePoints(title) > kMaxTitleChars)
    return Status::InvalidArgument("title: at most " + std::to_string(kMaxTitleChars) + " characters");
  if (in.landscape.empty()) return Status::InvalidArgument("landscape: empty");
  // Bound text is not copied by SQLite (store/sqlite_db.h): every value
  // bound lives until the statement has run.
  const std::string analyses = nlohmann::json(in.analyses).dump();
  const std::string presentation = in.presentation.empty() ? "{}" : in.presentation;
  const std::string shared_at = NowUtc();
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO shared_landscape(alliance_id, title, query, analyses, patents, store_patents, landscape, "
        "presentation, shared_by, shared_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    s.BindInt64(1, alliance_id);
    s.BindText(2, title);
    s.BindText(3, in.query);
    s.BindText(4, analyses);
    s.BindInt64(5, in.patents);
    s.BindInt64(6, in.store_patents);
    s.BindText(7, in.landscape);
    s.BindText(8, presentation);
    s.BindText(9, in.shared_by);
    s.BindText(10, shared_at);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

Result<std::vector<SharedLandscape>> ListSharedLandscapes(OperationsDb& ops, int64_t alliance_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string("SELECT ") + kColumns +
                                                 " FROM shared_landscape WHERE alliance_id = ?1 ORDER BY id DESC"));
  s.BindInt64(1, alliance_id);
  std::vector<SharedLandscape> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(RowOf(s));
  }
  return out;
}

Result<SharedLandscape> FindSharedLandscapeIn(OperationsDb& ops, int64_t alliance_id, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string("SELECT ") + kColumns +
                                                 ", landscape, presentation FROM shared_landscape "
                                                 "WHERE id = ?1 AND alliance_id = ?2"));
  s.BindInt64(1, id);
  s.BindInt64(2, alliance_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFoundId(id);
  SharedLandscape r = RowOf(s);
  r.landscape = s.ColumnText(8);
  r.presentation = s.ColumnText(9);
  return r;
}

Status DeleteSharedLandscape(OperationsDb& ops, int64_t alliance_id, int64_t id) {
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("DELETE FROM shared_landscape WHERE id = ?1 AND alliance_id = ?2"));
    s.BindInt64(1, id);
    s.BindInt64(2, alliance_id);
    RETURN_IF_ERROR(s.Run());
    if (ops.db().Changes() == 0) return NotFoundId(id);
    return Status::OK();
  });
}

}  // namespace patnav::domain
