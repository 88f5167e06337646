// Uploaded files of the recording materials (recording_files.h).
#include "domain/recording_files.h"

#include <array>
#include <fstream>
#include <system_error>

#include "base/strings.h"
#include "base/utf8.h"
#include "domain/period.h"
#include "domain/recording.h"
#include "domain/secret_token.h"

namespace patnav::domain {

namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 4> kMaterials = {"application_form", "charter", "licences", "member_list"};

constexpr const char* kColumns =
    "SELECT id, recording_id, material, label, content_type, size, sha256, uploaded_by, uploaded_at, stored_name "
    "FROM recording_file";

MaterialFile ReadRow(const Statement& s) {
  MaterialFile f;
  f.id = s.ColumnInt64(0);
  f.recording_id = s.ColumnInt64(1);
  f.material = s.ColumnText(2);
  f.label = s.ColumnText(3);
  f.content_type = s.ColumnText(4);
  f.size = s.ColumnInt64(5);
  f.sha256 = s.ColumnText(6);
  f.uploaded_by = s.ColumnText(7);
  f.uploaded_at = s.ColumnText(8);
  return f;
}

Status CheckMaterial(std::string_view material) {
  for (const char* m : kMaterials)
    if (material == m) return Status::OK();
  return Status::InvalidArgument("material '" + std::string(material) +
                                 "': one of application_form, charter, licences, member_list");
}

// The application's state, refused unless the operator may still change its files.
Status CheckChangeable(OperationsDb& ops, int64_t recording_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("SELECT state FROM recording WHERE id = ?1"));
  s.BindInt64(1, recording_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown recording " + std::to_string(recording_id));
  const std::string state(s.ColumnText(0));
  if (state != "draft" && state != "needs_correction")
    return Status::FailedPrecondition("the materials' files of a recording that is " + state +
                                      " cannot change (only in draft or needs_correction)");
  return Status::OK();
}

std::string NewStoredName() {
  Result<std::string> token = NewSecretToken();
  return TokenHash(token.ok() ? *token : NowUtc()).substr(0, 32);
}

Status WriteFile(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return Status::IOError("cannot create the materials folder");
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(part, ec);
      return Status::IOError("cannot save the material's file");
    }
  }
  fs::rename(part, path, ec);
  if (ec) {
    fs::remove(part, ec);
    return Status::IOError("cannot save the material's file");
  }
  return Status::OK();
}

Result<std::pair<MaterialFile, std::string>> FindFile(OperationsDb& ops, int64_t recording_id, int64_t file_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) + " WHERE id = ?1 AND recording_id = ?2"));
  s.BindInt64(1, file_id);
  s.BindInt64(2, recording_id);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("unknown file " + std::to_string(file_id));
  MaterialFile f = ReadRow(s);
  return std::make_pair(std::move(f), std::string(s.ColumnText(9)));
}

}  // namespace

Result<std::string> MaterialFileType(std::string_view bytes) {
  if (StartsWith(bytes, "%PDF-")) return std::string("application/pdf");
  if (StartsWith(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8))) return std::string("image/png");
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return std::string("image/jpeg");
  return Status::Unsupported("file: not a PDF, PNG or JPEG (decided from its content, not its name)");
}

Status CheckMaterialFileLabel(std::string_view label) {
  if (Trim(label).empty()) return Status::InvalidArgument("file name: empty");
  if (label.size() > 200) return Status::InvalidArgument("file name: over 200 bytes");
  if (!IsValidUtf8(label)) return Status::InvalidArgument("file name: not UTF-8");
  for (unsigned char c : label) {
    if (c < 0x20 || c == 0x7F) return Status::InvalidArgument("file name: control characters");
    if (c == '/' || c == '\\')
      return Status::InvalidArgument("file name '" + std::string(label) + "': a name, not a path");
  }
  if (label == "." || label == "..") return Status::InvalidArgument("file name '" + std::string(label) + "': a name, not a path");
  return Status::OK();
}

Result<MaterialFile> AddMaterialFile(OperationsDb& ops, const fs::path& data_dir, const NewMaterialFile& in) {
  RETURN_IF_ERROR(CheckMaterial(in.material));
  RETURN_IF_ERROR(CheckMaterialFileLabel(in.label));
  if (in.bytes.empty()) return Status::InvalidArgument("file: empty");
  if (in.bytes.size() > kMaxMaterialFileBytes)
    return Status::InvalidArgument("file: " + std::to_string(in.bytes.size()) + " bytes, over the limit of " +
                                   std::to_string(kMaxMaterialFileBytes) + " (10 MiB)");
  ASSIGN_OR_RETURN(std::string type, MaterialFileType(in.bytes));
  MaterialFile f;
  const std::string stored = NewStoredName();
  const fs::path path = data_dir / kMaterialFolder / stored;
  bool written = false;
  Status st = ops.Write([&]() -> Status {
    RETURN_IF_ERROR(CheckChangeable(ops, in.recording_id));
    ASSIGN_OR_RETURN(Statement n, ops.db().Prepare(
        "SELECT count(*) FROM recording_file WHERE recording_id = ?1 AND material = ?2"));
    n.BindInt64(1, in.recording_id);
    n.BindText(2, in.material);
    ASSIGN_OR_RETURN(bool row, n.Step());
    if (row && n.ColumnInt64(0) >= kMaxFilesPerMaterial)
      return Status::FailedPrecondition("material " + in.material + " holds " + std::to_string(kMaxFilesPerMaterial) +
                                        " files already; remove one first");
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(
        "INSERT INTO recording_file(recording_id, material, label, content_type, size, sha256, stored_name, "
        "uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    f.recording_id = in.recording_id;
    f.material = in.material;
    f.label = std::string(Trim(in.label));
    f.content_type = type;
    f.size = static_cast<int64_t>(in.bytes.size());
    f.sha256 = TokenHash(in.bytes);
    f.uploaded_by = in.actor;
    f.uploaded_at = NowUtc();
    s.BindInt64(1, f.recording_id);
    s.BindText(2, f.material);
    s.BindText(3, f.label);
    s.BindText(4, f.content_type);
    s.BindInt64(5, f.size);
    s.BindText(6, f.sha256);
    s.BindText(7, stored);
    s.BindText(8, f.uploaded_by);
    s.BindText(9, f.uploaded_at);
    RETURN_IF_ERROR(s.Run());
    f.id = ops.db().LastInsertRowid();
    RETURN_IF_ERROR(AppendRecordingEvent(ops, in.recording_id, "upload_file", in.actor, RecordingRole::kOperator,
                                         f.material + ": " + f.label));
    RETURN_IF_ERROR(WriteFile(path, in.bytes));
    written = true;
    return Status::OK();
  });
  if (!st.ok()) {
    std::error_code ec;
    if (written) fs::remove(path, ec);
    return st;
  }
  return f;
}

Status RemoveMaterialFile(OperationsDb& ops, const fs::path& data_dir, int64_t recording_id, int64_t file_id,
                          std::string_view actor) {
  std::string stored;
  RETURN_IF_ERROR(ops.Write([&]() -> Status {
    ASSIGN_OR_RETURN(auto found, FindFile(ops, recording_id, file_id));
    RETURN_IF_ERROR(CheckChangeable(ops, recording_id));
    ASSIGN_OR_RETURN(Statement s, ops.db().Prepare("DELETE FROM recording_file WHERE id = ?1"));
    s.BindInt64(1, file_id);
    RETURN_IF_ERROR(s.Run());
    stored = found.second;
    return AppendRecordingEvent(ops, recording_id, "remove_file", actor, RecordingRole::kOperator,
                                found.first.material + ": " + found.first.label);
  }));
  std::error_code ec;
  fs::remove(data_dir / kMaterialFolder / stored, ec);
  return Status::OK();
}

Result<std::vector<MaterialFile>> ListMaterialFiles(OperationsDb& ops, int64_t recording_id) {
  ASSIGN_OR_RETURN(Statement s, ops.db().Prepare(std::string(kColumns) +
                                                 " WHERE recording_id = ?1 ORDER BY material, id"));
  s.BindInt64(1, recording_id);
  std::vector<MaterialFile> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadRow(s));
  }
  return out;
}

Result<MaterialFileContent> ReadMaterialFile(OperationsDb& ops, const fs::path& data_dir, int64_t recording_id,
                                             int64_t file_id) {
  ASSIGN_OR_RETURN(auto found, FindFile(ops, recording_id, file_id));
  MaterialFileContent out;
  out.file = std::move(found.first);
  std::ifstream in(data_dir / kMaterialFolder / found.second, std::ios::binary);
  if (!in) return Status::Corruption("file " + std::to_string(file_id) + " is missing from the materials folder");
  out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (TokenHash(out.bytes) != out.file.sha256)
    return Status::Corruption("file " + std::to_string(file_id) + " differs from what was uploaded");
  return out;
}

}  // namespace patnav::domain
