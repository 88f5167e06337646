// A workbook in memory: libxlsxwriter writes files, so a workbook meant for
// an HTTP answer is written to a private file under DIR/tmp (a name no other
// call of this or another process uses), read back and removed, whatever
// happens.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace patnav::app {

// Calls `write` with the temporary path and returns the file's bytes;
// `write`'s error is returned as is. `stem` names the file ("landscape").
Result<std::string> XlsxBytes(const std::filesystem::path& data_dir, std::string_view stem,
                              const std::function<Status(const std::filesystem::path&)>& write);

}  // namespace patnav::app
