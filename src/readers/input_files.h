// What `patnav ingest PATH...` reads: files, folders (recursively, in name
// order) and zip archives (each member read straight from the archive, as
// the USPTO distributes its weekly files). Zips are recognised by content; a
// zip holding xl/workbook.xml is an Excel workbook, one input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "readers/byte_source.h"

namespace patnav {

struct InputFile {
  std::filesystem::path path;  // the file on disk (the archive, for a member)
  std::string member;          // name inside the zip; empty for a plain file
  uint64_t size = 0;           // uncompressed bytes when known
  std::string label() const;   // "path" or "path!member"
};

// Expands paths into the inputs to read. Hidden files (".x") in folders are
// skipped. InvalidArgument names the first path that does not exist; a zip
// that cannot be opened is an IOError naming it.
Result<std::vector<InputFile>> ExpandInputs(const std::vector<std::string>& paths);

// Opens one input for streaming.
Result<std::unique_ptr<ByteSource>> OpenInput(const InputFile& input);

// A plain file as a ByteSource.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::filesystem::path& path);

}  // namespace patnav
