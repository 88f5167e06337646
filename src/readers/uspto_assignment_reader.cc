// Reader of USPTO patent assignment day files (uspto_assignment_reader.h).
#include "readers/uspto_assignment_reader.h"

#include <cstring>
#include <set>
#include <string>

#include "base/strings.h"
#include "model/conveyance.h"
#include "model/dates.h"
#include "readers/xml_document.h"
#include "readers/xml_prepare.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

constexpr std::string_view kOpen = "<patent-assignment";
constexpr std::string_view kClose = "</patent-assignment>";
constexpr std::string_view kPrologClose = "</patent-assignments></us-patent-assignments>";

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string Padded(std::string_view digits, size_t width) {
  std::string s(digits);
  while (s.size() < width) s.insert(s.begin(), '0');
  return s;
}

// A date element's text as ISO; "" when absent; error text when present but bad.
Status OptionalDate(const pugi::xml_node& parent, const char* element, std::string& out) {
  out.clear();
  pugi::xml_node n = parent.child(element);
  if (!n) return Status::OK();
  std::string raw = NodeText(n.child("date") ? n.child("date") : n);
  if (raw.empty()) return Status::OK();
  out = NormalizeDate(raw);
  if (out.empty()) return Status::Corruption(std::string("<") + element + "> '" + raw + "' is not a date");
  return Status::OK();
}

// The start of the next record at or after `from`: "<patent-assignment"
// followed by '>', '/' or whitespace (not "<patent-assignments>"). npos when
// none; `incomplete` when a match sits at the end of `s` undecided.
size_t FindRecordStart(std::string_view s, size_t from, bool& incomplete) {
  incomplete = false;
  for (size_t i = s.find(kOpen, from); i != std::string_view::npos; i = s.find(kOpen, i + 1)) {
    size_t after = i + kOpen.size();
    if (after >= s.size()) {
      incomplete = true;
      return std::string_view::npos;
    }
    char c = s[after];
    if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r') return i;
  }
  return std::string_view::npos;
}

std::string Address(const pugi::xml_node& assignee) {
  std::string out;
  for (const char* part : {"address-1", "address-2", "address-3", "address-4", "city", "state", "country-name", "postcode"}) {
    std::string t = NodeText(assignee.child(part));
    if (t.empty()) continue;
    if (!out.empty()) out += ", ";
    out += t;
  }
  return out;
}

class AssignmentReader : public Reader {
 public:
  std::string_view name() const override { return kUsptoAssignmentFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    std::string buf;
    uint64_t base = 0;  // file offset of buf[0]
    size_t pos = 0;
    bool eof = false, have_prolog = false;
    int64_t index = 0;
    constexpr size_t kChunk = 1 << 20;
    for (;;) {
      // Consume what the buffer holds.
      for (;;) {
        bool incomplete = false;
        size_t start = FindRecordStart(buf, pos, incomplete);
        if (!have_prolog) {
          if (start == std::string::npos) break;
          have_prolog = true;
          if (!CheckProlog(std::string_view(buf).substr(0, start), in.label(), sink)) return Status::OK();
        }
        if (start == std::string::npos) {
          // Nothing more to read in the buffer: keep only a tail that may hold a cut "<patent-assignment".
          if (!incomplete && buf.size() > pos + kOpen.size()) pos = buf.size() - kOpen.size();
          break;
        }
        size_t end = buf.find(kClose, start);
        if (end == std::string::npos) {
          if (buf.size() - start > kMaxAssignmentRecordBytes) {
            sink.OnReject({in.label(), index++, "patent-assignment at byte " + std::to_string(base + start) +
                                                    ": record larger than " +
                                                    std::to_string(kMaxAssignmentRecordBytes >> 20) + " MiB, not read"});
            pos = start + 1;
            continue;
          }
          pos = start;
          break;
        }
        end += kClose.size();
        Emit(std::string_view(buf).substr(start, end - start), base + start, in.label(), index++, sink);
        pos = end;
      }
      if (eof) break;
      if (pos > 0 && have_prolog) {
        buf.erase(0, pos);
        base += pos;
        pos = 0;
      }
      if (!have_prolog && buf.size() > kMaxAssignmentRecordBytes) {
        sink.OnReject({in.label(), 0, "no <patent-assignment> in the first " +
                                          std::to_string(kMaxAssignmentRecordBytes >> 20) + " MiB: not read"});
        return Status::OK();
      }
      size_t old = buf.size();
      buf.resize(old + kChunk);
      ASSIGN_OR_RETURN(size_t got, in.Read(buf.data() + old, kChunk));
      buf.resize(old + got);
      eof = got == 0;
    }
    // A record begun and never closed.
    bool incomplete = false;
    size_t start = have_prolog ? FindRecordStart(buf, pos, incomplete) : std::string::npos;
    if (start != std::string::npos)
      sink.OnReject({in.label(), index, "patent-assignment at byte " + std::to_string(base + start) +
                                            ": truncated (no </patent-assignment> before the end of the file)"});
    return Status::OK();
  }

 private:
  // Runs the prolog through the safety pass. False (and one rejection) when
  // the file may not be read.
  bool CheckProlog(std::string_view prolog, const std::string& file, RecordSink& sink) {
    Result<PreparedXml> p = PrepareXml(std::string(prolog) + std::string(kPrologClose));
    if (!p.ok()) {
      sink.OnReject({file, 0, "us-patent-assignments prolog: " + p.status().message() + ": file not read"});
      return false;
    }
    prolog_.clear();
    if (prolog.find("<!ENTITY") != std::string_view::npos) prolog_ = std::string(prolog);
    return true;
  }

  void Emit(std::string_view record, uint64_t offset, const std::string& file, int64_t index, RecordSink& sink) {
    std::string where = "patent-assignment at byte " + std::to_string(offset);
    Result<PreparedXml> prepared =
        prolog_.empty() ? PrepareXml(record) : PrepareXml(prolog_ + std::string(record) + std::string(kPrologClose));
    if (!prepared.ok()) {
      sink.OnReject({file, index, where + ": " + prepared.status().message()});
      return;
    }
    pugi::xml_document xml;
    pugi::xml_parse_result parsed = xml.load_buffer_inplace(prepared->text.data(), prepared->text.size(),
                                                            kPatentXmlParseOptions, pugi::encoding_utf8);
    if (!parsed) {
      sink.OnReject({file, index, where + ": malformed XML: " + parsed.description()});
      return;
    }
    pugi::xml_node node = xml.document_element();
    if (std::strcmp(node.name(), "patent-assignment") != 0) node = FindDescendant(node, "patent-assignment");
    std::vector<LegalEvent> events;
    Status st = node ? ParseAssignmentRecord(node, events) : Status::Corruption("no <patent-assignment> element");
    if (!st.ok()) {
      pugi::xml_node rec = node.child("assignment-record");
      std::string reel = NodeText(rec.child("reel-no")), frame = NodeText(rec.child("frame-no"));
      if (!reel.empty() || !frame.empty()) where += " (reel/frame " + reel + "/" + frame + ")";
      sink.OnReject({file, index, where + ": " + st.message()});
      return;
    }
    for (LegalEvent& e : events) sink.OnLegalEvent(std::move(e));
  }

  std::string prolog_;  // kept only when its DOCTYPE declares entities
};

}  // namespace

Status ParseAssignmentRecord(const pugi::xml_node& record, std::vector<LegalEvent>& events) {
  pugi::xml_node ar = record.child("assignment-record");
  if (!ar) return Status::Corruption("no <assignment-record>");
  std::string reel = NodeText(ar.child("reel-no")), frame = NodeText(ar.child("frame-no"));
  if (!Digits(reel) || reel.size() > 9) return Status::Corruption("<reel-no> '" + reel + "' is not a number");
  if (!Digits(frame) || frame.size() > 9) return Status::Corruption("<frame-no> '" + frame + "' is not a number");
  std::string recorded;
  RETURN_IF_ERROR(OptionalDate(ar, "recorded-date", recorded));
  if (recorded.empty()) return Status::Corruption("no <recorded-date>");
  std::string text = NodeText(ar.child("conveyance-text"));
  if (text.empty()) return Status::Corruption("no <conveyance-text>");
  const ConveyanceKind kind = ClassifyConveyanceText(text);

  LegalEvent proto;
  proto.territory = "US";
  proto.event_date = recorded;
  proto.inpadoc_office = "US";
  proto.inpadoc_code = "AS";
  ClassifyLegalEvent(proto);
  proto.event_class = ConveyanceClass(kind);
  proto.influence = ' ';
  proto.reference = Padded(reel, 6) + "/" + Padded(frame, 4);
  proto.conveyance = ConveyanceKindName(kind);
  proto.sources.push_back({std::string(kUsptoAssignmentFormat), proto.conveyance, text});

  std::string latest_execution;
  for (pugi::xml_node a : record.child("patent-assignors").children("patent-assignor")) {
    LegalEventParty p{"assignor", NodeText(a.child("name")), "", ""};
    if (p.name.empty()) return Status::Corruption("<patent-assignor> without a <name>");
    RETURN_IF_ERROR(OptionalDate(a, "execution-date", p.date));
    if (p.date > latest_execution) latest_execution = p.date;
    proto.parties.push_back(std::move(p));
  }
  if (proto.parties.empty()) return Status::Corruption("no <patent-assignor>");
  size_t assignees = 0;
  for (pugi::xml_node a : record.child("patent-assignees").children("patent-assignee")) {
    LegalEventParty p{"assignee", NodeText(a.child("name")), "", Address(a)};
    if (p.name.empty()) return Status::Corruption("<patent-assignee> without a <name>");
    proto.parties.push_back(std::move(p));
    ++assignees;
  }
  if (assignees == 0) return Status::Corruption("no <patent-assignee>");
  if (!latest_execution.empty() && latest_execution <= recorded) proto.effective_date = latest_execution;

  std::vector<LegalEvent> out;
  std::set<std::string> subjects;
  for (pugi::xml_node prop : record.child("patent-properties").children("patent-property")) {
    std::string grant, publication, application, country = "US";
    for (pugi::xml_node id : prop.children("document-id")) {
      std::string c = NodeText(id.child("country"));
      std::string number = NodeText(id.child("doc-number"));
      std::string kind = NodeText(id.child("kind"));
      if (number.empty()) continue;
      if (!c.empty() && c.size() != 2) return Status::Corruption("<document-id> country '" + c + "' is not two letters");
      if (!c.empty()) country = c;
      const char k = kind.empty() ? (Digits(number) && number.size() == 8 ? 'X' : 'B') : kind[0];
      if (k == 'X') application = number;
      else if (k == 'A') publication = number;
      else grant = number;
    }
    LegalEvent e = proto;
    e.application_number = application;
    if (!grant.empty()) e.subject = LegalSubject(country, grant);
    else if (!publication.empty()) e.subject = LegalSubject(country, publication);
    else if (!application.empty()) e.subject = country + "APP" + application;
    else continue;  // a property naming no document
    if (!subjects.insert(e.subject).second) continue;
    if (std::string problem = LegalEventProblem(e); !problem.empty())
      return Status::Corruption("patent-property " + e.subject + ": " + problem);
    out.push_back(std::move(e));
  }
  if (out.empty()) return Status::Corruption("no patent or application in <patent-properties>");
  for (LegalEvent& e : out) events.push_back(std::move(e));
  return Status::OK();
}

bool LooksLikeUsptoAssignments(std::string_view head) {
  std::string_view h = head.substr(0, 8192);
  return h.find("<us-patent-assignments") != std::string_view::npos ||
         h.find("<!DOCTYPE us-patent-assignments") != std::string_view::npos;
}

std::unique_ptr<Reader> NewUsptoAssignmentReader() { return std::make_unique<AssignmentReader>(); }

}  // namespace patnav
