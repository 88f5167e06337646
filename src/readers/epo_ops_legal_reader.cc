// Reader of INPADOC legal events from EPO OPS (epo_ops_legal_reader.h).
#include "readers/epo_ops_legal_reader.h"

#include <set>

#include "base/strings.h"
#include "model/dates.h"
#include "model/inpadoc_codes.h"
#include "readers/whole_xml_document.h"
#include "readers/xml_names.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

bool IsCountry(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

// The docdb document-id of a publication- or application-reference.
pugi::xml_node Docdb(const pugi::xml_node& ref) {
  for (pugi::xml_node id : ChildrenByLocal(ref, "document-id"))
    if (std::string_view(id.attribute("document-id-type").value()) == "docdb") return id;
  return ChildByLocal(ref, "document-id");
}

// The trimmed text of the event's field `name` (e.g. "L007EP"), anywhere in the event.
std::string Field(const pugi::xml_node& legal, std::string_view name) {
  return std::string(Trim(NodeText(DescendantByLocal(legal, name))));
}

// "BE" for an EP code described "BE: LAPSED"; "" otherwise.
std::string CountryOfDescription(const InpadocCode* c) {
  if (!c) return "";
  std::string_view d = c->description;
  if (d.size() > 4 && IsCountry(d.substr(0, 2)) && d[2] == ':' && d[3] == ' ') return std::string(d.substr(0, 2));
  return "";
}

std::vector<std::string> States(std::string_view list) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : std::string(list) + " ") {
    if (c == ' ' || c == ';' || c == ',' || c == '\t' || c == '\n') {
      if (IsCountry(cur)) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  return out;
}

class OpsLegalReader : public Reader {
 public:
  std::string_view name() const override { return kEpoOpsFormat; }

  Status Read(ByteSource& in, RecordSink& sink) override {
    std::string buffer;
    pugi::xml_document xml;
    ASSIGN_OR_RETURN(bool ok, ReadWholeXml(in, sink, "OPS document", buffer, xml));
    if (!ok) return Status::OK();
    pugi::xml_node root = xml.document_element();
    int64_t index = 0;
    for (pugi::xml_node family : ChildrenByLocal(root, "patent-family"))
      for (pugi::xml_node member : ChildrenByLocal(family, "family-member"))
        ReadMember(member, in.label(), index++, sink);
    if (index == 0) sink.OnReject({in.label(), 0, "OPS document without ops:patent-family/ops:family-member"});
    return Status::OK();
  }

 private:
  void ReadMember(const pugi::xml_node& member, const std::string& file, int64_t index, RecordSink& sink) {
    pugi::xml_node pub = Docdb(ChildByLocal(member, "publication-reference"));
    std::string country = TextByLocalPath(pub, "country"), number = TextByLocalPath(pub, "doc-number");
    if (!IsCountry(country) || number.empty()) {
      sink.OnReject({file, index, "ops:family-member without a docdb publication-reference (country '" + country +
                                      "', number '" + number + "')"});
      return;
    }
    pugi::xml_node app = Docdb(ChildByLocal(member, "application-reference"));
    std::string application = TextByLocalPath(app, "doc-number");
    EmitRecord(member, pub, app, file, index, sink);

    int n = 0;
    for (pugi::xml_node legal : ChildrenByLocal(member, "legal")) {
      ++n;
      std::string code(Trim(legal.attribute("code").value()));
      std::string where = "ops:legal #" + std::to_string(n) + " (" + code + ") of " + country + number + ": ";
      LegalEvent e;
      e.subject = LegalSubject(country, number);
      if (country != "EP") e.application_number = application;
      std::string office = Field(legal, "L001EP");
      if (!IsCountry(office)) office = country;
      std::string ref_country = Field(legal, "L501EP"), ref_code = Field(legal, "L502EP");
      std::string gazette = Field(legal, "L007EP");
      e.event_date = NormalizeDate(gazette);
      if (e.event_date.empty()) {
        sink.OnReject({file, index, where + (gazette.empty() ? "no L007EP gazette date"
                                                             : "L007EP gazette date '" + gazette + "' is not a date")});
        continue;
      }
      std::string effective = Field(legal, "L525EP");
      if (!effective.empty()) {
        e.effective_date = NormalizeDate(effective);
        if (e.effective_date.empty()) {
          sink.OnReject({file, index, where + "L525EP effective date '" + effective + "' is not a date"});
          continue;
        }
      }
      const bool national = code == "REG" && IsCountry(ref_country) && !ref_code.empty();
      e.inpadoc_office = national ? ref_country : office;
      e.inpadoc_code = national ? ref_code : code;
      if (e.inpadoc_code.empty()) {
        sink.OnReject({file, index, where + "no event code"});
        continue;
      }
      const InpadocCode* known = FindInpadocCode(e.inpadoc_office, e.inpadoc_code);
      e.territory = IsCountry(ref_country) ? ref_country : CountryOfDescription(known);
      if (e.territory.empty()) e.territory = office;
      ClassifyLegalEvent(e);
      if (!known) {
        std::string infl(Trim(legal.attribute("infl").value()));
        if (infl == "+" || infl == "-") e.influence = infl[0];
        if (warned_.insert(e.inpadoc_office + " " + e.inpadoc_code).second)
          sink.OnWarning({file, index, where + "INPADOC code " + e.inpadoc_office + " " + e.inpadoc_code +
                                           " is not in the EPO code list of 2024 week 17: kept unclassified"});
      }
      std::string text = legal.attribute("desc").value();
      if (national) {
        std::string national_desc = DescendantByLocal(legal, "L502EP").attribute("descData").value();
        if (!national_desc.empty()) text += ": " + national_desc;
      }
      std::string states = Field(legal, "L507EP");
      for (auto [field, label] : {std::pair{"L510EP", ""}, std::pair{"L509EP", "owner "},
                                  std::pair{"L520EP", "fee year "}, std::pair{"L518EP", "paid "}}) {
        std::string v = Field(legal, field);
        if (!v.empty()) text += std::string(" — ") + label + v;
      }
      if (!states.empty()) text += " — " + states;
      e.sources.push_back({std::string(kEpoOpsFormat),
                           national ? "REG " + ref_country + " " + ref_code : code, text});
      std::vector<std::string> designated = States(states);
      if (designated.empty()) {
        Emit(std::move(e), file, index, where, sink);
        continue;
      }
      for (const std::string& state : designated) {
        LegalEvent one = e;
        one.territory = state;
        Emit(std::move(one), file, index, where, sink);
      }
    }
  }

  static void Emit(LegalEvent&& e, const std::string& file, int64_t index, const std::string& where,
                   RecordSink& sink) {
    if (std::string problem = LegalEventProblem(e); !problem.empty()) {
      sink.OnReject({file, index, where + problem});
      return;
    }
    sink.OnLegalEvent(std::move(e));
  }

  static void EmitRecord(const pugi::xml_node& member, const pugi::xml_node& pub, const pugi::xml_node& app,
                         const std::string& file, int64_t index, RecordSink& sink) {
    PatentRecord r;
    r.country = TextByLocalPath(pub, "country");
    r.doc_number = TextByLocalPath(pub, "doc-number");
    r.kind = TextByLocalPath(pub, "kind");
    r.publication_date = NormalizeDate(TextByLocalPath(pub, "date"));
    if (r.kind.empty() || r.publication_date.empty()) return;  // events only: no publication to describe
    r.application_number = TextByLocalPath(app, "doc-number");
    r.filing_date = NormalizeDate(TextByLocalPath(app, "date"));
    for (pugi::xml_node claim : ChildrenByLocal(member, "priority-claim")) {
      pugi::xml_node id = Docdb(claim);
      PriorityClaim p{TextByLocalPath(id, "country"), TextByLocalPath(id, "doc-number"),
                      NormalizeDate(TextByLocalPath(id, "date"))};
      if (IsCountry(p.country) && !p.doc_number.empty()) r.priority_claims.push_back(std::move(p));
    }
    r.family_id = member.attribute("family-id").value();
    if (r.kind[0] == 'B' && r.country == "EP") r.grant_date = r.publication_date;
    r.source.format = kEpoOpsFormat;
    r.source.file = file;
    r.source.doc_index = index;
    FinishRecord(r);
    sink.OnRecord(std::move(r));
  }

  std::set<std::string> warned_;  // unknown codes already reported in this input
};

}  // namespace

bool LooksLikeEpoOpsLegal(std::string_view head) {
  std::string_view h = head.substr(0, 16384);
  if (h.find("world-patent-data") == std::string_view::npos) return false;
  if (h.find("register-document") != std::string_view::npos) return false;
  return h.find(":patent-family") != std::string_view::npos || h.find(":legal ") != std::string_view::npos ||
         h.find("<patent-family") != std::string_view::npos;
}

std::unique_ptr<Reader> NewEpoOpsLegalReader() { return std::make_unique<OpsLegalReader>(); }

}  // namespace patnav
