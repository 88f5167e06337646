// Reader of EP Register documents (ep_register_reader.h).
#include "readers/ep_register_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "readers/ep_register_codes.h"
#include "readers/whole_xml_document.h"
#include "readers/xml_names.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

bool IsCountry(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The EP number a register-search query names ("publication=EP2400812",
// "pn=EP2400812"); "" when none.
std::string NumberOfQuery(std::string_view query) {
  size_t at = query.find("EP");
  while (at != std::string_view::npos) {
    size_t end = at + 2;
    while (end < query.size() && query[end] >= '0' && query[end] <= '9') ++end;
    if (end - at - 2 >= 6) return std::string(query.substr(at + 2, end - at - 2));
    at = query.find("EP", at + 2);
  }
  return "";
}

std::string ChangeDate(const pugi::xml_node& n) { return NormalizeDate(n.attribute("change-date").value()); }

// The names of one <applicants> (or inventors) block, in order.
std::vector<std::pair<std::string, std::string>> NamesOf(const pugi::xml_node& block, std::string_view element) {
  std::vector<std::pair<std::string, std::string>> out;
  for (pugi::xml_node p : ChildrenByLocal(block, element)) {
    pugi::xml_node book = ChildByLocal(p, "addressbook");
    std::string name = TextByLocalPath(book, "name");
    if (name.empty()) continue;
    std::string address;
    pugi::xml_node a = ChildByLocal(book, "address");
    for (pugi::xml_node part = a.first_child(); part; part = part.next_sibling()) {
      std::string t = NodeText(part);
      if (t.empty()) continue;
      if (!address.empty()) address += ", ";
      address += t;
    }
    out.emplace_back(name, address);
  }
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class RegisterReader : public Reader {
 public:
  std::string_view name() const override { return kEpRegisterFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    std::string buffer;
    pugi::xml_document xml;
    ASSIGN_OR_RETURN(bool ok, ReadWholeXml(in, sink, "EP Register document", buffer, xml));
    if (!ok) return Status::OK();
    pugi::xml_node root = xml.document_element();
    std::vector<pugi::xml_node> docs;
    std::string query;
    if (LocalName(root) == "register-document") {
      docs.push_back(root);
    } else {
      pugi::xml_node search = DescendantByLocal(root, "register-search");
      query = TextByLocalPath(search, "query");
      pugi::xml_node list = DescendantByLocal(root, "register-documents");
      docs = ChildrenByLocal(list, "register-document");
    }
    if (docs.empty()) sink.OnReject({in.label(), 0, "no register-document in the EP Register answer"});
    for (size_t i = 0; i < docs.size(); ++i)
      ReadDocument(docs[i], docs.size() == 1 ? query : "", in.label(), static_cast<int64_t>(i), sink);
    return Status::OK();
  }

 private:
  struct Doc {
    const std::string* file;
    int64_t index;
    RecordSink* sink;
    std::string subject;
  };

  void ReadDocument(const pugi::xml_node& doc, const std::string& query, const std::string& file, int64_t index,
                    RecordSink& sink) {
    pugi::xml_node biblio = ChildByLocal(doc, "bibliographic-data");
    std::string number;
    for (pugi::xml_node ref : ChildrenByLocal(biblio, "publication-reference")) {
      pugi::xml_node id = ChildByLocal(ref, "document-id");
      if (TextByLocalPath(id, "country") == "EP") number = TextByLocalPath(id, "doc-number");
      if (!number.empty()) break;
    }
    if (number.empty()) number = NumberOfQuery(query);
    if (!AllDigits(number)) {
      sink.OnReject({file, index, "register-document naming no EP publication (no bibliographic-data "
                                  "publication-reference, no query publication=EP...)"});
      return;
    }
    Doc d{&file, index, &sink, LegalSubject("EP", number)};
    if (biblio) EmitRecord(biblio, number, d);

    for (pugi::xml_node s : ChildrenByLocal(ChildByLocal(doc, "ep-patent-statuses"), "ep-patent-status")) {
      std::string text = NodeText(s);
      std::string code = std::string("status ") + s.attribute("status-code").value();
      const RegisterMeaning* m = FindRegisterStatus(text);
      Add(d, "ep-patent-status '" + text + "'", "EP", s.attribute("change-date").value(), "", m, code, text);
    }
    if (biblio) {
      Designations(biblio, d);
      Lapses(biblio, d);
      Oppositions(biblio, d);
      ApplicantChanges(biblio, d);
      pugi::xml_node rights = ChildByLocal(biblio, "dates-rights-effective");
      static const RegisterMeaning kRequest{"17P", 'D', '+'}, kFirstReport{"17Q", 'D', '+'};
      for (auto [element, meaning, text] :
           {std::tuple{"request-for-examination", &kRequest, "Request for examination filed"},
            std::tuple{"first-examination-report-despatched", &kFirstReport, "First examination report despatched"}}) {
        pugi::xml_node n = ChildByLocal(rights, element);
        if (n) Add(d, element, "EP", TextByLocalPath(n, "date"), "", meaning, element, text);
      }
    }
    std::vector<pugi::xml_node> dossier;  // one events-data per event in real answers; more allowed
    for (pugi::xml_node data : ChildrenByLocal(doc, "events-data"))
      for (pugi::xml_node ev : ChildrenByLocal(data, "dossier-event")) dossier.push_back(ev);
    for (pugi::xml_node ev : dossier) {
      std::string code = TextByLocalPath(ev, "event-code");
      std::string text = TextByLocalPath(ev, "event-text");
      std::string gazette = TextByLocalPath(ev, "gazette-reference/gazette-num");
      if (!gazette.empty()) text += " (Bulletin " + gazette + ")";
      Add(d, "dossier-event " + code, "EP", TextByLocalPath(ev, "event-date/date"), "", FindRegisterEventCode(code),
          code, text);
    }
  }

  // One event; `where` names the element for a rejection or warning.
  void Add(Doc& d, const std::string& where, const std::string& territory, std::string_view date,
                  std::string_view effective, const RegisterMeaning* meaning, const std::string& code,
                  const std::string& text, std::vector<LegalEventParty> parties = {}, std::string conveyance = "") {
    std::string what = where + " of " + d.subject + ": ";
    LegalEvent e;
    e.subject = d.subject;
    e.territory = territory;
    e.event_date = NormalizeDate(date);
    if (e.event_date.empty()) {
      d.sink->OnReject({*d.file, d.index, what + (Trim(date).empty() ? "no date" : "date '" + std::string(date) +
                                                                                       "' is not a date")});
      return;
    }
    if (!effective.empty()) {
      e.effective_date = NormalizeDate(effective);
      if (e.effective_date.empty()) {
        d.sink->OnReject({*d.file, d.index, what + "date '" + std::string(effective) + "' is not a date"});
        return;
      }
    }
    if (code.empty()) {
      d.sink->OnReject({*d.file, d.index, what + "no event code"});
      return;
    }
    if (meaning) {
      if (*meaning->inpadoc_code) {
        e.inpadoc_office = "EP";
        e.inpadoc_code = meaning->inpadoc_code;
        ClassifyLegalEvent(e);
      }
      if (e.event_class == ' ') e.event_class = meaning->event_class;
      if (e.influence == ' ') e.influence = meaning->influence;
    } else if (warned_.insert(code).second) {
      d.sink->OnWarning({*d.file, d.index, what + "code '" + code + "' (" + text +
                                               ") has no known INPADOC meaning: kept unclassified"});
    }
    e.parties = std::move(parties);
    e.conveyance = std::move(conveyance);
    e.sources.push_back({std::string(kEpRegisterFormat), code, text});
    if (std::string problem = LegalEventProblem(e); !problem.empty()) {
      d.sink->OnReject({*d.file, d.index, what + problem});
      return;
    }
    d.sink->OnLegalEvent(std::move(e));
  }

  // Blocks of a history element, oldest first (the Register lists the newest first).
  static std::vector<pugi::xml_node> OldestFirst(std::vector<pugi::xml_node> blocks) {
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](const pugi::xml_node& a, const pugi::xml_node& b) { return ChangeDate(a) < ChangeDate(b); });
    return blocks;
  }

  void Designations(const pugi::xml_node& biblio, Doc& d) {
    static const RegisterMeaning kDesignated{"AK", 'W', '+'};
    std::map<std::string, std::string> first_seen;  // state -> change date
    std::vector<std::string> order;
    for (pugi::xml_node block : OldestFirst(ChildrenByLocal(biblio, "designation-of-states"))) {
      std::string date = block.attribute("change-date").value();
      std::vector<pugi::xml_node> stack{block};
      while (!stack.empty()) {
        pugi::xml_node n = stack.back();
        stack.pop_back();
        for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
          if (c.type() != pugi::node_element || LocalName(c) == "region") continue;
          if (LocalName(c) == "country") {
            std::string state = NodeText(c);
            if (IsCountry(state) && state != "EP" && !first_seen.count(state)) {
              first_seen[state] = date;
              order.push_back(state);
            }
          } else {
            stack.push_back(c);
          }
        }
      }
    }
    for (const std::string& state : order)
      Add(d, "designation-of-states " + state, state, first_seen[state], "", &kDesignated, "designation-of-states",
          "Designated contracting or extension state " + state);
  }

  void Lapses(const pugi::xml_node& biblio, Doc& d) {
    static const RegisterMeaning kLapsed{"PG25", 'H', '-'};
    std::vector<pugi::xml_node> blocks = OldestFirst(ChildrenByLocal(biblio, "term-of-grant"));
    if (blocks.empty()) return;
    std::map<std::string, std::pair<std::string, std::string>> recorded;  // state -> (change date, gazette)
    for (const pugi::xml_node& block : blocks)
      for (pugi::xml_node l : ChildrenByLocal(block, "lapsed-in-country"))
        recorded.emplace(TextByLocalPath(l, "country"),
                         std::pair{NormalizeDate(block.attribute("change-date").value()),
                                   std::string(block.attribute("change-gazette-num").value())});
    for (pugi::xml_node l : ChildrenByLocal(blocks.back(), "lapsed-in-country")) {
      std::string state = TextByLocalPath(l, "country"), date = TextByLocalPath(l, "date");
      if (!IsCountry(state)) {
        d.sink->OnReject({*d.file, d.index, "lapsed-in-country of " + d.subject + ": country '" + state +
                                                "' is not a two-letter code"});
        continue;
      }
      const auto& [when, gazette] = recorded[state];
      Add(d, "lapsed-in-country " + state, state, date, date, &kLapsed, "lapsed-in-country",
          "Lapse of the patent in " + state + " (recorded " + when + (gazette.empty() ? "" : ", Bulletin " + gazette) +
              ")");
    }
  }

  void Oppositions(const pugi::xml_node& biblio, Doc& d) {
    static const RegisterMeaning kNone{"PLBE", 'L', '+'}, kFiled{"26", 'L', '-'};
    for (pugi::xml_node block : ChildrenByLocal(biblio, "opposition-data")) {
      std::string date = block.attribute("change-date").value();
      if (pugi::xml_node none = ChildByLocal(block, "opposition-not-filed")) {
        std::string limit = TextByLocalPath(none, "date");
        Add(d, "opposition-not-filed", "EP", date.empty() ? limit : date, "", &kNone, "opposition-not-filed",
            "No opposition filed within time limit" + (limit.empty() ? "" : " (" + NormalizeDate(limit) + ")"));
      }
      std::vector<LegalEventParty> opponents;
      for (auto& [name, address] : NamesOf(block, "opponent")) opponents.push_back({"opponent", name, "", address});
      if (!opponents.empty()) {
        std::string names;
        for (const LegalEventParty& p : opponents) names += (names.empty() ? "" : "; ") + p.name;
        Add(d, "opposition-data opponent", "EP", date, "", &kFiled, "opponent", "Opposition filed by " + names,
            std::move(opponents));
      }
    }
  }

  void ApplicantChanges(const pugi::xml_node& biblio, Doc& d) {
    static const RegisterMeaning kChange{"RAP1", 'R', ' '};
    std::vector<pugi::xml_node> blocks = OldestFirst(ChildrenByLocal(ChildByLocal(biblio, "parties"), "applicants"));
    for (size_t i = 1; i < blocks.size(); ++i) {
      auto before = NamesOf(blocks[i - 1], "applicant"), after = NamesOf(blocks[i], "applicant");
      if (before.empty() || after.empty()) continue;
      std::set<std::string> old_names, new_names;
      std::vector<LegalEventParty> parties;
      for (auto& [name, address] : before) {
        old_names.insert(Lower(name));
        parties.push_back({"assignor", name, "", ""});
      }
      for (auto& [name, address] : after) {
        new_names.insert(Lower(name));
        parties.push_back({"assignee", name, "", address});
      }
      const bool moved = old_names != new_names;
      std::string gazette = blocks[i].attribute("change-gazette-num").value();
      Add(d, "applicants", "EP", blocks[i].attribute("change-date").value(), "", &kChange, "applicants",
          std::string(moved ? "Change of applicant" : "Change of applicant's address") +
              (gazette.empty() ? "" : " (Bulletin " + gazette + ")"),
          std::move(parties), moved ? "assignment" : "");
    }
  }

  static void EmitRecord(const pugi::xml_node& biblio, const std::string& number, Doc& d) {
    PatentRecord r;
    r.country = "EP";
    r.doc_number = number;
    for (pugi::xml_node ref : ChildrenByLocal(biblio, "publication-reference")) {
      pugi::xml_node id = ChildByLocal(ref, "document-id");
      std::string kind = TextByLocalPath(id, "kind"), date = NormalizeDate(TextByLocalPath(id, "date"));
      if (kind.empty() || TextByLocalPath(id, "doc-number") != number) continue;
      if (r.kind.empty() || date > r.publication_date) {
        r.kind = kind;
        r.publication_date = date;
      }
    }
    if (r.kind.empty()) return;
    if (r.kind[0] == 'B') r.grant_date = r.publication_date;
    pugi::xml_node app = ChildByLocal(ChildByLocal(biblio, "application-reference"), "document-id");
    r.application_number = TextByLocalPath(app, "doc-number");
    r.filing_date = NormalizeDate(TextByLocalPath(app, "date"));
    for (pugi::xml_node claim : ChildrenByLocal(ChildByLocal(biblio, "priority-claims"), "priority-claim")) {
      PriorityClaim p{TextByLocalPath(claim, "country"), TextByLocalPath(claim, "doc-number"),
                      NormalizeDate(TextByLocalPath(claim, "date"))};
      if (IsCountry(p.country) && !p.doc_number.empty()) r.priority_claims.push_back(std::move(p));
    }
    r.language = TextByLocalPath(biblio, "language-of-filing");
    for (pugi::xml_node t : ChildrenByLocal(biblio, "invention-title")) {
      std::string lang = t.attribute("lang").value(), text = NodeText(t);
      if (!lang.empty() && !text.empty()) r.title.emplace(lang, text);  // the newest comes first
    }
    pugi::xml_node parties = ChildByLocal(biblio, "parties");
    if (pugi::xml_node applicants = ChildByLocal(parties, "applicants"))
      for (pugi::xml_node a : ChildrenByLocal(applicants, "applicant")) {
        pugi::xml_node book = ChildByLocal(a, "addressbook");
        std::string name = TextByLocalPath(book, "name");
        if (name.empty()) continue;
        Party p = PartyFromName(name);
        p.country = TextByLocalPath(book, "address/country");
        r.applicants.push_back(std::move(p));
      }
    if (pugi::xml_node inventors = ChildByLocal(parties, "inventors"))
      for (pugi::xml_node a : ChildrenByLocal(inventors, "inventor")) {
        pugi::xml_node book = ChildByLocal(a, "addressbook");
        std::string name = TextByLocalPath(book, "name");
        if (name.empty()) continue;
        Party p = PersonFromFullName(name);
        p.country = TextByLocalPath(book, "address/country");
        r.inventors.push_back(std::move(p));
      }
    if (pugi::xml_node ipc = ChildByLocal(biblio, "classifications-ipcr")) {
      // "H04W84/20,  // H04W88/04": symbols separated by commas, "//" before additional ones.
      std::string text = TextByLocalPath(ipc, "classification-ipcr/text");
      for (size_t at = text.find("//"); at != std::string::npos; at = text.find("//")) text.replace(at, 2, ",");
      for (std::string_view part : Split(text, ',')) {
        std::string symbol = NormalizeClassification(Trim(part));
        if (!symbol.empty() && std::find(r.ipc.begin(), r.ipc.end(), symbol) == r.ipc.end()) r.ipc.push_back(symbol);
      }
    }
    r.source.format = kEpRegisterFormat;
    r.source.file = *d.file;
    r.source.doc_index = d.index;
    FinishRecord(r);
    d.sink->OnRecord(std::move(r));
  }

  std::set<std::string> warned_;  // unknown codes already reported in this input
};

}  // namespace

bool LooksLikeEpRegister(std::string_view head) {
  std::string_view h = head.substr(0, 16384);
  return h.find("register-document") != std::string_view::npos ||
         h.find("register-search") != std::string_view::npos;
}

std::unique_ptr<Reader> NewEpRegisterReader() { return std::make_unique<RegisterReader>(); }

}  // namespace patnav
