// The system clock and ISO 8601 UTC times (platform_clock.h).
#include "domain/platform_clock.h"

#include <ctime>

#include "base/strings.h"

namespace patnav::domain {

namespace {

class RealClock : public Clock {
 public:
  int64_t Now() const override { return static_cast<int64_t>(std::time(nullptr)); }
};

}  // namespace

const Clock& SystemClock() {
  static const RealClock clock;
  return clock;
}

std::string FormatIsoUtc(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<int64_t> ParseIsoUtc(std::string_view text) {
  auto bad = [&] { return Status::InvalidArgument("'" + std::string(text) + "' is not a time like 2026-12-06T10:00:00Z"); };
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z')
    return bad();
  auto num = [&](size_t at, size_t len, int* out) {
    std::string_view digits = text.substr(at, len);
    if (!IsAsciiDigits(digits)) return false;
    *out = std::stoi(std::string(digits));
    return true;
  };
  std::tm tm{};
  int y, mo, d, h, mi, s;
  if (!num(0, 4, &y) || !num(5, 2, &mo) || !num(8, 2, &d) || !num(11, 2, &h) || !num(14, 2, &mi) || !num(17, 2, &s))
    return bad();
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return bad();
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  int64_t seconds = static_cast<int64_t>(timegm(&tm));
  if (FormatIsoUtc(seconds) != text) return bad();  // 2026-02-30 and the like
  return seconds;
}

}  // namespace patnav::domain
