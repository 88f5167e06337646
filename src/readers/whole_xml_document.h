// Reading a one-document XML input whole (EPO OPS and Register answers): at
// most kMaxXmlDocumentBytes, through the XML safety pass (xml_prepare.h:
// DOCTYPE attacks refused, external entities never resolved), parsed by
// pugixml with the project's options.
#pragma once

#include <string>

#include <pugixml.hpp>

#include "base/status.h"
#include "readers/reader.h"

namespace patnav {

// Reads all of `in` into `xml`. When the input is too large, is refused by
// the safety pass or is malformed XML, reports one rejection (doc_index 0,
// "<what>: <reason>") to `sink` and returns false; returns an error status
// only for an I/O failure. `buffer` holds the parsed text and must outlive
// `xml` (pugixml parses in place).
Result<bool> ReadWholeXml(ByteSource& in, RecordSink& sink, const char* what, std::string& buffer,
                          pugi::xml_document& xml);

}  // namespace patnav
