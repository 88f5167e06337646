// The three priority circumstances of the important industrial IP alliance
// management library (guidelines V(II)), computed from the alliance's
// records, never entered: all six resource elements 产学研金介用 among its
// active members; a member that is a national patent technology exhibition
// and trading centre; the business-entity form or a third-party professional
// operator. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/alliance.h"
#include "domain/members.h"

namespace patnav::domain {

struct PriorityCircumstance {
  std::string code;    // "all_six_elements", "national_trading_centre_member", "business_entity_or_third_party_operator"
  bool met = false;
  std::string basis;   // why: the missing element types, the centre's name, the form or operator
};

// All three, in the order above. Members count when active on `as_of`.
std::vector<PriorityCircumstance> PriorityCircumstances(const Alliance& alliance, const std::vector<Member>& members,
                                                        bool third_party_operator, std::string_view as_of);

// How many of them are met.
int PriorityCount(const std::vector<PriorityCircumstance>& circumstances);

}  // namespace patnav::domain
