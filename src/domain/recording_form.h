// The application form of a recording (guidelines V(I), material 1) and the
// rules a submission must pass. The alliance's name, address and form of
// organisation come from its alliance record, and the member count by
// element type from its member records; the rest is entered by its operator.
// Pure: the caller gathers the alliance, members and charter.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "domain/alliance.h"
#include "domain/members.h"

namespace patnav::domain {

// What the operator enters. Empty strings are "not given".
struct ApplicationFormInput {
  std::string industry;                // e.g. "新能源汽车 / new-energy vehicles"
  std::string industry_category;       // ip_intensive | ip_dependent | other
  std::string industry_stage;          // germination | growing | mature | declining
  std::string lead_unit;               // 牵头单位
  std::string secretary_general_unit;  // 秘书长单位
  std::string operator_name;           // who runs the alliance day to day
  bool third_party_operator = false;   // a third-party professional operating organisation
  std::string contact_person, contact_phone, contact_email;
  bool lead_licence = false;           // business licence / legal-person certificate of the lead unit provided
  bool secretary_licence = false;      // ... of the secretary-general unit
  bool charter_signed = false;         // every member's signature or seal on the charter confirmed
};

// "ip_intensive", "ip_dependent", "other" (also 知识产权密集型, 知识产权依赖型,
// 其他); "germination", "growing", "mature", "declining" (also 萌芽期,
// 成长期, 成熟期, 衰退期). InvalidArgument listing the choices otherwise;
// empty stays empty.
Result<std::string> ParseIndustryCategory(std::string_view text);
Result<std::string> ParseIndustryStage(std::string_view text);

// Normalises the categories; InvalidArgument (naming the field) for an
// unknown category or stage or text over 500 bytes.
Result<ApplicationFormInput> CheckFormInput(ApplicationFormInput in);
// The entered form as JSON: how it is stored, and how the API shows it.
nlohmann::ordered_json FormToJson(const ApplicationFormInput& f);

// The form as the office reads it: the entered fields with the alliance's
// own and the member counts by element type (active members on `as_of`).
struct ApplicationForm {
  std::string name, form, address;
  ApplicationFormInput entered;
  std::map<std::string, int> members_by_type;  // all six types, 0 when none
  int members = 0;
};
ApplicationForm BuildApplicationForm(const Alliance& alliance, const ApplicationFormInput& entered,
                                     const std::vector<Member>& members, std::string_view as_of);

// One rule of the guidelines a submission must pass.
struct RecordingRuleFailure {
  std::string rule;    // "at_least_two_members", "form_among_three", "industry_ip_intensive_or_dependent",
                       // "industry_stage_germination_or_growing", "form_fields_complete",
                       // "charter_nine_items", "charter_signed", "licences_provided"
  std::string detail;  // what is missing or wrong
};

// Every rule the form (with the charter's recorded item count) fails, in the
// order above; empty when it may be submitted.
std::vector<RecordingRuleFailure> CheckSubmission(const ApplicationForm& form, int charter_items_present);

// InvalidArgument "the recording cannot be submitted: <rule>: <detail>; ..."
// naming every failure; OK when there is none.
Status SubmissionStatus(const std::vector<RecordingRuleFailure>& failures);

}  // namespace patnav::domain
