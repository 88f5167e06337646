// An industrial IP alliance (guidelines III): its name, address and
// organisational form (III(II): business entity, social organization,
// cooperative organization), and its charter tracked as the checklist of the
// nine items III(IV) requires, with completeness.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

// "business_entity", "social_organization", "cooperative_organization";
// also accepts "business", "social", "cooperative" and 企业/社团/合作.
Result<std::string> ParseOrganisationForm(std::string_view text);

struct AllianceInput {
  std::string name;
  std::string address;
  std::string form;      // as ParseOrganisationForm accepts
  std::string industry;  // optional
};

struct Alliance {
  int64_t id = 0;
  std::string name, address, form, industry, created_on;
};

// InvalidArgument (nothing written) for an empty name, an unknown form or a
// name already taken. REQUIRES: none; opens its own transaction.
Result<int64_t> CreateAlliance(OperationsDb& ops, const AllianceInput& in);
// NotFound "unknown alliance 'X'".
Result<Alliance> FindAlliance(OperationsDb& ops, std::string_view name);
// The only alliance when exactly one exists (so --alliance may be omitted);
// InvalidArgument naming the choices otherwise.
Result<Alliance> DefaultAlliance(OperationsDb& ops, std::string_view name_or_empty);

// The nine charter items of III(IV), item 1..9.
const std::array<const char*, 9>& CharterItemTitles();

// Records (or replaces) the text of charter item 1..9.
Status SetCharterItem(OperationsDb& ops, std::string_view alliance, int item, std::string_view text);

struct CharterItem {
  int item = 0;
  std::string title;
  bool present = false;
  std::string text;
};
struct CharterStatus {
  std::vector<CharterItem> items;  // all nine, in order
  int present = 0;                 // items recorded
  int percent = 0;                 // present * 100 / 9, rounded down
};
Result<CharterStatus> Charter(OperationsDb& ops, std::string_view alliance);

}  // namespace patnav::domain
