// Ownership transactions: the kinds of conveyance an office records (USPTO
// assignment records name them in free text, "ASSIGNMENT OF ASSIGNORS
// INTEREST (SEE DOCUMENT FOR DETAILS).") and what each does to ownership and
// to the INPADOC vocabulary. The mapping (docs/formats/legal-events.md):
//
//   kind              moves ownership  INPADOC             class / influence
//   assignment        yes              US AS               R (party data change) / none
//   nunc pro tunc     yes              US AS               R / none
//   merger            yes              US AS               R / none
//   change of name    yes              US AS               R / none
//   corrective        yes              US AS               R / none
//   security interest no               US AS               S (licensing, pledge) / none
//   release           no               US AS               S / none
//   licence           no               US AS               S / none
//   other             no               US AS               W (other) / none
//
// INPADOC itself records every US assignment as US AS; the class is
// overridden so that pledges and licences read as class S.
//
// Thread-safety: pure functions over immutable tables.
#pragma once

#include <string_view>

namespace patnav {

enum class ConveyanceKind {
  kAssignment,
  kNuncProTunc,
  kMerger,
  kChangeOfName,
  kCorrective,
  kSecurityInterest,
  kRelease,
  kLicence,
  kOther,
};

// The kind of a conveyance text, by its words (case-insensitive): "NUNC PRO
// TUNC" before "ASSIGNMENT", "RELEASE" before "SECURITY", "CORRECTIVE"
// before anything else; kOther when no word is known.
ConveyanceKind ClassifyConveyanceText(std::string_view text);

// "assignment", "nunc_pro_tunc", "merger", "change_of_name", "corrective",
// "security_interest", "release", "licence", "other".
const char* ConveyanceKindName(ConveyanceKind kind);
// The kind of a ConveyanceKindName; false when `name` is none.
bool ParseConveyanceKind(std::string_view name, ConveyanceKind& kind);

// True for the kinds after which the assignees own the patent.
bool MovesOwnership(ConveyanceKind kind);
// The INPADOC class of the kind (table above).
char ConveyanceClass(ConveyanceKind kind);

}  // namespace patnav
