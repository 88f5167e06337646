// The search index's layout: which Xapian term prefixes and value slots hold
// which canonical fields. The indexer writes exactly this, the query
// language reads exactly this; docs/formats/index.md is its prose form and
// kIndexFormatVersion changes whenever either changes.
//
// Free text (title, abstract, claims, description, names) is analysed by
// text_analysis.h: English words lower-cased and stemmed (Xapian "english"
// stemmer, stemmed terms carry Xapian's "Z" convention), Chinese/Japanese/
// Korean text as character unigrams and bigrams with positions, so that
// 锂电池 and 锂 电池 both find 锂电池 and a phrase keeps its order.
#pragma once

#include <string_view>

namespace patnav::index {

inline constexpr int kIndexFormatVersion = 4;  // 2: title/abstract/claims no longer repeated unprefixed; 3: legal status; 4: text segments

// ---- Free-text prefixes (positional) ----
// Each text field is indexed once, under its own prefix. Plain query words
// (TAC: title + abstract + claims) search the three prefixes as one Xapian
// OP_SYNONYM, so BM25 weighs a word of TAC as one term, as it would weigh an
// unprefixed copy, without the index holding that copy (which cost 40% of
// indexing time and a third of the index size).
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAbstract = "XAB";
inline constexpr std::string_view kClaims = "XCL";
inline constexpr std::string_view kDescription = "XDE";
// The fields plain words (TAC=) and FT= search.
inline constexpr std::string_view kTacPrefixes[] = {kTitle, kAbstract, kClaims};
inline constexpr std::string_view kFullTextPrefixes[] = {kTitle, kAbstract, kClaims, kDescription};
inline constexpr std::string_view kApplicantText = "XPA";  // words of applicant and assignee names as published
inline constexpr std::string_view kInventorText = "XIN";   // words of inventor names

// ---- Boolean prefixes (not positional, not weighted) ----
inline constexpr std::string_view kId = "Q";               // Q + publication_number: one document per publication
inline constexpr std::string_view kApplicantKey = "XPK";   // XPK + normalized key, e.g. "XPKSAMSUNG ELECTRONICS"
inline constexpr std::string_view kCountry = "XCC";        // XCCUS
inline constexpr std::string_view kKind = "XKD";           // XKDB2
// Classification at every level of "H01M 10/0525": section H, class H01,
// subclass H01M, main group H01M10, group H01M10/0525 (no spaces).
inline constexpr std::string_view kIpc = "XIPC";
inline constexpr std::string_view kCpc = "XCPC";
inline constexpr std::string_view kYear = "XPY";           // publication year, XPY2015
inline constexpr std::string_view kCitation = "XCI";       // a cited publication as stored (citation.cited_number), XCIUS5123456A
// Legal status at indexing (legal_status_terms.h): the group and the state,
// XLSlive + XLSin_force, XLSdead + XLSlapsed, XLSpending + XLSpending.
inline constexpr std::string_view kLegalState = "XLS";

// ---- Value slots ----
// Dates are Xapian::sortable_serialise(YYYYMMDD as a number); counts are
// sortable_serialise(count). Multi-valued facet slots hold a list of strings
// encoded by facet_values.h.
enum Slot : unsigned {
  kPublicationDate = 0,
  kFilingDate = 1,
  kPriorityDate = 2,
  kForwardCitations = 3,
  kClaimsCount = 4,
  kFacetApplicants = 5,     // normalized applicant keys (assignees when no applicant has one)
  kFacetCountry = 6,        // country code
  kFacetIpcSubclasses = 7,  // distinct IPC subclasses, e.g. H01M
  kFacetYear = 8,           // publication year, "2015"
  kGrantDate = 9,
  kExpiry = 10,  // the status engine's expected expiry at indexing
};

}  // namespace patnav::index
