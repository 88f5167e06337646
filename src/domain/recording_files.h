// The uploaded files of a recording application's four materials (guidelines
// V(I)): scans of the signed application form, the charter, the licences and
// the member list. A file is PDF, PNG or JPEG (decided from its first bytes,
// never from the client's name or type), at most kMaxMaterialFileBytes, and
// is stored as DIR/materials/<32 random hex digits>; the client's file name
// is kept only as a label and is refused when it looks like a path. Files
// are added or removed by the operator while the application is a draft or
// returned for correction; each change is an event in the application's
// history, in the same transaction as its row.
//
// Thread-safety: as OperationsDb. Ownership: the caller's bytes are copied
// to the file; nothing is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

inline constexpr size_t kMaxMaterialFileBytes = 10u << 20;  // 10 MiB
inline constexpr int kMaxFilesPerMaterial = 20;
inline constexpr const char* kMaterialFolder = "materials";

struct MaterialFile {
  int64_t id = 0;
  int64_t recording_id = 0;
  std::string material;      // application_form, charter, licences, member_list
  std::string label;         // the client's file name, a label only
  std::string content_type;  // application/pdf, image/png, image/jpeg
  int64_t size = 0;
  std::string sha256;        // lowercase hex
  std::string uploaded_by, uploaded_at;
};

// The content type from the first bytes; Unsupported "file: ..." naming the
// types allowed when they are none of PDF, PNG, JPEG.
Result<std::string> MaterialFileType(std::string_view bytes);

// InvalidArgument "file name: ..." for an empty name, one over 200 bytes,
// invalid UTF-8, control characters, '/' or '\', or "." and "..".
Status CheckMaterialFileLabel(std::string_view label);

struct NewMaterialFile {
  int64_t recording_id = 0;
  std::string material;
  std::string label;
  std::string_view bytes;
  std::string actor;
};

// Stores the file under `data_dir` and its row and event in one transaction;
// on any refusal nothing is written (a file already written is removed).
// InvalidArgument for an unknown material, a bad label, an empty file or one
// over the limit; Unsupported for a type not allowed; FailedPrecondition when the
// application is not a draft or returned for correction, or the material
// holds kMaxFilesPerMaterial files; NotFound for an unknown application.
Result<MaterialFile> AddMaterialFile(OperationsDb& ops, const std::filesystem::path& data_dir,
                                     const NewMaterialFile& in);

// Removes one file of the application (its row, an event, then the stored
// file). NotFound when `file_id` is not a file of `recording_id`;
// FailedPrecondition as for adding.
Status RemoveMaterialFile(OperationsDb& ops, const std::filesystem::path& data_dir, int64_t recording_id,
                          int64_t file_id, std::string_view actor);

// The files of one application by material, then id.
Result<std::vector<MaterialFile>> ListMaterialFiles(OperationsDb& ops, int64_t recording_id);

// One file of the application and its bytes. NotFound when `file_id` is not
// a file of `recording_id`; Corruption when the stored file is missing or its
// digest differs.
struct MaterialFileContent {
  MaterialFile file;
  std::string bytes;
};
Result<MaterialFileContent> ReadMaterialFile(OperationsDb& ops, const std::filesystem::path& data_dir,
                                             int64_t recording_id, int64_t file_id);

}  // namespace patnav::domain
