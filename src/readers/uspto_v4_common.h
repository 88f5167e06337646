// What the USPTO v4.x XML grant (us-patent-grant, v4.0-v4.7) and pre-grant
// publication (us-patent-application, v4.0-v4.6) formats share: the
// bibliographic block, parties, classifications, citations, claims and texts.
// uspto_grant_v4.cc and uspto_application_v4.cc compose these pieces.
//
// The 2005-era v4.0-v4.2 layouts differ from the AIA-era (v4.3+) ones; every
// reader here accepts both spellings:
//   references-cited/citation         us-references-cited/us-citation
//   parties/applicants/applicant      us-parties/us-applicants/us-applicant
//   classification-ipc (strings)      classifications-ipcr (parts)
//   assignee/orgname                  assignee/addressbook/orgname
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "base/status.h"
#include "model/patent_record.h"

namespace patnav {

// The DTD version from the root's dtd-version attribute: "v4.5 2014-04-03" ->
// "4.5", "v40 2004-12-02" -> "4.0". "4" when the attribute is absent or
// unrecognisable.
std::string UsptoV4Version(std::string_view dtd_version);

// A USPC symbol as "class/subclass[.decimal]" from the fixed-width USPTO form:
// class in 3 columns, subclass main part in 3, then the decimal digits
// ("600301" -> "600/301", "705 26" -> "705/26", "379 8802" -> "379/88.02",
// "34053912" -> "340/539.12", application form "600300000" -> "600/300",
// "D14137" -> "D14/137", "PLT263" -> "PLT/263"). Text already holding a slash
// is returned with spaces removed. "" when the text holds no class ("None").
// REQUIRES: `text` is the element's raw text (leading spaces are columns).
std::string NormalizeUspc(std::string_view text);

// Claim numbers named by a claim-ref idref: "CLM-00001" -> {1}; several ids
// ("CLM-00001 CLM-00003", "CLM-00001-CLM-00003") give each number once, in
// order. Empty when the idref names no claim.
std::vector<int> ClaimRefNumbers(std::string_view idref);

// Reads everything `biblio` (us-bibliographic-data-grant or
// us-bibliographic-data-application) holds into `r`: publication number and
// date (falling back to the root's date-publ), application number and filing
// date, priority claims (priority-claims and US provisional applications),
// language, title, classifications, citations, number-of-claims and parties.
//
// Applicants: the AIA block (us-applicants) as published; before it existed
// (parties/applicants, where applicants are the inventors) the assignees, or
// when there are none the published applicants. Inventors: the inventors
// block plus every applicant whose app-type names an inventor.
//
// Returns Corruption("no publication number
// (publication-reference/document-id/doc-number)") when the number is
// missing, Corruption naming the text when it cannot be parsed.
Status ReadUsptoV4Bibliographic(const pugi::xml_node& biblio, PatentRecord& r);

// Reads the abstract (plain text), claims (text, independence, claim-ref
// dependencies) and description (block text) that are children of `root`.
void ReadUsptoV4Texts(const pugi::xml_node& root, PatentRecord& r);

// Reads the patent term facts of a grant's bibliographic data (us-term-of-grant
// and the continuation/division/CIP parents of us-related-documents) into r
// (uspto_term_v4.cc).
void ReadUsptoV4Term(const pugi::xml_node& biblio, PatentRecord& r);

}  // namespace patnav
