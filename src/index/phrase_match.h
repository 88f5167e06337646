// Exact phrases matched once per query with the wdfs of their terms, for
// the bitmap evaluation (match_set.h) and the ranked page (ranked_page.h).
// The documents are those of Xapian 1.4's OP_PHRASE with a window of the
// phrase's length (ExactPhrasePostList), the only phrase the query builder
// makes: some position p holds terms[i] at p + i for every i.
//
// The position check stays Xapian's matcher (unweighted, in docid order):
// it reads positions only for the documents holding every term, the term
// with the lowest wdf first, through one reusable B-tree cursor per term.
// A check of our own through the public API (PositionIterator) was 8 times
// slower: each list opened there re-reads the position table's blocks from
// the file (bench/README.md, "Phrase queries"). What one pass saves is the
// second match: the page is weighed from these hits, where the searcher
// used to run Xapian's matcher once for the page and once for the total.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace patnav::index {

struct PhraseHits {
  std::vector<std::string> terms;
  std::vector<Xapian::docid> docs;  // ascending
  // terms.size() per document: docs[i]'s wdf of terms[j] at i * terms.size() + j.
  std::vector<uint32_t> wdf;
};

// REQUIRES: terms.size() >= 2. Throws Xapian::Error.
PhraseHits MatchPhrase(const Xapian::Database& db, const std::vector<std::string>& terms);

class TextSegmentSet;  // text_segment_set.h

// The phrases one query has matched, by term sequence: a phrase searched by
// the hit set and weighed by the ranked page is matched once. With
// `segments` (of the revision `db` reads) phrases are matched there, where
// positions lie beside the postings (segment_match.h): the same documents
// and wdfs, read several times faster; a segment that cannot be read
// leaves the phrase to Xapian.
struct PhraseCache {
  std::map<std::vector<std::string>, PhraseHits> by_terms;
  const TextSegmentSet* segments = nullptr;
};

// The cached hits of `terms`, matched first if absent. Documents may
// include ones `db` no longer holds (a segment keeps a deleted document's
// text until it is merged): callers keep only documents of their revision.
// Throws Xapian::Error.
const PhraseHits& CachedPhrase(const Xapian::Database& db, const std::vector<std::string>& terms,
                               PhraseCache& cache);

}  // namespace patnav::index
