// Royalty reports: what a licensee sold under a programme in a period, per
// country (units, or net sales in minor units), and the royalty due, line by
// line. A report is refused whole (nothing written) for an unknown licensee
// or programme, a closed period, a negative figure, a currency other than
// the programme's, or a country no agreement of the licensee covers in the
// period. Each accepted report posts one ledger transaction: the licensee's
// account is debited (owes) and the pool's credited (income). A report is
// corrected before its period closes by reversing that transaction (ledger.h)
// and reporting again: a reversed report counts for neither distribution,
// statements nor the cap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/operations_db.h"

namespace patnav::domain {

struct RoyaltyLineInput {
  std::string country;
  std::optional<int64_t> units;            // per-unit programmes
  std::optional<int64_t> net_sales_minor;  // net-sales programmes
  int64_t source_line = 0;                 // line of the input file, for messages (0: none)
};

struct RoyaltyReportInput {
  std::string licensee, programme, period;  // period as ParsePeriod accepts
  std::string currency;                     // optional; must equal the programme's
  std::string source;                       // e.g. the CSV file name
  std::vector<RoyaltyLineInput> lines;
};

struct RoyaltyReportOutcome {
  int64_t report_id = 0;
  std::string licensee, programme, period, currency;
  int64_t lines = 0;
  int64_t total_minor = 0;
  bool capped = false;  // the programme's cap reduced the royalty
  int64_t txn_id = 0;   // the ledger transaction posting it; 0 when the royalty is 0
};

// Records the reports in one transaction; all are refused when one is.
//
// Royalty of a line: per unit, units x rate; net sales, round(net sales x
// rate ppm / 1e6); lump sum, the programme's amount split over the report's
// lines in proportion to units (or net sales; equally without figures). The
// rate is the country's, or the member rate for a licensee that is a member.
// When the licensee's total for the programme and period would pass the cap,
// the report pays what is left under the cap, split over its lines by
// largest remainder.
Result<std::vector<RoyaltyReportOutcome>> ReportRoyalties(OperationsDb& ops,
                                                          const std::vector<RoyaltyReportInput>& reports);

// Parses a royalty CSV: a header naming licensee, programme, period,
// country and units and/or net_sales (optional currency), then one line per
// licensee, programme, period and country; lines are grouped into one report
// per (licensee, programme, period). Amounts are decimal in the currency
// (the programme's, looked up); units are whole numbers. InvalidArgument
// naming the line for anything malformed or negative. With `alliance_id`,
// a programme of another alliance is refused as an unknown one.
Result<std::vector<RoyaltyReportInput>> ParseRoyaltyCsv(OperationsDb& ops, std::string_view text, std::string_view source,
                                                        std::optional<int64_t> alliance_id = std::nullopt);

}  // namespace patnav::domain
