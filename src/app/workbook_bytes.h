// A workbook in memory: libxlsxwriter writes only to files, so the workbook
// is written to a scratch file under the data directory, read back and
// removed (landscape and risk reports).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::app {

// Calls `write(path)` with a fresh path in `data_dir`/tmp named after `stem`
// (unique across threads and processes) and returns the bytes written; the
// file is removed whatever happens. IOError when the scratch directory or the
// file cannot be made or read; `write`'s own error otherwise.
// Thread-safety: callable from any thread.
Result<std::string> WorkbookBytes(const std::filesystem::path& data_dir, std::string_view stem,
                                  const std::function<Status(const std::filesystem::path&)>& write);

}  // namespace patnav::app
