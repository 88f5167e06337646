// USPTO grant full text in the "Red Book" SGML-derived XML (ST.32 DTD 2.4 and
// 2.5, grants of 2001-2004): root PATDOC, bibliographic data in numbered
// WIPO ST.32 tags (B110 number, B140 date, B511 IPC, B561 citations, B721
// inventors ...), then SDOAB abstract, SDODE description, SDOCL claims.
//
// Mapping rules that are not obvious from the tags:
//   - kind: B130 as published, except the design kind "S", which becomes
//     "S1" as in the v4 XML and the DOCDB key (USD435854S1);
//   - applicants: these grants name no applicant, so the assignees (B731)
//     are also the applicants, as the canonical schema says for pre-2012 US;
//   - USPC (B521/B522) is fixed width: 3 columns of class, 3 of subclass,
//     then the subclass's decimal digits: "709202" -> "709/202",
//     "428 641" -> "428/64.1", "D14480" -> "D14/480" (NormalizeUspc, the
//     rule the v4 XML readers use too);
//   - priority claims: B300 (foreign, Paris Convention) and B680US (US
//     provisional applications, 35 U.S.C. 119(e)), as the v4 readers do;
//   - B511 of a design patent holds a Locarno class ("1402"), not an IPC:
//     NormalizeClassification rejects it and it is dropped;
//   - an address with no CTRY is a US address (Red Book writes STATE only).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

bool Named(const pugi::xml_node& n, const char* name) {
  return n.type() == pugi::node_element && std::string_view(n.name()) == name;
}

// The text of a fixed-width field (<B511><PDAT>B32B  302</PDAT>) with its
// spaces kept: they are column padding that NodeText would collapse.
std::string RawField(const pugi::xml_node& n) {
  return n.child("PDAT") ? n.child_value("PDAT") : n.child_value();
}

// Claim number from "CLM-00012"; 0 when there is none.
int ClaimNumberFromId(std::string_view id) {
  size_t p = id.find_first_of("0123456789");
  if (p == std::string_view::npos) return 0;
  std::string_view digits = id.substr(p);
  if (!IsAsciiDigits(digits) || digits.size() > 6) return 0;
  return std::stoi(std::string(digits));
}

// Drops a leading "12." (the claim's own number) from claim text.
std::string StripClaimNumber(std::string text, int num) {
  std::string prefix = std::to_string(num);
  if (!StartsWith(text, prefix)) return text;
  std::string_view rest = std::string_view(text).substr(prefix.size());
  rest = Trim(rest);
  if (rest.empty() || rest[0] != '.') return text;
  rest.remove_prefix(1);
  return std::string(Trim(rest));
}

// City and country of an ADR element; no CTRY but a STATE means the US.
void FillAddress(const pugi::xml_node& party, Party& p) {
  pugi::xml_node adr = FindDescendant(party, "ADR");
  if (!adr) return;
  p.city = NodeText(adr.child("CITY"));
  p.country = AsciiUpper(NodeText(adr.child("CTRY")));
  if (p.country.empty() && adr.child("STATE")) p.country = "US";
}

// A party from a B721/B731 element (with or without a PARTY-US wrapper):
// an organisation when NAM holds ONM, otherwise a person.
Party PartyFrom(const pugi::xml_node& elem) {
  pugi::xml_node nam = FindDescendant(elem, "NAM");
  Party p;
  if (nam.child("ONM")) {
    p = MakeOrganisation(NodeText(nam.child("ONM")));
  } else {
    p = MakePerson(NodeText(nam.child("SNM")), NodeText(nam.child("FNM")));
  }
  FillAddress(elem, p);
  return p;
}

Citation PatentCitation(const pugi::xml_node& b561) {
  Citation c;
  pugi::xml_node doc = FindDescendant(b561, "DOC");
  std::string country = AsciiUpper(NodeText(doc.child("CTRY")));
  if (country.empty()) country = "US";
  std::string dnum = NodeText(doc.child("DNUM"));
  std::string kind = AsciiUpper(NodeText(doc.child("KIND")));
  // Prefix the country so that "RE. 31234" is not read as country "RE".
  std::string text = StartsWith(AsciiUpper(dnum), country) ? dnum : country + dnum;
  Result<PublicationKey> key = ParsePublicationNumber(text, country, kind);
  if (key.ok()) {
    c.publication_number = key->ToString();
    c.country = key->country;
    c.doc_number = key->doc_number;
    c.kind = key->kind;
  } else {
    c.country = country;
    c.doc_number = dnum;
    c.kind = kind;
  }
  c.date = NormalizePartialDate(NodeText(doc.child("DATE")));
  if (b561.child("CITED-BY-EXAMINER")) c.category = "cited by examiner";
  else if (b561.child("CITED-BY-OTHER")) c.category = "cited by other";
  return c;
}

void AddUnique(std::vector<std::string>& v, std::string s) {
  if (s.empty()) return;
  for (const auto& x : v) if (x == s) return;
  v.push_back(std::move(s));
}

// Abstract text: paragraphs joined by one space, headings left out.
void CollectAbstract(const pugi::xml_node& n, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.append(c.value());
    } else if (c.type() == pugi::node_element && !Named(c, "H")) {
      CollectAbstract(c, out);
      if (Named(c, "PARA")) out.push_back(' ');
    }
  }
}

// Appends the elements named `name` below `n`, not looking inside a match.
void CollectOutermost(const pugi::xml_node& n, const char* name, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (Named(c, name)) out.push_back(c);
    else CollectOutermost(c, name, out);
  }
}

void ParseClaims(const pugi::xml_node& sdocl, PatentRecord& r) {
  std::vector<pugi::xml_node> clms;
  CollectOutermost(sdocl, "CLM", clms);
  int index = 0;
  for (const pugi::xml_node& clm : clms) {
    ++index;
    Claim claim;
    claim.num = ClaimNumberFromId(clm.attribute("ID").value());
    if (claim.num == 0) claim.num = index;
    claim.text = StripClaimNumber(BlockText(clm), claim.num);
    std::vector<pugi::xml_node> refs;
    CollectOutermost(clm, "CLREF", refs);
    for (const pugi::xml_node& ref : refs) {
      int to = ClaimNumberFromId(ref.attribute("ID").value());
      if (to <= 0 || to == claim.num) continue;
      bool seen = false;
      for (int d : claim.depends_on) seen |= d == to;
      if (!seen) claim.depends_on.push_back(to);
    }
    claim.independent = claim.depends_on.empty();
    r.claims.push_back(std::move(claim));
  }
}

}  // namespace

Result<PatentRecord> ParseUsptoGrantSgml(const pugi::xml_node& root) {
  PatentRecord r;
  std::string dtd(Trim(root.attribute("DTD").value()));
  bool dtd_ok = !dtd.empty() && dtd.find_first_not_of("0123456789.") == std::string::npos;
  r.source.format = "uspto-grant-sgml-" + (dtd_ok ? dtd : std::string("2.x"));

  pugi::xml_node sdobi = root.child("SDOBI");
  pugi::xml_node b100 = sdobi.child("B100");
  std::string number = NodeText(b100.child("B110"));
  if (number.empty()) return Status::Corruption("PATDOC has no publication number (SDOBI/B100/B110)");
  std::string country = AsciiUpper(NodeText(b100.child("B190")));
  if (country.empty()) country = "US";
  std::string kind = AsciiUpper(NodeText(b100.child("B130")));
  if (kind == "S") kind = "S1";
  std::string text = StartsWith(AsciiUpper(number), country) ? number : country + number;
  Result<PublicationKey> key = ParsePublicationNumber(text, country, kind);
  if (!key.ok())
    return Status::Corruption("PATDOC has a bad publication number (B110 '" + number + "'): " + key.status().message());
  r.country = key->country;
  r.doc_number = key->doc_number;
  r.kind = key->kind;
  r.publication_number = key->ToString();
  r.publication_date = NormalizeDate(NodeText(b100.child("B140")));
  r.grant_date = r.publication_date;

  // B472 term of grant: B474 length of grant in years, B474US term extension in days.
  pugi::xml_node b472 = sdobi.child("B400").child("B472");
  auto small_int = [](const std::string& t) -> std::optional<int> {
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(t);
  };
  if (auto years = small_int(NodeText(b472.child("B474")))) r.length_of_grant_years = *years;
  if (auto days = small_int(NodeText(b472.child("B474US")))) r.term_extension_days = *days;

  pugi::xml_node b200 = sdobi.child("B200");
  r.application_number = NodeText(b200.child("B210"));
  r.filing_date = NormalizeDate(NodeText(b200.child("B220")));

  for (pugi::xml_node b300 : sdobi.children("B300")) {
    PriorityClaim pc;
    pc.doc_number = NodeText(b300.child("B310"));
    pc.date = NormalizeDate(NodeText(b300.child("B320")));
    pc.country = AsciiUpper(NodeText(b300.child("B330")));
    if (!pc.doc_number.empty() || !pc.date.empty()) r.priority_claims.push_back(std::move(pc));
  }
  for (pugi::xml_node prov : sdobi.child("B600").children("B680US")) {
    pugi::xml_node doc = prov.child("DOC");
    PriorityClaim pc;
    pc.country = AsciiUpper(NodeText(doc.child("CTRY")));
    if (pc.country.empty()) pc.country = "US";
    pc.doc_number = NodeText(doc.child("DNUM"));
    pc.date = NormalizeDate(NodeText(doc.child("DATE")));
    if (!pc.doc_number.empty() || !pc.date.empty()) r.priority_claims.push_back(std::move(pc));
  }

  pugi::xml_node b500 = sdobi.child("B500");
  pugi::xml_node b510 = b500.child("B510");
  for (pugi::xml_node c = b510.first_child(); c; c = c.next_sibling())
    if (Named(c, "B511") || Named(c, "B512")) AddUnique(r.ipc, NormalizeClassification(RawField(c)));
  pugi::xml_node b520 = b500.child("B520");
  for (pugi::xml_node c = b520.first_child(); c; c = c.next_sibling())
    if (Named(c, "B521") || Named(c, "B522")) AddUnique(r.national_classes, NormalizeUspc(RawField(c)));

  r.language = "en";
  std::string title = NodeText(b500.child("B540"));
  if (!title.empty()) r.title["en"] = title;

  for (pugi::xml_node c = b500.child("B560").first_child(); c; c = c.next_sibling()) {
    if (Named(c, "B561")) {
      r.citations.push_back(PatentCitation(c));
    } else if (Named(c, "B562")) {
      std::string npl = NodeText(c.child("NCIT"));
      if (!npl.empty()) r.npl_citations.push_back(std::move(npl));
    }
  }

  std::string count = NodeText(b500.child("B570").child("B577"));
  if (IsAsciiDigits(count) && count.size() <= 6) r.claims_count = std::stoi(count);

  pugi::xml_node b700 = sdobi.child("B700");
  for (pugi::xml_node b720 : b700.children("B720"))
    for (pugi::xml_node b721 : b720.children("B721")) {
      Party p = PartyFrom(b721);
      if (!p.name.empty()) r.inventors.push_back(std::move(p));
    }
  for (pugi::xml_node b730 : b700.children("B730"))
    for (pugi::xml_node b731 : b730.children("B731")) {
      Party p = PartyFrom(b731);
      if (!p.name.empty()) r.assignees.push_back(std::move(p));
    }
  r.applicants = r.assignees;

  std::string abstract;
  CollectAbstract(root.child("SDOAB"), abstract);
  abstract = CollapseWhitespace(abstract);
  if (!abstract.empty()) r.abstract_text["en"] = abstract;
  r.description = BlockText(root.child("SDODE"));
  ParseClaims(root.child("SDOCL"), r);
  if (!r.claims_count && !r.claims.empty()) r.claims_count = static_cast<int>(r.claims.size());
  return r;
}

}  // namespace patnav
