// Subcommand groups that register themselves with the command line, so that
// each area (landscape analytics, pool operations) owns its own file in cli/
// and main.cc does not grow with every command.
//
// Contract: Add*Commands adds subcommands to `app`; the callback of a
// subcommand that runs stores its process exit status (commands.h) in
// *exit_code. Options given to the subcommands must outlive app.parse(), so
// the functions keep them in objects owned by `app` (or static storage).
#pragma once

namespace CLI {
class App;
}

namespace patnav::cli {

// patnav landscape ... (analytics_commands.cc)
void AddAnalyticsCommands(CLI::App& app, int* exit_code);

// patnav value, alliance, member, pool, licence, royalty, distribute,
// statement, ... (pool_commands.cc)
void AddPoolCommands(CLI::App& app, int* exit_code);

// patnav evaluate validate|score (evaluate_commands.cc)
void AddEvaluateCommands(CLI::App& app, int* exit_code);

// patnav round ... (round_commands.cc): stored evaluation rounds
void AddRoundCommands(CLI::App& app, int* exit_code);

// patnav recording ... (recording_commands.cc)
void AddRecordingCommands(CLI::App& app, int* exit_code);
// patnav recording reports|annual-report|major-change|rectification (under
// `recording`; recording_aftercare_commands.cc).
void AddRecordingAftercareCommands(CLI::App* recording, int* exit_code);

// patnav risk (risk_command.cc)
void AddRiskCommand(CLI::App& app, int* exit_code);
// patnav credit|complaint|case|public ... (office_commands.cc)
void AddOfficeCommands(CLI::App& app, int* exit_code);

// patnav serve (serve_command.cc)
void AddServeCommand(CLI::App& app, int* exit_code);

// patnav status PUBNUM (status_command.cc)
void AddStatusCommand(CLI::App& app, int* exit_code);

// patnav user add|passwd|disable|list|grant|revoke|token (user_commands.cc)
void AddUserCommands(CLI::App& app, int* exit_code);

// patnav watch add|list|show|remove|preview|run, patnav inbox (watch_commands.cc)
void AddWatchCommands(CLI::App& app, int* exit_code);
// patnav watch digest|deliver|webhook (watch_delivery_commands.cc), added to
// the `watch` group by AddWatchCommands.
void AddWatchDeliveryCommands(CLI::App* watch, int* exit_code);
// patnav watch competitors (competitors_command.cc), added likewise.
void AddCompetitorsCommand(CLI::App* watch, int* exit_code);

}  // namespace patnav::cli
