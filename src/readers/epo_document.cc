// EPO publication server documents (ep-patent-document, DTD 1.0-1.5.1) to
// the canonical record.
//
// Where each fact comes from:
//   publication number  root country/doc-number/kind (else B190/B110/B130)
//   publication_date    root date-publ (else B140)
//   grant_date          B450 (mention of the grant) for B documents; B430 is
//                       the earlier A publication and is not used
//   application         B210 number as printed ("02779063.3"), B220 date
//   priority_claims     B300: B310 number, B320 date, B330 country, repeated
//   language            root lang (else B260, B250)
//   title               B540: each B541 language followed by its B542 text
//   ipc / cpc           B510EP classification-ipcr text, or the older B510
//                       B511/B512/B513 strings (" 7B 60L   7/26   A");
//                       B520EP classification-cpc text
//   citations           B561 texts (epo_citation.h); B562 texts -> npl
//   applicants          B711 (A documents); a B document has none and its
//                       proprietors (B731) are the applicants
//   assignees           B731 proprietors
//   inventors           B721, snm "AVERBACK, Paul" is already "Last, First"
//   claims              the `claims` element in the document language; the
//                       dependencies from the wording (epo_claim_refs.h)
//   description         `description`; abstract: `abstract` when present
//                       (B documents usually have none)
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/epo_citation.h"
#include "readers/epo_claim_refs.h"
#include "readers/xml_document.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

constexpr std::string_view kRoot = "ep-patent-document";
constexpr std::string_view kDtdPrefix = "ep-patent-document-v";

std::string Attr(const pugi::xml_node& n, const char* name) {
  return CollapseWhitespace(n.attribute(name).value());
}

// The date inside an element like <B140><date>20060719</date></B140>.
std::string DateIn(const pugi::xml_node& n) { return NormalizeDate(ChildText(n, "date")); }

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  for (const auto& v : list) if (v == value) return;
  list.push_back(std::move(value));
}

// "ep-patent-document-v1-5-1" -> "epo-xml-1.5.1"; "epo-xml" when unknown.
std::string SourceFormat(std::string_view dtd) {
  if (!StartsWith(dtd, kDtdPrefix)) return "epo-xml";
  std::string version(dtd.substr(kDtdPrefix.size()));
  for (char& c : version) if (c == '-') c = '.';
  return version.empty() ? "epo-xml" : "epo-xml-" + version;
}

// Old-style IPC string: edition digits, then the symbol with a space between
// section and class (" 7B 60L   7/26   A" -> "B60L 7/26").
std::string OldIpc(std::string_view text) {
  std::string_view s = Trim(text);
  while (!s.empty() && s[0] >= '0' && s[0] <= '9') s.remove_prefix(1);  // edition
  s = Trim(s);
  if (s.empty()) return "";
  std::string symbol(1, s[0]);
  s = Trim(s.substr(1));
  symbol.append(s);
  return NormalizeClassification(symbol);
}

void ReadTitles(const pugi::xml_node& b540, PatentRecord& r) {
  std::string lang;
  for (pugi::xml_node c = b540.first_child(); c; c = c.next_sibling()) {
    if (std::string_view(c.name()) == "B541") {
      lang = AsciiLower(NodeText(c));
    } else if (std::string_view(c.name()) == "B542") {
      std::string title = NodeText(c);
      std::string key = lang.empty() ? r.language : lang;
      if (!title.empty() && !key.empty() && !r.title.count(key)) r.title[key] = std::move(title);
    }
  }
}

// B310/B320/B330 follow one another, one triple per priority.
void ReadPriorities(const pugi::xml_node& b300, PatentRecord& r) {
  for (pugi::xml_node c = b300.first_child(); c; c = c.next_sibling()) {
    std::string_view name = c.name();
    if (name == "B310") {
      r.priority_claims.push_back({});
      r.priority_claims.back().doc_number = NodeText(c);
    } else if (r.priority_claims.empty()) {
      continue;  // a date or country before any number: nothing to attach it to
    } else if (name == "B320") {
      r.priority_claims.back().date = DateIn(c);
    } else if (name == "B330") {
      r.priority_claims.back().country = AsciiUpper(ChildText(c, "ctry"));
    }
  }
}

void ReadClassifications(const pugi::xml_node& b500, PatentRecord& r) {
  for (pugi::xml_node ipcr : b500.child("B510EP").children("classification-ipcr"))
    AddUnique(r.ipc, NormalizeClassification(ChildText(ipcr, "text")));
  for (pugi::xml_node c : b500.child("B510").children()) {
    std::string_view name = c.name();
    if (name == "B511" || name == "B512" || name == "B513") AddUnique(r.ipc, OldIpc(NodeText(c)));
  }
  for (pugi::xml_node cpc : b500.child("B520EP").child("classifications-cpc").children("classification-cpc"))
    AddUnique(r.cpc, NormalizeClassification(ChildText(cpc, "text")));
}

// The same document cited twice (it happens) is kept once.
void ReadCitations(const pugi::xml_node& b560, PatentRecord& r) {
  std::set<std::string> seen;
  for (pugi::xml_node c = b560.first_child(); c; c = c.next_sibling()) {
    std::string_view name = c.name();
    if (name == "B561") {
      std::string text = NodeText(c);
      Result<Citation> cit = ParseEpoCitation(text);
      if (!cit.ok()) {
        Result<PublicationKey> key = ParsePublicationNumber(text);
        if (!key.ok()) continue;  // not a patent number we can read
        Citation fallback;
        fallback.country = key->country;
        fallback.doc_number = key->doc_number;
        fallback.kind = key->kind;
        fallback.publication_number = key->ToString();
        cit = std::move(fallback);
      }
      if (seen.insert(cit->publication_number).second) r.citations.push_back(std::move(cit).value());
    } else if (name == "B562") {
      AddUnique(r.npl_citations, NodeText(c));
    }
  }
}

void SetAddress(const pugi::xml_node& party, Party& p) {
  pugi::xml_node adr = party.child("adr");
  p.city = ChildText(adr, "city");
  p.country = AsciiUpper(ChildText(adr, "ctry"));
}

// An applicant or proprietor: an organisation, or a person ("SMITH, John").
Party ReadOwner(const pugi::xml_node& n) {
  std::string name = NodeText(n.child("snm"));
  std::string first = NodeText(n.child("fnm"));
  Party p = first.empty() ? PartyFromName(name) : MakePerson(name, first);
  SetAddress(n, p);
  return p;
}

bool IsNameTitle(std::string_view part) {
  for (auto word : Split(part, ' ')) {
    std::string w = AsciiLower(Trim(word));
    if (w.empty()) continue;
    if (w != "dr." && w != "dr" && w != "prof." && w != "prof" && w != "dipl.-ing." && w != "dr.-ing." &&
        w != "ing." && w != "dipl.-chem." && w != "dipl.-phys." && w != "mag." && w != "phd")
      return false;
  }
  return true;
}

// "AVERBACK, Paul" -> last AVERBACK, first Paul; "SHERMAN, Nicholas, J." ->
// first "Nicholas J."; a trailing academic title ("Müller, Hans, Dr.") is
// dropped from the name.
Party ReadInventor(const pugi::xml_node& n) {
  std::string full = NodeText(n.child("snm"));
  std::string fnm = NodeText(n.child("fnm"));
  Party p;
  if (!fnm.empty()) {
    p = MakePerson(full, fnm);
  } else {
    std::vector<std::string_view> parts = Split(full, ',');
    std::string first;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (IsNameTitle(parts[i])) continue;
      if (!first.empty()) first.push_back(' ');
      first.append(Trim(parts[i]));
    }
    p = MakePerson(parts.empty() ? std::string_view() : parts[0], first);
  }
  SetAddress(n, p);
  return p;
}

// Placeholders the EPO prints instead of an inventor's name.
bool IsInventorPlaceholder(std::string_view name) {
  std::string low = AsciiLower(name);
  return low.find("designation of the inventor") != std::string::npos ||
         low.find("inventor has waived") != std::string::npos ||
         low.find("inventor has agreed to waive") != std::string::npos;
}

void ReadParties(const pugi::xml_node& b700, PatentRecord& r) {
  for (pugi::xml_node a : b700.child("B710").children("B711")) {
    Party p = ReadOwner(a);
    if (!p.name.empty()) r.applicants.push_back(std::move(p));
  }
  for (pugi::xml_node a : b700.child("B730").children("B731")) {
    Party p = ReadOwner(a);
    if (!p.name.empty()) r.assignees.push_back(std::move(p));
  }
  if (r.applicants.empty()) r.applicants = r.assignees;
  for (pugi::xml_node i : b700.child("B720").children("B721")) {
    if (IsInventorPlaceholder(NodeText(i.child("snm")))) continue;
    Party p = ReadInventor(i);
    if (!p.name.empty()) r.inventors.push_back(std::move(p));
  }
}

// The claims in the document's language (the first `claims` when none is).
void ReadClaims(const pugi::xml_node& root, PatentRecord& r) {
  pugi::xml_node chosen;
  for (pugi::xml_node c : root.children("claims")) {
    if (!chosen) chosen = c;
    if (AsciiLower(Attr(c, "lang")) == r.language) { chosen = c; break; }
  }
  int position = 0;
  for (pugi::xml_node c : chosen.children("claim")) {
    ++position;
    Claim claim;
    std::string num = Attr(c, "num");
    claim.num = IsAsciiDigits(num) && num.size() <= 6 ? std::atoi(num.c_str()) : position;
    if (claim.num <= 0) claim.num = position;
    claim.text = BlockText(c);
    claim.depends_on = FindClaimReferences(claim.text, claim.num);
    claim.independent = claim.depends_on.empty();
    r.claims.push_back(std::move(claim));
  }
}

}  // namespace

Result<PatentRecord> ParseEpoDocument(const pugi::xml_node& root) {
  if (std::string_view(root.name()) != kRoot)
    return Status::InvalidArgument("not an ep-patent-document: <" + std::string(root.name()) + ">");
  pugi::xml_node sdobi = root.child("SDOBI");
  pugi::xml_node b100 = sdobi.child("B100");

  std::string doc_number = Attr(root, "doc-number");
  if (doc_number.empty()) doc_number = ChildText(b100, "B110");
  if (doc_number.empty())
    return Status::Corruption("EPO document has no publication number (no doc-number attribute, no B110)");
  std::string country = AsciiUpper(Attr(root, "country"));
  if (country.empty()) country = AsciiUpper(ChildText(b100, "B190"));
  if (country.empty()) country = "EP";
  std::string kind = AsciiUpper(Attr(root, "kind"));
  if (kind.empty()) kind = AsciiUpper(ChildText(b100, "B130"));
  if (kind.empty())
    return Status::Corruption("EPO document " + country + doc_number + " has no kind code (no kind attribute, no B130)");
  Result<PublicationKey> key = ParsePublicationNumber(doc_number, country, kind);
  if (!key.ok()) return Status::Corruption("EPO document: " + key.status().message());

  PatentRecord r;
  r.country = key->country;
  r.doc_number = key->doc_number;
  r.kind = key->kind;
  r.publication_number = key->ToString();
  r.source.format = SourceFormat(Attr(root, "dtd-version"));

  pugi::xml_node b200 = sdobi.child("B200");
  r.language = AsciiLower(Attr(root, "lang"));
  if (r.language.empty()) r.language = AsciiLower(ChildText(b200, "B260"));
  if (r.language.empty()) r.language = AsciiLower(ChildText(b200, "B250"));

  r.publication_date = NormalizeDate(Attr(root, "date-publ"));
  if (r.publication_date.empty()) r.publication_date = DateIn(b100.child("B140"));
  if (StartsWith(r.kind, "B")) {
    r.grant_date = DateIn(sdobi.child("B400").child("B450"));
    if (r.grant_date.empty() && r.kind == "B1") r.grant_date = r.publication_date;
  }
  r.application_number = ChildText(b200, "B210");
  r.filing_date = DateIn(b200.child("B220"));
  ReadPriorities(sdobi.child("B300"), r);

  pugi::xml_node b500 = sdobi.child("B500");
  ReadTitles(b500.child("B540"), r);
  ReadClassifications(b500, r);
  ReadCitations(b500.child("B560"), r);
  ReadParties(sdobi.child("B700"), r);

  for (pugi::xml_node a : root.children("abstract")) {
    std::string lang = AsciiLower(Attr(a, "lang"));
    if (lang.empty()) lang = r.language;
    std::string text = NodeText(a);
    if (!text.empty() && !lang.empty() && !r.abstract_text.count(lang)) r.abstract_text[lang] = std::move(text);
  }
  ReadClaims(root, r);
  r.description = BlockText(root.child("description"));
  return r;
}

}  // namespace patnav
