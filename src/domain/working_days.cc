// Working days on a holiday calendar (working_days.h).
#include "domain/working_days.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "domain/period.h"

namespace patnav::domain {

namespace {

using Json = nlohmann::json;

struct Entry {
  std::string what;  // "holidays[3]" for messages
  std::string from, to, name;
};

Status Bad(std::string_view source, const std::string& where, const std::string& why) {
  return Status::InvalidArgument(std::string(source) + ": " + where + ": " + why);
}

// The entries of one list ("holidays" or "working_weekends").
Result<std::vector<Entry>> ReadEntries(const Json& root, const char* key, std::string_view source, bool ranges) {
  std::vector<Entry> out;
  if (!root.contains(key)) return out;
  const Json& list = root[key];
  if (!list.is_array()) return Bad(source, key, "must be an array");
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& e = list[i];
    Entry entry;
    entry.what = std::string(key) + "[" + std::to_string(i) + "]";
    if (!e.is_object()) return Bad(source, entry.what, "must be an object");
    auto text = [&](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string(); };
    for (const auto& [k, v] : e.items()) {
      const bool known = k == "date" || k == "name" || (ranges && (k == "from" || k == "to"));
      if (!known) return Bad(source, entry.what, "unknown field '" + k + "'");
      if (!v.is_string()) return Bad(source, entry.what + "." + k, "must be a string");
    }
    entry.name = text("name");
    if (e.contains("date")) {
      if (e.contains("from") || e.contains("to")) return Bad(source, entry.what, "either date or from/to, not both");
      entry.from = entry.to = text("date");
    } else if (ranges && e.contains("from") && e.contains("to")) {
      entry.from = text("from");
      entry.to = text("to");
    } else {
      return Bad(source, entry.what, ranges ? "needs date, or from and to" : "needs date");
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

int IsoWeekday(std::string_view iso) {
  const int64_t z = IsoDayNumber(iso);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

Result<WorkingCalendar> WorkingCalendar::Parse(std::string_view text, std::string_view source) {
  Json root = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Bad(source, "file", "not valid JSON");
  if (!root.is_object()) return Bad(source, "file", "must be a JSON object");
  for (const auto& [k, v] : root.items())
    if (k != "name" && k != "year" && k != "source" && k != "holidays" && k != "working_weekends")
      return Bad(source, k, "unknown field");
  if (!root.contains("year") || !root["year"].is_number_integer()) return Bad(source, "year", "must be an integer");
  const int64_t year = root["year"].get<int64_t>();
  if (year < 1900 || year > 2999) return Bad(source, "year", "must lie between 1900 and 2999");
  WorkingCalendar cal;
  cal.years_.insert(static_cast<int>(year));
  if (root.contains("name") && root["name"].is_string()) cal.names_.push_back(root["name"].get<std::string>());
  const std::string prefix = std::to_string(year) + "-";
  for (const char* key : {"holidays", "working_weekends"}) {
    const bool holidays = std::string_view(key) == "holidays";
    ASSIGN_OR_RETURN(std::vector<Entry> entries, ReadEntries(root, key, source, holidays));
    for (const Entry& e : entries) {
      for (const std::string* d : {&e.from, &e.to}) {
        Status st = CheckIsoDate(*d, "date");
        if (!st.ok()) return Bad(source, e.what, st.message());
        if (d->compare(0, prefix.size(), prefix) != 0)
          return Bad(source, e.what, "date " + *d + " is not in " + std::to_string(year));
      }
      const int64_t first = IsoDayNumber(e.from), last = IsoDayNumber(e.to);
      if (last < first) return Bad(source, e.what, "to " + e.to + " is before from " + e.from);
      if (last - first > 30) return Bad(source, e.what, "a range over 31 days");
      for (int64_t day = first; day <= last; ++day) {
        const std::string iso = IsoDateOfDay(day);
        if (!holidays && IsoWeekday(iso) < 6)
          return Bad(source, e.what, iso + " is a weekday; a working weekend is a Saturday or Sunday");
        auto& own = holidays ? cal.holidays_ : cal.working_weekends_;
        const auto& other = holidays ? cal.working_weekends_ : cal.holidays_;
        if (other.count(day)) return Bad(source, e.what, iso + " is both a holiday and a working weekend");
        own.insert(day);
      }
    }
  }
  for (int64_t day : cal.holidays_)
    if (cal.working_weekends_.count(day))
      return Bad(source, "working_weekends", IsoDateOfDay(day) + " is both a holiday and a working weekend");
  return cal;
}

Status WorkingCalendar::Merge(const WorkingCalendar& other) {
  for (int y : other.years_)
    if (years_.count(y)) return Status::InvalidArgument("two holiday calendars for " + std::to_string(y));
  years_.insert(other.years_.begin(), other.years_.end());
  holidays_.insert(other.holidays_.begin(), other.holidays_.end());
  working_weekends_.insert(other.working_weekends_.begin(), other.working_weekends_.end());
  names_.insert(names_.end(), other.names_.begin(), other.names_.end());
  return Status::OK();
}

bool WorkingCalendar::IsHoliday(std::string_view iso) const { return holidays_.count(IsoDayNumber(iso)) > 0; }

bool WorkingCalendar::IsWorkingWeekend(std::string_view iso) const {
  return working_weekends_.count(IsoDayNumber(iso)) > 0;
}

bool WorkingCalendar::IsWorkingDay(std::string_view iso) const {
  const int64_t day = IsoDayNumber(iso);
  if (holidays_.count(day)) return false;
  if (working_weekends_.count(day)) return true;
  return IsoWeekday(iso) < 6;
}

Result<std::string> WorkingCalendar::AddWorkingDays(std::string_view start, int n) const {
  RETURN_IF_ERROR(CheckIsoDate(start, "start date"));
  if (n < 0) return Status::InvalidArgument("a number of working days cannot be negative");
  std::string day(start);
  for (int counted = 0; counted < n;) {
    day = AddDays(day, 1);
    if (IsWorkingDay(day)) ++counted;
  }
  return day;
}

Result<int> WorkingCalendar::WorkingDaysBetween(std::string_view from, std::string_view to) const {
  RETURN_IF_ERROR(CheckIsoDate(from, "from date"));
  RETURN_IF_ERROR(CheckIsoDate(to, "to date"));
  const bool backwards = to < from;
  std::string day(backwards ? to : from);
  const std::string end(backwards ? from : to);
  int n = 0;
  while (day < end) {
    day = AddDays(day, 1);
    if (IsWorkingDay(day)) ++n;
  }
  return backwards ? -n : n;
}

}  // namespace patnav::domain
