// The public, read-only lists of the IP office (issue 15 part 4), for anyone,
// signed in or not: the recorded alliances, the management library of a
// level, and the public dishonesty list on a date (the records the
// publicity rules show on that date, domain/credit_record.h). Each list is a
// table of named text columns, given as JSON (an array of objects) or CSV
// (UTF-8 with a byte-order mark so spreadsheet programs read Chinese right).
// Nothing private is in them: no contacts, facts, statements or history.
// Thread-safety: as the Workspace's With* calls.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/workspace.h"
#include "base/status.h"

namespace patnav::app {

struct PublicTable {
  std::string name;                  // "recorded-alliances", "library-national", "dishonesty-list"
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Recorded alliances not removed from the record, by province, then name: alliance, province,
// record_number, recorded_on. An empty table when nothing is stored yet.
Result<PublicTable> PublicRecordedAlliances(Workspace& ws);
// The library of `level` ("national" default, or a province): alliance,
// level, province, record_number, recorded_on, entered_on, priority_count,
// priority_circumstances (the codes met, ";"-separated).
Result<PublicTable> PublicLibrary(Workspace& ws, const std::string& level);
// The dishonesty list on `date` (default today; InvalidArgument for a bad
// date): subject_name, subject_code, category, category_zh, measures,
// organ, decision_number, decided_on, listed_on, listed_until, province.
Result<PublicTable> PublicDishonestyList(Workspace& ws, const std::string& date);

nlohmann::ordered_json PublicTableJson(const PublicTable& t);
std::string PublicTableCsv(const PublicTable& t);

}  // namespace patnav::app
