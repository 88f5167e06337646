// patnav risk (--text TEXT | --file PATH) --country CC... [--as-of DATE]
// [--competitor NAME]... [--candidates N] [--format text|json|html|xlsx]
// [--out FILE]: the claim-by-claim risk screening report of a product
// description (app::ScreenRisk, docs/risk.md).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/caller.h"
#include "app/risk.h"
#include "app/search.h"
#include "app/workspace.h"
#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/open_store.h"

namespace patnav::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string Joined(const Json& list, const char* sep = ", ") {
  std::string out;
  for (const Json& v : list) out += (out.empty() ? "" : sep) + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

void PrintText(const Json& r) {
  std::printf("Risk screening as of %s in %s (%zu patents in force)\n\n", r["as_of"].get<std::string>().c_str(),
              Joined(r["countries"]).c_str(), r["patents"].size());
  for (const Json& p : r["patents"]) {
    std::printf("%d. %s  %s  [%s]\n", p["rank"].get<int>(), p["publication_number"].get<std::string>().c_str(),
                p["title"].get<std::string>().c_str(), p["tier"].get<std::string>().c_str());
    std::printf("   %s\n   owner: %s; expiry: %s\n", p["reason"]["en"].get<std::string>().c_str(),
                Joined(p["owner"]["current"], "; ").c_str(), p["expiry"].get<std::string>().c_str());
    for (const Json& c : p["claims"]) {
      if (c["num"] != p["decisive_claim"]) continue;
      for (const Json& e : c["elements"]) {
        std::string where;
        for (const Json& ev : e["evidence"])
          where += (where.empty() ? "" : "; ") + ("sentence " + ev["sentence"].dump() + ": " + Joined(ev["matched"]));
        const bool evidenced = e["evidenced"].get<bool>();
        std::printf("   %s %s\n      %s%s\n", evidenced ? "[x]" : "[ ]", e["text"].get<std::string>().c_str(),
                    where.empty() ? "no evidence" : evidenced ? "" : "nearest: ", where.c_str());
      }
    }
    std::printf("\n");
  }
  if (!r["not_in_force"].empty()) {
    std::printf("Not in force in the target countries:");
    for (const Json& p : r["not_in_force"]) std::printf(" %s", p["publication_number"].get<std::string>().c_str());
    std::printf("\n\n");
  }
  std::printf("%s\n%s\n", r["disclaimer"]["en"].get<std::string>().c_str(), r["disclaimer"]["zh"].get<std::string>().c_str());
}

// The product description of --file, read up to one byte over the limit
// (the application refuses it then).
Result<std::string> ReadProduct(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("--file " + path + ": cannot be read");
  std::string text(app::kMaxSimilarTextBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

}  // namespace

void AddRiskCommand(CLI::App& app, int* exit_code) {
  struct Options {
    std::string db, file, format = "text", out;
    app::RiskRequest request;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("risk", "claim-by-claim risk screening of a product against patents in force");
  cmd->add_option("--db", o->db, "data directory (default: $PATNAV_HOME, else ./patnav-data)");
  auto* text = cmd->add_option("--text", o->request.product, "the product description");
  auto* file = cmd->add_option("--file", o->file, "a UTF-8 file holding the product description")->check(CLI::ExistingFile);
  text->excludes(file);
  cmd->add_option("--country", o->request.countries, "target country, ISO 3166-1 (repeat or comma-separate: US,CN,DE)")
      ->delimiter(',')
      ->required();
  cmd->add_option("--as-of", o->request.as_of, "date, YYYY-MM-DD (default: today)");
  cmd->add_option("--competitor", o->request.competitors, "only this applicant's patents (name or grouping key; repeat)");
  cmd->add_option("--candidates", o->request.candidates, "similar patents examined (default 30)");
  cmd->add_option("--format", o->format, "text, json, html or xlsx")->check(CLI::IsMember({"text", "json", "html", "xlsx"}));
  cmd->add_option("--out", o->out, "output file (default: standard output; required for xlsx)");
  cmd->callback([o, exit_code] {
    if (o->format == "xlsx" && o->out.empty()) {
      std::fprintf(stderr, "patnav risk: --format xlsx needs --out FILE\n");
      *exit_code = kExitUsage;
      return;
    }
    if (!o->file.empty()) {
      Result<std::string> product = ReadProduct(o->file);
      if (!product.ok()) {
        *exit_code = ExitWith("risk", product.status());
        return;
      }
      o->request.product = std::move(*product);
    }
    app::Workspace workspace(WorkspaceOptions(o->db));
    Result<Json> report = app::ScreenRisk(app::Caller::Local(), workspace, o->request);
    if (!report.ok()) {
      *exit_code = ExitWith("risk", report.status());
      return;
    }
    if (o->format == "text") {
      PrintText(*report);
      *exit_code = kExitOk;
      return;
    }
    Result<app::RiskFormat> format = app::ParseRiskFormat(o->format);
    Result<std::string> rendered = app::RiskReportBytes(*report, *format, workspace.dir());
    if (!rendered.ok()) {
      *exit_code = ExitWith("risk", rendered.status());
      return;
    }
    if (o->out.empty()) {
      std::cout << *rendered;
    } else {
      std::ofstream out(o->out, std::ios::binary | std::ios::trunc);
      out << *rendered;
      if (!out.good()) {
        *exit_code = ExitWith("risk", Status::IOError(o->out + ": cannot be written"));
        return;
      }
    }
    *exit_code = kExitOk;
  });
}

}  // namespace patnav::cli
