// ParseUsptoGrantV4: one us-patent-grant document (DTD v4.0-v4.7, 2005-) to
// a canonical record. The grant date is the publication date.
#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"

namespace patnav {

Result<PatentRecord> ParseUsptoGrantV4(const pugi::xml_node& root) {
  pugi::xml_node biblio = root.child("us-bibliographic-data-grant");
  if (!biblio) return Status::Corruption("no bibliographic data (us-bibliographic-data-grant)");
  PatentRecord r;
  r.source.format = "uspto-grant-xml-" + UsptoV4Version(root.attribute("dtd-version").value());
  RETURN_IF_ERROR(ReadUsptoV4Bibliographic(biblio, r));
  r.grant_date = r.publication_date;
  ReadUsptoV4Term(biblio, r);
  ReadUsptoV4Texts(root, r);
  FinishRecord(r);
  return r;
}

}  // namespace patnav
