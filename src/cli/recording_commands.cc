// patnav recording start|edit|show|submit|return|resubmit|accept|recommend|
// record|reject|withdraw|list|library|library-review|file: the alliance
// recording workflow, the materials' files and the management library with
// its annual reviews (app/recordings.h) from the command line, which
// holds every role (operator, province reviewer, national office).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "app/caller.h"
#include "app/recordings.h"
#include "app/recordings_json.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/pool_cli.h"

namespace patnav::cli {

namespace {

const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct RecordingOptions {
  std::string db, alliance, province, format = "text";
  domain::ApplicationFormInput form;
  std::string comment, number, date, state, level;
  std::string material, file, name, out;
  int64_t file_id = 0;
  int year = 0;
  std::string decision, reason;
};

void PrintView(const app::RecordingView& v) {
  const domain::Recording& r = v.recording;
  std::printf("Recording     %s of '%s' to %s: %s\n", std::to_string(r.id).c_str(), r.alliance.c_str(),
              r.province.c_str(), domain::RecordingStateName(r.state));
  if (!r.record_number.empty()) std::printf("Record        %s on %s\n", r.record_number.c_str(), r.recorded_on.c_str());
  if (!r.rejection_reason.empty()) std::printf("Rejected      %s\n", r.rejection_reason.c_str());
  std::printf("\nMaterials\n");
  for (const domain::Material& m : v.materials) {
    std::printf("  [%c] %s\n", m.complete ? 'x' : ' ', m.code.c_str());
    for (const domain::MaterialFile& f : m.files)
      std::printf("        file %lld: %s (%s, %lld bytes)\n", static_cast<long long>(f.id), f.label.c_str(),
                  f.content_type.c_str(), static_cast<long long>(f.size));
    for (const domain::MaterialItem& i : m.items)
      if (!i.done) std::printf("        missing: %s%s%s\n", i.item.c_str(), i.detail.empty() ? "" : " (", i.detail.empty() ? "" : (i.detail + ")").c_str());
  }
  if (!v.failures.empty()) {
    std::printf("\nRules a submission fails now\n");
    for (const auto& f : v.failures) std::printf("  %s: %s\n", f.rule.c_str(), f.detail.c_str());
  }
  std::printf("\nLibrary priority circumstances (computed)\n");
  for (const auto& p : v.priority) std::printf("  [%c] %s: %s\n", p.met ? 'x' : ' ', p.code.c_str(), p.basis.c_str());
  std::printf("\nHistory\n");
  for (const auto& e : v.history)
    std::printf("  %s  %-9s %s -> %s by %s (%s)%s%s\n", e.at.c_str(), e.action.c_str(),
                e.from_state.empty() ? "-" : e.from_state.c_str(), e.to_state.c_str(), e.actor.c_str(), e.role.c_str(),
                e.comment.empty() ? "" : ": ", e.comment.c_str());
  std::string allowed;
  for (const auto& a : v.allowed) allowed += (allowed.empty() ? "" : ", ") + a;
  std::printf("\nNext          %s\n", allowed.empty() ? "(none)" : allowed.c_str());
}

int Report(const char* cmd, const Result<app::RecordingView>& v, const std::string& format) {
  if (!v.ok()) return Fail(cmd, v.status());
  PrintWarnings(cmd, v->warnings);
  if (format == "json")
    std::printf("%s\n", app::ToJson(*v).dump(2).c_str());
  else
    PrintView(*v);
  return kExitOk;
}

void FormOptions(CLI::App* c, RecordingOptions* o) {
  c->add_option("--industry", o->form.industry, "the industry");
  c->add_option("--category", o->form.industry_category, "ip_intensive, ip_dependent or other");
  c->add_option("--stage", o->form.industry_stage, "germination, growing, mature or declining");
  c->add_option("--lead", o->form.lead_unit, "the lead unit (牵头单位)");
  c->add_option("--secretary", o->form.secretary_general_unit, "the secretary-general unit (秘书长单位)");
  c->add_option("--operator", o->form.operator_name, "who runs the alliance");
  c->add_flag("--third-party-operator", o->form.third_party_operator, "the operator is a third-party professional body");
  c->add_option("--contact-person", o->form.contact_person, "");
  c->add_option("--contact-phone", o->form.contact_phone, "");
  c->add_option("--contact-email", o->form.contact_email, "");
  c->add_flag("--lead-licence", o->form.lead_licence, "the lead unit's business licence is provided");
  c->add_flag("--secretary-licence", o->form.secretary_licence, "the secretary-general unit's licence is provided");
  c->add_flag("--charter-signed", o->form.charter_signed, "every member's signature or seal on the charter is confirmed");
}

void Common(CLI::App* c, RecordingOptions* o) {
  c->add_option("--db", o->db, kDbHelp);
  c->add_option("--alliance", o->alliance, "alliance (default: the only one)");
  c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

int RunList(const RecordingOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<app::RecordingList> r = app::ListRecordings(app::Caller::Local(), *ws, {o.province, o.state});
  if (!r.ok()) return Fail("recording list", r.status());
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-6s %-24s %-12s %-18s %s\n", "id", "alliance", "province", "state", "record");
  for (const domain::Recording& x : r->recordings)
    std::printf("%-6lld %-24s %-12s %-18s %s\n", static_cast<long long>(x.id), x.alliance.c_str(), x.province.c_str(),
                domain::RecordingStateName(x.state), x.record_number.c_str());
  return kExitOk;
}

int RunLibrary(const RecordingOptions& o) {
  auto ws = OpenWorkspace(o.db);
  if (!o.alliance.empty()) {
    Result<app::LibraryEntryResult> e = app::EnterLibrary(app::Caller::Local(), *ws, {o.alliance, o.level});
    if (!e.ok()) return Fail("recording library", e.status());
    if (o.format != "json") std::printf("'%s' entered the %s library\n", e->entry.alliance.c_str(), e->entry.level.c_str());
  }
  Result<app::LibraryList> r = app::ListLibrary(app::Caller::Local(), *ws, {o.level});
  if (!r.ok()) return Fail("recording library", r.status());
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*r).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%s library: %zu alliance(s)\n", r->level.c_str(), r->entries.size());
  for (const domain::LibraryEntry& e : r->entries) {
    std::string met;
    for (const auto& p : e.priority)
      if (p.met) met += (met.empty() ? "" : ", ") + p.code;
    std::printf("  %-24s %-16s %s  priority %d%s%s\n", e.alliance.c_str(), e.record_number.c_str(), e.province.c_str(),
                e.priority_count, met.empty() ? "" : ": ", met.c_str());
  }
  return kExitOk;
}

int RunLibraryReview(const RecordingOptions& o) {
  auto ws = OpenWorkspace(o.db);
  if (!o.alliance.empty()) {
    Result<domain::LibraryReview> r = app::ReviewLibraryEntry(
        app::Caller::Local(), *ws, {o.alliance, o.level, o.year, o.decision, o.reason, o.date});
    if (!r.ok()) return Fail("recording library-review", r.status());
    if (o.format != "json")
      std::printf("'%s' in the %s library, %d: %s\n", r->alliance.c_str(), r->level.c_str(), r->year, r->decision.c_str());
  }
  Result<app::LibraryReviews> list = app::ListLibraryReviews(app::Caller::Local(), *ws, {o.level});
  if (!list.ok()) return Fail("recording library-review", list.status());
  if (o.format == "json") {
    std::printf("%s\n", app::ToJson(*list).dump(2).c_str());
    return kExitOk;
  }
  std::printf("%s library: %zu review(s)\n", list->level.c_str(), list->reviews.size());
  for (const domain::LibraryReview& v : list->reviews)
    std::printf("  %d  %-24s %-8s %s (%s, %s)\n", v.year, v.alliance.c_str(), v.decision.c_str(), v.reason.c_str(),
                v.reviewed_by.c_str(), v.reviewed_on.c_str());
  return kExitOk;
}

int RunFileAdd(const RecordingOptions& o) {
  Result<std::string> bytes = ReadWholeFile(o.file);
  if (!bytes.ok()) return Fail("recording file add", bytes.status());
  const std::string label = o.name.empty() ? std::filesystem::path(o.file).filename().string() : o.name;
  auto ws = OpenWorkspace(o.db);
  Result<domain::MaterialFile> f =
      app::UploadMaterialFile(app::Caller::Local(), *ws, {o.alliance, o.material, label, std::move(bytes).value()});
  if (!f.ok()) return Fail("recording file add", f.status());
  if (o.format == "json")
    std::printf("%s\n", app::ToJson(*f).dump(2).c_str());
  else
    std::printf("file %lld: %s %s (%s, %lld bytes)\n", static_cast<long long>(f->id), f->material.c_str(),
                f->label.c_str(), f->content_type.c_str(), static_cast<long long>(f->size));
  return kExitOk;
}

int RunFileGet(const RecordingOptions& o) {
  auto ws = OpenWorkspace(o.db);
  Result<domain::MaterialFileContent> f = app::DownloadMaterialFile(app::Caller::Local(), *ws, {o.alliance, o.file_id});
  if (!f.ok()) return Fail("recording file get", f.status());
  if (o.out.empty() || o.out == "-") {
    std::fwrite(f->bytes.data(), 1, f->bytes.size(), stdout);
    return kExitOk;
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out.write(f->bytes.data(), static_cast<std::streamsize>(f->bytes.size()));
  out.close();
  if (!out) return Fail("recording file get", Status::IOError("cannot write " + o.out));
  std::printf("wrote %s (%s, %zu bytes)\n", o.out.c_str(), f->file.label.c_str(), f->bytes.size());
  return kExitOk;
}

void AddFileCommands(CLI::App* rec, int* exit_code) {
  CLI::App* file = rec->add_subcommand("file", "the materials' uploaded files: add, get, remove");
  file->require_subcommand(1);
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = file->add_subcommand("add", "add a PDF, PNG or JPEG (at most 10 MiB) to one of the four materials");
    Common(c, o.get());
    c->add_option("--material", o->material, "application_form, charter, licences or member_list")->required();
    c->add_option("--name", o->name, "the label (default: the file's name)");
    c->add_option("file", o->file, "the file")->required();
    c->callback([o, exit_code] { *exit_code = RunFileAdd(*o); });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = file->add_subcommand("get", "write a material's file");
    Common(c, o.get());
    c->add_option("id", o->file_id, "the file's id (recording show lists them)")->required();
    c->add_option("--out", o->out, "where to write it (default: standard output)");
    c->callback([o, exit_code] { *exit_code = RunFileGet(*o); });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = file->add_subcommand("remove", "remove a material's file (draft or needs_correction)");
    Common(c, o.get());
    c->add_option("id", o->file_id, "the file's id")->required();
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      Status st = app::RemoveMaterialFile(app::Caller::Local(), *ws, {o->alliance, o->file_id});
      if (!st.ok()) {
        *exit_code = Fail("recording file remove", st);
        return;
      }
      std::printf("removed file %lld\n", static_cast<long long>(o->file_id));
      *exit_code = kExitOk;
    });
  }
}

}  // namespace

void AddRecordingCommands(CLI::App& app, int* exit_code) {
  CLI::App* rec = app.add_subcommand(
      "recording", "alliance recording with an IP office (guidelines V): start, submit, review, record; the library");
  rec->require_subcommand(1);
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("start", "start a recording application (draft) to a province");
    Common(c, o.get());
    c->add_option("--province", o->province, "the provincial IP office, e.g. 北京市")->required();
    FormOptions(c, o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording start", app::StartRecording(app::Caller::Local(), *ws, {o->alliance, o->province, o->form}),
                          o->format);
    });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("edit", "replace the entered fields of a draft or needs-correction application");
    Common(c, o.get());
    c->add_option("--province", o->province, "move it to another province (default: unchanged)");
    FormOptions(c, o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording edit", app::EditRecording(app::Caller::Local(), *ws, {o->alliance, o->province, o->form}),
                          o->format);
    });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("show", "the application: materials, failing rules, priority circumstances, history");
    Common(c, o.get());
    c->callback([o, exit_code] {
      auto ws = OpenWorkspace(o->db);
      *exit_code = Report("recording show", app::ShowRecording(app::Caller::Local(), *ws, {o->alliance}), o->format);
    });
  }
  for (const char* action : {"submit", "return", "resubmit", "accept", "recommend", "record", "reject", "withdraw"}) {
    auto o = std::make_shared<RecordingOptions>();
    std::string name = action;
    CLI::App* c = rec->add_subcommand(name, name + " the application (one step of the workflow)");
    Common(c, o.get());
    c->add_option("--comment", o->comment, "what to correct (return), the reason (reject), a note");
    if (name == "record") {
      c->add_option("--number", o->number, "record number (default IPA-<year>-<id>)");
      c->add_option("--date", o->date, "recorded on, YYYY-MM-DD (default today)");
    }
    c->callback([o, exit_code, name] {
      auto ws = OpenWorkspace(o->db);
      std::string cmd = "recording " + name;
      *exit_code = Report(cmd.c_str(),
                          app::ActOnRecording(app::Caller::Local(), *ws,
                                              {o->alliance, name, o->comment, o->number, o->date}),
                          o->format);
    });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("list", "recording applications");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--province", o->province, "only this province");
    c->add_option("--state", o->state, "only this state");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunList(*o); });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("library", "the management library of a level; with --alliance, enter it first");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--level", o->level, "national or a province")->required();
    c->add_option("--alliance", o->alliance, "a recorded alliance to enter into this library");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunLibrary(*o); });
  }
  {
    auto o = std::make_shared<RecordingOptions>();
    CLI::App* c = rec->add_subcommand("library-review",
                                      "a library's annual reviews; with --alliance, review its entry first "
                                      "(retain, warning, remove)");
    c->add_option("--db", o->db, kDbHelp);
    c->add_option("--level", o->level, "national or a province")->required();
    c->add_option("--alliance", o->alliance, "the alliance whose entry is reviewed");
    c->add_option("--year", o->year, "the year reviewed");
    c->add_option("--decision", o->decision, "retain, warning or remove")->check(CLI::IsMember({"retain", "warning", "remove"}));
    c->add_option("--reason", o->reason, "why (required for warning and remove)");
    c->add_option("--on", o->date, "the review's date, YYYY-MM-DD (default today)");
    c->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->callback([o, exit_code] { *exit_code = RunLibraryReview(*o); });
  }
  AddFileCommands(rec, exit_code);
  AddRecordingAftercareCommands(rec, exit_code);
}

}  // namespace patnav::cli
