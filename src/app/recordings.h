// Application calls of the alliance recording workflow (guidelines V(I)) and
// the management library (V(II)), issue 15 part 1; the rules live in
// domain/recording*.h.
//
// Who may do what (a tenant's objects are NotFound to everyone else):
//  - the alliance's operator (and the administrator) creates and edits its
//    application and submits, resubmits or withdraws it;
//  - an IP-office reviewer sees an application once it has left draft and
//    only when it was submitted to the reviewer's own province; there it
//    returns, accepts, recommends or rejects at province level;
//  - the platform administrator acts as the national office: records or
//    rejects at national level;
//  - the command line (Caller::Local) holds all three roles;
//  - other holders of a grant in the alliance may read its application.
// A role that may see the application but not take the action gets
// PermissionDenied naming the role it needs; an action the state does not
// allow is FailedPrecondition naming the allowed ones.
//
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/recording.h"
#include "domain/recording_files.h"
#include "domain/recording_library.h"
#include "domain/recording_materials.h"
#include "domain/recording_priority.h"

namespace patnav::app {

// An application as its reader sees it.
struct RecordingView {
  domain::Recording recording;
  domain::RecordingDossier dossier;
  std::vector<domain::Material> materials;
  std::vector<domain::RecordingRuleFailure> failures;  // the rules a submission would fail now
  std::vector<domain::PriorityCircumstance> priority;
  std::vector<domain::RecordingEvent> history;
  std::vector<std::string> allowed;  // actions this caller may take now
  std::vector<std::string> warnings;
};

struct StartRecordingRequest {
  std::string alliance;  // empty: the only one (command line and administrators)
  std::string province;
  domain::ApplicationFormInput form;
};
Result<RecordingView> StartRecording(const Caller& caller, Workspace& ws, const StartRecordingRequest& req);

// Replaces the entered fields (province kept when empty) of the alliance's
// application in draft or needs_correction.
Result<RecordingView> EditRecording(const Caller& caller, Workspace& ws, const StartRecordingRequest& req);

struct ShowRecordingRequest {
  std::string alliance;
};
// The alliance's latest application; NotFound when it has none.
Result<RecordingView> ShowRecording(const Caller& caller, Workspace& ws, const ShowRecordingRequest& req);

struct RecordingActionRequest {
  std::string alliance;
  std::string action;  // submit, return, resubmit, accept, recommend, record, reject, withdraw
  std::string comment;
  std::string record_number, recorded_on;  // record only
};
Result<RecordingView> ActOnRecording(const Caller& caller, Workspace& ws, const RecordingActionRequest& req);

// The materials' files (domain/recording_files.h). Uploading and removing
// are the operator's (PermissionDenied for other readers of the alliance),
// in draft or needs_correction; a file is served only to the alliance's
// operator, the reviewers of the province the application was submitted to
// (once it has left draft) and the administrator: to anyone else, a member
// of the alliance included, it is NotFound like a missing one.
struct UploadMaterialRequest {
  std::string alliance;
  std::string material;  // application_form, charter, licences, member_list
  std::string filename;  // the client's name: a label, refused when a path
  std::string bytes;
};
Result<domain::MaterialFile> UploadMaterialFile(const Caller& caller, Workspace& ws, const UploadMaterialRequest& req);

struct MaterialFileRequest {
  std::string alliance;
  int64_t file_id = 0;
};
Result<domain::MaterialFileContent> DownloadMaterialFile(const Caller& caller, Workspace& ws,
                                                         const MaterialFileRequest& req);
Status RemoveMaterialFile(const Caller& caller, Workspace& ws, const MaterialFileRequest& req);

struct ListRecordingsRequest {
  std::string province;  // empty: every province the caller may see
  std::string state;     // empty: every state
};
struct RecordingList {
  std::vector<domain::Recording> recordings;
  std::vector<std::string> warnings;
};
// Administrators: every application; reviewers: those submitted to their
// provinces (never drafts; another province named is NotFound); operators:
// their alliances'. PermissionDenied for callers with none of these roles.
Result<RecordingList> ListRecordings(const Caller& caller, Workspace& ws, const ListRecordingsRequest& req);

struct LibraryRequest {
  std::string level;  // "national" or a province
};
struct LibraryList {
  std::string level;
  std::vector<domain::LibraryEntry> entries;
  std::vector<std::string> warnings;
};
// The national library to anyone signed in; a province's to administrators
// and that province's reviewers (NotFound to others).
Result<LibraryList> ListLibrary(const Caller& caller, Workspace& ws, const LibraryRequest& req);

struct EnterLibraryRequest {
  std::string alliance, level;
};
struct LibraryEntryResult {
  domain::LibraryEntry entry;
  std::vector<std::string> warnings;
};
// The national library: administrators; a province's: administrators and
// that province's reviewers. The alliance must be visible to the caller.
Result<LibraryEntryResult> EnterLibrary(const Caller& caller, Workspace& ws, const EnterLibraryRequest& req);

struct ReviewLibraryRequest {
  std::string alliance, level;
  int year = 0;
  std::string decision, reason;  // retain, warning, remove (domain/recording_library.h)
  std::string on;                // ISO; empty: today
};
// The annual review of an entry, by whoever keeps that library (as
// EnterLibrary: the national library, administrators; a province's,
// administrators and that province's reviewers; PermissionDenied naming
// who for others who see the alliance, NotFound for the rest).
Result<domain::LibraryReview> ReviewLibraryEntry(const Caller& caller, Workspace& ws, const ReviewLibraryRequest& req);

struct LibraryReviews {
  std::string level;
  std::vector<domain::LibraryReview> reviews;  // latest year first
};
// The reviews of a library: the keepers of that library only (NotFound to
// others, as a library they may not see).
Result<LibraryReviews> ListLibraryReviews(const Caller& caller, Workspace& ws, const LibraryRequest& req);

}  // namespace patnav::app
