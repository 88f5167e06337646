// Shared parsing of the USPTO v4.x grant and application XML documents.
#include "readers/uspto_v4_common.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The first child named `a`, else the first named `b`.
pugi::xml_node ChildEither(const pugi::xml_node& n, const char* a, const char* b) {
  pugi::xml_node c = n.child(a);
  return c ? c : n.child(b);
}

// Every descendant element of `n` named `name`, in document order. Iterative
// (pugixml's tree walker), so deep nesting cannot exhaust the stack.
std::vector<pugi::xml_node> Descendants(const pugi::xml_node& n, const char* name) {
  struct Walker : pugi::xml_tree_walker {
    const char* name;
    std::vector<pugi::xml_node> found;
    bool for_each(pugi::xml_node& x) override {
      if (x.type() == pugi::node_element && std::strcmp(x.name(), name) == 0) found.push_back(x);
      return true;
    }
  } walker;
  walker.name = name;
  if (n) pugi::xml_node(n).traverse(walker);
  return std::move(walker.found);
}

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// A two-letter country code, or "" ("omitted", "unknown", "").
std::string CountryCode(std::string_view text) {
  std::string c = AsciiUpper(Trim(text));
  if (c.size() == 2 && IsUpper(c[0]) && IsUpper(c[1])) return c;
  return "";
}

std::optional<int> ToInt(std::string_view text) {
  std::string_view t = Trim(text);
  if (!IsAsciiDigits(t) || t.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : t) v = v * 10 + (c - '0');
  return v;
}

// Publication key text for ParsePublicationNumber: the country prefixed so that
// letter series (RE, PP, D, H) are never read as a country, and a repeated
// country prefix in the number ("WO 89/02682", "WO/2006/001333") dropped.
std::string KeyText(std::string_view country, std::string_view doc_number) {
  std::string_view d = Trim(doc_number);
  if (!country.empty() && d.size() > country.size() && IEquals(d.substr(0, country.size()), country)) {
    d.remove_prefix(country.size());
    while (!d.empty() && (d[0] == ' ' || d[0] == '/' || d[0] == '-')) d.remove_prefix(1);
  }
  return std::string(country) + std::string(d);
}

// --- parties ---------------------------------------------------------------

// An applicant, inventor or assignee element; v4.0 assignees carry their name
// and address directly, later versions inside addressbook.
std::optional<Party> ReadParty(const pugi::xml_node& node) {
  pugi::xml_node ab = node.child("addressbook");
  if (!ab) ab = node;
  Party p;
  std::string org = NodeText(ab.child("orgname"));
  if (!org.empty()) {
    p = MakeOrganisation(org);
    // Assignee roles 06-09 are federal, foreign, county and state governments.
    std::string role = NodeText(ab.child("role"));
    if (role.empty()) role = NodeText(node.child("role"));
    if (role == "06" || role == "07" || role == "08" || role == "09") p.type = PartyType::kGovernment;
  } else {
    std::string last = NodeText(ab.child("last-name"));
    std::string first = NodeText(ab.child("first-name"));
    std::string middle = NodeText(ab.child("middle-name"));
    if (!middle.empty()) first = first.empty() ? middle : first + " " + middle;
    if (!last.empty() || !first.empty()) {
      p = MakePerson(last, first);
    } else {
      std::string name = NodeText(ab.child("name"));
      if (name.empty()) return std::nullopt;
      p = PartyFromName(name);
    }
  }
  pugi::xml_node address = ab.child("address");
  if (!address) address = node.child("address");
  p.city = NodeText(address.child("city"));
  p.country = CountryCode(NodeText(address.child("country")));
  if (p.country.empty()) p.country = CountryCode(ChildText(node, "residence/country"));
  // 2005-era files omit the country of US addresses but give the state.
  if (p.country.empty() && !NodeText(address.child("state")).empty()) p.country = "US";
  return p;
}

bool NamesInventor(const pugi::xml_node& applicant) {
  return std::strstr(applicant.attribute("app-type").value(), "inventor") != nullptr;
}

void AddPartyUnique(std::vector<Party>& list, Party p) {
  for (const Party& q : list)
    if (q.name == p.name) return;
  list.push_back(std::move(p));
}

void ReadParties(const pugi::xml_node& biblio, PatentRecord& r) {
  pugi::xml_node parties = ChildEither(biblio, "us-parties", "parties");

  pugi::xml_node assignees = biblio.child("assignees");
  if (!assignees) assignees = parties.child("assignees");
  for (pugi::xml_node a : assignees.children("assignee"))
    if (auto p = ReadParty(a)) r.assignees.push_back(std::move(*p));

  pugi::xml_node inventors = parties.child("inventors");
  if (!inventors) inventors = biblio.child("inventors");
  for (pugi::xml_node i : inventors.children("inventor"))
    if (auto p = ReadParty(i)) AddPartyUnique(r.inventors, std::move(*p));

  pugi::xml_node aia = parties.child("us-applicants");
  pugi::xml_node applicants = aia ? aia : parties.child("applicants");
  std::vector<Party> published;
  for (pugi::xml_node a : applicants.children()) {
    if (std::strcmp(a.name(), "us-applicant") != 0 && std::strcmp(a.name(), "applicant") != 0) continue;
    std::optional<Party> p = ReadParty(a);
    if (!p) continue;
    if (NamesInventor(a)) AddPartyUnique(r.inventors, *p);
    published.push_back(std::move(*p));
  }
  if (aia || r.assignees.empty()) r.applicants = std::move(published);
  else r.applicants = r.assignees;
}

// --- classifications -------------------------------------------------------

void ReadClassifications(const pugi::xml_node& biblio, PatentRecord& r) {
  for (pugi::xml_node c : biblio.child("classifications-ipcr").children("classification-ipcr")) {
    AddUnique(r.ipc, ClassificationFromParts(c.child_value("section"), c.child_value("class"),
                                             c.child_value("subclass"), c.child_value("main-group"),
                                             c.child_value("subgroup")));
  }
  for (pugi::xml_node ipc : biblio.children("classification-ipc")) {
    for (pugi::xml_node c : ipc.children()) {
      if (std::strcmp(c.name(), "main-classification") == 0 || std::strcmp(c.name(), "further-classification") == 0)
        AddUnique(r.ipc, NormalizeClassification(NodeText(c)));
    }
  }

  pugi::xml_node cpc = biblio.child("classifications-cpc");
  for (const char* part : {"main-cpc", "further-cpc"}) {
    // Descendants, so that combination-set members are included too.
    for (pugi::xml_node c : Descendants(cpc.child(part), "classification-cpc")) {
      AddUnique(r.cpc, ClassificationFromParts(c.child_value("section"), c.child_value("class"),
                                               c.child_value("subclass"), c.child_value("main-group"),
                                               c.child_value("subgroup")));
    }
  }

  for (pugi::xml_node national : biblio.children("classification-national")) {
    for (pugi::xml_node c : national.children()) {
      if (std::strcmp(c.name(), "main-classification") == 0 || std::strcmp(c.name(), "further-classification") == 0)
        AddUnique(r.national_classes, NormalizeUspc(c.child_value()));
    }
  }
}

// --- citations -------------------------------------------------------------

Citation ReadPatentCitation(const pugi::xml_node& doc_id, std::string category) {
  Citation c;
  c.country = CountryCode(NodeText(doc_id.child("country")));
  std::string number = NodeText(doc_id.child("doc-number"));
  c.kind = AsciiUpper(NodeText(doc_id.child("kind")));
  c.date = NormalizePartialDate(NodeText(doc_id.child("date")));
  c.category = std::move(category);
  Result<PublicationKey> key = ParsePublicationNumber(KeyText(c.country, number), c.country, c.kind);
  if (key.ok() && (c.country.empty() || key->country == c.country)) {
    c.publication_number = key->ToString();
    c.country = key->country;
    c.doc_number = key->doc_number;
    c.kind = key->kind;
  } else {
    c.doc_number = NormalizeDocNumber(c.country, number);
  }
  return c;
}

void ReadCitations(const pugi::xml_node& biblio, PatentRecord& r) {
  pugi::xml_node refs = ChildEither(biblio, "us-references-cited", "references-cited");
  for (pugi::xml_node cit : refs.children()) {
    if (std::strcmp(cit.name(), "us-citation") != 0 && std::strcmp(cit.name(), "citation") != 0) continue;
    std::string category = NodeText(cit.child("category"));
    if (pugi::xml_node pat = cit.child("patcit")) {
      r.citations.push_back(ReadPatentCitation(pat.child("document-id"), std::move(category)));
    } else if (pugi::xml_node npl = cit.child("nplcit")) {
      std::string text = NodeText(npl.child("othercit"));
      if (text.empty()) text = NodeText(npl);
      if (!text.empty()) r.npl_citations.push_back(std::move(text));
    }
  }
}

// --- numbers and dates -----------------------------------------------------

void ReadPriorityClaims(const pugi::xml_node& biblio, PatentRecord& r) {
  for (pugi::xml_node pc : biblio.child("priority-claims").children("priority-claim")) {
    PriorityClaim claim{CountryCode(NodeText(pc.child("country"))), NodeText(pc.child("doc-number")),
                        NormalizeDate(NodeText(pc.child("date")))};
    if (!claim.doc_number.empty() || !claim.date.empty()) r.priority_claims.push_back(std::move(claim));
  }
  // A US provisional application is a priority claim (35 U.S.C. 119(e)).
  for (pugi::xml_node prov : biblio.child("us-related-documents").children("us-provisional-application")) {
    pugi::xml_node id = prov.child("document-id");
    std::string country = CountryCode(NodeText(id.child("country")));
    PriorityClaim claim{country.empty() ? "US" : country, NodeText(id.child("doc-number")),
                        NormalizeDate(NodeText(id.child("date")))};
    if (!claim.doc_number.empty() || !claim.date.empty()) r.priority_claims.push_back(std::move(claim));
  }
}

Status ReadPublication(const pugi::xml_node& biblio, PatentRecord& r) {
  pugi::xml_node id = biblio.child("publication-reference").child("document-id");
  std::string number = NodeText(id.child("doc-number"));
  if (number.empty())
    return Status::Corruption("no publication number (publication-reference/document-id/doc-number)");
  std::string country = CountryCode(NodeText(id.child("country")));
  if (country.empty()) country = CountryCode(biblio.parent().attribute("country").value());
  if (country.empty()) country = "US";
  std::string kind = AsciiUpper(NodeText(id.child("kind")));
  Result<PublicationKey> key = ParsePublicationNumber(KeyText(country, number), country, kind);
  if (!key.ok())
    return Status::Corruption("bad publication number '" + number + "': " + key.status().message());
  r.country = key->country;
  r.doc_number = key->doc_number;
  r.kind = key->kind;
  r.publication_number = key->ToString();
  r.publication_date = NormalizeDate(NodeText(id.child("date")));
  if (r.publication_date.empty()) r.publication_date = NormalizeDate(biblio.parent().attribute("date-publ").value());
  return Status::OK();
}

void ReadApplication(const pugi::xml_node& biblio, PatentRecord& r) {
  pugi::xml_node id = biblio.child("application-reference").child("document-id");
  r.application_number = NodeText(id.child("doc-number"));
  r.filing_date = NormalizeDate(NodeText(id.child("date")));
}

}  // namespace

std::string UsptoV4Version(std::string_view dtd_version) {
  std::string_view v = Trim(dtd_version);
  size_t space = v.find(' ');
  if (space != std::string_view::npos) v = v.substr(0, space);
  if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.remove_prefix(1);
  if (v.size() == 2 && IsAsciiDigits(v)) return std::string(1, v[0]) + "." + v[1];  // "v40"
  size_t dot = v.find('.');
  if (dot != std::string_view::npos && IsAsciiDigits(v.substr(0, dot)) && IsAsciiDigits(v.substr(dot + 1)))
    return std::string(v);
  return "4";
}

std::string NormalizeUspc(std::string_view text) {
  // Only trailing whitespace is dropped: leading spaces are part of the class column.
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
    text.remove_suffix(1);
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r' || text.front() == '\t'))
    text.remove_prefix(1);
  if (text.find('/') != std::string_view::npos) {
    std::string out;
    for (char c : text) if (c != ' ') out.push_back(c);
    return out;
  }
  if (text.size() < 4) return "";
  std::string cls;
  for (char c : text.substr(0, 3)) if (c != ' ') cls.push_back(static_cast<char>(c));
  cls = AsciiUpper(cls);
  if (IsAsciiDigits(cls)) {
    cls = StripLeadingZeros(cls);
  } else if (cls.size() > 1 && cls[0] == 'D' && IsAsciiDigits(cls.substr(1))) {
    cls = "D" + StripLeadingZeros(cls.substr(1));  // design class D14
  } else if (cls != "PLT") {
    return "";  // "None" and other non-classes
  }
  std::string_view rest = text.substr(3);
  std::string_view main = Trim(rest.substr(0, std::min<size_t>(3, rest.size())));
  std::string_view decimal = rest.size() > 3 ? Trim(rest.substr(3)) : std::string_view();
  if (main.empty()) return "";
  if (!IsAsciiDigits(main)) return cls + "/" + CollapseWhitespace(rest);  // alphanumeric subclass (DIG 1)
  std::string sub = StripLeadingZeros(main);
  if (IsAsciiDigits(decimal)) {
    std::string d(decimal);
    while (!d.empty() && d.back() == '0') d.pop_back();
    if (!d.empty()) sub += "." + d;
  } else if (!decimal.empty()) {
    sub += CollapseWhitespace(decimal);  // letter suffix
  }
  return cls + "/" + sub;
}

std::vector<int> ClaimRefNumbers(std::string_view idref) {
  std::vector<int> out;
  size_t pos = 0;
  while ((pos = idref.find("CLM-", pos)) != std::string_view::npos) {
    pos += 4;
    size_t end = pos;
    while (end < idref.size() && IsDigit(idref[end])) ++end;
    if (std::optional<int> n = ToInt(idref.substr(pos, end - pos)); n && *n > 0) {
      if (std::find(out.begin(), out.end(), *n) == out.end()) out.push_back(*n);
    }
    pos = end;
  }
  return out;
}

Status ReadUsptoV4Bibliographic(const pugi::xml_node& biblio, PatentRecord& r) {
  RETURN_IF_ERROR(ReadPublication(biblio, r));
  ReadApplication(biblio, r);
  ReadPriorityClaims(biblio, r);

  std::string lang = AsciiLower(Trim(biblio.parent().attribute("lang").value()));
  r.language = lang.size() == 2 ? lang : "en";
  std::string title = NodeText(biblio.child("invention-title"));
  if (!title.empty()) r.title[r.language] = std::move(title);

  ReadClassifications(biblio, r);
  ReadCitations(biblio, r);
  if (std::optional<int> n = ToInt(NodeText(biblio.child("number-of-claims"))); n && *n > 0) r.claims_count = *n;
  ReadParties(biblio, r);
  return Status::OK();
}

void ReadUsptoV4Texts(const pugi::xml_node& root, PatentRecord& r) {
  std::string lang = r.language.empty() ? "en" : r.language;
  std::string abstract_text = NodeText(root.child("abstract"));
  if (!abstract_text.empty()) r.abstract_text[lang] = std::move(abstract_text);

  int index = 0;
  for (pugi::xml_node c : root.child("claims").children("claim")) {
    ++index;
    Claim claim;
    std::optional<int> num = ToInt(c.attribute("num").value());
    claim.num = num && *num > 0 ? *num : index;
    claim.text = BlockText(c);
    for (pugi::xml_node ref : Descendants(c, "claim-ref")) {
      for (int n : ClaimRefNumbers(ref.attribute("idref").value())) {
        if (n != claim.num && std::find(claim.depends_on.begin(), claim.depends_on.end(), n) == claim.depends_on.end())
          claim.depends_on.push_back(n);
      }
    }
    claim.independent = claim.depends_on.empty();
    if (!claim.text.empty()) r.claims.push_back(std::move(claim));
  }

  r.description = BlockText(root.child("description"));
}

}  // namespace patnav
