// USPTO v4.5 grant XML rendering (see uspto_xml_writer.h).
#include "generator/uspto_xml_writer.h"

#include <cstdio>

#include "generator/calendar.h"

namespace patnav::gen {

namespace {

using SV = std::string_view;

// Escapes character data the way the USPTO files do (numeric references).
void AppendEscaped(std::string& out, SV s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&#x26;"; break;
      case '<': out += "&#x3c;"; break;
      case '>': out += "&#x3e;"; break;
      default: out += c;
    }
  }
}

void Element(std::string& out, SV name, SV value) {
  out += '<';
  out += name;
  out += '>';
  AppendEscaped(out, value);
  out += "</";
  out += name;
  out += ">\n";
}

void DateElement(std::string& out, int32_t day) {
  out += "<date>";
  AppendCompactDate(out, day);
  out += "</date>\n";
}

void AppendNum(std::string& out, int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  out += buf;
}

void ClassificationBody(std::string& out, SV section, SV cls, SV subclass, SV main_group, SV subgroup, bool first,
                        bool inventive, int32_t action_day) {
  out += "<section>";
  out += section;
  out += "</section>\n<class>";
  out += cls;
  out += "</class>\n<subclass>";
  out += subclass;
  out += "</subclass>\n<main-group>";
  out += main_group;
  out += "</main-group>\n<subgroup>";
  out += subgroup;
  out += "</subgroup>\n<symbol-position>";
  out += first ? 'F' : 'L';
  out += "</symbol-position>\n<classification-value>";
  out += inventive ? 'I' : 'A';
  out += "</classification-value>\n<action-date>";
  out += "<date>";
  AppendCompactDate(out, action_day);
  out += "</date></action-date>\n<generating-office><country>US</country></generating-office>\n"
         "<classification-status>B</classification-status>\n<classification-data-source>H</classification-data-source>\n";
}

void Ipc(std::string& out, const ClassSymbol& s, bool first, int32_t day) {
  const SV sym = s.subclass->symbol;
  out += "<classification-ipcr>\n<ipc-version-indicator><date>";
  out += s.group->ipc_version;
  out += "</date></ipc-version-indicator>\n<classification-level>A</classification-level>\n";
  ClassificationBody(out, sym.substr(0, 1), sym.substr(1, 2), sym.substr(3, 1), s.group->number, s.subgroup, first,
                     true, day);
  out += "</classification-ipcr>\n";
}

void Cpc(std::string& out, SV section, SV cls, SV subclass, SV main_group, SV subgroup, SV version, bool first,
         bool inventive, int32_t day) {
  out += "<classification-cpc>\n<cpc-version-indicator><date>";
  out += version;
  out += "</date></cpc-version-indicator>\n";
  ClassificationBody(out, section, cls, subclass, main_group, subgroup, first, inventive, day);
  out += "<scheme-origination-code>C</scheme-origination-code>\n</classification-cpc>\n";
}

void CpcFromIpc(std::string& out, const ClassSymbol& s, bool first, int32_t day) {
  const SV sym = s.subclass->symbol;
  const SV version = s.group->ipc_version < SV("20130101") ? SV("20130101") : s.group->ipc_version;
  Cpc(out, sym.substr(0, 1), sym.substr(1, 2), sym.substr(3, 1), s.group->number, s.subgroup, version, first, true,
      day);
}

void Address(std::string& out, const Person& p) {
  out += "<address>\n";
  Element(out, "city", p.city);
  if (!p.state.empty()) Element(out, "state", p.state);
  Element(out, "country", CountryCode(p.country));
  out += "</address>\n";
}

void OrgAddress(std::string& out, const Organisation& o) {
  out += "<address>\n";
  Element(out, "city", o.city);
  if (!o.state.empty()) Element(out, "state", o.state);
  Element(out, "country", CountryCode(o.country));
  out += "</address>\n";
}

void PersonName(std::string& out, const Person& p) {
  Element(out, "last-name", p.family);
  Element(out, "first-name", p.given);
}

}  // namespace

void AppendUsptoXml(const CorpusPlan& plan, const SyntheticPatent& p, std::string& out) {
  const DocPlan& d = *p.plan;
  std::string number;
  AppendUsGrantNumber(number, d.pub_number, true);
  std::string grant_date;
  AppendCompactDate(grant_date, d.grant_day);
  const int32_t day = d.grant_day;

  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n"
         "<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" file=\"US";
  out += number;
  out += '-';
  out += grant_date;
  out += ".XML\" status=\"PRODUCTION\" id=\"us-patent-grant\" country=\"US\" date-produced=\"";
  AppendCompactDate(out, day - 17);
  out += "\" date-publ=\"";
  out += grant_date;
  out += "\">\n<us-bibliographic-data-grant>\n";

  out += "<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>";
  out += number;
  out += "</doc-number>\n<kind>B";
  out += static_cast<char>('0' + d.kind);
  out += "</kind>\n";
  DateElement(out, day);
  out += "</document-id>\n</publication-reference>\n";

  std::string app;
  AppendUsApplicationNumber(app, d.app_number);
  out += "<application-reference appl-type=\"utility\">\n<document-id>\n<country>US</country>\n<doc-number>";
  out += app;
  out += "</doc-number>\n";
  DateElement(out, d.filing_day);
  out += "</document-id>\n</application-reference>\n<us-application-series-code>";
  out += app.substr(0, 2);
  out += "</us-application-series-code>\n";

  if (d.has_priority()) {
    out += "<priority-claims>\n<priority-claim sequence=\"01\" kind=\"national\">\n";
    Element(out, "country", CountryCode(static_cast<Country>(d.priority_country)));
    out += "<doc-number>";
    AppendPriorityNumber(out, d);
    out += "</doc-number>\n";
    DateElement(out, d.priority_day);
    out += "</priority-claim>\n</priority-claims>\n";
  }
  if (p.term_extension > 0 || p.terminal_disclaimer) {
    out += "<us-term-of-grant>\n";
    if (p.term_extension > 0) {
      out += "<us-term-extension>";
      out += std::to_string(p.term_extension);
      out += "</us-term-extension>\n";
    }
    if (p.terminal_disclaimer) {
      out += "<disclaimer>\n<text>This patent is subject to a terminal disclaimer.</text>\n</disclaimer>\n";
    }
    out += "</us-term-of-grant>\n";
  }

  out += "<classifications-ipcr>\n";
  for (size_t i = 0; i < p.ipc.size(); ++i) Ipc(out, p.ipc[i], i == 0, day);
  out += "</classifications-ipcr>\n<classifications-cpc>\n<main-cpc>\n";
  CpcFromIpc(out, p.ipc[0], true, day);
  out += "</main-cpc>\n";
  if (p.ipc.size() > 1 || !p.cpc_extras.empty()) {
    out += "<further-cpc>\n";
    for (size_t i = 1; i < p.ipc.size(); ++i) CpcFromIpc(out, p.ipc[i], false, day);
    for (SV e : p.cpc_extras) {
      const SymbolParts s = SplitSymbol(e);
      const bool indexing = s.main_group.size() == 4 || s.section == "Y";
      Cpc(out, s.section, s.cls, s.subclass, s.main_group, s.subgroup, "20130101", false, !indexing, day);
    }
    out += "</further-cpc>\n";
  }
  out += "</classifications-cpc>\n";
  if (!p.us_classes.empty()) {
    out += "<classification-national>\n<country>US</country>\n";
    Element(out, "main-classification", p.us_classes[0]);
    for (size_t i = 1; i < p.us_classes.size(); ++i) Element(out, "further-classification", p.us_classes[i]);
    out += "</classification-national>\n";
  }
  out += "<invention-title id=\"d2e";
  out += std::to_string(43 + 10 * (d.has_priority() ? 1 : 0) + 2 * static_cast<int>(p.ipc.size()));
  out += "\">";
  AppendEscaped(out, p.text.title_en);
  out += "</invention-title>\n";

  if (!p.citations.empty() || !p.npl.empty()) {
    out += "<us-references-cited>\n";
    int num = 1;
    for (const CitationEntry& c : p.citations) {
      const DocPlan& cited = plan.doc(c.doc);
      out += "<us-citation>\n<patcit num=\"";
      AppendNum(out, num++, 5);
      out += "\">\n<document-id>\n<country>US</country>\n<doc-number>";
      AppendUsGrantNumber(out, cited.pub_number, false);
      out += "</doc-number>\n<kind>B";
      out += static_cast<char>('0' + cited.kind);
      out += "</kind>\n";
      Element(out, "name", CitedName(plan, c.doc));
      out += "<date>";
      AppendCompactMonth(out, cited.grant_day);
      out += "</date>\n</document-id>\n</patcit>\n<category>";
      out += c.by_examiner ? "cited by examiner" : "cited by applicant";
      out += "</category>\n</us-citation>\n";
    }
    for (const std::string& n : p.npl) {
      out += "<us-citation>\n<nplcit num=\"";
      AppendNum(out, num++, 5);
      out += "\">\n<othercit>";
      out += n;  // already XML
      out += "</othercit>\n</nplcit>\n<category>cited by applicant</category>\n</us-citation>\n";
    }
    out += "</us-references-cited>\n";
  }

  out += "<number-of-claims>";
  out += std::to_string(p.text.claims.size());
  out += "</number-of-claims>\n<us-exemplary-claim>1</us-exemplary-claim>\n<us-field-of-classification-search>\n";
  for (const ClassSymbol& s : p.ipc) {
    out += "<classification-cpc-text>";
    AppendSymbol(out, s, false);
    out += "</classification-cpc-text>\n";
  }
  out += "</us-field-of-classification-search>\n<figures>\n<number-of-drawing-sheets>";
  out += std::to_string(p.drawing_sheets);
  out += "</number-of-drawing-sheets>\n<number-of-figures>";
  out += std::to_string(p.figures);
  out += "</number-of-figures>\n</figures>\n";
  if (d.kind == 2) {
    out += "<us-related-documents>\n<related-publication>\n<document-id>\n<country>US</country>\n<doc-number>";
    const CivilDate pub = CivilFromDays(d.prepub_day);
    out += std::to_string(pub.year);
    const int32_t day_of_year = d.prepub_day - DaysFromCivil(pub.year, 1, 1);
    AppendNum(out, day_of_year * 1000 + static_cast<int>(d.app_number % 1000), 7);
    out += "</doc-number>\n<kind>A1</kind>\n";
    DateElement(out, d.prepub_day);
    out += "</document-id>\n</related-publication>\n</us-related-documents>\n";
  }

  // Parties. Applications filed before 16 Sep 2012 (pre-AIA) name the
  // inventors as applicants; later ones the assignee organisation.
  const bool pre_aia = d.filing_day < DaysFromCivil(2012, 9, 16);
  out += "<us-parties>\n<us-applicants>\n";
  int seq = 1;
  auto open_applicant = [&](bool assignee_authority) {
    out += "<us-applicant sequence=\"";
    AppendNum(out, seq++, 3);
    out += "\" app-type=\"applicant\" designation=\"us-only\"";
    if (assignee_authority) out += " applicant-authority-category=\"assignee\"";
    out += ">\n<addressbook>\n";
  };
  auto residence = [&](Country c) {
    out += "</addressbook>\n<residence>\n";
    Element(out, "country", CountryCode(c));
    out += "</residence>\n</us-applicant>\n";
  };
  const bool org_applicants = !pre_aia && p.applicants.front().org != nullptr;
  if (org_applicants) {
    for (const PartyEntry& a : p.applicants) {
      open_applicant(true);
      Element(out, "orgname", a.name);
      OrgAddress(out, *a.org);
      residence(a.org->country);
    }
  } else {
    for (const Person& inv : p.inventors) {
      open_applicant(false);
      PersonName(out, inv);
      Address(out, inv);
      residence(inv.country);
    }
  }
  out += "</us-applicants>\n<inventors>\n";
  seq = 1;
  for (const Person& inv : p.inventors) {
    out += "<inventor sequence=\"";
    AppendNum(out, seq++, 3);
    out += "\" designation=\"us-only\">\n<addressbook>\n";
    PersonName(out, inv);
    Address(out, inv);
    out += "</addressbook>\n</inventor>\n";
  }
  out += "</inventors>\n";
  if (!p.agent.empty()) {
    out += "<agents>\n<agent sequence=\"01\" rep-type=\"attorney\">\n<addressbook>\n";
    Element(out, "orgname", p.agent);
    out += "<address>\n<country>unknown</country>\n</address>\n</addressbook>\n</agent>\n</agents>\n";
  }
  out += "</us-parties>\n";
  if (p.applicants.front().org != nullptr) {
    out += "<assignees>\n";
    for (const PartyEntry& a : p.applicants) {
      out += "<assignee>\n<addressbook>\n";
      Element(out, "orgname", a.name);
      Element(out, "role", a.org->country == Country::kUS ? "02" : "03");
      OrgAddress(out, *a.org);
      out += "</addressbook>\n</assignee>\n";
    }
    out += "</assignees>\n";
  }
  out += "<examiners>\n<primary-examiner>\n";
  PersonName(out, p.examiner);
  Element(out, "department", std::to_string(p.art_unit));
  out += "</primary-examiner>\n";
  if (p.assistant_examiner) {
    out += "<assistant-examiner>\n";
    PersonName(out, *p.assistant_examiner);
    out += "</assistant-examiner>\n";
  }
  out += "</examiners>\n</us-bibliographic-data-grant>\n";

  out += "<abstract id=\"abstract\">\n<p id=\"p-0001\" num=\"0000\">";
  AppendEscaped(out, p.text.abstract_en);
  out += "</p>\n</abstract>\n<drawings id=\"DRAWINGS\">\n";
  for (int f = 0; f <= p.drawing_sheets; ++f) {
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "<figure id=\"Fig-EMI-D%05d\" num=\"%05d\">\n<img id=\"EMI-D%05d\" he=\"%d.%02dmm\" wi=\"%d.%02dmm\" "
                  "file=\"US%s-%s-D%05d.TIF\" alt=\"embedded image\" img-content=\"drawing\" img-format=\"tif\"/>\n"
                  "</figure>\n",
                  f, f, f, 160 + (f * 37 + static_cast<int>(d.pub_number)) % 90, (f * 13) % 100,
                  140 + (f * 23 + static_cast<int>(d.app_number)) % 40, (f * 29) % 100, number.c_str(),
                  grant_date.c_str(), f);
    out += buf;
  }
  out += "</drawings>\n<description id=\"description\">\n";
  out += p.description;
  out += "</description>\n<us-claim-statement>What is claimed is:</us-claim-statement>\n<claims id=\"claims\">\n";
  for (const ClaimText& c : p.text.claims) {
    out += "<claim id=\"CLM-";
    AppendNum(out, c.num, 5);
    out += "\" num=\"";
    AppendNum(out, c.num, 5);
    out += "\">\n<claim-text>";
    out += std::to_string(c.num);
    out += ". ";
    if (c.ref == 0) {
      out += c.preamble;
      out += '\n';
      for (const std::string& e : c.elements) {
        out += "<claim-text>";
        out += e;
        out += "</claim-text>\n";
      }
      out += "</claim-text>\n</claim>\n";
    } else {
      out += c.preamble;
      out += "<claim-ref idref=\"CLM-";
      AppendNum(out, c.ref, 5);
      out += "\">claim ";
      out += std::to_string(c.ref);
      out += "</claim-ref>";
      out += c.tail;
      out += "</claim-text>\n</claim>\n";
    }
  }
  out += "</claims>\n</us-patent-grant>\n";
}

}  // namespace patnav::gen
