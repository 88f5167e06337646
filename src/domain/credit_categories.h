// The categories of dishonesty (失信行为) a credibility record may record,
// after the national IP credit rule (《知识产权信用管理规定》, CNIPA 2022,
// the behaviours it lists) and the administrative-penalty records of the
// social credit system, each with its publicity rules; and the management
// measures (管理措施) a decision may apply. One table each, Chinese and
// English names side by side (credit_categories.cc); docs/credibility.md
// prints them.
//
// Publicity rules, per category, as data:
//   listing_months   how long a listed record stays in effect (the listing
//                    period; a decision may set its own end instead)
//   repair_months    the minimum time after listing before the subject may
//                    request credit repair (信用修复)
//   publicity_months how long a listed record is shown on the public
//                    dishonesty list from its listing date (0: never shown);
//                    it leaves the list earlier when repaired, revoked or
//                    expired
// The figures are patnav's defaults; where the rule in force says otherwise
// the table is the one place to change.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace patnav::domain {

struct CreditCategory {
  const char* code;
  const char* name_zh;
  const char* name_en;
  int listing_months;
  int repair_months;
  int publicity_months;
};

struct CreditMeasure {
  const char* code;
  const char* name_zh;
  const char* name_en;
};

std::span<const CreditCategory> CreditCategories();
std::span<const CreditMeasure> CreditMeasures();

// InvalidArgument listing the codes when unknown. The returned pointers
// refer to static tables.
Result<const CreditCategory*> FindCreditCategory(std::string_view code);
Result<const CreditMeasure*> FindCreditMeasure(std::string_view code);

}  // namespace patnav::domain
