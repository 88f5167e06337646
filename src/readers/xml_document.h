// The XML patent formats. Each parser turns one parsed document (its root
// element) into a canonical record; the XML reader (xml_reader.cc) splits bulk
// files into documents, makes them safe (xml_prepare.h), parses them with
// pugixml and picks the parser by root element:
//
//   us-patent-grant               uspto_grant_v4.cc     (v4.0-v4.7, 2005-)
//   us-patent-application         uspto_application_v4.cc (v4.0-v4.6, 2005-)
//   PATDOC                        uspto_grant_sgml.cc   (DTD 2.4/2.5, 2001-2004)
//   patent-application-publication uspto_application_pap.cc (DTD 1.5/1.6, 2001-2004)
//   ep-patent-document            epo_document.cc       (1.0-1.5.1)
//
// Contract for every parser: returns a record satisfying patent_record.h's
// invariants with source.format set (e.g. "uspto-grant-xml-4.5"), or a
// Corruption status saying what is missing (e.g. "no publication number").
// The caller sets source.file and source.doc_index and calls FinishRecord.
#pragma once

#include <pugixml.hpp>

#include "base/status.h"
#include "model/patent_record.h"

namespace patnav {

// How patent XML is parsed everywhere (reader and tests alike): whitespace-only
// text between inline elements is kept, so "<i>a</i> <i>b</i>" reads "a b".
inline constexpr unsigned kPatentXmlParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;

Result<PatentRecord> ParseUsptoGrantV4(const pugi::xml_node& root);
Result<PatentRecord> ParseUsptoApplicationV4(const pugi::xml_node& root);
Result<PatentRecord> ParseUsptoGrantSgml(const pugi::xml_node& root);
Result<PatentRecord> ParseUsptoApplicationPap(const pugi::xml_node& root);
Result<PatentRecord> ParseEpoDocument(const pugi::xml_node& root);

}  // namespace patnav
