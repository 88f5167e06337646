// Alliances and their charters.
#include "domain/alliance.h"

#include "base/strings.h"
#include "domain/period.h"

namespace patnav::domain {

Result<std::string> ParseOrganisationForm(std::string_view text) {
  std::string t = AsciiLower(Trim(text));
  for (char& c : t) if (c == '-' || c == ' ') c = '_';
  if (t == "business_entity" || t == "business" || t == "企业" || t == "企业法人") return std::string("business_entity");
  if (t == "social_organization" || t == "social_organisation" || t == "social" || t == "社团" || t == "社会团体")
    return std::string("social_organization");
  if (t == "cooperative_organization" || t == "cooperative_organisation" || t == "cooperative" || t == "合作" ||
      t == "合作组织")
    return std::string("cooperative_organization");
  return Status::InvalidArgument("organisational form '" + std::string(text) +
                                 "' is not business_entity, social_organization or cooperative_organization");
}

Result<int64_t> CreateAlliance(OperationsDb& ops, const AllianceInput& in) {
  std::string name(Trim(in.name));
  if (name.empty()) return Status::InvalidArgument("the alliance needs a name");
  ASSIGN_OR_RETURN(std::string form, ParseOrganisationForm(in.form));
  int64_t id = 0;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto existing, QueryOptionalInt(ops.db(), "SELECT id FROM alliance WHERE name = ?1", name));
    if (existing) return Status::InvalidArgument("an alliance named '" + name + "' already exists");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO alliance(name, address, form, industry, created_on) VALUES (?1, ?2, ?3, ?4, ?5)"));
    std::string today = TodayUtc();
    s.BindText(1, name);
    s.BindTextOrNull(2, in.address);
    s.BindText(3, form);
    s.BindTextOrNull(4, in.industry);
    s.BindText(5, today);
    RETURN_IF_ERROR(s.Run());
    id = ops.db().LastInsertRowid();
    return Status::OK();
  }));
  return id;
}

namespace {

Alliance ReadAlliance(const Statement& s) {
  return Alliance{s.ColumnInt64(0), std::string(s.ColumnText(1)), std::string(s.ColumnText(2)),
                  std::string(s.ColumnText(3)), std::string(s.ColumnText(4)), std::string(s.ColumnText(5))};
}

constexpr const char* kAllianceColumns = "SELECT id, name, coalesce(address, ''), form, coalesce(industry, ''), created_on FROM alliance";

}  // namespace

Result<Alliance> FindAlliance(OperationsDb& ops, std::string_view name) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kAllianceColumns) + " WHERE name = ?1"));
  s.BindText(1, name);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown alliance '" + std::string(name) + "'");
  return ReadAlliance(s);
}

Result<Alliance> DefaultAlliance(OperationsDb& ops, std::string_view name) {
  if (!name.empty()) return FindAlliance(ops, name);
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kAllianceColumns) + " ORDER BY id"));
  std::vector<Alliance> all;
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    all.push_back(ReadAlliance(s));
  }
  if (all.size() == 1) return all[0];
  if (all.empty()) return Status::NotFound("no alliance yet (patnav alliance create NAME --form ...)");
  std::string names;
  for (const auto& a : all) names += (names.empty() ? "" : ", ") + a.name;
  return Status::InvalidArgument("several alliances (" + names + "): name one with --alliance");
}

const std::array<const char*, 9>& CharterItemTitles() {
  static const std::array<const char*, 9> kTitles = {
      "name and address of the alliance",
      "nature, tenet, scope of business and working area",
      "working purpose, principle and main contents",
      "qualifications of members, their rights and obligations",
      "organisational structure, management system and procedures",
      "source, use, management and supervision of funds and assets",
      "modification procedures of the charter",
      "termination procedures and asset disposal upon termination",
      "other matters specified in the charter",
  };
  return kTitles;
}

Status SetCharterItem(OperationsDb& ops, std::string_view alliance, int item, std::string_view text) {
  if (item < 1 || item > 9) return Status::InvalidArgument("charter item " + std::to_string(item) + " is not 1..9 (guidelines III(IV))");
  if (Trim(text).empty()) return Status::InvalidArgument("charter item " + std::to_string(item) + ": empty text");
  return ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, alliance));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT OR REPLACE INTO charter_item(alliance_id, item, text, recorded_at) VALUES (?1, ?2, ?3, ?4)"));
    std::string now = NowUtc();
    s.BindInt64(1, a.id);
    s.BindInt64(2, item);
    s.BindText(3, text);
    s.BindText(4, now);
    return s.Run();
  });
}

Result<CharterStatus> Charter(OperationsDb& ops, std::string_view alliance) {
  ASSIGN_OR_RETURN(Alliance a, FindAlliance(ops, alliance));
  CharterStatus out;
  for (int i = 1; i <= 9; ++i) out.items.push_back({i, CharterItemTitles()[static_cast<size_t>(i - 1)], false, ""});
  // Item 1 is satisfied by the alliance's own name and address.
  if (!a.address.empty()) {
    out.items[0].present = true;
    out.items[0].text = a.name + ", " + a.address;
  }
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT item, text FROM charter_item WHERE alliance_id = ?1"));
  s.BindInt64(1, a.id);
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    CharterItem& it = out.items[static_cast<size_t>(s.ColumnInt64(0) - 1)];
    it.present = true;
    it.text = std::string(s.ColumnText(1));
  }
  for (const auto& it : out.items) out.present += it.present ? 1 : 0;
  out.percent = out.present * 100 / 9;
  return out;
}

}  // namespace patnav::domain
