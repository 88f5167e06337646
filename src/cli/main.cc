// patnav: the command-line entry point. Parses arguments (CLI11) and hands
// each subcommand to its Run* function in commands.h.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command_groups.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace patnav::cli;
  CLI::App app{"patnav: industrial patent navigation and IP-alliance operations"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "patnav 0.1.0");
  std::string db;
  const char* kDbHelp = "data directory (default: $PATNAV_HOME, else ./patnav-data)";

  IngestOptions ingest;
  CLI::App* ingest_cmd = app.add_subcommand("ingest", "read patent files, folders or zips into the store");
  ingest_cmd->add_option("--db", ingest.db, kDbHelp);
  ingest_cmd->add_option("--mapping", ingest.mapping, "column-mapping file for CSV/TSV/JSONL (docs/formats/mapping.md)")
      ->check(CLI::ExistingFile);
  ingest_cmd->add_option("--batch", ingest.batch_records, "records per transaction")->check(CLI::PositiveNumber);
  ingest_cmd->add_flag("!--no-progress", ingest.progress, "no progress bar even on a terminal");
  ingest_cmd->add_flag("!--no-index", ingest.index, "leave the search index as it is (`patnav index` catches up later)");
  ingest_cmd->add_flag("--pace-alerts", ingest.pace_alerts,
                       "keep the ingest at most one batch ahead of the watches' alerts (lower alert latency, slower ingest)");
  ingest_cmd->add_option("paths", ingest.paths, "files, folders or zip archives")->required();

  ShowOptions show;
  CLI::App* show_cmd = app.add_subcommand("show", "print one publication");
  show_cmd->add_option("--db", show.db, kDbHelp);
  show_cmd->add_option("--format", show.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  show_cmd->add_option("pubnum", show.publication_number, "publication number, any spelling (US-2015112182-A1)")
      ->required();

  ExportOptions exp;
  CLI::App* export_cmd = app.add_subcommand("export", "write every record in canonical form");
  export_cmd->add_option("--db", exp.db, kDbHelp);
  export_cmd->add_option("--format", exp.format, "jsonl, csv or xlsx (Excel; needs --out)")
      ->check(CLI::IsMember({"jsonl", "csv", "xlsx"}));
  export_cmd->add_option("--out", exp.out, "output file (default: standard output)");
  export_cmd->add_option("--query", exp.query, "export only the hits of this query (docs/query-language.md)");
  export_cmd->add_option("--lang", exp.lang, "xlsx header: en, zh or both")->check(CLI::IsMember({"en", "zh", "both"}));

  StatsOptions stats;
  CLI::App* stats_cmd = app.add_subcommand("stats", "counts by country, kind, year and source format");
  stats_cmd->add_option("--db", stats.db, kDbHelp);
  stats_cmd->add_option("--format", stats.format, "text or json")->check(CLI::IsMember({"text", "json"}));

  GenerateOptions gen;
  CLI::App* gen_cmd = app.add_subcommand("generate", "write a deterministic synthetic patent corpus");
  gen_cmd->add_option("--docs", gen.docs, "number of documents")->check(CLI::PositiveNumber);
  gen_cmd->add_option("--seed", gen.seed, "random seed (same seed, same bytes)");
  gen_cmd->add_option("--format", gen.format, "uspto-xml, csv, maintfee (USPTO maintenance fee events; --docs patents) or "
                 "assignments (a USPTO assignment day file; --docs records)")
      ->check(CLI::IsMember({"uspto-xml", "csv", "maintfee", "assignments"}));
  gen_cmd->add_option("--out", gen.out, "output file (default: standard output)");
  gen_cmd->add_flag("!--no-full-text", gen.full_text, "omit descriptions (bibliographic data, abstract, claims)");

  IndexOptions index;
  CLI::App* index_cmd = app.add_subcommand("index", "bring the search index up to date with the store");
  index_cmd->add_option("--db", index.db, kDbHelp);
  index_cmd->add_flag("--rebuild", index.rebuild, "drop the index and rebuild it from the store");
  index_cmd->add_option("--writers", index.writers, "threads writing a rebuild (default: one per CPU it may run on, at most 4)")
      ->check(CLI::Range(1, 64));

  SearchOptions search;
  CLI::App* search_cmd = app.add_subcommand("search", "search with the expert query language");
  search_cmd->add_option("--db", search.db, kDbHelp);
  search_cmd->add_option("query", search.query, "e.g. 'TI=(lithium AND battery) AND PD>=2018 AND CC=US'")->required();
  search_cmd->add_option("--limit", search.limit, "hits per page")->check(CLI::Range(1, 10000));
  search_cmd->add_option("--offset", search.offset, "hits to skip")->check(CLI::NonNegativeNumber);
  search_cmd->add_option("--sort", search.sort, "relevance, date or citations")
      ->check(CLI::IsMember({"relevance", "date", "citations"}));
  search_cmd->add_flag("--facets", search.facets, "top applicants, countries, IPC subclasses and years of all hits");
  search_cmd->add_option("--format", search.format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));

  SimilarOptions similar;
  CLI::App* similar_cmd = app.add_subcommand("similar", "patents closest to a publication or a product description");
  similar_cmd->add_option("--db", similar.db, kDbHelp);
  auto* pn_opt = similar_cmd->add_option("--pn", similar.publication_number, "a publication in the store");
  auto* text_opt = similar_cmd->add_option("--text", similar.text, "a product or technology description");
  pn_opt->excludes(text_opt);
  similar_cmd->add_option("--limit", similar.limit, "how many")->check(CLI::Range(1, 10000));
  similar_cmd->add_option("--filter", similar.query, "restrict candidates with a query, e.g. 'CC=US AND PD>=2015'");
  similar_cmd->add_option("--format", similar.format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));

  int group_exit = -1;  // set by the callback of a command group's subcommand
  AddAnalyticsCommands(app, &group_exit);
  AddPoolCommands(app, &group_exit);
  AddEvaluateCommands(app, &group_exit);
  AddRecordingCommands(app, &group_exit);
  AddRiskCommand(app, &group_exit);
  AddOfficeCommands(app, &group_exit);
  AddRoundCommands(app, &group_exit);
  AddServeCommand(app, &group_exit);
  AddStatusCommand(app, &group_exit);
  AddUserCommands(app, &group_exit);
  AddWatchCommands(app, &group_exit);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (group_exit >= 0) return group_exit;
  if (*ingest_cmd) return RunIngest(ingest);
  if (*show_cmd) return RunShow(show);
  if (*export_cmd) return RunExport(exp);
  if (*stats_cmd) return RunStats(stats);
  if (*gen_cmd) return RunGenerate(gen);
  if (*index_cmd) return RunIndex(index);
  if (*search_cmd) return RunSearch(search);
  if (*similar_cmd) {
    if (similar.publication_number.empty() && similar.text.empty()) {
      std::fprintf(stderr, "patnav similar: give --pn PUBNUM or --text \"description\"\n");
      return kExitUsage;
    }
    return RunSimilar(similar);
  }
  return kExitUsage;
}
