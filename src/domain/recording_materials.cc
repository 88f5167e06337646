// The materials checklist (recording_materials.h).
#include "domain/recording_materials.h"

#include "domain/period.h"

namespace patnav::domain {

namespace {

Material Finish(Material m) {
  m.complete = true;
  for (const MaterialItem& i : m.items) m.complete = m.complete && i.done;
  return m;
}

}  // namespace

std::vector<Material> RecordingMaterials(const RecordingDossier& d) {
  const ApplicationForm& f = d.form;
  const ApplicationFormInput& e = f.entered;
  Material form{"application_form", false, {}};
  auto field = [&](const char* name, const std::string& value) { form.items.push_back({name, !value.empty(), value}); };
  field("name", f.name);
  field("form", f.form);
  field("address", f.address);
  field("industry", e.industry);
  field("industry_category", e.industry_category);
  field("industry_stage", e.industry_stage);
  field("lead_unit", e.lead_unit);
  field("secretary_general_unit", e.secretary_general_unit);
  field("operator", e.operator_name);
  field("contact_person", e.contact_person);
  field("contact_phone", e.contact_phone);
  std::string counts;
  for (const auto& [type, n] : f.members_by_type) counts += (counts.empty() ? "" : ", ") + type + " " + std::to_string(n);
  form.items.push_back({"members_by_type", f.members > 0, counts});

  Material charter{"charter", false, {}};
  for (const CharterItem& c : d.charter.items)
    charter.items.push_back({"item_" + std::to_string(c.item), c.present, c.title});
  charter.items.push_back({"signed_by_every_member", e.charter_signed, ""});

  Material licences{"licences", false, {}};
  licences.items.push_back({"lead_unit", e.lead_licence, e.lead_unit});
  licences.items.push_back({"secretary_general_unit", e.secretary_licence, e.secretary_general_unit});

  Material list{"member_list", false, {}};
  const std::string today = TodayUtc();
  for (const Member& m : d.members) {
    if (!m.active_on(today)) continue;
    list.items.push_back({m.name, !m.contact.empty(), m.contact.empty() ? "no principal or contact recorded" : m.contact});
  }
  if (list.items.size() < 2) list.items.push_back({"at_least_two_members", false, std::to_string(list.items.size()) + " active"});
  return {Finish(form), Finish(charter), Finish(licences), Finish(list)};
}

}  // namespace patnav::domain
