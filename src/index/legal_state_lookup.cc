// IndexedLegalFactsOf (legal_state_lookup.h).
#include "index/legal_state_lookup.h"

#include <algorithm>
#include <string>

#include <xapian.h>

#include "index/index_schema.h"
#include "index/patent_index.h"
#include "index/xapian_status.h"

namespace patnav::index {

namespace {

// Every state term the document builder writes besides its group term
// ("pending" is both).
constexpr std::string_view kStates[] = {"pending", "in_force", "lapsed", "expired", "revoked", "withdrawn", "refused"};

Xapian::docid DocidOf(const Xapian::PostingIterator& it) { return *it; }
Xapian::docid DocidOf(const Xapian::ValueIterator& it) { return it.get_docid(); }

// Calls fn(position in docids, it) for each docid of `docids` found in `it`'s
// list: by skipping through the list when `docids` is the shorter, else by
// walking the list and searching `docids`.
template <typename Iterator, typename Fn>
void Intersect(Iterator it, Iterator end, Xapian::doccount list_size, std::span<const uint32_t> docids, Fn fn) {
  if (docids.size() < list_size) {
    for (size_t i = 0; i < docids.size() && it != end; ++i) {
      it.skip_to(docids[i]);
      if (it != end && DocidOf(it) == docids[i]) fn(i, it);
    }
    return;
  }
  for (; it != end; ++it) {
    auto at = std::lower_bound(docids.begin(), docids.end(), DocidOf(it));
    if (at != docids.end() && *at == DocidOf(it)) fn(static_cast<size_t>(at - docids.begin()), it);
  }
}

}  // namespace

IndexedLegalFacts IndexedLegalFactsIn(const Xapian::Database& db, std::span<const uint32_t> docids) {
  IndexedLegalFacts facts;
  facts.state.assign(docids.size(), std::string_view());
  facts.expiry.assign(docids.size(), 0);
  for (std::string_view state : kStates) {
    const std::string term = std::string(kLegalState) + std::string(state);
    Intersect(db.postlist_begin(term), db.postlist_end(term), db.get_termfreq(term), docids,
              [&](size_t i, const Xapian::PostingIterator&) { facts.state[i] = state; });
  }
  Intersect(db.valuestream_begin(kExpiry), db.valuestream_end(kExpiry), db.get_value_freq(kExpiry), docids,
            [&](size_t i, const Xapian::ValueIterator& v) {
              facts.expiry[i] = static_cast<uint32_t>(Xapian::sortable_unserialise(*v));
            });
  return facts;
}

Result<IndexedLegalFacts> IndexedLegalFactsOf(const std::filesystem::path& data_dir,
                                              std::span<const uint32_t> docids) {
  ASSIGN_OR_RETURN(PatentIndex index, PatentIndex::OpenForReading(data_dir));
  Xapian::Database db = index.db();
  return ReadFreshly(db, "search index",
                     [&]() -> Result<IndexedLegalFacts> { return IndexedLegalFactsIn(db, docids); });
}

}  // namespace patnav::index
