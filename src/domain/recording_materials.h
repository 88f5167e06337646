// The four materials of a recording application (guidelines V(I)) as a
// checklist: the application form, the charter or cooperation agreement
// (the nine items of III(IV) and every member's signature or seal), the
// licences of the lead and secretary-general units, and the member list
// with principals and contacts (from the alliance's member records).
// Each material also lists its uploaded files (recording_files.h); they do
// not decide completeness, which the checklist items alone do.
#pragma once

#include <string>
#include <vector>

#include "domain/recording.h"
#include "domain/recording_files.h"

namespace patnav::domain {

struct MaterialItem {
  std::string item;
  bool done = false;
  std::string detail;
};

struct Material {
  std::string code;  // "application_form", "charter", "licences", "member_list"
  bool complete = false;
  std::vector<MaterialItem> items;
  std::vector<MaterialFile> files;  // filled by the caller from ListMaterialFiles
};

// All four, in the order above.
std::vector<Material> RecordingMaterials(const RecordingDossier& dossier);

}  // namespace patnav::domain
