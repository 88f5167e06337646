// patnav watch add|list|show|remove|preview|run and patnav inbox: watches
// and their alerts from the command line (app/watches.h). The command line
// runs as Caller::Local (user 0): it owns the watches it creates and sees
// every watch and notification.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/watches.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace patnav::cli {

namespace {

constexpr const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

struct WatchFlags {
  std::string db, format = "text";
  app::WatchRequest request;
  int64_t id = 0;
};

void AddDefinitionOptions(CLI::App* cmd, WatchFlags& o) {
  cmd->add_option("--name", o.request.name, "the watch's name")->required();
  cmd->add_option("--kind", o.request.kind, "query, applicant, technology, patents or cites-portfolio")->required();
  cmd->add_option("--rate", o.request.rate, "immediate (default), daily, weekly or monthly");
  cmd->add_option("--share", o.request.alliance, "share with this alliance's members");
  cmd->add_flag("--notify-empty", o.request.notify_empty, "a notification even when nothing is new");
  cmd->add_option("--query", o.request.params.query, "query: the expert query language");
  cmd->add_option("--applicant", o.request.params.applicants, "applicant: a name (repeatable)");
  cmd->add_option("--class", o.request.params.classes, "technology: an IPC/CPC prefix (repeatable)");
  cmd->add_option("--words", o.request.params.words, "technology: words that must also appear");
  cmd->add_option("--pn", o.request.params.publications, "patents: a publication number (repeatable)");
  cmd->add_option("--expiry-days", o.request.params.expiry_days, "patents: alert when expiry is this close");
  cmd->add_option("--fee-days", o.request.params.fee_days, "patents: alert when the next fee falls due this close");
  cmd->add_option("--event", o.request.params.events,
                  "patents: only this kind of legal event (repeatable): grant, lapse, revival, review, ownership, "
                  "licence, fee, other");
  cmd->add_flag("--family", o.request.params.family, "patents: alert on new members of their families");
  cmd->add_flag("--citing", o.request.params.citing, "patents: alert on new publications citing them");
  cmd->add_option("--alliance", o.request.params.alliance, "cites-portfolio: the alliance whose pools");
  cmd->add_option("--member", o.request.params.member, "cites-portfolio: only this member's contributions");
  cmd->add_option("--cap", o.request.cap, "preview cap (default $PATNAV_WATCH_PREVIEW_CAP, else 1000)");
  cmd->add_option("--today", o.request.today, "end of the preview year, YYYY-MM-DD (default: today)");
}

void PrintWatch(const domain::Watch& w) {
  std::printf("%lld\t%s\t%s\t%s\t%s\t%s\n", static_cast<long long>(w.id), w.name.c_str(), domain::WatchKindName(w.kind),
              domain::WatchRateName(w.rate), w.alliance.empty() ? "-" : w.alliance.c_str(),
              domain::WatchParamsJson(w.kind, w.params).c_str());
}

// Runs `body` on the workspace of o.db and stores its exit status.
template <typename Fn>
void Run(const std::shared_ptr<WatchFlags>& o, int* exit_code, Fn body) {
  app::Workspace ws(WorkspaceOptions(o->db));
  *exit_code = body(ws);
}

void AddWatchSubcommands(CLI::App* watch, int* exit_code) {
  auto add = std::make_shared<WatchFlags>();
  CLI::App* add_cmd = watch->add_subcommand("add", "save a watch (checked, previewed against the cap)");
  add_cmd->add_option("--db", add->db, kDbHelp);
  add_cmd->add_option("--format", add->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  AddDefinitionOptions(add_cmd, *add);
  add_cmd->callback([add, exit_code] {
    Run(add, exit_code, [&](app::Workspace& ws) {
      Result<domain::Watch> w = app::AddWatch(app::Caller::Local(), ws, add->request);
      if (!w.ok()) return ExitWith("watch add", w.status());
      if (add->format == "json") std::cout << app::WatchJson(*w).dump(2) << "\n";
      else PrintWatch(*w);
      return kExitOk;
    });
  });

  auto preview = std::make_shared<WatchFlags>();
  CLI::App* preview_cmd = watch->add_subcommand("preview", "how many hits a watch would have had over the last year");
  preview_cmd->add_option("--db", preview->db, kDbHelp);
  AddDefinitionOptions(preview_cmd, *preview);
  preview_cmd->callback([preview, exit_code] {
    Run(preview, exit_code, [&](app::Workspace& ws) {
      Result<domain::WatchPreview> p = app::PreviewWatch(app::Caller::Local(), ws, preview->request);
      if (!p.ok()) return ExitWith("watch preview", p.status());
      const int64_t cap = preview->request.cap > 0 ? preview->request.cap : app::ConfiguredWatchPreviewCap();
      std::cout << app::PreviewJson(*p, cap).dump(2) << "\n";
      return kExitOk;
    });
  });

  auto list = std::make_shared<WatchFlags>();
  CLI::App* list_cmd = watch->add_subcommand("list", "the watches");
  list_cmd->add_option("--db", list->db, kDbHelp);
  list_cmd->add_option("--format", list->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list_cmd->callback([list, exit_code] {
    Run(list, exit_code, [&](app::Workspace& ws) {
      Result<std::vector<domain::Watch>> all = app::ListWatches(app::Caller::Local(), ws);
      if (!all.ok()) return ExitWith("watch list", all.status());
      if (list->format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& w : *all) j.push_back(app::WatchJson(w));
        std::cout << j.dump(2) << "\n";
      } else {
        for (const auto& w : *all) PrintWatch(w);
      }
      return kExitOk;
    });
  });

  auto show = std::make_shared<WatchFlags>();
  CLI::App* show_cmd = watch->add_subcommand("show", "one watch (JSON)");
  show_cmd->add_option("--db", show->db, kDbHelp);
  show_cmd->add_option("id", show->id, "the watch's id")->required();
  show_cmd->callback([show, exit_code] {
    Run(show, exit_code, [&](app::Workspace& ws) {
      Result<domain::Watch> w = app::ShowWatch(app::Caller::Local(), ws, show->id);
      if (!w.ok()) return ExitWith("watch show", w.status());
      std::cout << app::WatchJson(*w).dump(2) << "\n";
      return kExitOk;
    });
  });

  auto remove = std::make_shared<WatchFlags>();
  CLI::App* remove_cmd = watch->add_subcommand("remove", "delete a watch with its alerts");
  remove_cmd->add_option("--db", remove->db, kDbHelp);
  remove_cmd->add_option("id", remove->id, "the watch's id")->required();
  remove_cmd->callback([remove, exit_code] {
    Run(remove, exit_code, [&](app::Workspace& ws) {
      Status st = app::RemoveWatch(app::Caller::Local(), ws, remove->id);
      if (!st.ok()) return ExitWith("watch remove", st);
      return kExitOk;
    });
  });

  auto run = std::make_shared<WatchFlags>();
  CLI::App* run_cmd = watch->add_subcommand("run", "evaluate the watches against what changed since the last run");
  run_cmd->add_option("--db", run->db, kDbHelp);
  run_cmd->callback([run, exit_code] {
    Run(run, exit_code, [&](app::Workspace& ws) {
      Result<domain::EvaluationSummary> s = app::RunWatches(app::Caller::Local(), ws);
      if (!s.ok()) return ExitWith("watch run", s.status());
      std::cout << app::EvaluationJson(*s).dump(2) << "\n";
      return kExitOk;
    });
  });
}

}  // namespace

void AddWatchCommands(CLI::App& app, int* exit_code) {
  CLI::App* watch = app.add_subcommand("watch", "watches on queries, applicants, technologies and patents");
  watch->require_subcommand(1);
  AddWatchSubcommands(watch, exit_code);
  AddWatchDeliveryCommands(watch, exit_code);
  AddCompetitorsCommand(watch, exit_code);

  struct InboxFlags {
    std::string db, format = "text";
    bool unread = false;
    int64_t mark_read = 0;
    int64_t limit = 50;
  };
  auto o = std::make_shared<InboxFlags>();
  CLI::App* inbox = app.add_subcommand("inbox", "the alerts of the watches");
  inbox->add_option("--db", o->db, kDbHelp);
  inbox->add_flag("--unread", o->unread, "only the unread ones");
  inbox->add_option("--mark-read", o->mark_read, "mark this notification read");
  inbox->add_option("--limit", o->limit, "at most this many (1-500)");
  inbox->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  inbox->callback([o, exit_code] {
    app::Workspace ws(WorkspaceOptions(o->db));
    const app::Caller local = app::Caller::Local();
    if (o->mark_read > 0) {
      Status st = app::MarkInboxRead(local, ws, o->mark_read);
      *exit_code = st.ok() ? kExitOk : ExitWith("inbox", st);
      return;
    }
    Result<std::vector<domain::InboxItem>> items =
        app::ListInbox(local, ws, {.unread_only = o->unread, .limit = o->limit});
    if (!items.ok()) {
      *exit_code = ExitWith("inbox", items.status());
      return;
    }
    if (o->format == "json") {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const auto& it : *items) j.push_back(app::InboxItemJson(it));
      std::cout << j.dump(2) << "\n";
    } else {
      for (const auto& it : *items) {
        std::printf("%s %lld  %s  watch %lld '%s': %lld hit(s)\n", it.read ? " " : "*", static_cast<long long>(it.id),
                    it.created_at.c_str(), static_cast<long long>(it.watch_id), it.watch_name.c_str(),
                    static_cast<long long>(it.hit_count));
        for (const auto& h : it.hits)
          std::printf("      %s  %s  %s\n", h.item.c_str(), h.event.c_str(), h.detail.c_str());
      }
    }
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
