// The synthetic maintenance fee event file (maintfee_writer.h).
#include "generator/maintfee_writer.h"

#include <cstdio>
#include <string>

#include "base/random.h"
#include "generator/calendar.h"

namespace patnav {

namespace {

std::string Compact(int32_t days) {
  std::string s;
  gen::AppendCompactDate(s, days);
  return s;
}

int32_t PlusYears(int32_t days, int years, int extra_days) { return days + years * 365 + years / 4 + extra_days; }

}  // namespace

Result<uint64_t> WriteMaintFeeEvents(const MaintFeeOptions& o, std::ostream& out) {
  Random rng(o.seed);
  uint64_t lines = 0;
  std::string buf;
  const int32_t first_grant = gen::DaysFromCivil(1996, 1, 2);
  for (uint64_t i = 0; i < o.patents; ++i) {
    char patent[16], application[16];
    std::snprintf(patent, sizeof patent, o.old_layout ? "%07llu" : "%013llu",
                  static_cast<unsigned long long>(7000000 + i * 3 + rng.Uniform(3)));
    std::snprintf(application, sizeof application, "%08llu",
                  static_cast<unsigned long long>(8000000 + rng.Uniform(6000000)));
    const int32_t granted = first_grant + static_cast<int32_t>(i * 9000 / (o.patents ? o.patents : 1)) +
                            static_cast<int32_t>(rng.Uniform(7)) * 7;
    const int32_t filed = granted - 400 - static_cast<int32_t>(rng.Uniform(1500));
    const char entity = rng.Uniform(3) == 0 ? 'Y' : 'N';
    const char* prefix = entity == 'Y' ? "M2" : "M1";
    auto emit = [&](int32_t entered, const std::string& code) {
      char line[80];
      std::snprintf(line, sizeof line, o.old_layout ? "%7s %8s %c %8s %8s %8s %-5s\n" : "%13s %8s %c %8s %8s %8s %-5s\n",
                    patent, application, entity, Compact(filed).c_str(), Compact(granted).c_str(),
                    Compact(entered).c_str(), code.c_str());
      buf += line;
      ++lines;
    };
    const int32_t today = gen::DaysFromCivil(2024, 1, 1);
    for (int stage = 0; stage < 3; ++stage) {
      const int year = 4 + 4 * stage;
      const int32_t window = PlusYears(granted, year - 1, 0);  // the window opens at 3, 7, 11 years
      if (window > today) break;
      uint64_t roll = rng.Uniform(100);
      if (roll < 80) {
        emit(window + static_cast<int32_t>(rng.Uniform(180)), std::string(prefix) + "55" + std::to_string(stage + 1));
      } else if (roll < 88) {
        int32_t late = PlusYears(granted, year, -170) + static_cast<int32_t>(rng.Uniform(160));
        emit(late, std::string(prefix) + "55" + std::to_string(stage + 1));
        emit(late, std::string(prefix) + (stage == 0 ? "554" : stage == 1 ? "555" : "556"));
      } else {
        if (rng.Uniform(2)) emit(PlusYears(granted, year, -170), "REM.");
        int32_t expired = PlusYears(granted, year, 30 + static_cast<int32_t>(rng.Uniform(30)));
        if (expired > today) break;
        emit(expired, "EXP.");
        if (rng.Uniform(10) == 0) {
          int32_t back = expired + 60 + static_cast<int32_t>(rng.Uniform(300));
          emit(back, std::string(prefix) + "55" + std::to_string(stage + 1));
          emit(back, std::string(prefix) + "558");
          emit(back, "EXPX");
          continue;
        }
        break;
      }
    }
    if (buf.size() > (1u << 20)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (!out) return Status::IOError("write failed");
  return lines;
}

}  // namespace patnav
