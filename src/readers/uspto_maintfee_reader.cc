// Reader of USPTO maintenance fee event lines (uspto_maintfee_reader.h).
#include "readers/uspto_maintfee_reader.h"

#include "model/dates.h"
#include "model/uspto_maintfee_codes.h"
#include "readers/line_reader.h"

namespace patnav {

namespace {

constexpr std::string_view kFormat = "uspto-maintfee";

// 1-based first column of each field; the pre-2014 layout is 6 to the left.
struct Layout {
  size_t patent_width;
  size_t shift;  // subtracted from the current layout's columns
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The layout of a line by its length, or nullptr.
const Layout* LayoutOf(std::string_view line) {
  static constexpr Layout kCurrent{13, 0}, kOld{7, 6};
  if (line.size() == 57 || line.size() == 56) return &kCurrent;
  if (line.size() == 51 || line.size() == 50) return &kOld;
  return nullptr;
}

class MaintFeeReader : public Reader {
 public:
  std::string_view name() const override { return kFormat; }
  Status Read(ByteSource& in, RecordSink& sink) override {
    LineReader lines(in, 4096);
    TextLine line;
    for (;;) {
      ASSIGN_OR_RETURN(bool more, lines.Next(line));
      if (!more) return Status::OK();
      if (line.too_long) {
        sink.OnReject({in.label(), line.number, "line too long for a maintenance fee event"});
        continue;
      }
      LegalEvent e;
      Status st = ParseMaintFeeLine(line.text, e);
      if (!st.ok()) {
        sink.OnReject({in.label(), line.number, st.message()});
        continue;
      }
      sink.OnLegalEvent(std::move(e));
    }
  }
};

}  // namespace

Status ParseMaintFeeLine(std::string_view line, LegalEvent& e) {
  for (char c : line)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0' || c == '\t')
      return Status::InvalidArgument("not a maintenance fee line (characters other than printable ASCII)");
  const Layout* layout = LayoutOf(line);
  if (!layout)
    return Status::InvalidArgument("line of " + std::to_string(line.size()) +
                                   " characters (a maintenance fee event has 57, or 51 before 2014)");
  auto field = [&](size_t first, size_t width) { return line.substr(first - 1 - layout->shift, width); };
  auto gap = [&](size_t col) { return line[col - 1 - layout->shift] == ' '; };
  std::string_view patent = TrimSpaces(line.substr(0, layout->patent_width));
  if (!gap(14) || !gap(23) || !gap(25) || !gap(34) || !gap(43) || !gap(52))
    return Status::InvalidArgument("not a fixed-width maintenance fee line (no blank between fields)");
  std::string_view digits = patent;
  while (!digits.empty() && digits.front() >= 'A' && digits.front() <= 'Z') digits.remove_prefix(1);
  if (patent.empty() || patent.size() - digits.size() > 2 || !AllDigits(digits))
    return Status::InvalidArgument("bad patent number '" + std::string(patent) + "'");
  std::string_view application = field(15, 8);
  if (!AllDigits(application)) return Status::InvalidArgument("bad application number '" + std::string(application) + "'");
  std::string_view small = field(24, 1);
  if (small != "Y" && small != "N") return Status::InvalidArgument("small entity flag '" + std::string(small) + "' is not Y or N");
  std::string entry = NormalizeDate(field(44, 8));
  if (entry.empty()) return Status::InvalidArgument("bad event entry date '" + std::string(field(44, 8)) + "'");
  for (size_t col : {size_t{26}, size_t{35}}) {
    std::string_view d = field(col, 8);
    if (d != "00000000" && NormalizeDate(d).empty()) return Status::InvalidArgument("bad date '" + std::string(d) + "'");
  }
  std::string_view code = TrimSpaces(line.substr(52 - layout->shift));
  const MaintFeeCode* known = FindMaintFeeCode(code);
  if (!known) return Status::InvalidArgument("unknown event code '" + std::string(code) + "'");
  e = LegalEvent();
  e.subject = LegalSubject("US", patent);
  e.application_number = std::string(application);
  e.territory = "US";
  e.event_date = entry;
  e.inpadoc_office = "US";
  e.inpadoc_code = known->inpadoc_code;
  if (const InpadocCode* c = MaintFeeInpadocCode(*known)) {
    e.event_class = c->event_class;
    e.influence = c->influence;
  }
  e.sources.push_back({std::string(kFormat), known->code, known->text});
  return Status::OK();
}

bool LooksLikeUsptoMaintFee(std::string_view head) {
  std::string_view rest = head;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!TrimSpaces(line).empty()) {
      const Layout* layout = LayoutOf(line);
      if (!layout) return false;
      auto field = [&](size_t first, size_t width) { return line.substr(first - 1 - layout->shift, width); };
      std::string_view small = field(24, 1);
      return AllDigits(field(15, 8)) && (small == "Y" || small == "N") && AllDigits(field(44, 8)) &&
             !NormalizeDate(field(44, 8)).empty();
    }
    if (end == std::string_view::npos) break;
    rest = rest.substr(end + 1);
  }
  return false;
}

std::unique_ptr<Reader> NewUsptoMaintFeeReader() { return std::make_unique<MaintFeeReader>(); }

}  // namespace patnav
