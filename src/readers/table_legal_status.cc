// Legal events from Chinese legal-status columns (table_legal_status.h).
#include "readers/table_legal_status.h"

#include <cctype>
#include <set>

#include "base/strings.h"
#include "model/dates.h"

namespace patnav {

namespace {

enum class DateFrom { kNone, kGrant, kPublication, kLapse };

struct StatusWord {
  std::string_view words;  // a substring of the value (UTF-8)
  std::string_view unless;  // does not match when the value also holds this ("" none)
  const char* code;         // CN INPADOC code, "" for a bare state
  char event_class;         // used when code is ""
  char influence;
  DateFrom fallback;
};

// First match wins: specific phrases before general ones.
constexpr StatusWord kWords[] = {
    {"未缴年费", "", "CF01", ' ', ' ', DateFrom::kLapse},
    {"期限届满", "", "EXPY", ' ', ' ', DateFrom::kLapse},
    {"届满终止", "", "EXPY", ' ', ' ', DateFrom::kLapse},
    {"部分无效", "", "IP01", ' ', ' ', DateFrom::kNone},
    {"全部无效", "", "IW01", ' ', ' ', DateFrom::kLapse},
    {"驳回", "", "RJ01", ' ', ' ', DateFrom::kLapse},
    {"撤回", "", "WD01", ' ', ' ', DateFrom::kLapse},
    {"放弃", "", "AV01", ' ', ' ', DateFrom::kLapse},
    {"恢复", "", "RR01", ' ', ' ', DateFrom::kNone},
    {"保全", "", "PP01", ' ', ' ', DateFrom::kNone},
    {"申请权", "", "TA01", ' ', ' ', DateFrom::kNone},
    {"权利转移", "", "TR01", ' ', ' ', DateFrom::kNone},
    {"转让", "", "TR01", ' ', ' ', DateFrom::kNone},
    {"质押", "解除", "PE01", ' ', ' ', DateFrom::kNone},
    {"质押", "", "PC01", ' ', ' ', DateFrom::kNone},
    {"许可合同备案的注销", "", "EC01", ' ', ' ', DateFrom::kNone},
    {"许可", "解除", "EE01", ' ', ' ', DateFrom::kNone},
    {"许可", "", "EC01", ' ', ' ', DateFrom::kNone},
    {"授权", "", "GR01", ' ', ' ', DateFrom::kGrant},
    {"实质审查", "", "SE01", ' ', ' ', DateFrom::kNone},
    {"实审", "", "SE01", ' ', ' ', DateFrom::kNone},
    {"公开", "", "PB01", ' ', ' ', DateFrom::kPublication},
    {"公布", "", "PB01", ' ', ' ', DateFrom::kPublication},
    {"失效", "", "", 'H', '-', DateFrom::kLapse},
    {"无效", "", "", 'H', '-', DateFrom::kLapse},
};

// States that describe the record rather than an event.
constexpr std::string_view kStates[] = {"有效", "审中", "在审", "PCT", "未确认", "其他"};

// A date written in the value (2019-05-21, 2019.05.21, 20190521, 2019/05/21)
// and the value without it.
std::string TakeDate(std::string& value) {
  for (size_t i = 0; i + 8 <= value.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) continue;
    for (size_t len : {10u, 8u}) {
      if (i + len > value.size()) continue;
      std::string iso = NormalizeDate(value.substr(i, len));
      if (iso.empty() || (i + len < value.size() && std::isdigit(static_cast<unsigned char>(value[i + len]))))
        continue;
      value = std::string(Trim(value.substr(0, i) + " " + value.substr(i + len)));
      return iso;
    }
  }
  return "";
}

}  // namespace

std::vector<LegalEvent> LegalEventsFromStatus(const PatentRecord& r, const TableLegalStatus& status,
                                              std::vector<std::string>& warnings) {
  std::vector<LegalEvent> out;
  std::set<std::string> keys;
  for (const std::string& raw : status.values) {
    std::string value = CollapseWhitespace(raw);
    if (value.empty() || value == "-") continue;
    std::string date = TakeDate(value);
    const StatusWord* word = nullptr;
    for (const StatusWord& w : kWords)
      if (value.find(w.words) != std::string::npos && (w.unless.empty() || value.find(w.unless) == std::string::npos)) {
        word = &w;
        break;
      }
    if (!word) {
      bool state = false;
      for (std::string_view s : kStates) state = state || value.find(s) != std::string::npos;
      if (state) continue;
    }
    if (date.empty() && word) {
      const bool grant_kind = !r.kind.empty() && std::string_view("BCUYS").find(r.kind[0]) != std::string_view::npos;
      if (word->fallback == DateFrom::kGrant) date = !r.grant_date.empty() ? r.grant_date : grant_kind ? r.publication_date : "";
      if (word->fallback == DateFrom::kPublication) date = r.publication_date;
      if (word->fallback == DateFrom::kLapse) date = status.lapse_date;
    }
    std::string where = r.publication_number + " 法律状态 '" + value + "'";
    if (!word) warnings.push_back(where + ": no known meaning" + (date.empty() ? ", no date: left out" : ": kept unclassified"));
    if (date.empty()) continue;  // a current state without its date (实质审查 today): no event
    LegalEvent e;
    e.subject = LegalSubject(r.country, r.doc_number);
    e.application_number = r.application_number;
    e.territory = r.country;
    e.event_date = date;
    if (word && *word->code) {
      // The CN code's class; the code itself only for CN patents.
      e.inpadoc_office = "CN";
      e.inpadoc_code = word->code;
      ClassifyLegalEvent(e);
      if (r.country != "CN") e.inpadoc_office.clear(), e.inpadoc_code.clear();
    } else if (word) {
      e.event_class = word->event_class;
      e.influence = word->influence;
    }
    if (word && word->fallback == DateFrom::kLapse && !status.lapse_date.empty() && status.lapse_date != date)
      e.effective_date = status.lapse_date;
    e.sources.push_back({std::string(kTableLegalFormat), value, raw});
    if (!LegalEventProblem(e).empty() || !keys.insert(EventKey(e)).second) continue;
    out.push_back(std::move(e));
  }
  // A bare "失效" beside the specific cessation of the same day says nothing more.
  std::erase_if(out, [&](const LegalEvent& bare) {
    if (!bare.inpadoc_code.empty() || bare.event_class != 'H') return false;
    for (const LegalEvent& e : out)
      if (&e != &bare && !e.inpadoc_code.empty() && e.event_class == 'H' && e.event_date == bare.event_date) return true;
    return false;
  });
  return out;
}

}  // namespace patnav
