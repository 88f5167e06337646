// Xapian exceptions become Status at the index module's edge: a query the
// user got wrong is InvalidArgument, a missing index NotFound, a damaged one
// Corruption, one written by a newer Xapian Unsupported, anything else of the
// database IOError.
#pragma once

#include <string_view>

#include <xapian.h>

#include "base/status.h"

namespace patnav::index {

// `context` (e.g. "search") starts the message: "search: <Xapian's message>".
Status StatusFromXapian(const Xapian::Error& e, std::string_view context);

// fn(), a Result<T>, read from `db`; when a writer committed meanwhile
// (DatabaseModifiedError) `db` is reopened on the latest revision and fn
// runs again, three attempts in all. Other Xapian errors become a Status.
template <typename Fn>
auto ReadFreshly(Xapian::Database& db, std::string_view context, Fn&& fn) -> decltype(fn()) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kAttempts) return StatusFromXapian(e, context);
      db.reopen();
    } catch (const Xapian::Error& e) {
      return StatusFromXapian(e, context);
    }
  }
}

}  // namespace patnav::index
