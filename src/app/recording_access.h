// Who may do what with an alliance's recording application (recordings.h
// states the rules): the caller's access to one alliance's latest
// application, shared by the workflow, the materials' files and what
// follows recording (recording_aftercare.h).
// Thread-safety: pure functions, except those reading `ops` (as OperationsDb).
#pragma once

#include <string>
#include <utility>

#include "app/caller.h"
#include "base/status.h"
#include "domain/alliance.h"
#include "domain/operations_db.h"
#include "domain/recording.h"

namespace patnav::app {

// What the caller may do with one alliance's application.
struct Access {
  bool visible = false;
  bool operator_role = false, province = false, national = false;
  bool Holds(domain::RecordingRole r) const {
    return r == domain::RecordingRole::kOperator           ? operator_role
           : r == domain::RecordingRole::kProvinceReviewer ? province
                                                           : national;
  }
  bool Office() const { return province || national; }
};

// True when the caller holds a reviewer grant for `province`.
bool ReviewsProvince(const Caller& c, const std::string& province);

// The caller's access to `alliance` and its application `r` (may be null):
// the command line holds every role; administrators are the national
// office and may operate; grant holders of the alliance see it (operators
// operate); reviewers of the province see it once it has left draft.
Access AccessTo(const Caller& c, const std::string& alliance, const domain::Recording* r);

// NotFound "unknown alliance 'X'".
Status Unknown(const std::string& alliance);

// The alliance named (empty: the only one, for the command line and
// administrators); Unauthenticated for anonymous callers.
Result<domain::Alliance> Resolve(const Caller& c, domain::OperationsDb& ops, const std::string& alliance);

// The alliance's latest application when the caller may see it; NotFound
// as for a missing alliance otherwise, or when it has none.
Result<std::pair<domain::Recording, Access>> VisibleLatest(const Caller& caller, domain::OperationsDb& ops,
                                                           const std::string& alliance);

}  // namespace patnav::app
