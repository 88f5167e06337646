// Alliance members.
#include "domain/members.h"

#include "base/strings.h"
#include "domain/alliance.h"
#include "domain/period.h"
#include "model/party.h"

namespace patnav::domain {

Result<std::string> ParseMemberType(std::string_view text) {
  std::string t = AsciiLower(Trim(text));
  struct Alias {
    const char* type;
    const char* names[4];
  };
  static const Alias kAliases[] = {
      {"industry", {"industry", "enterprise", "产", "企业"}},
      {"university", {"university", "academia", "学", "高校"}},
      {"research", {"research", "institute", "研", "科研院所"}},
      {"finance", {"finance", "financial", "金", "金融"}},
      {"intermediary", {"intermediary", "service", "介", "中介"}},
      {"application", {"application", "user", "用", "应用"}},
  };
  for (const Alias& a : kAliases)
    for (const char* n : a.names)
      if (t == n) return std::string(a.type);
  return Status::InvalidArgument("member type '" + std::string(text) +
                                 "' is not industry, university, research, finance, intermediary or application (产学研金介用)");
}

Result<int64_t> AddMember(OperationsDb& ops, const MemberInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the member needs a name");
  ASSIGN_OR_RETURN(std::string type, ParseMemberType(in.type));
  std::string joined = in.joined_on.empty() ? TodayUtc() : in.joined_on;
  RETURN_IF_ERROR(CheckIsoDate(joined, "join date"));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, in.alliance));
    ASSIGN_OR_RETURN(auto existing, QueryOptionalInt(ops.db(), "SELECT id FROM member WHERE name = ?1", name));
    if (existing) return Status::InvalidArgument("a member named '" + name + "' already exists");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO member(alliance_id, name, type, joined_on, contact, applicant_key, trading_centre) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    std::string key = NormalizeOrganisation(name);
    s.BindInt64(1, a.id);
    s.BindText(2, name);
    s.BindText(3, type);
    s.BindText(4, joined);
    s.BindTextOrNull(5, in.contact);
    s.BindTextOrNull(6, key);
    s.BindInt64(7, in.trading_centre ? 1 : 0);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

namespace {

constexpr const char* kMemberColumns =
    "SELECT m.id, a.name, m.name, m.type, m.joined_on, coalesce(m.left_on, ''), coalesce(m.contact, ''), "
    "m.trading_centre FROM member m JOIN alliance a ON a.id = m.alliance_id";

Member ReadMember(const Statement& s) {
  Member m;
  m.id = s.ColumnInt64(0);
  m.alliance = s.ColumnText(1);
  m.name = s.ColumnText(2);
  m.type = s.ColumnText(3);
  m.joined_on = s.ColumnText(4);
  m.left_on = s.ColumnText(5);
  m.contact = s.ColumnText(6);
  m.trading_centre = s.ColumnInt64(7) != 0;
  return m;
}

}  // namespace

Result<Member> FindMember(OperationsDb& ops, std::string_view name) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kMemberColumns) + " WHERE m.name = ?1"));
  s.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown member '" + std::string(name) + "'");
  return ReadMember(s);
}

Status SetTradingCentre(OperationsDb& ops, std::string_view name, bool trading_centre) {
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Member m, FindMember(ops, name));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("UPDATE member SET trading_centre = ?2 WHERE id = ?1"));
    s.BindInt64(1, m.id);
    s.BindInt64(2, trading_centre ? 1 : 0);
    return s.Run();
  });
}

Status MemberLeaves(OperationsDb& ops, std::string_view name, std::string_view left_on) {
  RETURN_IF_ERROR(CheckIsoDate(left_on, "leave date"));
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Member m, FindMember(ops, name));
    if (!m.left_on.empty())
      return Status::InvalidArgument("member '" + m.name + "' already left on " + m.left_on);
    if (left_on < m.joined_on)
      return Status::InvalidArgument("leave date " + std::string(left_on) + " is before '" + m.name + "' joined (" +
                                     m.joined_on + ")");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("UPDATE member SET left_on = ?2 WHERE id = ?1"));
    s.BindInt64(1, m.id);
    s.BindText(2, left_on);
    return s.Run();
  });
}

Result<std::vector<Member>> ListMembers(OperationsDb& ops, std::string_view alliance) {
  ASSIGN_OR_RETURN(Alliance a, DefaultAlliance(ops, alliance));
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kMemberColumns) + " WHERE m.alliance_id = ?1 ORDER BY m.name"));
  s.BindInt64(1, a.id);
  std::vector<Member> out;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadMember(s));
  }
  return out;
}

}  // namespace patnav::domain
