// The legal status the search index is built with (LS= and EX= in the query
// language, index/legal_status_terms.h), from the status engine
// (patent_status.h): each publication's state in its own country on the
// day of indexing, and its expected expiry.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/legal_status_terms.h"
#include "model/legal_event.h"
#include "model/patent_record.h"
#include "store/patent_store.h"

namespace patnav::domain {

// The indexed status of `record` on `as_of` (ISO) from its events; nullopt
// when the engine cannot tell (state unknown and no expiry).
std::optional<index::IndexedLegalStatus> IndexedStatusOf(const PatentRecord& record,
                                                          const std::vector<LegalEvent>& events,
                                                          std::string_view as_of);

// The events the status of `record` rests on: those of its subject and
// application number, of its own office only (bare application numbers of
// different offices collide: EP 10167109, US 10/167,109).
Result<std::vector<LegalEvent>> EventsForStatus(PatentStore& store, const PatentRecord& record);

// What an index update needs to index legal status: a second connection to
// the store (the index reads publications through the first while building
// documents, and a store may not be called back from its own iteration) and
// the function reading events through it. Move-only; `fn` is valid while the
// source lives and is called by one thread at a time.
struct IndexStatusSource {
  std::unique_ptr<PatentStore> events;
  index::LegalStatusFn fn;
};

// Opens the source for the store in `dir`, evaluating on `as_of` (ISO).
// NotFound when there is no store there.
Result<IndexStatusSource> OpenIndexStatusSource(const std::filesystem::path& dir, std::string as_of);

}  // namespace patnav::domain
