// Conveyance kinds and their mapping (conveyance.h).
#include "model/conveyance.h"

#include <cctype>
#include <iterator>
#include <string>

namespace patnav {

namespace {

struct KindInfo {
  ConveyanceKind kind;
  const char* name;
  bool moves;
  char event_class;
};

constexpr KindInfo kKinds[] = {
    {ConveyanceKind::kAssignment, "assignment", true, 'R'},
    {ConveyanceKind::kNuncProTunc, "nunc_pro_tunc", true, 'R'},
    {ConveyanceKind::kMerger, "merger", true, 'R'},
    {ConveyanceKind::kChangeOfName, "change_of_name", true, 'R'},
    {ConveyanceKind::kCorrective, "corrective", true, 'R'},
    {ConveyanceKind::kSecurityInterest, "security_interest", false, 'S'},
    {ConveyanceKind::kRelease, "release", false, 'S'},
    {ConveyanceKind::kLicence, "licence", false, 'S'},
    {ConveyanceKind::kOther, "other", false, 'W'},
};

const KindInfo& Info(ConveyanceKind k) {
  for (const KindInfo& i : kKinds)
    if (i.kind == k) return i;
  return kKinds[std::size(kKinds) - 1];
}

}  // namespace

ConveyanceKind ClassifyConveyanceText(std::string_view text) {
  std::string up;
  up.reserve(text.size());
  for (char c : text) up.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  auto has = [&](const char* w) { return up.find(w) != std::string::npos; };
  if (has("CORRECTIVE")) return ConveyanceKind::kCorrective;
  if (has("NUNC PRO TUNC")) return ConveyanceKind::kNuncProTunc;
  if (has("RELEASE")) return ConveyanceKind::kRelease;
  if (has("SECURITY") || has("MORTGAGE") || has("LIEN")) return ConveyanceKind::kSecurityInterest;
  if (has("LICENSE") || has("LICENCE")) return ConveyanceKind::kLicence;
  if (has("MERGER")) return ConveyanceKind::kMerger;
  if (has("CHANGE OF NAME") || has("ENTITY CONVERSION")) return ConveyanceKind::kChangeOfName;
  if (has("ASSIGNMENT")) return ConveyanceKind::kAssignment;
  return ConveyanceKind::kOther;
}

const char* ConveyanceKindName(ConveyanceKind kind) { return Info(kind).name; }

bool ParseConveyanceKind(std::string_view name, ConveyanceKind& kind) {
  for (const KindInfo& i : kKinds)
    if (name == i.name) {
      kind = i.kind;
      return true;
    }
  return false;
}

bool MovesOwnership(ConveyanceKind kind) { return Info(kind).moves; }
char ConveyanceClass(ConveyanceKind kind) { return Info(kind).event_class; }

}  // namespace patnav
