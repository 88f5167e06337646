// The patnav subcommands. Each Run* function is given its parsed options,
// calls the application layer (src/app/) and returns the process exit status
// (base/status_table.h: ExitCodeFor a failed call's status):
//   0  everything read / done
//   2  usage error (bad arguments, unknown file or publication, no store)
//   3  some input records were rejected (the rest went in)
//   1  any other failure (I/O, a corrupt store)
#pragma once

#include <string>
#include <vector>

namespace patnav::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRejected = 3;

struct IngestOptions {
  std::string db;
  std::string mapping;
  std::vector<std::string> paths;
  int batch_records = 5000;
  bool progress = true;  // shown only when stderr is a terminal
  int max_listed_rejections = 20;
  bool index = true;     // bring the search index up to date after the store (--no-index: leave it)
  bool pace_alerts = false;  // --pace-alerts: the ingest waits for the watches' passes (app::IngestRequest)
};
int RunIngest(const IngestOptions& o);

struct ShowOptions {
  std::string db;
  std::string publication_number;
  std::string format = "text";  // text | json
};
int RunShow(const ShowOptions& o);

struct ExportOptions {
  std::string db;
  std::string format = "jsonl";  // jsonl | csv | xlsx
  std::string out;               // empty: standard output (not for xlsx)
  std::string query;             // empty: every record; else the hits of this query
  std::string lang = "both";     // xlsx header: en | zh | both
};
int RunExport(const ExportOptions& o);

struct StatsOptions {
  std::string db;
  std::string format = "text";  // text | json
};
int RunStats(const StatsOptions& o);

struct GenerateOptions {
  unsigned long long docs = 1000;
  unsigned long long seed = 42;
  std::string format = "uspto-xml";  // uspto-xml | csv
  std::string out;                   // empty: standard output
  bool full_text = true;
};
int RunGenerate(const GenerateOptions& o);

struct IndexOptions {
  std::string db;
  bool rebuild = false;  // drop the index and build it anew from the store
  int writers = 0;       // threads writing a rebuild's shards; 0: one per CPU it may run on, at most 4
};
int RunIndex(const IndexOptions& o);

struct SearchOptions {
  std::string db;
  std::string query;              // the expert query language (docs/query-language.md)
  int limit = 20;
  int offset = 0;
  std::string sort = "relevance";  // relevance | date | citations
  bool facets = false;
  std::string format = "table";    // table | json | csv
};
int RunSearch(const SearchOptions& o);

struct SimilarOptions {
  std::string db;
  std::string publication_number;  // --pn
  std::string text;                // --text
  int limit = 20;
  std::string query;               // --filter QUERY: restrict candidates (e.g. CC=US AND PD>=2015)
  std::string format = "table";    // table | json | csv
};
int RunSimilar(const SimilarOptions& o);

// The data directory: --db if given, else $PATNAV_HOME, else ./patnav-data.
std::string ResolveDataDir(const std::string& flag);

}  // namespace patnav::cli
