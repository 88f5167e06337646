// Merging two records of the same publication (one patent from two sources,
// or the same file ingested twice) into one, with nothing duplicated.
//
// Rule: the richer record (more facts, see Richness) is the base; every fact
// it lacks is taken from the other. Titles and abstracts merge per language;
// classification symbols and citations are unions in first-seen order.
// MergeRecords(a, a) == a, and merging the same input again changes nothing,
// which is what makes re-ingest idempotent.
#pragma once

#include "model/patent_record.h"

namespace patnav {

// A score of how much a record says: filled fields, claims, parties, text.
int64_t Richness(const PatentRecord& r);

// Returns the merge of `existing` and `incoming` (same publication_number).
PatentRecord MergeRecords(const PatentRecord& existing, const PatentRecord& incoming);

// True when the two records hold the same facts (used to report "unchanged").
bool SameFacts(const PatentRecord& a, const PatentRecord& b);

}  // namespace patnav
