// The expert registry.
#include "domain/experts.h"

#include <algorithm>

#include "base/strings.h"
#include "domain/alliance.h"
#include "domain/members.h"

namespace patnav::domain {

Result<int64_t> AddExpert(OperationsDb& ops, const ExpertInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the expert needs a name");
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, in.alliance));
    std::optional<int64_t> member_id;
    if (!in.member.empty()) {
      ASSIGN_OR_RETURN(Member m, FindMember(ops, in.member));
      member_id = m.id;
    }
    ASSIGN_OR_RETURN(Statement dup, ops.db().Prepare("SELECT 1 FROM expert WHERE alliance_id = ?1 AND name = ?2"));
    dup.BindInt64(1, a.id);
    dup.BindText(2, name);
    ASSIGN_OR_RETURN(bool exists, dup.Step());
    if (exists) return Status::InvalidArgument("expert '" + name + "' is already registered");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO expert(alliance_id, name, member_id, field, inventor, contact) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    s.BindInt64(1, a.id);
    s.BindText(2, name);
    if (member_id) s.BindInt64(3, *member_id); else s.BindNull(3);
    s.BindTextOrNull(4, in.field);
    s.BindTextOrNull(5, in.inventor.empty() ? name : in.inventor);
    s.BindTextOrNull(6, in.contact);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

Result<std::vector<Expert>> ListExperts(OperationsDb& ops, std::string_view alliance) {
  ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, alliance));
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
      "SELECT e.id, e.name, coalesce(m.name, ''), coalesce(e.field, ''), coalesce(e.inventor, ''), coalesce(e.contact, '') "
      "FROM expert e LEFT JOIN member m ON m.id = e.member_id WHERE e.alliance_id = ?1 ORDER BY e.name"));
  s.BindInt64(1, a.id);
  std::vector<Expert> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                   std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5))});
  }
  return out;
}

namespace {

// Lower-cased name parts, sorted: "Zhang, Wei" and "Wei Zhang" -> {"wei", "zhang"}.
std::vector<std::string> NameParts(std::string_view name) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : name) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!cur.empty()) parts.push_back(AsciiLower(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(AsciiLower(cur));
  std::sort(parts.begin(), parts.end());
  return parts;
}

}  // namespace

bool SameInventor(std::string_view a, std::string_view b) {
  std::vector<std::string> x = NameParts(a), y = NameParts(b);
  return !x.empty() && x == y;
}

Result<std::map<std::string, std::vector<std::string>>> PatentsOfInventors(PatentStore& store,
                                                                           const std::vector<std::string>& names) {
  std::map<std::string, std::vector<std::string>> out;
  std::vector<std::pair<std::string, std::vector<std::string>>> keys;
  for (const auto& n : names) {
    out[n];
    keys.emplace_back(n, NameParts(n));
  }
  if (names.empty()) return out;
  RETURN_IF_ERROR(store.ForEach([&](const PatentRecord& r) {
    for (const Party& p : r.inventors) {
      std::vector<std::string> parts = NameParts(p.name);
      for (const auto& [n, k] : keys)
        if (!k.empty() && parts == k && (out[n].empty() || out[n].back() != r.publication_number))
          out[n].push_back(r.publication_number);
    }
    return true;
  }));
  return out;
}

}  // namespace patnav::domain
