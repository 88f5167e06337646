// Shared pieces of the alliance, pool, money and value subcommands
// (pool_commands.cc registers them): opening operations.db, turning a Status
// into a message and an exit status, and the sub-registrations. The
// commands are thin callers of the application layer (src/app/): they parse
// flags, build a request, call with app::Caller::Local(), and print.
//
// Exit statuses (base/status_table.h): 0 done; 2 the input was refused
// (unknown name, bad value, closed period, ...: nothing was written); 1 any
// other failure.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/workspace.h"
#include "base/status.h"
#include "domain/operations_db.h"

namespace CLI {
class App;
}

namespace patnav::cli {

// Opens DIR/operations.db (created when absent if `create`); on failure prints
// "patnav <command>: reason" and returns null.
std::unique_ptr<domain::OperationsDb> OpenOperations(const std::string& db_flag, const char* command, bool create = true);

// The workspace of the --db flag (handles open on first use).
std::unique_ptr<app::Workspace> OpenWorkspace(const std::string& db_flag);

// Prints "patnav <command>: message" and returns the exit status for `st`
// (ExitCodeFor: 2 for refused input, InvalidArgument, NotFound, ...).
int Fail(const char* command, const Status& st);

// Prints each warning as "patnav <command>: note: warning" on stderr.
void PrintWarnings(const char* command, const std::vector<std::string>& warnings);

// Reads a whole file; InvalidArgument naming it when unreadable.
Result<std::string> ReadWholeFile(const std::string& path);

// "US, de ,CN" -> {"US", "DE", "CN"}.
std::vector<std::string> SplitCountries(const std::string& text);

void AddAllianceCommands(CLI::App& app, int* exit_code);  // alliance, member, expert
void AddPoolGroupCommands(CLI::App& app, int* exit_code); // pool, programme, licensee, agreement, royalty
void AddMoneyCommands(CLI::App& app, int* exit_code);     // distribute, statement, ledger, fund
void AddValueCommand(CLI::App& app, int* exit_code);      // value
// programme list, licensee list, agreement list (licensing_book_commands.cc)
void AddLicensingBookCommands(CLI::App& programme, CLI::App& licensee, CLI::App& agreement, int* exit_code);

}  // namespace patnav::cli
