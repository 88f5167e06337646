// Legal status for the search index (index_status.h).
#include "domain/index_status.h"

#include "domain/patent_status.h"

namespace patnav::domain {

std::optional<index::IndexedLegalStatus> IndexedStatusOf(const PatentRecord& record,
                                                          const std::vector<LegalEvent>& events,
                                                          std::string_view as_of) {
  PatentStatus st = EvaluatePatentStatus(record, events, "", as_of, StatusDetail::kStateOnly);
  if (st.state == LegalState::kUnknown && st.expiry.empty()) return std::nullopt;
  return index::IndexedLegalStatus{LegalStateName(st.state), st.expiry};
}

Result<std::vector<LegalEvent>> EventsForStatus(PatentStore& store, const PatentRecord& record) {
  ASSIGN_OR_RETURN(std::vector<LegalEvent> events,
                   store.LegalEventsOf(record.country + record.doc_number, record.application_number));
  std::erase_if(events, [&](const LegalEvent& e) { return !e.subject.starts_with(record.country); });
  return events;
}

Result<IndexStatusSource> OpenIndexStatusSource(const std::filesystem::path& dir, std::string as_of) {
  StoreOptions options;
  options.dir = dir;
  options.create_if_missing = false;
  options.cache_bytes = int64_t{16} << 20;
  IndexStatusSource source;
  ASSIGN_OR_RETURN(source.events, PatentStore::Open(options));
  PatentStore* store = source.events.get();
  source.fn = [store, as_of = std::move(as_of)](const PatentRecord& r) -> std::optional<index::IndexedLegalStatus> {
    Result<std::vector<LegalEvent>> events = EventsForStatus(*store, r);
    return IndexedStatusOf(r, events.ok() ? *events : std::vector<LegalEvent>{}, as_of);
  };
  return source;
}

}  // namespace patnav::domain
