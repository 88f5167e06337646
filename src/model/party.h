// Applicants, assignees and inventors: person names in "Last, First" form,
// and for organisations a grouping key and a type, so that "ACME Corp.",
// "Acme Corporation" and "ACME CORP" count as one applicant, and 宁德时代新能源
// 科技股份有限公司 groups without its legal form.
#pragma once

#include <string>
#include <string_view>

#include "model/patent_record.h"

namespace patnav {

// Grouping key: upper-case, punctuation removed, legal-form words (Inc.,
// Corporation, Co., Ltd., GmbH, Kabushiki Kaisha, 有限公司, 股份有限公司, ...)
// and a leading "The" dropped, whitespace collapsed. Chinese text keeps its
// characters; full-width punctuation is removed too.
std::string NormalizeOrganisation(std::string_view name);

// Type from the name's words (大学, University -> university; 研究院, Institute
// -> research_institute; Hospital, 医院 -> hospital; Co., Ltd., 公司 -> company).
// An organisation with no telling word is a company.
PartyType ClassifyOrganisation(std::string_view name);

// A person from separate name parts; name becomes "Last, First".
Party MakePerson(std::string_view last, std::string_view first);
// A person from "First Middle Last" (Google Patents, PatentsView) or
// "Last, First"; a CJK name without spaces is kept whole as the last name.
Party PersonFromFullName(std::string_view full);
// An organisation: name as published, normalized key and type filled.
Party MakeOrganisation(std::string_view name);
// A party of unknown kind (a CSV cell): an organisation when its words say so,
// otherwise a person.
Party PartyFromName(std::string_view name);

}  // namespace patnav
