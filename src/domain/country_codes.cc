// The ISO 3166-1 alpha-2 and EPC tables (country_codes.h).
#include "domain/country_codes.h"

namespace patnav::domain {

namespace {

// Officially assigned ISO 3166-1 alpha-2 codes, in order, two letters each.
constexpr std::string_view kIso3166 =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ"
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ"
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ"
    "DEDJDKDMDODZ"
    "ECEEEGEHERESET"
    "FIFJFKFMFOFR"
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY"
    "HKHMHNHRHTHU"
    "IDIEILIMINIOIQIRISIT"
    "JEJMJOJP"
    "KEKGKHKIKMKNKPKRKWKYKZ"
    "LALBLCLILKLRLSLTLULVLY"
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ"
    "NANCNENFNGNINLNONPNRNUNZ"
    "OM"
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY"
    "QA"
    "RERORSRURW"
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ"
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ"
    "UAUGUMUSUYUZ"
    "VAVCVEVGVIVNVU"
    "WFWS"
    "YEYT"
    "ZAZMZW";

// EPC contracting states, then the extension and validation states.
constexpr std::string_view kEuropean =
    "ALATBEBGCHCYCZDEDKEEESFIFRGBGRHRHUIEISITLILTLULVMCMEMKMTNLNOPLPTRORSSESISKSMTR"
    "BAMAMDTNKHGE";

bool InTable(std::string_view table, std::string_view code) {
  if (code.size() != 2) return false;
  for (size_t i = 0; i + 1 < table.size(); i += 2)
    if (table.substr(i, 2) == code) return true;
  return false;
}

}  // namespace

bool IsIsoCountryCode(std::string_view code) { return InTable(kIso3166, code); }

bool EuropeanPatentCovers(std::string_view code) { return InTable(kEuropean, code); }

}  // namespace patnav::domain
