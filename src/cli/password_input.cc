// Password entry from standard input or the terminal (password_input.h).
#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace patnav::cli {

namespace {

void StripLineEnd(std::string& s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// One line from `tty` with echo off; nullopt-like empty Result on EOF.
Result<std::string> ReadSilently(std::FILE* tty, const std::string& prompt) {
  const int fd = fileno(tty);
  termios saved{};
  if (tcgetattr(fd, &saved) != 0) return Status::InvalidArgument("no terminal to ask for the password: use --password-stdin");
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  std::fprintf(tty, "%s", prompt.c_str());
  std::fflush(tty);
  if (tcsetattr(fd, TCSAFLUSH, &quiet) != 0) return Status::InvalidArgument("cannot switch the terminal's echo off");
  std::string line;
  char buf[256];
  bool got = false;
  while (std::fgets(buf, sizeof buf, tty)) {
    got = true;
    line += buf;
    if (!line.empty() && line.back() == '\n') break;
  }
  tcsetattr(fd, TCSAFLUSH, &saved);
  if (!got) return Status::InvalidArgument("no password given");
  StripLineEnd(line);
  return line;
}

}  // namespace

Result<std::string> ReadPasswordLine() {
  std::string line;
  if (!std::getline(std::cin, line)) return Status::InvalidArgument("--password-stdin: standard input is empty");
  StripLineEnd(line);
  if (line.empty()) return Status::InvalidArgument("--password-stdin: the first line is empty");
  return line;
}

Result<std::string> PromptNewPassword(const std::string& prompt) {
  std::FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return Status::InvalidArgument("no terminal to ask for the password: use --password-stdin");
  Result<std::string> first = ReadSilently(tty, prompt + ": ");
  Result<std::string> second = first.ok() ? ReadSilently(tty, "Repeat: ") : first;
  std::fclose(tty);
  if (!first.ok()) return first.status();
  if (!second.ok()) return second.status();
  if (first->empty()) return Status::InvalidArgument("no password given");
  if (*first != *second) return Status::InvalidArgument("the two passwords differ");
  return first;
}

}  // namespace patnav::cli
