// Legal-status groups and the values LS= accepts (legal_status_terms.h).
#include "index/legal_status_terms.h"

#include "base/strings.h"

namespace patnav::index {

std::string_view LegalStatusGroup(std::string_view state) {
  if (state == "in_force") return "live";
  if (state == "pending") return "pending";
  if (state == "lapsed" || state == "expired" || state == "revoked" || state == "withdrawn" || state == "refused")
    return "dead";
  return "";
}

std::string CanonicalLegalStatusValue(std::string_view value) {
  std::string v = AsciiLower(Trim(value));
  if (v == "live" || v == "alive" || v == "active" || v == "有效") return "live";
  if (v == "dead" || v == "失效" || v == "无效") return "dead";
  if (v == "pending" || v == "审中" || v == "在审") return "pending";
  if (v == "in_force" || v == "inforce") return "in_force";
  for (std::string_view s : {"lapsed", "expired", "revoked", "withdrawn", "refused"})
    if (v == s) return v;
  return "";
}

}  // namespace patnav::index
