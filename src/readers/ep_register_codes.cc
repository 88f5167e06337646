// The EP Register's codes in the INPADOC vocabulary (ep_register_codes.h).
#include "readers/ep_register_codes.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace patnav {

namespace {

struct CodeRow {
  const char* code;
  RegisterMeaning meaning;
};

// Dossier event codes seen in Register answers, by code. The EPIDOS codes
// are the Register's working entries; 000xxxx are bulletin events.
constexpr CodeRow kCodes[] = {
    {"0008199IPCL", {"RIC1", 'D', ' '}},  // change - classification
    {"0009012", {"PUAI", 'Q', ' '}},      // publication in section I.1 of the Bulletin
    {"0009013", {"", 'Q', ' '}},          // publication of the search report
    {"0009171", {"17P", 'D', '+'}},       // request for examination filed
    {"0009185", {"17Q", 'D', '+'}},       // first examination report
    {"0009199APPR", {"RAP1", 'R', ' '}},  // change - applicant
    {"0009199FREP", {"", 'R', ' '}},      // change - representative
    {"0009199TIDE", {"", 'W', ' '}},      // change - German title
    {"0009199TIEN", {"", 'W', ' '}},      // change - English title
    {"0009199TIFR", {"", 'W', ' '}},      // change - French title
    {"0009210", {"GRAA", 'F', '+'}},      // (expected) grant
    {"0009250", {"", 'W', ' '}},          // lapse in a contracting state (which one: lapsed-in-country)
    {"0009261", {"PLBE", 'L', '+'}},      // no opposition filed within time limit
    {"EPIDOSABEX", {"", 'D', ' '}},       // amendment by applicant
    {"EPIDOSCEXR2", {"", 'D', ' '}},      // change: despatch of examination report
    {"EPIDOSFREP", {"", 'R', ' '}},       // change - representative
    {"EPIDOSNEXP2", {"", 'U', '+'}},      // fee payment for extension state
    {"EPIDOSNEXR2", {"", 'D', ' '}},      // despatch of examination report + time limit
    {"EPIDOSNEXR3", {"", 'D', ' '}},      // reply to examination report
    {"EPIDOSNIGR1", {"GRAH", 'D', '+'}},  // communication of intention to grant
    {"EPIDOSNIGR3", {"", 'U', '+'}},      // payment of fee for grant
    {"EPIDOSNIGR5", {"", 'U', '+'}},      // payment of fee for publishing/printing
    {"EPIDOSNIGR7", {"", 'D', ' '}},      // receipt of the translation of the claims
    {"EPIDOSNRFE2", {"", 'U', '+'}},      // renewal fee paid
};

struct StatusRule {
  const char* words;  // lower case, a substring of the status text
  RegisterMeaning meaning;
};

// First match wins: specific phrases before general ones.
constexpr StatusRule kStatuses[] = {
    {"deemed to be withdrawn", {"18D", 'B', '-'}},
    {"has been withdrawn", {"18W", 'B', '-'}},
    {"has been refused", {"18R", 'B', '-'}},
    {"revoked", {"27W", 'H', '-'}},
    {"maintained as amended", {"27A", 'M', ' '}},
    {"no opposition filed", {"PLBE", 'L', '+'}},
    {"opposition", {"26", 'L', '-'}},
    {"grant of patent is intended", {"GRAH", 'D', '+'}},
    {"has been granted", {"GRAA", 'F', '+'}},
    {"examination is in progress", {"", 'D', '+'}},
    {"request for examination was made", {"", 'D', '+'}},
    {"has been published", {"", 'Q', ' '}},
    {"search report", {"", 'D', ' '}},
    {"has lapsed", {"", 'H', '-'}},
    {"has expired", {"", 'H', '-'}},
};

}  // namespace

const RegisterMeaning* FindRegisterEventCode(std::string_view code) {
  std::string key;
  for (char c : code)
    if (c != ' ') key.push_back(c);
  for (const CodeRow& row : kCodes)
    if (key == row.code) return &row.meaning;
  return nullptr;
}

const RegisterMeaning* FindRegisterStatus(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const StatusRule& rule : kStatuses)
    if (lower.find(rule.words) != std::string::npos) return &rule.meaning;
  return nullptr;
}

}  // namespace patnav
