// The maintenance fee event codes (USPTO MaintFeeEvents file documentation).
#include "model/uspto_maintfee_codes.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace patnav {

namespace {

using A = MaintFeeAction;

constexpr MaintFeeCode kCodes[] = {
    {"M1551", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Year, Large Entity"},
    {"M1552", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Year, Large Entity"},
    {"M1553", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Year, Large Entity"},
    {"M1554", A::kSurcharge, 0, "MAFP", "Surcharge for Late Payment, Large Entity"},
    {"M1555", A::kSurcharge, 8, "MAFP", "7.5 yr surcharge - late pmt w/in 6 mo, Large Entity"},
    {"M1556", A::kSurcharge, 12, "MAFP", "11.5 yr surcharge - late pmt w/in 6 mo, Large Entity"},
    {"M1558", A::kSurcharge, 0, "MAFP", "Surcharge, Petition to Accept Pymt After Exp, Unintentional"},
    {"M2551", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Yr, Small Entity"},
    {"M2552", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Yr, Small Entity"},
    {"M2553", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Yr, Small Entity"},
    {"M2554", A::kSurcharge, 0, "MAFP", "Surcharge for Late Payment, Small Entity"},
    {"M2555", A::kSurcharge, 8, "MAFP", "7.5 yr surcharge - late pmt w/in 6 mo, Small Entity"},
    {"M2556", A::kSurcharge, 12, "MAFP", "11.5 yr surcharge - late pmt w/in 6 mo, Small Entity"},
    {"M2558", A::kSurcharge, 0, "MAFP", "Surcharge, Petition to Accept Pymt After Exp, Unintentional"},
    {"M3551", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Year, Micro Entity"},
    {"M3552", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Year, Micro Entity"},
    {"M3553", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Year, Micro Entity"},
    {"M3554", A::kSurcharge, 0, "MAFP", "Surcharge for Late Payment, Micro Entity"},
    {"M3555", A::kSurcharge, 8, "MAFP", "7.5 yr surcharge - late pmt w/in 6 mo, Micro Entity"},
    {"M3556", A::kSurcharge, 12, "MAFP", "11.5 yr surcharge - late pmt w/in 6 mo, Micro Entity"},
    {"M3558", A::kSurcharge, 0, "MAFP", "Surcharge, Petition to Accept Pymt After Exp, Unintentional"},
    {"M170", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Year, PL 96-517"},
    {"M171", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Year, PL 96-517"},
    {"M172", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Year, PL 96-517"},
    {"M173", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Year, PL 97-247"},
    {"M174", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Year, PL 97-247"},
    {"M175", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Year, PL 97-247"},
    {"M183", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Year, Large Entity"},
    {"M184", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Year, Large Entity"},
    {"M185", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Yr, Large Entity"},
    {"M186", A::kSurcharge, 0, "MAFP", "Surcharge for Late Payment, Large Entity"},
    {"M273", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Yr, Small Entity, PL 97-247"},
    {"M274", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Yr, Small Entity, PL 97-247"},
    {"M275", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Yr, Small Entity, PL 97-247"},
    {"M283", A::kPayment, 4, "MAFP", "Payment of Maintenance Fee, 4th Yr, Small Entity"},
    {"M284", A::kPayment, 8, "MAFP", "Payment of Maintenance Fee, 8th Yr, Small Entity"},
    {"M285", A::kPayment, 12, "MAFP", "Payment of Maintenance Fee, 12th Yr, Small Entity"},
    {"M286", A::kSurcharge, 0, "MAFP", "Surcharge for Late Payment, Small Entity"},
    {"EXP.", A::kExpired, 0, "LAPS", "Patent Expired for Failure to Pay Maintenance Fees"},
    {"EXPX", A::kReinstated, 0, "REIN", "Patent Reinstated After Maintenance Fee Payment Confirmed"},
    {"REM.", A::kReminder, 0, "REMI", "Maintenance Fee Reminder Mailed"},
    {"ASPN", A::kProcedure, 0, "FEPP", "Payor Number Assigned"},
    {"RMPN", A::kProcedure, 0, "FEPP", "Payer Number De-assigned"},
    {"RMPR", A::kProcedure, 0, "FEPP", "Payer Number Re-assigned"},
    {"LTOS", A::kProcedure, 0, "FEPP", "Pat Holder Claims Small Entity Status"},
    {"STOL", A::kProcedure, 0, "FEPP", "Pat Hldr no Longer Claims Small Ent Stat"},
    {"SMAL", A::kProcedure, 0, "FEPP", "Entity status set to Small"},
    {"BIG.", A::kProcedure, 0, "FEPP", "Entity status set to Undiscounted (note the period is included in the code)"},
    {"MICR", A::kProcedure, 0, "FEPP", "Entity status set to Micro"},
    {"PMFP", A::kProcedure, 0, "FEPP", "Petition Related to Maintenance Fees Filed"},
    {"PMFG", A::kProcedure, 0, "FEPP", "Petition Related to Maintenance Fees Granted"},
    {"PMFD", A::kProcedure, 0, "FEPP", "Petition Related to Maintenance Fees Dismissed"},
    {"R1551", A::kRefund, 4, "FEPP", "Refund - Payment of Maintenance Fee, 4th Year, Large Entity"},
    {"R1552", A::kRefund, 8, "FEPP", "Refund - Payment of Maintenance Fee, 8th Year, Large Entity"},
    {"R1553", A::kRefund, 12, "FEPP", "Refund - Payment of Maintenance Fee, 12th Year, Large Entity"},
    {"R2551", A::kRefund, 4, "FEPP", "Refund - Payment of Maintenance Fee, 4th Yr, Small Entity"},
    {"R2552", A::kRefund, 8, "FEPP", "Refund - Payment of Maintenance Fee, 8th Yr, Small Entity"},
    {"R2553", A::kRefund, 12, "FEPP", "Refund - Payment of Maintenance Fee, 12th Yr, Small Entity"},
};

}  // namespace

// Looked up per event by the status engine (millions per run): codes are at
// most 8 bytes, so each is packed into an integer and found by binary search
// in an index built once, instead of a scan of the table with string compares.
const MaintFeeCode* FindMaintFeeCode(std::string_view code) {
  auto pack = [](std::string_view c) {
    uint64_t v = 0;
    for (char ch : c) v = (v << 8) | static_cast<unsigned char>(ch);
    return v;
  };
  static const std::vector<std::pair<uint64_t, const MaintFeeCode*>> kSorted = [&] {
    std::vector<std::pair<uint64_t, const MaintFeeCode*>> v;
    for (const MaintFeeCode& c : kCodes) v.emplace_back(pack(c.code), &c);
    std::sort(v.begin(), v.end());
    return v;
  }();
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  if (code.empty() || code.size() > 8) return nullptr;
  const uint64_t key = pack(code);
  auto it = std::lower_bound(kSorted.begin(), kSorted.end(), key,
                             [](const std::pair<uint64_t, const MaintFeeCode*>& e, uint64_t k) { return e.first < k; });
  return it != kSorted.end() && it->first == key ? it->second : nullptr;
}

const InpadocCode* MaintFeeInpadocCode(const MaintFeeCode& code) {
  constexpr size_t kCount = sizeof kCodes / sizeof kCodes[0];
  static const std::array<const InpadocCode*, kCount> kInpadoc = [] {
    std::array<const InpadocCode*, kCount> a{};
    for (size_t i = 0; i < kCount; ++i) a[i] = FindInpadocCode("US", kCodes[i].inpadoc_code);
    return a;
  }();
  return kInpadoc[static_cast<size_t>(&code - kCodes)];
}

}  // namespace patnav
