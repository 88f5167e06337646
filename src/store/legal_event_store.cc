// The store's legal events (tables legal_event, legal_event_source,
// legal_event_party; see docs/formats/store.md): idempotent puts keyed by
// EventKey, reads by patent, in storage order and of the ownership
// transactions in a window of dates.
#include <map>

#include "store/sqlite_store.h"

namespace patnav {

Status SqliteStore::PrepareEventStatements() {
  struct Item {
    Statement* s;
    const char* sql;
  };
  for (const Item& i : {
           Item{&find_event_, "SELECT id, effective_date FROM legal_event WHERE event_key = ?1"},
           Item{&insert_event_,
                "INSERT INTO legal_event(event_key, subject, application_number, territory, event_date, "
                "effective_date, inpadoc_office, inpadoc_code, event_class, influence, reference, conveyance) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
           Item{&insert_event_party_,
                "INSERT INTO legal_event_party(event_id, seq, role, name, date, address) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
           Item{&fill_event_effective_, "UPDATE legal_event SET effective_date = ?2 WHERE id = ?1"},
           Item{&insert_event_source_,
                "INSERT OR IGNORE INTO legal_event_source(event_id, format, code, text) VALUES (?1, ?2, ?3, ?4)"},
       }) {
    ASSIGN_OR_RETURN(*i.s, db_->Prepare(i.sql));
  }
  return Status::OK();
}

Result<bool> SqliteStore::PutLegalEvent(const LegalEvent& e) {
  if (!batch_open_) return Status::InvalidArgument("PutLegalEvent: no batch open");
  if (!batch_error_.ok()) return batch_error_;
  if (std::string problem = LegalEventProblem(e); !problem.empty())
    return Status::InvalidArgument("legal event of " + e.subject + " on " + e.event_date + ": " + problem);
  if (!prepared_events_) {
    RETURN_IF_ERROR(PrepareEventStatements());
    prepared_events_ = true;
  }
  auto fail = [&](Status st) {
    batch_error_ = st;
    return st;
  };
  const std::string key = EventKey(e);
  int64_t id = 0;
  bool fresh = false;
  {
    ScopedReset reset(find_event_);
    find_event_.BindText(1, key);
    Result<bool> row = find_event_.Step();
    if (!row.ok()) return fail(row.status());
    if (*row) {
      id = find_event_.ColumnInt64(0);
      bool no_effective = find_event_.ColumnIsNull(1);
      find_event_.Reset();
      if (no_effective && !e.effective_date.empty()) {
        ScopedReset r2(fill_event_effective_);
        fill_event_effective_.BindInt64(1, id);
        fill_event_effective_.BindText(2, e.effective_date);
        if (Status st = fill_event_effective_.Run(); !st.ok()) return fail(st);
      }
    }
  }
  if (id == 0) {
    Statement& s = insert_event_;
    ScopedReset reset(s);
    s.BindText(1, key);
    s.BindText(2, e.subject);
    s.BindTextOrNull(3, e.application_number);
    s.BindText(4, e.territory);
    s.BindText(5, e.event_date);
    s.BindTextOrNull(6, e.effective_date);
    s.BindTextOrNull(7, e.inpadoc_office);
    s.BindTextOrNull(8, e.inpadoc_code);
    s.BindTextOrNull(9, e.event_class == ' ' ? std::string_view() : std::string_view(&e.event_class, 1));
    s.BindTextOrNull(10, e.influence == ' ' ? std::string_view() : std::string_view(&e.influence, 1));
    s.BindTextOrNull(11, e.reference);
    s.BindTextOrNull(12, e.conveyance);
    if (Status st = s.Run(); !st.ok()) return fail(st);
    id = db_->LastInsertRowid();
    fresh = true;
    // Parties are facts of the event: written once, with the event.
    for (size_t i = 0; i < e.parties.size(); ++i) {
      const LegalEventParty& p = e.parties[i];
      Statement& ps = insert_event_party_;
      ScopedReset r3(ps);
      ps.BindInt64(1, id);
      ps.BindInt64(2, static_cast<int64_t>(i));
      ps.BindText(3, p.role);
      ps.BindText(4, p.name);
      ps.BindTextOrNull(5, p.date);
      ps.BindTextOrNull(6, p.address);
      if (Status st = ps.Run(); !st.ok()) return fail(st);
    }
  }
  for (const LegalEventSource& src : e.sources) {
    Statement& s = insert_event_source_;
    ScopedReset reset(s);
    s.BindInt64(1, id);
    s.BindText(2, src.format);
    s.BindText(3, src.code);
    s.BindText(4, src.text);
    if (Status st = s.Run(); !st.ok()) return fail(st);
  }
  return fresh;
}

namespace {

// The event of the current row of a statement selecting (id, subject,
// application_number, territory, event_date, effective_date,
// inpadoc_office, inpadoc_code, event_class, influence, source format,
// code, text, reference, conveyance), without its sources and parties.
LegalEvent EventOfRow(const Statement& s) {
  LegalEvent e;
  e.subject = s.ColumnText(1);
  e.application_number = s.ColumnText(2);
  e.territory = s.ColumnText(3);
  e.event_date = s.ColumnText(4);
  e.effective_date = s.ColumnText(5);
  e.inpadoc_office = s.ColumnText(6);
  e.inpadoc_code = s.ColumnText(7);
  std::string_view c = s.ColumnText(8), i = s.ColumnText(9);
  e.event_class = c.empty() ? ' ' : c[0];
  e.influence = i.empty() ? ' ' : i[0];
  e.reference = s.ColumnText(13);
  e.conveyance = s.ColumnText(14);
  return e;
}

}  // namespace

Result<std::vector<LegalEvent>> SqliteStore::LegalEventsOf(std::string_view subject,
                                                           std::string_view application_number) {
  std::vector<LegalEvent> out;
  RETURN_IF_ERROR(InSnapshot([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s,
                     db_->Prepare("SELECT e.id, e.subject, e.application_number, e.territory, e.event_date, "
                                  "e.effective_date, e.inpadoc_office, e.inpadoc_code, e.event_class, e.influence, "
                                  "s.format, s.code, s.text, e.reference, e.conveyance "
                                  "FROM legal_event e JOIN legal_event_source s ON s.event_id = e.id "
                                  "WHERE e.subject = ?1 OR (?2 <> '' AND e.application_number = ?2) "
                                  "ORDER BY e.event_date, e.id, s.format, s.code"));
    s.BindText(1, subject);
    s.BindText(2, application_number);
    int64_t last_id = -1;
    std::vector<int64_t> ids;  // ids[i] is out[i]'s row
    for (;;) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      int64_t id = s.ColumnInt64(0);
      if (id != last_id) {
        out.push_back(EventOfRow(s));
        ids.push_back(id);
        last_id = id;
      }
      out.back().sources.push_back(
          {std::string(s.ColumnText(10)), std::string(s.ColumnText(11)), std::string(s.ColumnText(12))});
    }
    // Parties, only for the events that may have them: ownership transactions
    // (a reference or a conveyance: an EP Register applicant change has no
    // reel/frame) and reviews (class L: an opposition's opponents).
    ASSIGN_OR_RETURN(Statement p, db_->Prepare("SELECT role, name, date, address FROM legal_event_party "
                                               "WHERE event_id = ?1 ORDER BY seq"));
    for (size_t k = 0; k < out.size(); ++k) {
      if (out[k].reference.empty() && out[k].conveyance.empty() && out[k].event_class != 'L') continue;
      ScopedReset reset(p);
      p.BindInt64(1, ids[k]);
      for (;;) {
        ASSIGN_OR_RETURN(bool row, p.Step());
        if (!row) break;
        out[k].parties.push_back({std::string(p.ColumnText(0)), std::string(p.ColumnText(1)),
                                  std::string(p.ColumnText(2)), std::string(p.ColumnText(3))});
      }
    }
    return Status::OK();
  }));
  return out;
}

Result<int64_t> SqliteStore::LegalEventCount() { return db_->QueryInt64("SELECT count(*) FROM legal_event"); }

Result<int64_t> SqliteStore::LastLegalEventId() {
  return db_->QueryInt64("SELECT coalesce(max(id), 0) FROM legal_event");
}

namespace {

// The events of `s` (bound; columns as the two readers below select them,
// one row per source, an event's rows together), each with its parties as
// LegalEventsOf reads them, to fn until it returns false.
Status StreamEvents(SqliteDb& db, Statement& s, const std::function<bool(int64_t id, const LegalEvent&)>& fn) {
  ASSIGN_OR_RETURN(Statement p, db.Prepare("SELECT role, name, date, address FROM legal_event_party "
                                           "WHERE event_id = ?1 ORDER BY seq"));
  int64_t current_id = -1;
  LegalEvent current;
  // Parties as LegalEventsOf reads them: only for ownership transactions
  // and reviews.
  auto deliver = [&]() -> Result<bool> {
    if (!current.reference.empty() || !current.conveyance.empty() || current.event_class == 'L') {
      ScopedReset reset_parties(p);
      p.BindInt64(1, current_id);
      for (;;) {
        ASSIGN_OR_RETURN(bool row, p.Step());
        if (!row) break;
        current.parties.push_back({std::string(p.ColumnText(0)), std::string(p.ColumnText(1)),
                                   std::string(p.ColumnText(2)), std::string(p.ColumnText(3))});
      }
    }
    return fn(current_id, current);
  };
  for (;;) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) {
      if (current_id >= 0) RETURN_IF_ERROR(deliver().status());
      break;
    }
    const int64_t id = s.ColumnInt64(0);
    if (id != current_id) {
      if (current_id >= 0) {
        ASSIGN_OR_RETURN(bool more, deliver());
        if (!more) return Status::OK();
      }
      current = EventOfRow(s);
      current_id = id;
    }
    current.sources.push_back(
        {std::string(s.ColumnText(10)), std::string(s.ColumnText(11)), std::string(s.ColumnText(12))});
  }
  return Status::OK();
}

constexpr const char* kEventColumns =
    "SELECT e.id, e.subject, e.application_number, e.territory, e.event_date, e.effective_date, e.inpadoc_office, "
    "e.inpadoc_code, e.event_class, e.influence, s.format, s.code, s.text, e.reference, e.conveyance "
    "FROM legal_event e JOIN legal_event_source s ON s.event_id = e.id ";

}  // namespace

Status SqliteStore::ForEachLegalEventSince(int64_t after, int64_t through,
                                           const std::function<bool(int64_t id, const LegalEvent&)>& fn) {
  return InSnapshot([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s, db_->Prepare(std::string(kEventColumns) +
                                               "WHERE e.id > ?1 AND e.id <= ?2 ORDER BY e.id, s.format, s.code"));
    ScopedReset reset(s);
    s.BindInt64(1, after);
    s.BindInt64(2, through);
    return StreamEvents(*db_, s, fn);
  });
}

Status SqliteStore::ForEachTransferBetween(std::string_view from, std::string_view to,
                                           const std::function<bool(int64_t id, const LegalEvent&)>& fn) {
  return InSnapshot([&]() -> Status {
    ASSIGN_OR_RETURN(Statement s,
                     db_->Prepare(std::string(kEventColumns) +
                                  "WHERE e.conveyance IS NOT NULL AND e.event_date >= ?1 AND e.event_date <= ?2 "
                                  "ORDER BY e.event_date, e.id, s.format, s.code"));
    ScopedReset reset(s);
    s.BindText(1, from);
    s.BindText(2, to);
    return StreamEvents(*db_, s, fn);
  });
}

}  // namespace patnav
