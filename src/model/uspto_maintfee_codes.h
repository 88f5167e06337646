// The event codes of the USPTO maintenance fee events file
// (MaintFeeEvents_*.txt) that patnav knows, what each means for the patent's
// term, and the INPADOC US code each maps onto (inpadoc_codes.h). Codes not
// listed are unknown: readers report them, they never guess.
//
// Thread-safety: immutable table; safe from any thread.
#pragma once

#include <string_view>

#include "model/inpadoc_codes.h"

namespace patnav {

enum class MaintFeeAction {
  kPayment,     // a maintenance fee paid (fee_year 4, 8 or 12)
  kSurcharge,   // a surcharge paid with a late fee (fee_year when the code says which)
  kExpired,     // EXP.: the patent expired for failure to pay
  kReinstated,  // EXPX: the expiry cancelled (fee accepted after expiry)
  kReminder,    // REM.: reminder mailed
  kRefund,      // a fee refunded
  kProcedure,   // entity status, payer number, petitions: no effect on the term
};

struct MaintFeeCode {
  const char* code;          // as in columns 53-57, trailing spaces removed ("EXP.")
  MaintFeeAction action;
  int fee_year;              // 4, 8, 12, or 0
  const char* inpadoc_code;  // the INPADOC US code it is: "MAFP", "LAPS", "REIN", "REMI", "FEPP"
  const char* text;          // the USPTO's description
};

// nullptr when the code is unknown. `code` may carry trailing spaces.
const MaintFeeCode* FindMaintFeeCode(std::string_view code);

// The INPADOC entry (class and influence) of `code.inpadoc_code`, looked up
// once per code rather than once per event; nullptr when the EPO lists none.
// Precondition: `code` was returned by FindMaintFeeCode.
const InpadocCode* MaintFeeInpadocCode(const MaintFeeCode& code);

}  // namespace patnav
