// ParseUsptoApplicationV4: one us-patent-application document (DTD
// v4.0-v4.6, 2005-), a pre-grant publication, to a canonical record.
#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"

namespace patnav {

Result<PatentRecord> ParseUsptoApplicationV4(const pugi::xml_node& root) {
  pugi::xml_node biblio = root.child("us-bibliographic-data-application");
  if (!biblio) return Status::Corruption("no bibliographic data (us-bibliographic-data-application)");
  PatentRecord r;
  r.source.format = "uspto-app-xml-" + UsptoV4Version(root.attribute("dtd-version").value());
  RETURN_IF_ERROR(ReadUsptoV4Bibliographic(biblio, r));
  ReadUsptoV4Texts(root, r);
  FinishRecord(r);
  return r;
}

}  // namespace patnav
