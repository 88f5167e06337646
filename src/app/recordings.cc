// The recording workflow and the library, authorised (recordings.h).
#include "app/recordings.h"

#include <set>

#include "app/recording_access.h"
#include "app/tenancy.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

using domain::Recording;
using domain::RecordingAction;
using domain::RecordingRole;
using domain::RecordingState;
using domain::Role;

// The role to act in: the one the transition needs when the caller holds
// it, else any it holds (the domain then refuses with the right status).
Result<RecordingRole> RoleFor(const Access& a, RecordingState from, RecordingAction action) {
  for (const domain::RecordingTransition& t : domain::RecordingTransitions())
    if (t.from == from && t.action == action && a.Holds(t.role)) return t.role;
  for (RecordingRole r : {RecordingRole::kOperator, RecordingRole::kProvinceReviewer, RecordingRole::kNationalReviewer})
    if (a.Holds(r)) return r;
  return Status::PermissionDenied("your roles do not allow acting on this recording");
}

Result<RecordingView> View(domain::OperationsDb& ops, const Access& access, const Recording& r) {
  RecordingView v;
  v.recording = r;
  ASSIGN_OR_RETURN(v.dossier, domain::BuildDossier(ops, r));
  v.materials = domain::RecordingMaterials(v.dossier);
  ASSIGN_OR_RETURN(std::vector<domain::MaterialFile> files, domain::ListMaterialFiles(ops, r.id));
  for (domain::MaterialFile& f : files)
    for (domain::Material& m : v.materials)
      if (m.code == f.material) m.files.push_back(std::move(f));
  v.failures = domain::CheckSubmission(v.dossier.form, v.dossier.charter.present);
  ASSIGN_OR_RETURN(domain::Alliance a, domain::FindAlliance(ops, r.alliance));
  v.priority = domain::PriorityCircumstances(a, v.dossier.members, r.form.third_party_operator, domain::TodayUtc());
  ASSIGN_OR_RETURN(v.history, domain::RecordingHistory(ops, r.id));
  for (const domain::RecordingTransition& t : domain::RecordingTransitions())
    if (t.from == r.state && access.Holds(t.role)) v.allowed.push_back(domain::RecordingActionName(t.action));
  return v;
}

Status UnknownFile(int64_t id) { return Status::NotFound("unknown file " + std::to_string(id)); }

}  // namespace

Result<RecordingView> StartRecording(const Caller& caller, Workspace& ws, const StartRecordingRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  RecordingView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(Recording r, domain::CreateRecording(ops, a, req.province, req.form, caller.Actor()));
      ASSIGN_OR_RETURN(out, View(ops, AccessTo(caller, a.name, &r), r));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<RecordingView> EditRecording(const Caller& caller, Workspace& ws, const StartRecordingRequest& req) {
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kOperateAlliance));
  RecordingView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, Action::kOperateAlliance));
      ASSIGN_OR_RETURN(Recording latest, domain::LatestRecording(ops, a));
      ASSIGN_OR_RETURN(Recording r, domain::EditRecording(ops, latest.id, req.province, req.form, caller.Actor()));
      ASSIGN_OR_RETURN(out, View(ops, AccessTo(caller, a.name, &r), r));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<RecordingView> ShowRecording(const Caller& caller, Workspace& ws, const ShowRecordingRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  RecordingView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, Resolve(caller, ops, req.alliance));
    Result<Recording> latest = domain::LatestRecording(ops, a);
    Access access = AccessTo(caller, a.name, latest.ok() ? &*latest : nullptr);
    if (!access.visible) return Unknown(a.name);
    if (!latest.ok()) return latest.status();
    ASSIGN_OR_RETURN(out, View(ops, access, *latest));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<RecordingView> ActOnRecording(const Caller& caller, Workspace& ws, const RecordingActionRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  ASSIGN_OR_RETURN(RecordingAction action, domain::ParseRecordingAction(req.action));
  RecordingView out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, Resolve(caller, ops, req.alliance));
      Result<Recording> latest = domain::LatestRecording(ops, a);
      Access access = AccessTo(caller, a.name, latest.ok() ? &*latest : nullptr);
      if (!access.visible) return Unknown(a.name);
      if (!latest.ok()) return latest.status();
      ASSIGN_OR_RETURN(RecordingRole role, RoleFor(access, latest->state, action));
      domain::TransitionInput in;
      in.action = action;
      in.role = role;
      in.actor = caller.Actor();
      in.comment = req.comment;
      in.record_number = req.record_number;
      in.recorded_on = req.recorded_on;
      ASSIGN_OR_RETURN(Recording r, domain::TransitionRecording(ops, latest->id, in));
      ASSIGN_OR_RETURN(out, View(ops, AccessTo(caller, a.name, &r), r));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<domain::MaterialFile> UploadMaterialFile(const Caller& caller, Workspace& ws, const UploadMaterialRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  domain::MaterialFile out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(auto found, VisibleLatest(caller, ops, req.alliance));
    if (!found.second.operator_role)
      return Status::PermissionDenied("the materials' files are uploaded by the alliance's operator");
    ASSIGN_OR_RETURN(out, domain::AddMaterialFile(ops, ws.dir(),
                                                  {found.first.id, req.material, req.filename, req.bytes,
                                                   caller.Actor()}));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<domain::MaterialFileContent> DownloadMaterialFile(const Caller& caller, Workspace& ws,
                                                         const MaterialFileRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  domain::MaterialFileContent out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(auto found, VisibleLatest(caller, ops, req.alliance));
    const Access& a = found.second;
    if (!a.operator_role && !a.province && !a.national) return UnknownFile(req.file_id);
    ASSIGN_OR_RETURN(out, domain::ReadMaterialFile(ops, ws.dir(), found.first.id, req.file_id));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Status RemoveMaterialFile(const Caller& caller, Workspace& ws, const MaterialFileRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  return ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(auto found, VisibleLatest(caller, ops, req.alliance));
    if (!found.second.operator_role) {
      if (!found.second.province && !found.second.national) return UnknownFile(req.file_id);
      return Status::PermissionDenied("the materials' files are removed by the alliance's operator");
    }
    return domain::RemoveMaterialFile(ops, ws.dir(), found.first.id, req.file_id, caller.Actor());
  }, /*create=*/false);
}

Result<RecordingList> ListRecordings(const Caller& caller, Workspace& ws, const ListRecordingsRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  const bool all = caller.local || caller.IsAdministrator();
  std::set<std::string> provinces, alliances;
  for (const domain::Grant& g : caller.grants) {
    if (g.role == Role::kReviewer) provinces.insert(g.province);
    if (g.role == Role::kOperator) alliances.insert(g.alliance);
  }
  if (!all && provinces.empty() && alliances.empty())
    return Status::PermissionDenied("recordings are for administrators, reviewers and operators");
  if (!all && !req.province.empty() && !provinces.count(req.province) && alliances.empty())
    return Status::NotFound("unknown province '" + req.province + "'");
  domain::RecordingFilter filter;
  filter.province = req.province;
  if (!req.state.empty()) {
    ASSIGN_OR_RETURN(filter.state, domain::ParseRecordingState(req.state));
  }
  RecordingList out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(std::vector<Recording> found, domain::ListRecordings(ops, filter));
    for (Recording& r : found)
      if (all || alliances.count(r.alliance) || (r.state != RecordingState::kDraft && provinces.count(r.province)))
        out.recordings.push_back(std::move(r));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<LibraryList> ListLibrary(const Caller& caller, Workspace& ws, const LibraryRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  if (req.level.empty()) return Status::InvalidArgument("level: \"national\" or a province");
  if (req.level != domain::kNationalLibrary && !caller.local && !caller.IsAdministrator() &&
      !ReviewsProvince(caller, req.level))
    return Status::NotFound("unknown library '" + req.level + "'");
  LibraryList out;
  out.level = req.level;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(out.entries, domain::ListLibrary(ops, req.level));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

Result<LibraryEntryResult> EnterLibrary(const Caller& caller, Workspace& ws, const EnterLibraryRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  LibraryEntryResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, Resolve(caller, ops, req.alliance));
      Result<Recording> latest = domain::LatestRecording(ops, a);
      Access access = AccessTo(caller, a.name, latest.ok() ? &*latest : nullptr);
      if (!access.visible) return Unknown(a.name);
      if (!latest.ok()) return latest.status();
      const bool office = caller.local || caller.IsAdministrator();
      if (!office && (req.level == domain::kNationalLibrary || !ReviewsProvince(caller, req.level)))
        return Status::PermissionDenied("the " + req.level + " library is kept by " +
                                        (req.level == domain::kNationalLibrary ? std::string("the national office")
                                                                               : "the reviewers of " + req.level));
      ASSIGN_OR_RETURN(out.entry, domain::EnterLibrary(ops, *latest, req.level, caller.Actor()));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

namespace {

// Whether the caller keeps the library of `level` (the national office for
// "national", else that province's reviewers; administrators both).
bool KeepsLibrary(const Caller& caller, const std::string& level) {
  if (caller.local || caller.IsAdministrator()) return true;
  return level != domain::kNationalLibrary && ReviewsProvince(caller, level);
}

std::string Keeper(const std::string& level) {
  return level == domain::kNationalLibrary ? std::string("the national office") : "the reviewers of " + level;
}

}  // namespace

Result<domain::LibraryReview> ReviewLibraryEntry(const Caller& caller, Workspace& ws, const ReviewLibraryRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  domain::LibraryReview out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, Resolve(caller, ops, req.alliance));
      Result<Recording> latest = domain::LatestRecording(ops, a);
      Access access = AccessTo(caller, a.name, latest.ok() ? &*latest : nullptr);
      if (!access.visible) return Unknown(a.name);
      if (!KeepsLibrary(caller, req.level))
        return Status::PermissionDenied("the " + req.level + " library is kept by " + Keeper(req.level));
      ASSIGN_OR_RETURN(out, domain::ReviewLibraryEntry(ops, a, {req.level, req.year, req.decision, req.reason, req.on,
                                                              caller.Actor()}));
      return Status::OK();
    });
  }, /*create=*/false));
  return out;
}

Result<LibraryReviews> ListLibraryReviews(const Caller& caller, Workspace& ws, const LibraryRequest& req) {
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  if (req.level.empty()) return Status::InvalidArgument("level: \"national\" or a province");
  if (!KeepsLibrary(caller, req.level)) return Status::NotFound("unknown library '" + req.level + "'");
  LibraryReviews out;
  out.level = req.level;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(out.reviews, domain::ListLibraryReviews(ops, req.level));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
