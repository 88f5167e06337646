// USPTO pre-grant publications in the first application XML (DTD "pap" 1.5
// and 1.6, publications of 2001-2004): root patent-application-publication
// with subdoc-bibliographic-information, subdoc-abstract, subdoc-description
// and subdoc-claims.
//
// Mapping rules that are not obvious from the tags:
//   - source.format: the version is only in the DOCTYPE's system id
//     ("pap-v15-2001-01-31.dtd"), which PrepareXml removes; when the parsed
//     document still holds its DOCTYPE the version comes from there, else the
//     format is "uspto-app-xml-1.x";
//   - applicants: the assignee(s) when the publication names any (the
//     canonical schema's rule for US publications before 2012);
//   - USPC: class "705" + subclass "026000" (3 digits, then 3 decimal digits)
//     -> "705/26"; "064100" -> "64.1" (NormalizeUspc's rule);
//   - priority claims: foreign-priority-data, and the US provisional
//     application of non-provisional-of-provisional (35 U.S.C. 119(e)), as
//     the v4 readers do;
//   - inventors: "Family, Given Middle"; name-prefix ("Mr.") and name-suffix
//     ("III") are dropped, as PersonFromFullName drops them elsewhere, so that
//     one person groups the same way from every source;
//   - claims: the leading "2." is removed from the text (num holds it);
//     depends_on comes from dependent-claim-reference, or, for claims that
//     have none (some 2001 files), from the wording ("The method of claim 1",
//     read by FindClaimReferences);
//   - description: paragraph numbers (<number>) are left out.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "model/classification.h"
#include "model/dates.h"
#include "model/party.h"
#include "model/publication_number.h"
#include "readers/epo_claim_refs.h"
#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"
#include "readers/xml_text.h"

namespace patnav {

namespace {

bool Named(const pugi::xml_node& n, const char* name) {
  return n.type() == pugi::node_element && std::strcmp(n.name(), name) == 0;
}

// The DTD version from a DOCTYPE kept by the parser ("1.5", "1.6"), or "".
std::string VersionFromDoctype(const pugi::xml_node& root) {
  for (pugi::xml_node n = root.root().first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_doctype) continue;
    std::string_view v = n.value();
    size_t p = v.find("pap-v1");
    if (p == std::string_view::npos || p + 7 > v.size()) return "";
    char minor = v[p + 6];
    if (minor >= '0' && minor <= '9') return std::string("1.") + minor;
  }
  return "";
}

// USPC from separate class and subclass ("705" + "026000" -> "705/26"): the
// class right-aligned in 3 columns, then the subclass, read by NormalizeUspc.
std::string UspcFromParts(std::string_view cls_raw, std::string_view sub_raw) {
  std::string_view cls = Trim(cls_raw);
  std::string_view sub = Trim(sub_raw);
  if (cls.empty() || cls.size() > 3 || sub.empty()) return "";
  return NormalizeUspc(std::string(3 - cls.size(), ' ') + std::string(cls) + std::string(sub));
}

void AddUnique(std::vector<std::string>& v, std::string s) {
  if (s.empty()) return;
  for (const auto& x : v) if (x == s) return;
  v.push_back(std::move(s));
}

bool IsBlock(const char* name) {
  static const char* kBlocks[] = {"paragraph", "heading", "claim-text", "table", "row", "section"};
  for (const char* b : kBlocks) if (std::strcmp(name, b) == 0) return true;
  return false;
}

// Text with block elements on their own lines. A claim-text inside a
// dependent-claim-reference is inline ("... of claim 1, wherein ...");
// <number> (paragraph numbering) is skipped.
void CollectBlocks(const pugi::xml_node& n, bool in_ref, std::string& out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out.append(c.value());
    } else if (c.type() == pugi::node_element) {
      if (Named(c, "number")) continue;
      bool ref = in_ref || Named(c, "dependent-claim-reference");
      bool block = !ref && IsBlock(c.name());
      if (block) out.push_back('\n');
      CollectBlocks(c, ref, out);
      if (block) out.push_back('\n');
    }
  }
}

std::string Blocks(const pugi::xml_node& n) {
  if (!n) return "";
  std::string raw;
  CollectBlocks(n, false, raw);
  std::string out;
  for (std::string_view line : Split(raw, '\n')) {
    std::string l = CollapseWhitespace(line);
    if (l.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += l;
  }
  return out;
}

// Abstract: the paragraphs on one line, the "Abstract of Disclosure" heading
// left out.
std::string AbstractText(const pugi::xml_node& abs) {
  std::string out;
  for (pugi::xml_node c = abs.first_child(); c; c = c.next_sibling()) {
    if (Named(c, "heading")) continue;
    std::string t = c.type() == pugi::node_element ? NodeText(c) : CollapseWhitespace(c.value());
    if (t.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

// Claim number from "CLM-00012"; 0 when there is none.
int ClaimNumberFromId(std::string_view id) {
  size_t p = id.find_first_of("0123456789");
  if (p == std::string_view::npos) return 0;
  std::string_view digits = id.substr(p);
  if (!IsAsciiDigits(digits) || digits.size() > 6) return 0;
  return std::stoi(std::string(digits));
}

// Drops a leading "12." or "12 ." (the claim's own number) from claim text.
std::string StripClaimNumber(const std::string& text, int num) {
  std::string prefix = std::to_string(num);
  if (!StartsWith(text, prefix)) return text;
  std::string_view rest = Trim(std::string_view(text).substr(prefix.size()));
  if (rest.empty() || rest[0] != '.') return text;
  rest.remove_prefix(1);
  return std::string(Trim(rest));
}

void ParseClaims(const pugi::xml_node& subdoc, PatentRecord& r) {
  int index = 0;
  for (pugi::xml_node claim_node : subdoc.children("claim")) {
    ++index;
    Claim claim;
    claim.num = ClaimNumberFromId(claim_node.attribute("id").value());
    if (claim.num == 0) claim.num = index;
    claim.text = StripClaimNumber(Blocks(claim_node), claim.num);
    std::vector<pugi::xml_node> refs;
    claim_node.find_node([&](const pugi::xml_node& x) {
      if (Named(x, "dependent-claim-reference")) refs.push_back(x);
      return false;
    });
    for (const pugi::xml_node& ref : refs) {
      int to = ClaimNumberFromId(ref.attribute("depends_on").value());
      if (to <= 0 || to == claim.num) continue;
      bool seen = false;
      for (int d : claim.depends_on) seen |= d == to;
      if (!seen) claim.depends_on.push_back(to);
    }
    if (refs.empty()) claim.depends_on = FindClaimReferences(claim.text, claim.num);
    claim.independent = claim.depends_on.empty();
    r.claims.push_back(std::move(claim));
  }
}

// City and country: the residence when given, else the postal address.
void FillResidence(const pugi::xml_node& party, Party& p) {
  pugi::xml_node res = party.child("residence");
  pugi::xml_node place = res.child("residence-us");
  if (!place) place = res.child("residence-non-us");
  if (place) {
    p.city = NodeText(place.child("city"));
    p.country = AsciiUpper(NodeText(place.child("country-code")));
    if (p.country.empty() && res.child("residence-us")) p.country = "US";
    return;
  }
  pugi::xml_node adr = party.child("address");
  p.city = NodeText(adr.child("city"));
  p.country = AsciiUpper(NodeText(adr.child("country").child("country-code")));
}

Party PersonFrom(const pugi::xml_node& party) {
  pugi::xml_node name = party.child("name");
  std::string first = NodeText(name.child("given-name"));
  std::string middle = NodeText(name.child("middle-name"));
  if (!middle.empty()) first = first.empty() ? middle : first + " " + middle;
  Party p = MakePerson(NodeText(name.child("family-name")), first);
  FillResidence(party, p);
  return p;
}

}  // namespace

Result<PatentRecord> ParseUsptoApplicationPap(const pugi::xml_node& root) {
  PatentRecord r;
  std::string version = VersionFromDoctype(root);
  r.source.format = "uspto-app-xml-" + (version.empty() ? std::string("1.x") : version);

  pugi::xml_node bib = root.child("subdoc-bibliographic-information");
  pugi::xml_node id = bib.child("document-id");
  std::string number = NodeText(id.child("doc-number"));
  if (number.empty())
    return Status::Corruption(
        "patent-application-publication has no publication number "
        "(subdoc-bibliographic-information/document-id/doc-number)");
  std::string country = AsciiUpper(NodeText(id.child("country-code")));
  if (country.empty()) country = "US";
  std::string kind = AsciiUpper(NodeText(id.child("kind-code")));
  std::string text = StartsWith(AsciiUpper(number), country) ? number : country + number;
  Result<PublicationKey> key = ParsePublicationNumber(text, country, kind);
  if (!key.ok())
    return Status::Corruption("patent-application-publication has a bad publication number ('" + number +
                              "'): " + key.status().message());
  r.country = key->country;
  r.doc_number = key->doc_number;
  r.kind = key->kind;
  r.publication_number = key->ToString();
  r.publication_date = NormalizeDate(NodeText(id.child("document-date")));

  pugi::xml_node domestic = bib.child("domestic-filing-data");
  r.application_number = NodeText(domestic.child("application-number").child("doc-number"));
  r.filing_date = NormalizeDate(NodeText(domestic.child("filing-date")));

  for (pugi::xml_node fp : bib.children("foreign-priority-data")) {
    PriorityClaim pc;
    pc.doc_number = NodeText(fp.child("priority-application-number").child("doc-number"));
    pc.date = NormalizeDate(NodeText(fp.child("filing-date")));
    pc.country = AsciiUpper(NodeText(fp.child("country-code")));
    if (!pc.doc_number.empty() || !pc.date.empty()) r.priority_claims.push_back(std::move(pc));
  }
  for (pugi::xml_node prov : bib.child("continuity-data").children("non-provisional-of-provisional")) {
    pugi::xml_node doc = prov.child("document-id");
    PriorityClaim pc;
    pc.country = AsciiUpper(NodeText(doc.child("country-code")));
    if (pc.country.empty()) pc.country = "US";
    pc.doc_number = NodeText(doc.child("doc-number"));
    pc.date = NormalizeDate(NodeText(doc.child("document-date")));
    if (!pc.doc_number.empty() || !pc.date.empty()) r.priority_claims.push_back(std::move(pc));
  }

  pugi::xml_node tech = bib.child("technical-information");
  tech.child("classification-ipc").find_node([&](const pugi::xml_node& x) {
    if (Named(x, "ipc")) AddUnique(r.ipc, NormalizeClassification(NodeText(x)));
    return false;
  });
  tech.child("classification-us").find_node([&](const pugi::xml_node& x) {
    if (Named(x, "uspc"))
      AddUnique(r.national_classes, UspcFromParts(NodeText(x.child("class")), NodeText(x.child("subclass"))));
    return false;
  });

  r.language = "en";
  std::string title = NodeText(tech.child("title-of-invention"));
  if (!title.empty()) r.title["en"] = title;

  for (pugi::xml_node inv = bib.child("inventors").first_child(); inv; inv = inv.next_sibling()) {
    if (!Named(inv, "first-named-inventor") && !Named(inv, "inventor")) continue;
    Party p = PersonFrom(inv);
    if (!p.name.empty()) r.inventors.push_back(std::move(p));
  }
  for (pugi::xml_node as : bib.children("assignee")) {
    Party p;
    std::string org = NodeText(as.child("organization-name"));
    if (!org.empty()) {
      p = MakeOrganisation(org);
      FillResidence(as, p);
    } else {
      p = PersonFrom(as);
    }
    if (!p.name.empty()) r.assignees.push_back(std::move(p));
  }
  r.applicants = r.assignees;

  std::string abstract = AbstractText(root.child("subdoc-abstract"));
  if (!abstract.empty()) r.abstract_text["en"] = abstract;
  r.description = Blocks(root.child("subdoc-description"));
  ParseClaims(root.child("subdoc-claims"), r);
  if (!r.claims.empty()) r.claims_count = static_cast<int>(r.claims.size());
  return r;
}

}  // namespace patnav
