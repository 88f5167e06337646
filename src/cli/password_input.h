// Reading a new password for `patnav user add|passwd`: never from the
// command line (it would sit in the shell history and the process list).
// Either one line of standard input (--password-stdin, for scripts) or the
// terminal with echo off, asked twice.
#pragma once

#include <string>

#include "base/status.h"

namespace patnav::cli {

// The first line of standard input without its line ending; InvalidArgument
// when there is none or it is empty.
Result<std::string> ReadPasswordLine();

// Asks on /dev/tty with echo off: "<prompt>: " then "Repeat: ".
// InvalidArgument when there is no terminal ("use --password-stdin"), the
// two entries differ, or the entry is empty. Echo is restored on return.
Result<std::string> PromptNewPassword(const std::string& prompt);

}  // namespace patnav::cli
