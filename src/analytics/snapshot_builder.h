// Building the snapshot: from any stream of (publication id, record) in
// ascending id order — the store (BuildSnapshot), or records made in memory
// (tests, the benchmark).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analytics/snapshot.h"
#include "base/status.h"
#include "store/patent_store.h"

namespace patnav::analytics {

class SnapshotBuilder {
 public:
  // with_text: keep titles and title terms (SnapshotText).
  explicit SnapshotBuilder(bool with_text);

  // Adds one publication. REQUIRES: ids strictly ascending, 0 < id < 2^32.
  void Add(int64_t id, const PatentRecord& r);
  // Resolves the citations, builds the forward adjacency and seals the
  // dictionaries. The builder is spent afterwards.
  Snapshot Finish();

 private:
  Snapshot s_;
  Dictionary numbers_;                // publication and cited numbers
  std::vector<uint32_t> row_of_number_;  // numbers_ id -> row, UINT32_MAX when not a stored publication
  MultiColumn cited_numbers_;         // per row: numbers_ ids it cites
};

// Title terms as emerging_terms counts them: Words() of the index's analyser,
// lower-cased; words of at least 3 letters that are not stopwords and do not
// start with a digit; a CJK run gives its character bigrams (a lone CJK
// character gives nothing). Distinct, in byte order.
std::vector<std::string> TitleTerms(std::string_view title);

struct BuildOptions {
  bool with_text = true;
  // Called now and then with (publications read, publications in the store).
  std::function<void(int64_t done, int64_t total)> progress;
};

// Reads every publication of the store (without descriptions) into a
// snapshot stamped with the store's id and last change sequence.
Result<Snapshot> BuildSnapshot(PatentStore& store, const BuildOptions& options = {});

}  // namespace patnav::analytics
