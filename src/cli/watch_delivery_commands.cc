// patnav watch digest|deliver|webhook: the delivery side of the watches from
// the command line (app/digests.h, app/webhooks.h). The command line runs as
// Caller::Local. A webhook's secret is printed once, by `webhook add`.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/digests.h"
#include "app/webhooks.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"
#include "domain/platform_clock.h"

namespace patnav::cli {

namespace {

constexpr const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

// The time of --now, or the clock's; InvalidArgument naming the option.
Result<int64_t> NowOf(const std::string& text) {
  if (text.empty()) return domain::SystemClock().Now();
  Result<int64_t> t = domain::ParseIsoUtc(text);
  if (!t.ok()) return Status::InvalidArgument("--now: " + t.status().message());
  return t;
}

void AddDigestCommand(CLI::App* watch, int* exit_code) {
  struct Flags {
    std::string db, now;
  };
  auto o = std::make_shared<Flags>();
  CLI::App* cmd = watch->add_subcommand("digest", "make the digests of daily, weekly and monthly watches now due");
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--now", o->now, "the time to collect at, 2026-12-07T00:00:00Z (default: now)");
  cmd->callback([o, exit_code] {
    Result<int64_t> now = NowOf(o->now);
    if (!now.ok()) {
      *exit_code = ExitWith("watch digest", now.status());
      return;
    }
    app::Workspace ws(WorkspaceOptions(o->db));
    Result<std::vector<domain::Digest>> made = app::RunDigests(app::Caller::Local(), ws, *now);
    if (!made.ok()) {
      *exit_code = ExitWith("watch digest", made.status());
      return;
    }
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& d : *made) j.push_back(app::DigestJson(d));
    std::cout << j.dump(2) << "\n";
    *exit_code = kExitOk;
  });
}

void AddDeliverCommand(CLI::App* watch, int* exit_code) {
  struct Flags {
    std::string db, now;
  };
  auto o = std::make_shared<Flags>();
  CLI::App* cmd = watch->add_subcommand("deliver", "send the webhook deliveries now due (retries included)");
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--now", o->now, "the time to deliver at (default: now)");
  cmd->callback([o, exit_code] {
    Result<int64_t> now = NowOf(o->now);
    if (!now.ok()) {
      *exit_code = ExitWith("watch deliver", now.status());
      return;
    }
    app::Workspace ws(WorkspaceOptions(o->db));
    Result<app::DeliverySummary> sent = app::RunDeliveries(app::Caller::Local(), ws, *now);
    if (!sent.ok()) {
      *exit_code = ExitWith("watch deliver", sent.status());
      return;
    }
    std::cout << app::DeliverySummaryJson(*sent).dump(2) << "\n";
    *exit_code = kExitOk;
  });
}

void AddWebhookCommands(CLI::App* watch, int* exit_code) {
  struct Flags {
    std::string db;
    app::WebhookRequest request;
    int64_t id = 0;
  };
  CLI::App* hook =
      watch->add_subcommand("webhook", "webhooks (alerts POSTed as signed JSON) and e-mail recipients");
  hook->require_subcommand(1);

  auto add = std::make_shared<Flags>();
  CLI::App* add_cmd = hook->add_subcommand("add", "add a webhook (prints its secret, once)");
  add_cmd->add_option("--db", add->db, kDbHelp);
  add_cmd->add_option("--url", add->request.url, "an http:// or https:// URL")->required();
  add_cmd->add_option("--watch", add->request.watch_id, "only this watch (default: every watch)");
  add_cmd->add_option("--secret", add->request.secret, "16-200 characters (default: one is made)");
  add_cmd->callback([add, exit_code] {
    app::Workspace ws(WorkspaceOptions(add->db));
    Result<app::CreatedWebhook> made = app::AddWebhook(app::Caller::Local(), ws, add->request);
    if (!made.ok()) {
      *exit_code = ExitWith("watch webhook add", made.status());
      return;
    }
    nlohmann::ordered_json j = app::WebhookJson(made->webhook);
    j["secret"] = made->secret;
    std::cout << j.dump(2) << "\n";
    *exit_code = kExitOk;
  });

  auto email = std::make_shared<Flags>();
  CLI::App* email_cmd =
      hook->add_subcommand("email", "e-mail the alerts to an address ($PATNAV_SMTP_URL's server)");
  email_cmd->add_option("--db", email->db, kDbHelp);
  email_cmd->add_option("--to", email->request.url, "one e-mail address")->required();
  email_cmd->add_option("--watch", email->request.watch_id, "only this watch (default: every watch)");
  email_cmd->callback([email, exit_code] {
    app::Workspace ws(WorkspaceOptions(email->db));
    Result<domain::Webhook> made = app::AddEmailRecipient(
        app::Caller::Local(), ws, {.address = email->request.url, .watch_id = email->request.watch_id});
    if (!made.ok()) {
      *exit_code = ExitWith("watch webhook email", made.status());
      return;
    }
    std::cout << app::WebhookJson(*made).dump(2) << "\n";
    *exit_code = kExitOk;
  });

  auto list = std::make_shared<Flags>();
  CLI::App* list_cmd = hook->add_subcommand("list", "the webhooks and e-mail recipients (without secrets)");
  list_cmd->add_option("--db", list->db, kDbHelp);
  list_cmd->callback([list, exit_code] {
    app::Workspace ws(WorkspaceOptions(list->db));
    Result<std::vector<domain::Webhook>> all = app::ListWebhooks(app::Caller::Local(), ws);
    if (!all.ok()) {
      *exit_code = ExitWith("watch webhook list", all.status());
      return;
    }
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& w : *all) j.push_back(app::WebhookJson(w));
    std::cout << j.dump(2) << "\n";
    *exit_code = kExitOk;
  });

  auto log = std::make_shared<Flags>();
  CLI::App* log_cmd = hook->add_subcommand("log", "a webhook's deliveries: status, attempts, last error");
  log_cmd->add_option("--db", log->db, kDbHelp);
  log_cmd->add_option("id", log->id, "the webhook's id")->required();
  log_cmd->callback([log, exit_code] {
    app::Workspace ws(WorkspaceOptions(log->db));
    Result<std::vector<domain::Delivery>> all = app::ListWebhookDeliveries(app::Caller::Local(), ws, log->id);
    if (!all.ok()) {
      *exit_code = ExitWith("watch webhook log", all.status());
      return;
    }
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& d : *all) j.push_back(app::DeliveryJson(d));
    std::cout << j.dump(2) << "\n";
    *exit_code = kExitOk;
  });

  auto enable = std::make_shared<Flags>();
  CLI::App* enable_cmd =
      hook->add_subcommand("enable", "re-enable a webhook or e-mail recipient disabled after repeated failures");
  enable_cmd->add_option("--db", enable->db, kDbHelp);
  enable_cmd->add_option("id", enable->id, "the webhook's id")->required();
  enable_cmd->callback([enable, exit_code] {
    app::Workspace ws(WorkspaceOptions(enable->db));
    Result<domain::Webhook> enabled = app::EnableWebhook(app::Caller::Local(), ws, enable->id);
    if (!enabled.ok()) {
      *exit_code = ExitWith("watch webhook enable", enabled.status());
      return;
    }
    std::cout << app::WebhookJson(*enabled).dump(2) << "\n";
    *exit_code = kExitOk;
  });

  auto remove = std::make_shared<Flags>();
  CLI::App* remove_cmd = hook->add_subcommand("remove", "remove a webhook with its delivery log");
  remove_cmd->add_option("--db", remove->db, kDbHelp);
  remove_cmd->add_option("id", remove->id, "the webhook's id")->required();
  remove_cmd->callback([remove, exit_code] {
    app::Workspace ws(WorkspaceOptions(remove->db));
    Status st = app::RemoveWebhook(app::Caller::Local(), ws, remove->id);
    *exit_code = st.ok() ? kExitOk : ExitWith("watch webhook remove", st);
  });
}

}  // namespace

void AddWatchDeliveryCommands(CLI::App* watch, int* exit_code) {
  AddDigestCommand(watch, exit_code);
  AddDeliverCommand(watch, exit_code);
  AddWebhookCommands(watch, exit_code);
}

}  // namespace patnav::cli
