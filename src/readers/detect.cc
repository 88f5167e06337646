// Format detection: which Reader reads an input, from its first bytes.
#include "readers/reader.h"

#include "base/strings.h"
#include "readers/canonical_jsonl_reader.h"
#include "readers/ep_register_reader.h"
#include "readers/epo_ops_legal_reader.h"
#include "readers/google_patents_csv_reader.h"
#include "readers/mapped_table_reader.h"
#include "readers/patentsview_csv_reader.h"
#include "readers/uspto_assignment_reader.h"
#include "readers/uspto_maintfee_reader.h"
#include "readers/workbook_reader.h"
#include "readers/xml_reader.h"

namespace patnav {

std::string Rejection::ToString() const { return file + "#" + std::to_string(doc_index) + ": " + reason; }

Result<std::unique_ptr<Reader>> DetectReader(std::string_view head, const ReaderOptions& options) {
  if (Trim(head).empty()) return Status::Unsupported("empty input");
  if (LooksLikeXml(head)) {
    if (LooksLikeUsptoAssignments(head)) return NewUsptoAssignmentReader();
    if (LooksLikeEpRegister(head)) return NewEpRegisterReader();
    if (LooksLikeEpoOpsLegal(head)) return NewEpoOpsLegalReader();
    return NewXmlPatentReader();
  }
  if (LooksLikeCanonicalJsonl(head)) return NewCanonicalJsonlReader();
  if (LooksLikeUsptoMaintFee(head)) return NewUsptoMaintFeeReader();
  if (options.mapping_file.empty()) {
    if (LooksLikeGooglePatentsCsv(head)) return NewGooglePatentsCsvReader();
    if (LooksLikePatentsView(head)) return NewPatentsViewReader();
  }
  if (LooksLikeWorkbook(head)) return NewWorkbookReader(options);
  // Binary data is no table: refuse it before trying presets.
  size_t ctrl = 0;
  for (unsigned char c : head.substr(0, 4096)) ctrl += (c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  if (ctrl > 0) return Status::Unsupported("unknown format: binary content (not XML, CSV, TSV or JSONL)");
  Result<std::unique_ptr<Reader>> mapped = NewMappedTableReader(head, options);
  if (mapped.ok()) return mapped;
  return Status::Unsupported("unknown format: " + mapped.status().message());
}

}  // namespace patnav
