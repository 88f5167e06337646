// Recording applications of alliances (guidelines V(I)) in operations.db: an
// alliance has at most one live application (not rejected or withdrawn); it
// moves only along the state table of recording_states.h, and every move is
// appended to its history (who, in which role, when, with what comment) in
// the same transaction as the state change. The history is append-only
// (triggers refuse UPDATE and DELETE).
//
// Callers decide the actor's role (app/recordings.cc); this file enforces
// which role may take which transition. Thread-safety: as OperationsDb.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/alliance.h"
#include "domain/operations_db.h"
#include "domain/recording_form.h"
#include "domain/recording_states.h"

namespace patnav::domain {

struct Recording {
  int64_t id = 0;
  int64_t alliance_id = 0;
  std::string alliance;
  std::string province;  // the provincial office it is submitted to
  RecordingState state = RecordingState::kDraft;
  ApplicationFormInput form;
  std::string record_number, recorded_on, rejection_reason;
  std::string removed_on, removal_reason;  // removed from the record after a rectification (rectification.h)
  std::string created_at, updated_at;
  bool removed() const { return !removed_on.empty(); }
};

struct RecordingEvent {
  int64_t id = 0;
  std::string action;      // a RecordingActionName, "create", "edit", or a step that keeps the state
                           // ("upload_file", "remove_file", "annual_report", "major_change", "order_rectification",
                           // "report_rectification", "close_rectification", "remove")
  std::string from_state;  // empty for "create"
  std::string to_state;
  std::string actor, role, at, comment;
};

// A new draft for `alliance` to `province`. InvalidArgument for an empty
// province or a bad form (CheckFormInput); AlreadyExists when the alliance
// has a live application (naming its state). Writes the "create" event.
Result<Recording> CreateRecording(OperationsDb& ops, const Alliance& alliance, std::string_view province,
                                  const ApplicationFormInput& form, std::string_view actor);

// Replaces the entered form fields (and the province, when not empty) of a
// draft or needs_correction application; FailedPrecondition in any other
// state. Writes an "edit" event.
Result<Recording> EditRecording(OperationsDb& ops, int64_t id, std::string_view province,
                                const ApplicationFormInput& form, std::string_view actor);

// The alliance's latest application; NotFound "alliance 'X' has no recording".
Result<Recording> LatestRecording(OperationsDb& ops, const Alliance& alliance);

struct RecordingFilter {
  std::string province;                 // empty: every province
  std::optional<RecordingState> state;  // none: every state
  bool include_drafts = true;           // false: an office's queue (drafts are the alliance's own)
};
// Applications by province, then alliance name, then id.
Result<std::vector<Recording>> ListRecordings(OperationsDb& ops, const RecordingFilter& filter);

// The history of one application, oldest first.
Result<std::vector<RecordingEvent>> RecordingHistory(OperationsDb& ops, int64_t id);

struct TransitionInput {
  RecordingAction action = RecordingAction::kSubmit;
  RecordingRole role = RecordingRole::kOperator;
  std::string actor;
  std::string comment;        // required for return and reject (the reason)
  std::string record_number;  // record: empty = "IPA-<year>-<id, 4 digits>"
  std::string recorded_on;    // record: ISO date; empty = today
};

// Moves the application one step, in one transaction with its event:
// FailedPrecondition naming the allowed actions for a transition the table
// lacks, PermissionDenied for the wrong role (NextRecordingState);
// InvalidArgument naming every failed rule when a submission or
// resubmission fails CheckSubmission; InvalidArgument for a return or
// rejection without a comment or a bad record date; AlreadyExists for a
// record number in use. Nothing is written on any refusal.
Result<Recording> TransitionRecording(OperationsDb& ops, int64_t id, const TransitionInput& in);

// Appends an event that leaves the state as it is (a material's file added
// or removed, a report filed, a rectification step), in the caller's
// transaction. NotFound for an unknown application.
Status AppendRecordingEvent(OperationsDb& ops, int64_t id, std::string_view action, std::string_view actor,
                            RecordingRole role, std::string_view comment);

// NotFound "unknown recording N".
Result<Recording> FindRecording(OperationsDb& ops, int64_t id);

// The application form as the office reads it (alliance record, entered
// fields, member counts today), the charter checklist and the member list.
struct RecordingDossier {
  ApplicationForm form;
  CharterStatus charter;
  std::vector<Member> members;  // the member list (material 4), by name
};
Result<RecordingDossier> BuildDossier(OperationsDb& ops, const Recording& recording);

}  // namespace patnav::domain
