// Stored, frozen indicator-system versions (indicator_store.h).
#include "domain/indicator_store.h"

#include "domain/period.h"

namespace patnav::domain {

namespace {

constexpr const char* kColumns = "SELECT id, code, version, name, json, stored_by, stored_at FROM indicator_system";

StoredIndicatorSystem Read(const Statement& s) {
  StoredIndicatorSystem r;
  r.id = s.ColumnInt64(0);
  r.code = s.ColumnText(1);
  r.version = s.ColumnText(2);
  r.name = s.ColumnText(3);
  r.json = s.ColumnText(4);
  r.stored_by = s.ColumnText(5);
  r.stored_at = s.ColumnText(6);
  return r;
}

}  // namespace

Result<StoredIndicatorSystem> StoreIndicatorSystem(OperationsDb& ops, std::string_view json, std::string_view origin,
                                                   std::string_view actor) {
  ASSIGN_OR_RETURN(evaluation::IndicatorSystem sys, evaluation::ParseIndicatorSystem(json, origin));
  StoredIndicatorSystem out;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    Result<StoredIndicatorSystem> existing = FindIndicatorSystem(ops, sys.code, sys.version);
    if (existing.ok()) {
      if (existing->json != json)
        return Status::AlreadyExists("indicator system " + sys.code + " version " + sys.version +
                                     " is stored with another text; a changed system needs a new version");
      out = std::move(*existing);
      out.already_stored = true;
      return Status::OK();
    }
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO indicator_system(code, version, name, json, stored_by, stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    const std::string name = sys.name_zh.empty() ? sys.name_en : sys.name_zh, now = NowUtc();
    s.BindText(1, sys.code);
    s.BindText(2, sys.version);
    s.BindText(3, name);
    s.BindText(4, json);
    s.BindText(5, actor);
    s.BindText(6, now);
    RETURN_IF_ERROR(s.Run());
    ASSIGN_OR_RETURN(out, FindIndicatorSystemById(ops, ops.db().LastInsertRowid()));
    return Status::OK();
  }));
  return out;
}

Result<StoredIndicatorSystem> FindIndicatorSystem(OperationsDb& ops, std::string_view code, std::string_view version) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE code = ?1 AND version = ?2"));
  s.BindText(1, code);
  s.BindText(2, version);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row)
    return Status::NotFound("unknown indicator system " + std::string(code) + " version " + std::string(version));
  return Read(s);
}

Result<StoredIndicatorSystem> FindIndicatorSystemById(OperationsDb& ops, int64_t id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE id = ?1"));
  s.BindInt64(1, id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown indicator system " + std::to_string(id));
  return Read(s);
}

Result<std::vector<StoredIndicatorSystem>> ListIndicatorSystems(OperationsDb& ops) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " ORDER BY code, id"));
  std::vector<StoredIndicatorSystem> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(Read(s));
  }
  return out;
}

Result<evaluation::IndicatorSystem> ParseStored(const StoredIndicatorSystem& s) {
  return evaluation::ParseIndicatorSystem(s.json, s.code + " " + s.version);
}

}  // namespace patnav::domain
