// The four materials of a recording application (guidelines V(I)) as a
// checklist: the application form, the charter or cooperation agreement
// (the nine items of III(IV) and every member's signature or seal), the
// licences of the lead and secretary-general units, and the member list
// with principals and contacts (from the alliance's member records).
// Uploaded files are not part of this slice: each item is confirmed or not.
#pragma once

#include <string>
#include <vector>

#include "domain/recording.h"

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
};

// All four, in the order above.
std::vector<Material> RecordingMaterials(const RecordingDossier& dossier);

}  // namespace patnav::domain
