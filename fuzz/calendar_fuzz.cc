// libFuzzer target for holiday-calendar files (domain/working_days.h): any
// bytes go through WorkingCalendar::Parse. Findings: a crash, a hang, an
// error other than InvalidArgument, or an accepted calendar that breaks its
// invariants (a day both holiday and working, a working weekend on a
// weekday, a deadline that is not a working day or lies before its start).
// Seeds: fuzz/corpus/calendar/ (and data/calendars/*.json).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/working_days.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  patnav::Result<patnav::domain::WorkingCalendar> cal = patnav::domain::WorkingCalendar::Parse(text, "fuzz.json");
  if (!cal.ok()) {
    Check(cal.status().code() == patnav::StatusCode::kInvalidArgument);
    return 0;
  }
  Check(cal->years().size() == 1);
  const int year = *cal->years().begin();
  char first[16];
  std::snprintf(first, sizeof first, "%04d-01-01", year);
  std::string day = first;
  for (int i = 0; i < 366 && day.compare(0, 4, std::string(first, 4)) == 0; ++i) {
    Check(!(cal->IsHoliday(day) && cal->IsWorkingWeekend(day)));
    if (cal->IsWorkingWeekend(day)) Check(patnav::domain::IsoWeekday(day) >= 6);
    patnav::Result<std::string> due = cal->AddWorkingDays(day, 3);
    Check(due.ok() && *due > day && cal->IsWorkingDay(*due));
    day = patnav::domain::AddDays(day, 1);
  }
  return 0;
}
