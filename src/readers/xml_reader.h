// The reader for every XML patent format: a stream of one or more XML
// documents (a single USPTO/EPO file, or a USPTO weekly bulk file where
// documents are concatenated, each starting with "<?xml"). Documents are cut
// apart without parsing, so memory holds one document at a time.
#pragma once

#include <memory>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

// Largest single document accepted; a bigger one is rejected (not read).
inline constexpr size_t kMaxXmlDocumentBytes = 64u << 20;

std::unique_ptr<Reader> NewXmlPatentReader();
// True when `head` starts (after a BOM and whitespace) with an XML
// declaration, a DOCTYPE, a comment or an element.
bool LooksLikeXml(std::string_view head);

// Parses one document (the bytes of one "<?xml ... </root>") into a record:
// the safety/repair pass, pugixml, then the parser chosen by root element.
// source.file/doc_index are set from the arguments.
Result<PatentRecord> ParseXmlPatentDocument(std::string_view doc, std::string_view file, int64_t doc_index);

}  // namespace patnav
