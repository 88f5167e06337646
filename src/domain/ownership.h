// The current owner of a patent from its recorded ownership transactions
// (LegalEvent with a conveyance, e.g. USPTO assignments): assignments, nunc
// pro tunc assignments, mergers, changes of name and corrective assignments
// move ownership to their assignees (model/conveyance.h MovesOwnership);
// security interests, releases and licences do not (they are listed as
// encumbrances). Transfers apply in the order they took effect: the
// effective (execution) date, else the recorded date; ties by recorded date,
// then reel/frame. A transfer recorded after `as_of` is not yet known.
// Without any transfer the owners are the record's assignees as published,
// else its applicants.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/legal_event.h"
#include "model/patent_record.h"

namespace patnav::domain {

struct OwnershipTransfer {
  std::string date;        // ISO: when it took effect (execution), else recorded
  std::string recorded;    // ISO: the recorded date (the event date)
  std::string reference;   // the office's record: USPTO reel/frame "037388/0092"
  std::string conveyance;  // ConveyanceKindName
  std::vector<std::string> from, to;  // assignors, assignees
};

struct Ownership {
  std::vector<std::string> current;  // the owners' names; empty when unknown
  // How `current` was decided, in words: "recorded assignment, reel/frame
  // 037388/0092 (2015-12-30)" or "the assignees as published (no recorded
  // transfer)".
  std::string basis;
  std::vector<OwnershipTransfer> chain;       // every transfer used, in effect order
  std::vector<OwnershipTransfer> encumbrances;  // security interests, releases, licences
  std::vector<std::string> notes;             // chain breaks and caveats, in words
};

// REQUIRES: as_of is ISO. Events that are no ownership transaction are ignored.
Ownership CurrentOwnership(const PatentRecord& record, const std::vector<LegalEvent>& events, std::string_view as_of);

}  // namespace patnav::domain
