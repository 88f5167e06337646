// Application calls for royalty reports: file reports (from CSV text or from
// typed lines of one licensee), or compute what filing them would record
// without recording it (a preview); list the reports recorded.
//
// Filing needs kFileRoyaltyReport with Scope::licensee for every licensee
// the reports name (an operator files for any; a licensee user for itself,
// another licensee being NotFound). Listing one licensee's reports needs
// kReadLicensee (Scope::licensee); listing everyone's kReadAllianceMoney.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/royalty.h"
#include "domain/royalty_book.h"

namespace patnav::app {

struct RoyaltyLine {
  std::string country;
  std::string figure;  // units (whole number) for per-unit and lump-sum programmes, net sales ("1000.00") for net-sales
};

struct FileRoyaltiesRequest {
  std::string alliance;
  // Either (or both): a CSV (domain::ParseRoyaltyCsv) ...
  std::string csv_text;
  std::string source;  // its name, for messages and the report's source
  // ... and/or one report given line by line.
  std::string licensee, programme, period;
  std::string currency;  // optional; must be the programme's
  std::vector<RoyaltyLine> lines;
  // The same checks and the same royalty as filing, nothing written: the
  // reports come back with report_id and txn_id 0 (the screen shows the
  // royalty before the licensee or operator saves it).
  bool preview = false;
};
struct FileRoyaltiesResult {
  std::vector<domain::RoyaltyReportOutcome> reports;
  int64_t lines = 0;
  std::map<std::string, int64_t> totals_minor;  // currency -> royalty due
  std::vector<std::string> warnings;
  bool recorded = true;  // false for a preview
};
// All reports in one transaction; all refused (nothing written) when one is.
// A preview runs that transaction and rolls it back.
Result<FileRoyaltiesResult> FileRoyalties(const Caller& caller, Workspace& ws, const FileRoyaltiesRequest& req);

struct ListRoyaltyReportsRequest {
  std::string alliance;
  std::string licensee, programme, period;  // each optional
};
struct ListRoyaltyReportsResult {
  std::vector<domain::RoyaltyReportRow> reports;
  std::vector<std::string> warnings;
};
Result<ListRoyaltyReportsResult> ListRoyaltyReports(const Caller& caller, Workspace& ws, const ListRoyaltyReportsRequest& req);

}  // namespace patnav::app
