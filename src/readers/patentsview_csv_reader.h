// PatentsView exports (US grants): CSV or TSV whose header holds
// patent_number (or patent_id) and patent_title / patent_abstract /
// patent_date, plus any of the optional PatentsView columns below. Columns
// are found by name; unknown columns are ignored.
//
//   patent_number|patent_id  -> US + doc_number (RE36823, H2215, 10002222)
//   patent_title, patent_abstract -> title/abstract "en"
//   patent_date              -> publication_date and grant_date
//   patent_kind              -> kind (when present and not empty)
//   patent_type              -> helps choose the kind (see PatentsViewKind)
//   app_number, app_date     -> application_number, filing_date
//   assignee_organization, assignee_first_name/assignee_last_name,
//   assignee_country/assignee_city -> applicants and assignees
//   inventor_first_name/inventor_last_name (or inventor_name_first/_last),
//   inventor_country/inventor_city -> inventors
//   cpc_subgroup_id|cpc_group_id -> cpc; ipc_section/ipc_class/ipc_subclass/
//   ipc_main_group/ipc_subgroup -> ipc; uspc_subclass_id -> national_classes
//   patent_num_claims|num_claims -> claims_count
//
// PatentsView query exports repeat a patent on consecutive rows, one per
// inventor/assignee/classification: such rows are merged into one record
// (doc_index is the line of its first row). Some exports quote text twice
// (`"""Barometer"" neuron"` decodes to `"Barometer" neuron` wrapped in quotes
// once more); a value wrapped in quotes whose inner quotes are all doubled is
// unwrapped once.
//
// Kind convention. PatentsView numbers carry no kind, and US utility grants
// since 2001-01-02 are B1 or B2 depending on facts the export does not have.
// Without a patent_kind column this reader uses PatentsViewKind: "A" for
// utility grants before 2001-01-02 (exact: all were kind A), "B" for later
// ones (a placeholder meaning "B1 or B2"), "E" reissues, "H" SIRs, "S"
// designs, "P" plants. So 10002222 becomes US10002222B, which the store must
// merge with US10002222B2 from USPTO XML: same country + doc_number, and a
// one-letter kind equal to the first letter of the other kind.
//
// Rejected rows: empty or unparsable patent_number, a column count unlike the
// header's, invalid UTF-8, CSV syntax errors.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "readers/reader.h"

namespace patnav {

// A streaming reader; source.format is "patentsview-csv".
std::unique_ptr<Reader> NewPatentsViewReader();

// True when the first non-blank line of `head` is a CSV/TSV header naming
// patent_number (or patent_id) and one of patent_title, patent_abstract,
// patent_date.
bool LooksLikePatentsView(std::string_view head);

// The kind code convention above. `doc_number` is in DOCDB form, `grant_date`
// ISO or empty, `patent_type` the PatentsView patent_type or empty.
std::string PatentsViewKind(std::string_view doc_number, std::string_view grant_date, std::string_view patent_type);

}  // namespace patnav
