// The legal status the search index holds for given documents (LS= terms and
// the EX= slot; legal_status_terms.h), read back for the landscape's
// legal_status analysis without fetching the documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "base/status.h"

namespace patnav::index {

struct IndexedLegalFacts {
  // Parallel to the docids asked for: the state name indexed ("pending",
  // "in_force", "lapsed", ...; "" when none), static storage.
  std::vector<std::string_view> state;
  std::vector<uint32_t> expiry;  // YYYYMMDD; 0 when none
};

// `docids` ascending. NotFound (with the hint to run `patnav index`) when
// there is no index. A docid not in the index has no state.
Result<IndexedLegalFacts> IndexedLegalFactsOf(const std::filesystem::path& data_dir,
                                              std::span<const uint32_t> docids);
// The same from an open database. Throws what Xapian throws.
IndexedLegalFacts IndexedLegalFactsIn(const Xapian::Database& db, std::span<const uint32_t> docids);

}  // namespace patnav::index
