// The application form and the submission rules (recording_form.h).
#include "domain/recording_form.h"

#include <initializer_list>
#include <utility>

#include "base/strings.h"

namespace patnav::domain {

namespace {

struct Choice {
  const char* value;
  const char* aliases[3];
};

Result<std::string> ParseChoice(std::string_view text, std::initializer_list<Choice> choices, const char* what) {
  std::string t = AsciiLower(Trim(text));
  if (t.empty()) return std::string();
  for (char& c : t) if (c == '-' || c == ' ') c = '_';
  std::string list;
  for (const Choice& c : choices) {
    if (t == c.value) return std::string(c.value);
    for (const char* a : c.aliases)
      if (a != nullptr && t == a) return std::string(c.value);
    list += (list.empty() ? "" : ", ") + std::string(c.value);
  }
  return Status::InvalidArgument(std::string(what) + " '" + std::string(text) + "' is not one of " + list);
}

const char* const kTypes[] = {"industry", "university", "research", "finance", "intermediary", "application"};

}  // namespace

Result<std::string> ParseIndustryCategory(std::string_view text) {
  return ParseChoice(text,
                     {{"ip_intensive", {"知识产权密集型", "intensive", nullptr}},
                      {"ip_dependent", {"知识产权依赖型", "dependent", nullptr}},
                      {"other", {"其他", nullptr, nullptr}}},
                     "industry category");
}

Result<std::string> ParseIndustryStage(std::string_view text) {
  return ParseChoice(text,
                     {{"germination", {"萌芽期", "emerging", nullptr}},
                      {"growing", {"成长期", "growth", nullptr}},
                      {"mature", {"成熟期", nullptr, nullptr}},
                      {"declining", {"衰退期", "decline", nullptr}}},
                     "industry stage");
}

Result<ApplicationFormInput> CheckFormInput(ApplicationFormInput in) {
  ASSIGN_OR_RETURN(in.industry_category, ParseIndustryCategory(in.industry_category));
  ASSIGN_OR_RETURN(in.industry_stage, ParseIndustryStage(in.industry_stage));
  const std::pair<const char*, std::string*> texts[] = {
      {"industry", &in.industry},           {"lead_unit", &in.lead_unit},
      {"secretary_general_unit", &in.secretary_general_unit}, {"operator", &in.operator_name},
      {"contact_person", &in.contact_person}, {"contact_phone", &in.contact_phone},
      {"contact_email", &in.contact_email}};
  for (const auto& [field, value] : texts) {
    *value = std::string(Trim(*value));
    if (value->size() > 500) return Status::InvalidArgument(std::string(field) + ": over 500 bytes");
  }
  return in;
}

ApplicationForm BuildApplicationForm(const Alliance& alliance, const ApplicationFormInput& entered,
                                     const std::vector<Member>& members, std::string_view as_of) {
  ApplicationForm f;
  f.name = alliance.name;
  f.form = alliance.form;
  f.address = alliance.address;
  f.entered = entered;
  for (const char* t : kTypes) f.members_by_type[t] = 0;
  for (const Member& m : members) {
    if (!m.active_on(as_of)) continue;
    ++f.members_by_type[m.type];
    ++f.members;
  }
  return f;
}

std::vector<RecordingRuleFailure> CheckSubmission(const ApplicationForm& f, int charter_items_present) {
  std::vector<RecordingRuleFailure> out;
  if (f.members < 2)
    out.push_back({"at_least_two_members", "the alliance has " + std::to_string(f.members) + " active member(s)"});
  if (f.form != "business_entity" && f.form != "social_organization" && f.form != "cooperative_organization")
    out.push_back({"form_among_three", "form '" + f.form + "' is not one of the three of III(II)"});
  const ApplicationFormInput& e = f.entered;
  if (e.industry_category != "ip_intensive" && e.industry_category != "ip_dependent")
    out.push_back({"industry_ip_intensive_or_dependent",
                   e.industry_category.empty() ? "the industry category is not given"
                                               : "the industry is '" + e.industry_category + "'"});
  if (e.industry_stage != "germination" && e.industry_stage != "growing")
    out.push_back({"industry_stage_germination_or_growing",
                   e.industry_stage.empty() ? "the industry stage is not given"
                                            : "the industry is in its '" + e.industry_stage + "' stage"});
  std::string missing;
  const std::pair<const char*, const std::string*> required[] = {
      {"address", &f.address},           {"industry", &e.industry},
      {"lead_unit", &e.lead_unit},       {"secretary_general_unit", &e.secretary_general_unit},
      {"operator", &e.operator_name},    {"contact_person", &e.contact_person},
      {"contact_phone", &e.contact_phone}};
  for (const auto& [field, value] : required)
    if (value->empty()) missing += (missing.empty() ? "" : ", ") + std::string(field);
  if (!missing.empty()) out.push_back({"form_fields_complete", "missing: " + missing});
  if (charter_items_present < 9)
    out.push_back({"charter_nine_items", std::to_string(charter_items_present) + " of the nine charter items recorded"});
  if (!e.charter_signed) out.push_back({"charter_signed", "every member's signature or seal is not confirmed"});
  if (!e.lead_licence || !e.secretary_licence) {
    std::string which = !e.lead_licence && !e.secretary_licence ? "lead and secretary-general units"
                        : !e.lead_licence                       ? "lead unit"
                                                                : "secretary-general unit";
    out.push_back({"licences_provided", "the licence of the " + which + " is not provided"});
  }
  return out;
}

Status SubmissionStatus(const std::vector<RecordingRuleFailure>& failures) {
  if (failures.empty()) return Status::OK();
  std::string text;
  for (const RecordingRuleFailure& f : failures) text += (text.empty() ? "" : "; ") + f.rule + ": " + f.detail;
  return Status::InvalidArgument("the recording cannot be submitted: " + text);
}

nlohmann::ordered_json FormToJson(const ApplicationFormInput& f) {
  return {{"industry", f.industry},
          {"industry_category", f.industry_category},
          {"industry_stage", f.industry_stage},
          {"lead_unit", f.lead_unit},
          {"secretary_general_unit", f.secretary_general_unit},
          {"operator", f.operator_name},
          {"third_party_operator", f.third_party_operator},
          {"contact_person", f.contact_person},
          {"contact_phone", f.contact_phone},
          {"contact_email", f.contact_email},
          {"lead_licence", f.lead_licence},
          {"secretary_licence", f.secretary_licence},
          {"charter_signed", f.charter_signed}};
}

}  // namespace patnav::domain
