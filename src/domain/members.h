// Alliance members: each one of the six resource elements the guidelines
// name (产学研金介用: industry, university, research, finance, intermediary
// services, application), with join and leave dates and a contact. Member
// names are unique across the operations database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

// "industry", "university", "research", "finance", "intermediary",
// "application"; also the characters 产 学 研 金 介 用.
Result<std::string> ParseMemberType(std::string_view text);

struct MemberInput {
  std::string alliance;   // empty: the only alliance
  std::string name;
  std::string type;       // as ParseMemberType accepts
  std::string joined_on;  // ISO date; empty: today
  std::string contact;
  bool trading_centre = false;  // a national patent technology exhibition and trading centre
};

struct Member {
  int64_t id = 0;
  std::string alliance;
  std::string name, type, joined_on, left_on, contact;
  bool trading_centre = false;  // a national patent technology exhibition and trading centre
  bool active_on(std::string_view date) const {
    return joined_on <= date && (left_on.empty() || date < left_on);
  }
};

// InvalidArgument (nothing written) for a duplicate name, unknown type or bad date.
Result<int64_t> AddMember(OperationsDb& ops, const MemberInput& in);
// Records the leave date. InvalidArgument when already left or the date is
// before joining; NotFound for an unknown member.
Status MemberLeaves(OperationsDb& ops, std::string_view name, std::string_view left_on);
// Records whether the member is a national patent technology exhibition and
// trading centre (a priority circumstance of the library, recording_priority.h).
// NotFound for an unknown member.
Status SetTradingCentre(OperationsDb& ops, std::string_view name, bool trading_centre);
// NotFound "unknown member 'X'".
Result<Member> FindMember(OperationsDb& ops, std::string_view name);
// Members of the alliance (empty name: the only one), by name.
Result<std::vector<Member>> ListMembers(OperationsDb& ops, std::string_view alliance);

}  // namespace patnav::domain
