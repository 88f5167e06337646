// One stored publication as one Xapian document, laid out as index_schema.h
// says: positional text under each free-text prefix (each field once: the
// TAC field is asked as the three prefixes together), applicant/assignee and inventor
// names as words, boolean terms (id, applicant keys, country, kind, year,
// IPC and CPC at every level, cited publications), value slots (dates,
// counts, facet lists) and the document data (document_data.h).
//
// Deterministic: the same record, count and status always give the same document,
// which is what makes an incremental index equal to a rebuilt one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index/legal_status_terms.h"
#include "model/patent_record.h"

namespace patnav::index {

// Positions skipped between two fields, or two claims, sharing a prefix, so
// that a phrase or NEAR never spans them.
inline constexpr Xapian::termpos kFieldGap = 100;

// What a document carries beyond its terms and values. The index wants all
// of it; a matcher asking only boolean and word queries of a few records
// (record_query_matcher.h) skips positions and the data, the costly parts.
struct DocumentLayout {
  bool positions = true;  // false: free text without positions (no phrase or NEAR can match)
  bool data = true;       // false: no document data and no facet slots
};

// The document of `r`, cited by `forward_citations` stored publications,
// with its legal status when `status` is given (kLegalState terms, kExpiry).
// Never throws for any valid record (overlong terms are dropped or cut).
Xapian::Document BuildDocument(const PatentRecord& r, int64_t forward_citations,
                               const IndexedLegalStatus* status = nullptr, const DocumentLayout& layout = {});

// Every term BuildDocument(r, ...) holds (free text and boolean, without
// positions, values or data), as fn(term), in document order, repeats
// included: what a matcher answering boolean queries needs, at a fraction of
// the cost of a Xapian::Document. Without `description` the description's
// words are left out; with `status`, its legal-state terms are included.
void ForEachDocumentTerm(const PatentRecord& r, const std::function<void(const std::string& term)>& fn,
                         bool description = true, const IndexedLegalStatus* status = nullptr);

// The free text BuildDocument(r, ...) indexes with positions, as
// fn(text, prefix, &position): each non-empty text of each field in the
// document's order, *position already past the field's previous text by
// kFieldGap, left by fn at the last position it used (as IndexText does).
// Without `description` the description is left out. For an indexer that
// inverts the text itself (text_segment_writer.h).
void ForEachFreeText(const PatentRecord& r,
                     const std::function<void(std::string_view text, std::string_view prefix, Xapian::termpos* pos)>& fn,
                     bool description = true);

// prefix + value, the value cut (at a UTF-8 boundary) so that the term stays
// within Xapian's limit; "" when value is empty. Every boolean term is made
// by this, so the query side gets the same term for the same value.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// The grouping key of an applicant or assignee: its normalized key, or for a
// party without one (a person) NormalizeOrganisation of its name.
std::string ApplicantKey(const Party& p);

// The applicant keys the facet slot lists: those of the applicants, or of
// the assignees when no applicant has a key; in order, each once.
std::vector<std::string> FacetApplicantKeys(const PatentRecord& r);

// YYYYMMDD of an ISO date ("2015-01-06" -> 20150106), or -1 when `iso` is not
// YYYY-MM-DD.
int64_t DateNumber(std::string_view iso);

}  // namespace patnav::index
