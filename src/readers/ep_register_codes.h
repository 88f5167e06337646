// What the EP Register's own codes mean in the INPADOC vocabulary: dossier
// event codes ("0009210", "EPIDOSNRFE2") and procedural status texts ("The
// patent has been granted"). Where INPADOC records the same fact (its EPIDOS
// events say "ORIGINAL CODE: 0009210") the INPADOC code is given, so that the
// Register's event and the OPS event are one event in the store; otherwise
// only a class and influence.
//
// Thread-safety: immutable tables, pure functions.
#pragma once

#include <string_view>

namespace patnav {

struct RegisterMeaning {
  const char* inpadoc_code;  // EP code, "" when INPADOC has no equivalent
  char event_class;          // 'A'..'Z'; ' ' when unknown
  char influence;            // '+', '-', ' '
};

// The meaning of a dossier event code (spaces inside the code are ignored:
// "EPIDOS FREP" is "EPIDOSFREP"); nullptr when the code is unknown.
const RegisterMeaning* FindRegisterEventCode(std::string_view code);

// The meaning of a procedural status text (case-insensitive, by its words);
// nullptr when no rule matches.
const RegisterMeaning* FindRegisterStatus(std::string_view text);

}  // namespace patnav
